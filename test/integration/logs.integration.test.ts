/**
 * What the operator reads: the real process's output. A Redis outage is one line when it starts and one
 * when it ends (per side), never a stream of stack traces; and even at LOG_LEVEL=debug nothing of what
 * users typed, no trigger_id, token or signing secret reaches the logs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, loadIomcWorkspace } from '../../src/sandbox/index.ts';
import { MEETING_MODAL } from '../../src/slack/ids.ts';
import { freePort, startConcordProcess, startPrivateRedis, waitForHealth } from '../support/concord-process.ts';
import { createTestDatabase } from '../support/postgres.ts';

const BOT_TOKEN = 'xoxb-logs-test-7f3a9c';
const SIGNING_SECRET = 'logs-test-signing-secret-5d1e8b';
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startConcord(env: Record<string, string>) {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const redis = await startPrivateRedis();
  cleanups.push(() => redis.stop());
  const port = await freePort();
  const app = startConcordProcess({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    PORT: String(port),
    ...env,
  });
  cleanups.push(() => app.child.kill('SIGKILL'));
  expect(await waitForHealth(port, 200), app.output()).toMatchObject({ status: 200 });
  return { app, redis, port };
}

// The two run at once: each has its own process, database, Redis and sandbox, and the first mostly waits
// (Redis down for 5 s, then a quiet spell) while the second drives its process.
describe.concurrent('the logs', () => {
  it('logs a Redis outage as one line going down and one coming back, without stack traces', { timeout: 90_000 }, async ({ expect }) => {
    const { app, redis, port } = await startConcord({ LOG_LEVEL: 'info' });
    const before = app.output().length;
    await redis.stop();
    await sleep(5000);
    await redis.start();
    expect(await waitForHealth(port, 200)).toMatchObject({ status: 200 });
    await sleep(3000);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);

    const out = app.output().slice(before);
    const lines = out.split('\n').filter((l) => l.trim() !== '');
    expect(lines.filter((l) => !l.startsWith('{')), out).toEqual([]); // every line is a structured log line
    expect(out).not.toMatch(/ECONNREFUSED|\n\s+at /);
    const messages = lines.map((l) => String((JSON.parse(l) as { msg?: unknown }).msg ?? ''));
    const down = messages.filter((m) => /redis/i.test(m) && /unreachable|lost|down/i.test(m));
    const up = messages.filter((m) => /redis/i.test(m) && /again|reconnected|back/i.test(m));
    // One per side at most: the web side's connection and the worker's.
    expect(down.length, out).toBeGreaterThanOrEqual(1);
    expect(down.length, out).toBeLessThanOrEqual(2);
    expect(up.length, out).toBeGreaterThanOrEqual(1);
    expect(up.length, out).toBeLessThanOrEqual(2);
    expect(lines.length, out).toBeLessThanOrEqual(8);
  });

  it('keeps message text, trigger_ids, the bot token and the signing secret out of the logs at LOG_LEVEL=debug', { timeout: 90_000 }, async ({ expect }) => {
    const sandbox = await startSandbox({ port: 0, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
    cleanups.push(() => sandbox.close());
    const iomc = await loadIomcWorkspace(sandbox);
    const { app, port } = await startConcord({ LOG_LEVEL: 'debug', SLACK_API_URL: sandbox.apiUrl });
    sandbox.setAppUrl(`http://127.0.0.1:${port}/slack/events`);
    const as = (text: string) => sandbox.driver.slashCommand({ userId: iomc.secretariat, channelId: iomc.channelId, text });

    expect((await as('setup "IOCC"')).status).toBe(200);
    expect((await as('meeting add "Zebra-Quartz-Title" 2030-05-04 at:"Zebra-Quartz-Venue"')).status).toBe(200);
    const opened = await as('meeting new');
    expect(opened.status).toBe(200);
    const triggerId = String(sandbox.calls('views.open').at(-1)?.args.trigger_id);
    expect(triggerId).toMatch(/\d/);
    const f = MEETING_MODAL.fields;
    await sandbox.driver.submitView({
      userId: iomc.secretariat,
      values: { [f.title.blockId]: 'Zebra-Quartz-Modal', [f.startDate.blockId]: '2030-06-01', [f.zone.blockId]: 'Europe/Zurich' },
    });
    await sandbox.waitForEphemeral(iomc.secretariat, (e) => e.text.includes('Zebra-Quartz-Modal'), 5000);
    await sandbox.waitForMessage(iomc.channelId, (m) => m.text.includes('Zebra-Quartz-Modal'), 10_000);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);

    const out = app.output();
    expect(out).toMatch(/"level":20/); // debug lines are there …
    expect(out).not.toContain('Zebra-Quartz'); // … but no title or venue,
    expect(out).not.toContain(triggerId); // no trigger_id,
    expect(out).not.toContain(BOT_TOKEN); // no token,
    expect(out).not.toContain(SIGNING_SECRET); // no signing secret.
    expect(out).not.toMatch(/xox[bp]-|\bv0=[0-9a-f]/);
  });
});
