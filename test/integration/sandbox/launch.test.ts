/**
 * `npm run sandbox` as a new user meets it (`launchSandbox`, what the CLI runs): the seeded IOMC committee
 * with the external OECD alternate and the 35 real meetings, the page opening as the secretariat, a fresh
 * database for `--empty`, and a private Redis when none answers.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.ts';
import { UserFacingStartupError } from '../../../src/errors.ts';
import { launchSandbox, type LaunchedSandbox } from '../../../src/sandbox/launch/launch.ts';
import { redisAnswers, sandboxRedis } from '../../../src/sandbox/launch/private-redis.ts';
import { createTestDatabase } from '../../support/postgres.ts';
import { freePort } from '../../support/private-redis.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

function baseConfig(env: Record<string, string>): Config {
  return loadConfig({ SLACK_BOT_TOKEN: 'xoxb-unused', SLACK_SIGNING_SECRET: 'unused', PORT: '0', LOG_LEVEL: 'silent', ...env });
}

/** Types a command in the page as `userId` and returns the reply's text and blocks as one string. */
async function typed(l: LaunchedSandbox, userId: string, text: string): Promise<string> {
  const res = await fetch(`${l.sb.url}/_sandbox/command`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, channelId: l.iomc.channelId, text }) });
  const r = (await res.json()) as { status?: number; body?: unknown; error?: string };
  if (!res.ok) return `refused: ${r.error}`;
  return JSON.stringify(r.body);
}

describe('npm run sandbox', () => {
  it('seeds the committee, the OECD alternate and the 35 real meetings, and opens as the secretariat', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const closedPort = await freePort();
    const l = await launchSandbox({ base: baseConfig({ DATABASE_URL: db.url, REDIS_URL: `redis://127.0.0.1:${closedPort}` }), port: 0 });
    cleanups.push(() => l.close());

    const directory = (await (await fetch(`${l.sb.url}/_sandbox/directory`)).json()) as { start: unknown };
    expect(directory.start).toEqual({ userId: l.iomc.secretariat, channelId: l.iomc.channelId });

    expect(l.seeded?.meetings).toBe('35 meetings: 35 added, 0 updated, 0 unchanged');
    const all = await typed(l, l.iomc.secretariat, 'meetings all');
    expect(all).toContain('All meetings (35)');
    expect(all).toContain('Seventh session of the UN Environment Assembly (UNEA-7)');

    const oecd = await typed(l, l.iomc.secretariat, 'org show OECD');
    expect(oecd).toContain(`*Alternates*\\n<@${l.iomc.external}>`);
    expect(await typed(l, l.iomc.external, 'help')).toContain('refused: Slash commands are not shared with Slack Connect users');

    const feedUrl = /<(http:\/\/[^>|]+\.ics)>/.exec(await typed(l, l.iomc.secretariat, 'calendar'))?.[1];
    expect(feedUrl).toBeDefined();
    const ics = await (await fetch(feedUrl!.replace(/^http:\/\/localhost:\d+/, `http://127.0.0.1:${l.running.port}`))).text();
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(35);
  });

  it('starts a private redis-server when none answers, and stops it on close', async () => {
    const redis = await sandboxRedis(`redis://127.0.0.1:${await freePort()}`);
    expect(redis.privateDir).toBeDefined();
    expect(await redisAnswers(redis.url)).toBe(true);
    await redis.stop();
    expect(await redisAnswers(redis.url, 500)).toBe(false);
    expect(existsSync(redis.privateDir!)).toBe(false);

    const shared = await sandboxRedis('redis://127.0.0.1:6379');
    expect(shared.url).toBe('redis://127.0.0.1:6379');
    expect(shared.privateDir).toBeUndefined();
  });

  it('says in one line what to do when no Redis answers and redis-server is not installed', async () => {
    const started = Date.now();
    const url = `redis://127.0.0.1:${await freePort()}`;
    const error = await sandboxRedis(url, 'redis-server-not-installed').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingStartupError);
    expect((error as Error).message).toBe(`Redis is not reachable at ${url} and redis-server-not-installed is not installed: install Redis (e.g. \`apt-get install redis-server\`, \`brew install redis\`) or set REDIS_URL.`);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('--empty starts from a new empty database every time, says where, and removes it on exit', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'concord-sandbox-test-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const base = baseConfig({ DATA_DIR: dataDir });

    const first = await launchSandbox({ base, port: 0, empty: true });
    expect(first.data.where).toBe(`a new, empty embedded database in ${first.data.dataDir} (deleted when the sandbox stops)`);
    expect(first.seeded).toBeUndefined();
    expect(await typed(first, first.iomc.secretariat, 'setup "First try" tz:Europe/Zurich')).toContain('First try');
    expect(await typed(first, first.iomc.secretariat, 'meeting add "IOCC-62" 2027-03-11')).toContain('M-1');
    await first.close();
    expect(existsSync(first.data.dataDir)).toBe(false);

    const second = await launchSandbox({ base, port: 0, empty: true });
    cleanups.push(() => second.close());
    expect(second.data.dataDir).not.toBe(first.data.dataDir);
    const meetings = await typed(second, second.iomc.secretariat, 'meetings all');
    expect(meetings).not.toContain('IOCC-62');
    expect(meetings).toContain('setup');
  }, 120_000);
});
