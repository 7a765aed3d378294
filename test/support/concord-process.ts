/**
 * Concord as an operator runs it: `src/main.ts` as a child process with its output captured. Private
 * redis-servers and free ports come from `private-redis.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Config } from '../../src/config.ts';

export { freePort, startPrivateRedis } from './private-redis.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn' };

export interface ConcordProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output: () => string;
  exited: Promise<number | null>;
}

export function startConcordProcess(env: Record<string, string>): ConcordProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { ...BASE_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export async function waitForHealth(port: number, want: number, timeoutMs = 40_000): Promise<{ status: number; body: unknown }> {
  const until = Date.now() + timeoutMs;
  let last: { status: number; body: unknown } = { status: 0, body: null };
  while (Date.now() < until) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      last = { status: r.status, body: await r.json() };
      if (r.status === want) return last;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

/** What a Concord process needs to share a test app's database, Redis prefix and sandbox. */
export function sharedEnv(config: Config): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: config.slackBotToken,
    SLACK_API_URL: config.slackApiUrl,
    DATABASE_URL: config.databaseUrl!,
    REDIS_URL: config.redisUrl,
    REDIS_PREFIX: config.redisPrefix,
  };
}

/** SIGKILL, as a crash looks; resolves once the process is gone (at once if it already is). */
export function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGKILL');
  return exited;
}
