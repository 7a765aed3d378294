/**
 * Concord as an operator meets it: `npm start`'s entry point as a real process — configuration errors,
 * Redis down at start, the embedded database in a data directory, /healthz, and SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startConcordProcess as start, startPrivateRedis, waitForHealth } from '../support/concord-process.ts';

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

// The three run at once (each with processes, ports, data directory and Redis of its own): one waits for a
// process to start or stop while another's process runs.
describe.concurrent('the concord process', () => {
  it('lists every configuration problem in one message and exits 1, without a stack trace', async ({ expect }) => {
    const run = start({ PORT: 'eighty', ROLE: 'both' });
    expect(await run.exited).toBe(1);
    const out = run.output();
    expect(out).toMatch(/Concord cannot start/);
    expect(out).toMatch(/SLACK_BOT_TOKEN is required/);
    expect(out).toMatch(/PORT must be a port number/);
    expect(out).toMatch(/ROLE must be all, web or worker/);
    expect(out).toMatch(/SLACK_SIGNING_SECRET is required in HTTP mode/);
    expect(out).not.toMatch(/\n\s+at /);
  });

  it('says in one line that Redis is unreachable, and how to start one', async ({ expect }) => {
    const run = start({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's', REDIS_URL: `redis://127.0.0.1:${await freePort()}`, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'concord-')) });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Redis is not reachable at redis:\/\/127\.0\.0\.1:\d+\. Start one .*redis-server/);
  });

  it('starts on the embedded database, answers /healthz (503 when Redis goes down), refuses a second process on the same data, stops on SIGTERM', { timeout: 120_000 }, async ({ expect }) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'concord-data-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.stop());

    const port = await freePort();
    const env = { SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/', REDIS_URL: redis.url, DATA_DIR: dataDir, PORT: String(port) };
    const app = start(env);
    cleanups.push(() => app.child.kill('SIGKILL'));
    expect(await waitForHealth(port, 200), app.output()).toEqual({ status: 200, body: { db: 'ok', redis: 'ok' } });

    const second = start({ ...env, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already open in another Concord process/);

    await redis.stop();
    expect(await waitForHealth(port, 503)).toEqual({ status: 503, body: { db: 'ok', redis: 'down' } });

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });
});
