/**
 * Slack's side of Socket Mode (DOC https://docs.slack.dev/apis/events-api/using-socket-mode):
 *  - `apps.connections.open` mints a one-time URL `ws://<sandbox>/link/?ticket=…&app_id=…` (`openUrl`);
 *  - the WebSocket upgrade on the sandbox's http server is accepted for a fresh ticket (the `ws` library's
 *    `WebSocketServer` in `noServer` mode does the RFC 6455 work: handshake, framing, pongs), and Slack's
 *    `hello` is sent: `{"type":"hello","num_connections":N,"debug_info":{host,build_number,
 *    approximate_connection_time},"connection_info":{"app_id":…}}` (fields and order as in python-slack-sdk's
 *    socket-mode test data; `&debug_reconnects=true` gives 360 s instead of 18060 s, as the guide says);
 *  - "up to 10 open WebSocket connections"; "each payload may be sent to any of the connections" —
 *    here round-robin over the live ones. An 11th connection gets `disconnect` / `too_many_websockets`
 *    and no hello (OBS: reason seen in Slack's own node-slack-sdk tests and in the wild; not documented);
 *  - envelopes go out on a live connection and the app's `{"envelope_id", "payload"?}` ack is matched
 *    back by envelope_id, from whichever of the app's connections it arrives on;
 *  - `disconnect` messages (`warning`, `refresh_requested`, `link_disabled`): after anything but a
 *    warning the connection gets no new envelopes and is closed if the app has not closed it within
 *    `refreshGraceMs`; the app reconnects through `apps.connections.open`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { isObject } from '../block-kit/problem.ts';
import type { Store } from '../state/store.ts';
import { waitFor } from '../state/wait-for.ts';
import { rejectUpgrade } from './reject-upgrade.ts';

/** "Socket Mode allows your app to maintain up to 10 open WebSocket connections at the same time." */
export const MAX_SOCKET_CONNECTIONS = 10;
/** The guide's `approximate_connection_time` (seconds) seen in real hellos, and with `debug_reconnects=true`. */
const CONNECTION_TIME_S = 18060;
const DEBUG_CONNECTION_TIME_S = 360;
/** Far above anything Slack's clients send (acks with a modal view are a few tens of kB). */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** After the sandbox sends a close frame, how long the app has to answer with its own. */
const CLOSE_GRACE_MS = 1000;

export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled' | 'too_many_websockets';

/** One Socket Mode connection as tests see it. */
export interface SocketConnectionInfo {
  id: number;
  /** The URL the app connected to (from apps.connections.open). */
  url: string;
  /** `open`: gets envelopes; `draining`: told to disconnect, gets none; `closed`. */
  state: 'open' | 'draining' | 'closed';
  /** Whether Slack's `hello` was sent (not for a connection over the limit). */
  hello: boolean;
  openedAt: number;
  closedAt?: number;
  /** The WebSocket close code (1000 when the app closed cleanly, 1006 when the TCP connection dropped). */
  closeCode?: number;
  /** `disconnect` reasons sent on this connection, oldest first. */
  disconnects: DisconnectReason[];
  envelopes: number;
  acks: number;
}

/** A message from the app that was not an ack of a pending envelope (unknown/late envelope_id, not JSON…). */
export interface StrayMessage {
  connectionId: number;
  text: string;
  reason: 'not_json' | 'no_envelope_id' | 'unknown_envelope_id';
}

export interface EnvelopeDelivery {
  /** The connection that carried the envelope; undefined when no live connection came in time. */
  connection?: SocketConnectionInfo;
  /** The app's ack message `{ envelope_id, payload? }`, if it came within `timeoutMs`. */
  ack?: Record<string, unknown>;
  /** From sending the envelope to receiving its ack (or giving up). */
  latencyMs: number;
  /** How long the envelope waited for a live connection before it was sent. */
  waitedMs: number;
  error?: string;
}

interface Connection {
  info: SocketConnectionInfo;
  ws: WebSocket;
  graceTimer?: NodeJS.Timeout;
}

export interface SocketModeOptions {
  store: Store;
  /** `http://127.0.0.1:<port>` of the sandbox. */
  baseUrl(): string;
  /** How long a connection told to disconnect may stay open before the sandbox closes it. Default 10 s. */
  refreshGraceMs?: number;
}

export class SocketModeServer {
  private readonly tickets = new Set<string>();
  private readonly conns: Connection[] = [];
  /** Envelopes waiting for their ack: settle with the ack, or undefined on timeout/shutdown. */
  private readonly pending = new Map<string, (ack: Record<string, unknown> | undefined) => void>();
  private readonly strays: StrayMessage[] = [];
  private nextId = 0;
  private turn = 0;
  /** No permessage-deflate (RFC 6455 §9.1 lets a server decline it), no subprotocols. */
  private readonly wss = new WebSocketServer({ noServer: true, clientTracking: false, perMessageDeflate: false, maxPayload: MAX_MESSAGE_BYTES });

