/**
 * Concord's HTTP receiver for Bolt: one endpoint for commands, interactivity and events.
 * Own receiver instead of Bolt's HTTPReceiver because Concord must (slack-platform.md §2, PRODUCT.md):
 * refuse future-dated timestamps and replays, and accept `application/x-www-form-urlencoded; charset=utf-8`
 * (Bolt's exact string match would answer 400).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver } from '@slack/bolt';
import type { Logger } from '../logger.ts';
import { checkSignature } from './verify-signature.ts';
import { describeError } from '../logger.ts';
import type { ReplayGuard } from './replay-guard.ts';

const ACK_DEADLINE_MS = 2800;

export interface HttpReceiverOptions {
  signingSecret: string;
  replayGuard: ReplayGuard;
  logger: Logger;
  nowSeconds?: () => number;
}

type Parsed = { kind: 'ssl_check' } | { kind: 'body'; body: Record<string, unknown> };

function parse(contentType: string, raw: string): Parsed {
  if (contentType.split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(raw);
    if (form.get('ssl_check') === '1') return { kind: 'ssl_check' };
    const payload = form.get('payload');
    if (payload !== null) return { kind: 'body', body: JSON.parse(payload) as Record<string, unknown> };
    return { kind: 'body', body: Object.fromEntries(form) };
  }
  const body = JSON.parse(raw) as unknown;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new SyntaxError('body is not an object');
  return { kind: 'body', body: body as Record<string, unknown> };
}

/**
 * The JSON bytes of an ack body, serialized once per object: replies served from the help or the
 * committee cache are the same object every time (`commands/listener.ts` keeps one message per reply),
 * and an ack body is never changed once acked.
 */
const serialized = new WeakMap<object, Buffer>();
function jsonBytes(body: unknown): Buffer {
  if (typeof body !== 'object' || body === null) return Buffer.from(JSON.stringify(body));
  let bytes = serialized.get(body);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(body));
    serialized.set(body, bytes);
  }
  return bytes;
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined || body === '') {
    res.writeHead(status).end();
  } else if (typeof body === 'string') {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
  } else {
    const bytes = jsonBytes(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length }).end(bytes);
  }
}

export class ConcordHttpReceiver implements Receiver {
  private app?: App;
  private readonly log: Logger;

  constructor(private readonly opts: HttpReceiverOptions) {
    this.log = opts.logger.child({ component: 'receiver' });
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** Handles `POST /slack/events`; the web server has read the body (`raw`) and refused oversized ones. */
  async handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    let parsed: Parsed;
    try {
      parsed = parse(String(req.headers['content-type'] ?? ''), raw);
    } catch {
      // Unsigned junk gets 401 like any unsigned request; signed junk gets 400.
      return send(res, this.verify(req, raw).ok ? 400 : 401);
    }
    // Slack's SSL check carries no signature; Bolt answers it the same way (slack-platform.md §1).
    if (parsed.kind === 'ssl_check') return send(res, 200);
    const check = this.verify(req, raw);
    if (!check.ok) {
      this.log.warn({ reason: check.reason }, 'refused a request with a bad signature');
      return send(res, 401);
    }
    if (!(await this.opts.replayGuard.firstSeen(String(req.headers['x-slack-signature'])))) {
      this.log.warn('refused a replayed request');
      return send(res, 401);
    }
    const body = parsed.body;
    if (body.type === 'url_verification') return send(res, 200, { challenge: body.challenge });
    await this.dispatch(req, res, body);
  }

  private verify(req: IncomingMessage, raw: string) {
    return checkSignature({
      secret: this.opts.signingSecret,
      signature: header(req, 'x-slack-signature'),
      timestamp: header(req, 'x-slack-request-timestamp'),
      rawBody: raw,
      nowSeconds: this.opts.nowSeconds?.() ?? Math.floor(Date.now() / 1000),
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): Promise<void> {
    if (!this.app) throw new Error('receiver used before init');
    this.log.debug({ type: typeof body.type === 'string' ? body.type : 'command' }, 'slack request');
    let acked = false;
    const timer = setTimeout(() => {
      if (acked) return;
      acked = true;
      this.log.warn({ type: body.type ?? 'command' }, 'no ack within the deadline; answered empty 200');
      send(res, 200);
    }, ACK_DEADLINE_MS);
    const retryNum = header(req, 'x-slack-retry-num');
    try {
      await this.app.processEvent({
        body,
        retryNum: retryNum ? Number(retryNum) : undefined,
        retryReason: header(req, 'x-slack-retry-reason'),
        ack: async (response?: unknown) => {
          if (acked) return;
          acked = true;
          clearTimeout(timer);
          send(res, 200, response ?? undefined);
        },
      });
      // Bolt has run every listener by now: nothing acked means nothing listens for this (e.g. another
      // app's command), so answer at once rather than at the deadline.
      if (!acked) {
        acked = true;
        clearTimeout(timer);
        send(res, 200);
      }
    } catch (err) {
      this.log.error({ ...describeError(err), type: body.type ?? 'command' }, 'listener failed');
      if (!acked) {
        acked = true;
        clearTimeout(timer);
        const isCommand = typeof body.command === 'string' || body.type === 'block_actions';
        send(res, 200, isCommand ? { response_type: 'ephemeral', text: 'Something went wrong on our side. Please try again in a moment.' } : undefined);
      }
    }
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
