/**
 * Shared setup for the sandbox's own HTTP tests: two small workspaces, a plain-fetch caller and a
 * WebClient pointed at the sandbox (no retries, 429s rejected so tests see them).
 */
import { LogLevel, WebClient } from '@slack/web-api';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/index.ts';

export const ORG_TOKEN = 'xoxb-test-org';

/** A sandbox with T1 (ana, ben; #general C1, #random C2) and T2 (cleo; #ops C9), plus external U_EXT. */
export async function startSeeded(options: SandboxOptions = {}): Promise<Sandbox> {
  const sb = await startSandbox({ port: 0, signingSecret: 'test-secret', botToken: ORG_TOKEN, ...options });
  sb.addWorkspace({ id: 'T1', name: 'One', domain: 'one' });
  sb.addWorkspace({ id: 'T2', name: 'Two', domain: 'two', enterpriseId: 'E1', enterpriseName: 'Org' });
  sb.addUser({ id: 'U1', teamId: 'T1', name: 'ana', realName: 'Ana Silva', tz: 'Europe/Zurich' });
  sb.addUser({ id: 'U2', teamId: 'T1', name: 'ben', tz: 'America/New_York' });
  sb.addUser({ id: 'U3', teamId: 'T2', name: 'cleo', tz: 'Africa/Nairobi' });
  sb.addUser({ id: 'U_EXT', teamId: 'T_OTHER', name: 'ext', tz: 'Europe/Paris', external: true, connectedTeamId: 'T1' });
  sb.addChannel({ id: 'C1', teamId: 'T1', name: 'general', members: ['U1', 'U2', sb.bot.userId] });
  sb.addChannel({ id: 'C2', teamId: 'T1', name: 'random', members: ['U1'] });
  sb.addChannel({ id: 'C9', teamId: 'T2', name: 'ops', members: ['U3'] });
  return sb;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** POSTs a Web API call the way @slack/web-api does (form body, Bearer token), or as JSON. */
export async function call(sb: Sandbox, method: string, args: Record<string, unknown> = {}, opts: { token?: string | null; json?: boolean } = {}): Promise<CallResult> {
  const headers: Record<string, string> = {};
  const token = opts.token === undefined ? ORG_TOKEN : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string;
  if (opts.json) {
    headers['content-type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(args);
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(args)) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    body = form.toString();
  }
  const res = await fetch(`${sb.apiUrl}${method}`, { method: 'POST', headers, body });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

/** A WebClient on the sandbox: no retries, 429 → WebAPIRateLimitedError. */
export function webClient(sb: Sandbox, token = ORG_TOKEN): WebClient {
  return new WebClient(token, { slackApiUrl: sb.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: LogLevel.ERROR });
}
