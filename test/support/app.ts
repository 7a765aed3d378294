/**
 * The whole app over HTTP against the sandbox: a fresh migrated PostgreSQL database, a unique Redis
 * prefix, the real runtime (web + worker) on a random port, and the sandbox pointed at it.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startConcord, type RunningConcord } from '../../src/runtime.ts';
import { startSandbox, loadIomcWorkspace } from '../../src/sandbox/index.ts';
import { createTestDatabase } from './postgres.ts';
import type { TestClock } from '../../src/clock/test-clock.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-concord-test-token';
/**
 * Where the test clock stands when a test app starts: tests never depend on today's date. Concord runs
 * with TEST_CLOCK=on unless a test says otherwise; a test moves the clock with `POST /test/clock`.
 */
export const TEST_NOW = '2026-12-01T10:00:00.000Z';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
export type IomcWorkspace = Awaited<ReturnType<typeof loadIomcWorkspace>>;

export interface TestApp {
  sandbox: Sandbox;
  iomc: IomcWorkspace;
  running: RunningConcord;
  db: RunningConcord['database']['prisma'];
  config: Config;
  url: string;
  close(): Promise<void>;
}

/** With `SLACK_APP_TOKEN` in `env` the app runs in Socket Mode and the sandbox delivers over its WebSocket. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const socketMode = env.SLACK_APP_TOKEN ? { socketMode: true, appToken: env.SLACK_APP_TOKEN } : {};
  const sandbox = await startSandbox({ port: 0, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, ...socketMode });
  const iomc = await loadIomcWorkspace(sandbox);
  const database = await createTestDatabase();
  const prefix = `concord-test-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: sandbox.apiUrl,
    DATABASE_URL: database.url,
    PORT: '0',
    REDIS_PREFIX: prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    TEST_CLOCK: 'on',
    ...env,
  });
  const running = await startConcord(config, createLogger(config.logLevel));
  if ('move' in running.clock) await (running.clock as TestClock).move({ set: TEST_NOW });
  const url = `http://127.0.0.1:${running.port}`;
  sandbox.setAppUrl(`${url}/slack/events`);
  return {
    sandbox,
    iomc,
    running,
    db: running.database.prisma,
    config,
    url,
    async close() {
      await running.close();
      await sandbox.close();
      // Dropping a database keeps PostgreSQL busy for a while (≈0.5 s); the next test file in this worker
      // need not wait for it. Any drop a worker did not finish, global teardown does (dropRunDatabases).
      void database.drop().catch(() => {});
      await deleteKeys(config.redisUrl, prefix);
    },
  };
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
