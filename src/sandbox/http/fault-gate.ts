/**
 * Applies injected faults to one request before it is handled: waits the latency, then either lets
 * the request through (possibly marked to lose its answer afterwards) or tells the route what to answer
 * instead (5xx, 429) or to drop the socket.
 */
import type { SandboxCore } from '../core.ts';
import { sleep } from './body.ts';

export interface FaultAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  fault: string;
}

export type GateResult =
  | { pass: true; latencyMs: number; loseResponse?: 'drop' | number; stall?: { carriedOut: boolean } }
  | { pass: false; answer: FaultAnswer | 'drop' };

export async function faultGate(core: SandboxCore, method: string): Promise<GateResult> {
  const decision = core.faults.decide(method);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  const action = decision.action;
  if (!action) return { pass: true, latencyMs: decision.latencyMs };
  if (action.kind === 'lose_response') return { pass: true, latencyMs: decision.latencyMs, loseResponse: action.answer };
  if (action.kind === 'stall') return { pass: true, latencyMs: decision.latencyMs, stall: { carriedOut: action.carriedOut } };
  if (action.kind === 'drop') return { pass: false, answer: 'drop' };
  if (action.kind === 'server_error') {
    return { pass: false, answer: { status: action.status, body: { ok: false, error: 'internal_error' }, fault: `http_${action.status}` } };
  }
  return { pass: false, answer: rateLimitedAnswer(action.retryAfter, 'rate_limit_storm') };
}

/** HTTP 429 + Retry-After + `{"ok":false,"error":"ratelimited"}` (fixture chat.postMessage.429.http.txt). */
export function rateLimitedAnswer(retryAfter: number, fault = 'rate_limited'): FaultAnswer {
  return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(retryAfter) }, fault };
}
