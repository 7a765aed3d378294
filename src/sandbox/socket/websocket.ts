/**
 * A minimal WebSocket server connection (RFC 6455), enough to play Slack's side of Socket Mode on the
 * sandbox's own http server: the opening handshake on `upgrade`, text frames both ways (fragmented client
 * messages reassembled), ping → pong, and the closing handshake. No extensions (permessage-deflate is
 * simply not accepted, which RFC 6455 §9.1 allows), no subprotocols.
 *
 * Why not the `ws` package: it is not installed here (`@slack/socket-mode` 3 uses undici's WebSocket
 * client, `ws` only as a dev dependency), and the sandbox must not add dependencies.
 *
 * @example
 *   server.on('upgrade', (req, socket, head) => {
 *     const ws = acceptWebSocket(req, socket, head);
 *     ws?.on('message', (text) => ws.send(text));
 *   });
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** RFC 6455 §1.3: the GUID appended to Sec-WebSocket-Key. */
const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;
/** Far above anything Slack's clients send (acks with a modal view are a few tens of kB). */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** After we send a close frame, how long the peer has to answer with its own. */
const CLOSE_GRACE_MS = 1000;

export type WebSocketState = 'open' | 'closing' | 'closed';

export interface WebSocketConnectionEvents {
  message: [text: string];
  close: [code: number, reason: string];
}

/** One accepted WebSocket. Emits `message` (text) and `close` (once). */
export class WebSocketConnection extends EventEmitter<WebSocketConnectionEvents> {
  state: WebSocketState = 'open';
  private buffer: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private fragmentOpcode = 0;
  private closeTimer?: NodeJS.Timeout;
  private closeEmitted = false;

  /** `head`: bytes the client sent right after its handshake (read on the next tick, once listeners are on). */
  constructor(
    private readonly socket: Duplex,
    head?: Buffer,
  ) {
    super();
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.socket.destroy());
    socket.on('close', () => this.finish(1006, ''));
    if (head?.length) queueMicrotask(() => this.onData(Buffer.from(head)));
  }

  /** Sends one text message (a single FIN frame, unmasked as a server must). */
  send(text: string): boolean {
    if (this.state !== 'open') return false;
    this.writeFrame(OP_TEXT, Buffer.from(text, 'utf8'));
    return true;
  }

  /** Starts the closing handshake; the socket is destroyed if the peer does not answer in time. */
  close(code = 1000, reason = ''): void {
    if (this.state !== 'open') return;
    this.state = 'closing';
    this.writeFrame(OP_CLOSE, closePayload(code, reason));
    this.closeTimer = setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS);
    this.closeTimer.unref();
  }

  /** Drops the TCP connection without a closing handshake (the peer sees 1006); closed at once. */
  terminate(): void {
    this.socket.destroy();
    this.finish(1006, '');
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const frame = readFrame(this.buffer);
      if (frame === 'incomplete') return;
      if (frame === 'invalid') return this.fail(1002);
      if (frame.payload.length > MAX_MESSAGE_BYTES) return this.fail(1009);
      this.buffer = this.buffer.subarray(frame.length);
      this.onFrame(frame.fin, frame.opcode, frame.payload);
      if (this.state === 'closed') return;
    }
  }

  private onFrame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case OP_PING:
        if (this.state === 'open') this.writeFrame(OP_PONG, payload);
        return;
      case OP_PONG:
        return;
      case OP_CLOSE:
        return this.onCloseFrame(payload);
      case OP_TEXT:
      case OP_BINARY:
        if (this.fragments.length) return this.fail(1002);
        this.fragmentOpcode = opcode;
        break;
      case OP_CONTINUATION:
        if (!this.fragments.length) return this.fail(1002);
        break;
      default:
        return this.fail(1002);
    }
    this.fragments.push(payload);
    if (this.fragments.reduce((n, f) => n + f.length, 0) > MAX_MESSAGE_BYTES) return this.fail(1009);
    if (!fin) return;
    const message = Buffer.concat(this.fragments);
    this.fragments = [];
    // Slack's protocol is JSON text; a binary message is ignored, as Slack's clients ignore binary ones.
    if (this.fragmentOpcode === OP_TEXT && this.state === 'open') this.emit('message', message.toString('utf8'));
  }

  private onCloseFrame(payload: Buffer): void {
    const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
    const reason = payload.length > 2 ? payload.subarray(2).toString('utf8') : '';
    if (this.state === 'open') {
      // Echo the status code, then close the TCP connection (RFC 6455 §5.5.1: the server closes first).
      this.state = 'closing';
      this.writeFrame(OP_CLOSE, payload.length >= 2 ? payload.subarray(0, 2) : Buffer.alloc(0));
    }
    this.socket.end();
    this.finish(code, reason);
  }

  private fail(code: number): void {
    if (this.state === 'open') {
      this.state = 'closing';
      this.writeFrame(OP_CLOSE, closePayload(code, ''));
    }
    this.socket.end();
    this.finish(code, '');
  }

  private finish(code: number, reason: string): void {
    this.state = 'closed';
    clearTimeout(this.closeTimer);
    if (this.closeEmitted) return;
    this.closeEmitted = true;
    this.emit('close', code, reason);
  }

  private writeFrame(opcode: number, payload: Buffer): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    this.socket.write(Buffer.concat([frameHeader(opcode, payload.length), payload]));
  }
}