  constructor(private readonly options: SocketModeOptions) {}

  /** A fresh one-time WebSocket URL (what `apps.connections.open` returns). */
  openUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    const base = this.options.baseUrl().replace(/^http/, 'ws');
    return `${base}/link/?ticket=${ticket}&app_id=${encodeURIComponent(this.options.store.bot.appId)}`;
  }

  /** Handles an HTTP upgrade; false when the path is not Socket Mode's `/link/`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    if (url.pathname !== '/link/' && url.pathname !== '/link') return false;
    const ticket = url.searchParams.get('ticket') ?? '';
    // UNVERIFIED: what Slack answers for an unknown or reused ticket; tickets are single use here.
    if (!this.tickets.delete(ticket)) {
      rejectUpgrade(socket, 401, 'Unauthorized', 'invalid_ticket');
      return true;
    }
    // `ws` answers 400 itself when the request is not a valid WebSocket upgrade.
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.adopt(ws, `${this.options.baseUrl().replace(/^http/, 'ws')}${req.url ?? ''}`, url.searchParams.get('debug_reconnects') === 'true');
    });
    return true;
  }

  /** Every connection so far (closed ones too), oldest first. */
  connections(): SocketConnectionInfo[] {
    return this.conns.map((c) => structuredClone(c.info));
  }

  /** Live connections: hello sent, not told to disconnect, not closed. */
  liveCount(): number {
    return this.live().length;
  }

  /** Resolves once at least `count` live connections exist. */
  async waitForConnection(timeoutMs = 5000, count = 1): Promise<SocketConnectionInfo> {
    await waitFor(this.options.store, () => this.live().length >= count, timeoutMs, `${count} live Socket Mode connection(s)`);
    return structuredClone(this.live().at(-1)!.info);
  }

  /**
   * Sends `disconnect` with `reason` on every live connection (or one). Anything but `warning` also stops
   * new envelopes on it and closes it after the grace period if the app does not. Returns how many were told.
   */
  disconnect(reason: DisconnectReason, options: { connectionId?: number } = {}): number {
    const targets = this.conns.filter((c) => c.info.state !== 'closed' && c.info.hello && (options.connectionId === undefined || c.info.id === options.connectionId));
    for (const conn of targets) this.sendDisconnect(conn, reason);
    this.options.store.changed();
    return targets.length;
  }

  /** Drops the TCP connections without a closing handshake (a network failure; the app sees code 1006). */
  dropConnections(): number {
    const open = this.conns.filter((c) => c.info.state !== 'closed');
    for (const conn of open) {
      conn.ws.terminate();
      this.closed(conn, 1006);
    }
    return open.length;
  }

  /** Messages from the app that were not acks of a pending envelope. */
  strayMessages(): StrayMessage[] {
    return this.strays.map((s) => ({ ...s }));
  }

  /**
   * Sends one envelope on a live connection (waiting up to `timeoutMs` for one) and waits up to
   * `timeoutMs` for its ack.
   */
  async deliver(envelope: Record<string, unknown>, timeoutMs: number): Promise<EnvelopeDelivery> {
    const envelopeId = String(envelope.envelope_id);
    const waitStart = performance.now();
    const conn = await this.pickConnection(timeoutMs);
    const waitedMs = performance.now() - waitStart;
    if (!conn) return { latencyMs: 0, waitedMs, error: `no live Socket Mode connection within ${timeoutMs} ms (has the app called apps.connections.open?)` };
    const acked = new Promise<Record<string, unknown> | undefined>((resolve) => {
      const settle = (ack: Record<string, unknown> | undefined): void => {
        clearTimeout(timer);
        this.pending.delete(envelopeId);
        resolve(ack);
      };
      const timer = setTimeout(() => settle(undefined), timeoutMs);
      this.pending.set(envelopeId, settle);
    });
    const started = performance.now();
    conn.info.envelopes += 1;
    send(conn.ws, envelope);
    const ack = await acked;
    const latencyMs = performance.now() - started;
    const info = structuredClone(conn.info);
    if (!ack) return { connection: info, latencyMs, waitedMs, error: `no ack for envelope ${envelopeId} within ${timeoutMs} ms` };
    return { connection: info, ack, latencyMs, waitedMs };
  }

  /** Closes every connection (sandbox shutdown): close frame 1001 "going away", then the socket. */
  close(): void {
    for (const settle of [...this.pending.values()]) settle(undefined);
    for (const conn of this.conns) {
      clearTimeout(conn.graceTimer);
      if (conn.info.state === 'closed') continue;
      conn.ws.close(1001, 'going away');
      conn.ws.terminate();
      this.closed(conn, 1001);
    }
    this.tickets.clear();
  }

  private live(): Connection[] {
    return this.conns.filter((c) => c.info.state === 'open' && c.info.hello && c.ws.readyState === WebSocket.OPEN);
  }

  private async pickConnection(timeoutMs: number): Promise<Connection | undefined> {
    if (!this.live().length) {
      try {
        await waitFor(this.options.store, () => this.live().length > 0, timeoutMs, 'a live Socket Mode connection');
      } catch {
        return undefined;
      }
    }
    const live = this.live();
    const conn = live[this.turn % live.length];
    this.turn += 1;
    return conn;
  }

  private adopt(ws: WebSocket, url: string, debugReconnects: boolean): void {
    const info: SocketConnectionInfo = { id: ++this.nextId, url, state: 'open', hello: false, openedAt: Date.now(), disconnects: [], envelopes: 0, acks: 0 };
    const conn: Connection = { info, ws };
    const openBefore = this.conns.filter((c) => c.info.state !== 'closed').length;
    this.conns.push(conn);
    // Slack's protocol is JSON text; a binary message is ignored, as Slack's clients ignore binary ones.
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) this.onMessage(conn, rawText(data));
    });
    ws.on('close', (code: number) => this.closed(conn, code));
    // A protocol error (bad frame, message over maxPayload): `ws` closes the connection (1002/1009) and reports here.
    ws.on('error', () => undefined);
    if (openBefore >= MAX_SOCKET_CONNECTIONS) {
      this.sendDisconnect(conn, 'too_many_websockets');
    } else {
      send(ws, this.hello(info, openBefore + 1, debugReconnects));
      info.hello = true;
    }
    this.options.store.changed();
  }

  private hello(info: SocketConnectionInfo, numConnections: number, debugReconnects: boolean): Record<string, unknown> {
    return {
      type: 'hello',
      num_connections: numConnections,
      debug_info: { host: host(info), build_number: 1, approximate_connection_time: debugReconnects ? DEBUG_CONNECTION_TIME_S : CONNECTION_TIME_S },
      connection_info: { app_id: this.options.store.bot.appId },
    };
  }

  /** Records the end of a connection once (the WebSocket close code; 1006 when the TCP connection dropped). */
  private closed(conn: Connection, code: number): void {
    if (conn.info.state === 'closed') return;
    clearTimeout(conn.graceTimer);
    conn.info.state = 'closed';
    conn.info.closedAt = Date.now();
    conn.info.closeCode = code;
    this.options.store.changed();
  }

  private sendDisconnect(conn: Connection, reason: DisconnectReason): void {
    send(conn.ws, { type: 'disconnect', reason, debug_info: { host: host(conn.info) } });
    conn.info.disconnects.push(reason);
    // "You may receive a warning about 10 seconds before the disconnect": a warned connection still works.
    if (reason === 'warning' || conn.info.state !== 'open') return;
    conn.info.state = 'draining';
    conn.graceTimer = setTimeout(() => closeSoon(conn.ws, 1000, reason), this.options.refreshGraceMs ?? 10_000);
    conn.graceTimer.unref();
  }

  private onMessage(conn: Connection, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return this.stray(conn, text, 'not_json');
    }
    const envelopeId = isObject(message) ? message.envelope_id : undefined;
    if (typeof envelopeId !== 'string') return this.stray(conn, text, 'no_envelope_id');
    const resolve = this.pending.get(envelopeId);
    if (!resolve) return this.stray(conn, text, 'unknown_envelope_id');
    conn.info.acks += 1;
    resolve(message as Record<string, unknown>);
  }

  private stray(conn: Connection, text: string, reason: StrayMessage['reason']): void {
    this.strays.push({ connectionId: conn.info.id, text: text.slice(0, 2000), reason });
    if (this.strays.length > 100) this.strays.shift();
  }
}

/** Starts the closing handshake; the socket is destroyed if the peer has not answered within a second (`ws` would wait 30 s). */
function closeSoon(ws: WebSocket, code: number, reason: string): void {
  ws.close(code, reason);
  setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
}

/** Sends one JSON text message if the connection is open (a closing one gets nothing, as before). */
function send(ws: WebSocket, message: Record<string, unknown>): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}

function host(info: SocketConnectionInfo): string {
  return `applink-sandbox-${info.id}`;
}
