/**
 * `POST /api/<method>`: faults → method lookup → token (`not_authed`/`invalid_auth`) → workspace →
 * scope (`missing_scope`) → rate limit (429, no side effect) → handler. Every call is recorded.
 * App-level methods (apps.connections.open) take the app token instead and act on no workspace; the app
 * token on any other method is `not_allowed_token_type`, as a bot token is on an app-level method.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SlackApiError } from '../api/api-error.ts';
import { str, type Args } from '../api/args.ts';
import { authenticate, resolveWorkspace } from '../api/call-context.ts';
import { APP_LEVEL_METHODS, METHODS } from '../api/methods/registry.ts';
import { checkAppToken } from '../api/methods/apps.ts';
import type { SandboxCore } from '../core.ts';
import { BadBodyError, parseFields, readBody, sendJson } from './body.ts';
import { faultGate, rateLimitedAnswer } from './fault-gate.ts';

export interface Outcome {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  teamId?: string;
  fault?: string;
}

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'files', 'metadata'];

/** Handles one Web API request. */
export async function handleApiRequest(core: SandboxCore, req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
  const raw = await readBody(req);
  let args: Args;
  try {
    args = await parseFields(raw, req.headers['content-type']);
  } catch (error) {
    if (!(error instanceof BadBodyError)) throw error;
    return respond(core, res, method, {}, { status: 200, body: { ok: false, error: 'invalid_json' } });
  }
  const gate = await faultGate(core, method);
  if (!gate.pass) {
    if (gate.answer !== 'drop') return respond(core, res, method, args, gate.answer);
    recordCall(core, method, args, { status: 0, body: {}, fault: 'dropped' });
    req.socket.destroy();
    return;
  }
  if (gate.stall && !gate.stall.carriedOut) {
    await callerGone(req);
    recordCall(core, method, args, { status: 0, body: {}, fault: 'stalled_never_carried_out' });
    return;
  }
  const header = bearer(req);
  const outcome = APP_LEVEL_METHODS[method] ? executeAppLevel(core, method, { header, body: str(args, 'token') }) : await execute(core, method, args, header ?? str(args, 'token'));
  if (gate.latencyMs > 0) outcome.fault ??= `latency_${gate.latencyMs}ms`;
  if (gate.loseResponse !== undefined) return loseResponse(core, req, res, method, args, outcome, gate.loseResponse);
  if (gate.stall) {
    recordCall(core, method, args, { ...outcome, fault: 'stalled_after_carried_out' });
    return callerGone(req);
  }
  respond(core, res, method, args, outcome);
}

/** Resolves when the caller disconnects (or after 10 minutes, when the sandbox hangs up itself). */
function callerGone(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      req.socket.destroy();
      resolve();
    }, 600_000);
    timer.unref();
    req.socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The call happened; its answer does not reach the caller (`sb.faults.loseResponse`). */
function loseResponse(core: SandboxCore, req: IncomingMessage, res: ServerResponse, method: string, args: Args, outcome: Outcome, answer: 'drop' | number): void {
  recordCall(core, method, args, { ...outcome, fault: 'response_lost' });
  if (answer === 'drop') req.socket.destroy();
  else sendJson(res, answer, { ok: false, error: 'internal_error' });
}

/**
 * An app-level method. Not rate limited: Slack lists apps.connections.open as Tier 1 (1+/min) but an app
 * may open up to 10 connections at once and reconnects after every refresh; Slack publishes no burst size.
 */
function executeAppLevel(core: SandboxCore, method: string, token: { header?: string; body?: string }): Outcome {
  try {
    checkAppToken(core, token);
    return { status: 200, body: APP_LEVEL_METHODS[method]!(core) };
  } catch (error) {
    if (error instanceof SlackApiError) return { status: 200, body: error.toBody() };
    console.error(`[sandbox] ${method} failed`, error);
    return { status: 500, body: { ok: false, error: 'internal_error' } };
  }
}

async function execute(core: SandboxCore, method: string, args: Args, token: string | undefined): Promise<Outcome> {
  const spec = METHODS[method];
  if (!spec) return { status: 200, body: { ok: false, error: 'unknown_method' } };
  if (!token) return { status: 200, body: { ok: false, error: 'not_authed' } };
  if (token === core.appToken) return { status: 200, body: { ok: false, error: 'not_allowed_token_type' } };
  const grant = authenticate(core.store, core.orgToken, token);
  if (!grant) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
  let teamId: string | undefined;
  try {
    const team = resolveWorkspace(core.store, core.triggers, grant, args);
    teamId = team.id;
    if (spec.scope && !grant.scopes.includes(spec.scope)) {
      throw new SlackApiError('missing_scope', { needed: spec.scope, provided: grant.scopes.join(',') });
    }
    const retryAfter = core.rateLimiter.check(method, team.id, channelKey(core, args));
    if (retryAfter > 0) return { ...rateLimitedAnswer(retryAfter), teamId };
    const body = await spec.handler({ core, method, args, grant, team });
    return { status: 200, body, teamId };
  } catch (error) {
    if (error instanceof SlackApiError) return { status: 200, body: error.toBody(), teamId };
    console.error(`[sandbox] ${method} failed`, error);
    return { status: 500, body: { ok: false, error: 'internal_error' }, teamId };
  }
}

/** The channel a call posts to, as an id where possible (`#name` and `U…` resolve to the channel/DM). */
function channelKey(core: SandboxCore, args: Args): string | undefined {
  const ref = str(args, 'channel');
  if (!ref) return undefined;
  if (core.store.channels.has(ref)) return ref;
  const channels = [...core.store.channels.values()];
  if (/^[UW]/.test(ref)) return channels.find((c) => c.isIm && c.imUser === ref)?.id ?? ref;
  const name = ref.replace(/^#/, '');
  return channels.find((c) => c.name === name)?.id ?? ref;
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1]?.trim();
}

function respond(core: SandboxCore, res: ServerResponse, method: string, args: Args, outcome: Outcome): void {
  recordCall(core, method, args, outcome);
  sendJson(res, outcome.status, outcome.body, outcome.headers);
}

/** Records a call in `sb.calls()`. */
export function recordCall(core: SandboxCore, method: string, args: Args, outcome: Outcome): void {
  core.store.calls.push({
    id: core.store.calls.length + 1,
    method,
    args: readableArgs(args),
    teamId: outcome.teamId,
    time: core.now(),
    status: outcome.status,
    result: outcome.body,
    fault: outcome.fault,
  });
  core.store.changed();
}

/** Args as recorded: token removed, JSON-string fields parsed, buffers summarised. */
function readableArgs(args: Args): Args {
  const out: Args = {};
  for (const [key, value] of Object.entries(args)) {
    if (key === 'token') continue;
    if (Buffer.isBuffer(value)) out[key] = `<${value.length} bytes>`;
    else if (JSON_FIELDS.includes(key) && typeof value === 'string') out[key] = tryParse(value);
    else out[key] = value;
  }
  return out;
}

function tryParse(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
