/**
 * Sends one Slack → app request: signs it (v0), POSTs it to the app's URL, times it, parses the answer.
 * Options let a test send deliberately bad requests (wrong secret, missing headers, skewed timestamp,
 * another content type) or replay an earlier request byte for byte.
 *
 * The signature timestamp comes from the real clock (`Date.now()`), not the sandbox clock: the app
 * checks it against its own clock (Bolt rejects timestamps older than 5 minutes).
 */
import { performance } from 'node:perf_hooks';
import { signRequest } from './sign.ts';

/** Ways to make a request deliberately wrong. */
export interface BadRequestOptions {
  /** Sign with this secret instead of the sandbox's (a wrong secret → the app should answer 401). */
  signingSecret?: string;
  /** Leave out `x-slack-signature` and/or `x-slack-request-timestamp`. */
  omitHeaders?: ('signature' | 'timestamp')[];
  /** Shift the request timestamp by N seconds (e.g. -301 for a stale request). */
  timestampSkewSec?: number;
  /** Send another content type, e.g. `application/x-www-form-urlencoded; charset=utf-8`. */
  contentType?: string;
  /** Extra headers (e.g. `x-slack-retry-num`). */
  headers?: Record<string, string>;
}

export type DeliveryKind = 'slash_command' | 'block_actions' | 'view_submission' | 'view_closed' | 'event_callback' | 'url_verification' | 'ssl_check' | 'raw';

export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** How the driver reached the app: a signed HTTP POST to `appUrl`, or an envelope over Socket Mode. */
export type Transport = 'http' | 'socket';

/**
 * What a driver call resolves to (also recorded in `sb.deliveries()`).
 * Over Socket Mode: `status` 200 once the app acked (0 when no ack or no connection came), `body` is the
 * ack's `payload` read like an HTTP body (`''` when absent or `{}`), `request.body` the envelope's JSON.
 */
export interface DriverResponse {
  id: number;
  kind: DeliveryKind;
  transport: Transport;
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the app answered JSON, else the text ('' for an empty body). */
  body: unknown;
  latencyMs: number;
  request: SentRequest;
  /** True when the app took longer than Slack's 3 s to answer (Slack would have shown an error). */
  timedOut: boolean;
  /** Network failure (connection refused, reset, timeout) — status is 0. */
  error?: string;
  triggerId?: string;
  responseUrl?: string;
  /** Socket Mode: the envelope's id. */
  envelopeId?: string;
  /** Socket Mode: the app's ack message as sent, `{ envelope_id, payload? }`. */
  ack?: Record<string, unknown>;
  /** Socket Mode: the connection that carried the envelope (see `sb.socket.connections()`). */
  connectionId?: number;
  /** Socket Mode: how long the envelope waited for a live connection (e.g. during a refresh). */
  waitedMs?: number;
}

export interface TransportConfig {
  appUrl: string;
  signingSecret: string;
  ackTimeoutMs: number;
  requestTimeoutMs: number;
}

/** Builds the signed request (not sent). */
export function buildRequest(config: TransportConfig, body: string, contentType: string, opts: BadRequestOptions = {}): SentRequest {
  const timestamp = Math.floor(Date.now() / 1000) + (opts.timestampSkewSec ?? 0);
  const headers: Record<string, string> = { 'content-type': opts.contentType ?? contentType, 'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)' };
  const omit = opts.omitHeaders ?? [];
  if (!omit.includes('timestamp')) headers['x-slack-request-timestamp'] = String(timestamp);
  if (!omit.includes('signature')) headers['x-slack-signature'] = signRequest(opts.signingSecret ?? config.signingSecret, timestamp, body);
  return { url: config.appUrl, headers: { ...headers, ...opts.headers }, body };
}

/** Sends a prepared request and measures it. */
export async function sendRequest(config: TransportConfig, kind: DeliveryKind, request: SentRequest, id: number): Promise<DriverResponse> {
  const started = performance.now();
  try {
    const res = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(config.requestTimeoutMs) });
    const text = await res.text();
    const latencyMs = performance.now() - started;
    const headers = Object.fromEntries(res.headers.entries());
    return { id, kind, transport: 'http', status: res.status, headers, body: parseBody(text, headers['content-type']), latencyMs, request, timedOut: latencyMs > config.ackTimeoutMs };
  } catch (error) {
    const latencyMs = performance.now() - started;
    const message = error instanceof Error ? `${error.name}: ${error.message}${causeOf(error)}` : String(error);
    return { id, kind, transport: 'http', status: 0, headers: {}, body: '', latencyMs, request, timedOut: latencyMs > config.ackTimeoutMs, error: message };
  }
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? ` (${cause.message})` : '';
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return '';
  if (contentType?.includes('json') || /^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