/**
 * Completes the opening handshake (RFC 6455 §4.2.2) and returns the connection, or answers 400 and
 * returns undefined when the request is not a valid WebSocket upgrade.
 */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer): WebSocketConnection | undefined {
  const key = req.headers['sec-websocket-key'];
  const upgrade = req.headers.upgrade?.toLowerCase();
  if (req.method !== 'GET' || upgrade !== 'websocket' || typeof key !== 'string' || req.headers['sec-websocket-version'] !== '13') {
    rejectUpgrade(socket, 400, 'Bad Request');
    return undefined;
  }
  const accept = createHash('sha1').update(key + HANDSHAKE_GUID).digest('base64');
  socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
  if ('setNoDelay' in socket && typeof socket.setNoDelay === 'function') socket.setNoDelay(true);
  return new WebSocketConnection(socket, head);
}

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
export function rejectUpgrade(socket: Duplex, status: number, text: string, body = ''): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

type Frame = { fin: boolean; opcode: number; payload: Buffer; length: number };

/** Parses one client frame from the start of `buf` (client frames must be masked, RFC 6455 §5.1). */
function readFrame(buf: Buffer): Frame | 'incomplete' | 'invalid' {
  if (buf.length < 2) return 'incomplete';
  const b0 = buf[0]!;
  const b1 = buf[1]!;
  if (b0 & 0x70) return 'invalid'; // RSV bits: no extension was negotiated
  const fin = (b0 & 0x80) !== 0;
  const opcode = b0 & 0x0f;
  if ((b1 & 0x80) === 0) return 'invalid';
  let length = b1 & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buf.length < 4) return 'incomplete';
    length = buf.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buf.length < 10) return 'incomplete';
    const big = buf.readBigUInt64BE(2);
    if (big > BigInt(MAX_MESSAGE_BYTES)) return 'invalid';
    length = Number(big);
    offset = 10;
  }
  if (opcode >= 0x8 && (length > 125 || !fin)) return 'invalid'; // control frames: short, never fragmented
  if (buf.length < offset + 4 + length) return 'incomplete';
  const mask = buf.subarray(offset, offset + 4);
  const payload = Buffer.from(buf.subarray(offset + 4, offset + 4 + length));
  for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i & 3]!;
  return { fin, opcode, payload, length: offset + 4 + length };
}

function frameHeader(opcode: number, length: number): Buffer {
  if (length < 126) return Buffer.from([0x80 | opcode, length]);
  if (length < 0x10000) {
    const header = Buffer.alloc(4);
    header[0] = 0x80 | opcode;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}

function closePayload(code: number, reason: string): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2, 'utf8');
  return payload;
}
