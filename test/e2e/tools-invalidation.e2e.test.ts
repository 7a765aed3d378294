/**
 * Tools that change committee data outside Concord's processes tell the running ones: the calendar import
 * CLI and the seed, run as an operator runs them (child processes on the same database and Redis prefix),
 * publish the committee's invalidation, and the running Concord shows the change on the very next command
 * — not after its cache's 30 s. With Redis unreachable the tool still succeeds and says what that means.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { freePort } from '../support/concord-process.ts';
import { invalidationChannel } from '../../jobs/redis-invalidation.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MEETINGS = path.join(ROOT, 'prisma/seed-data/meetings.json');

let t: TestApp;
let listener: Redis;
const published: string[] = [];
let committeeId: string;
const dir = mkdtempSync(path.join(tmpdir(), 'concord-tools-'));

/** Runs a tool as `npm run …` would, against the test app's database and Redis prefix. */
function tool(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: t.config.databaseUrl!, REDIS_URL: t.config.redisUrl, REDIS_PREFIX: t.config.redisPrefix, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** Keeps the running process's cached copy of a view fresh while a tool runs (its 30 s lifetime never runs out). */
function keepReading(user: string, text: string): () => Promise<void> {
  let reading = true;
  const loop = (async () => {
    while (reading) {
      await concord(t, user, text);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return async () => {
    reading = false;
    await loop;
  };
}

beforeAll(async () => {
  t = await startTestApp();
  expect((await concord(t, t.iomc.secretariat, 'setup "IOCC" tz:Europe/Zurich')).text).toMatch(/✅/);
  expect((await concord(t, t.iomc.secretariat, 'org add WHO "World Health Organization"')).text).toMatch(/✅/);
  committeeId = (await t.db.committee.findFirstOrThrow()).id;
  listener = new Redis(t.config.redisUrl);
  await listener.subscribe(invalidationChannel(t.config.redisPrefix));
  listener.on('message', (_channel: string, key: string) => published.push(key));
}, 60_000);
afterAll(async () => {
  listener?.disconnect();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('tools outside Concord publish invalidation', () => {
  it('the calendar import: `meetings all` in the running process shows the imported meetings right after', async () => {
    const before = await concord(t, t.iomc.chair, 'meetings all');
    expect(before.text).not.toContain('UNEA-7');
    const stopReading = keepReading(t.iomc.chair, 'meetings all');
    const run = await tool('src/cli/import-calendar.ts', [MEETINGS]);
    await stopReading();
    expect(run.out).toMatch(/35 meetings: 35 added/);
    expect(run.code).toBe(0);
    expect(published).toContain(committeeId);
    expect((await concord(t, t.iomc.chair, 'meetings all')).text).toContain('UNEA-7');
  }, 60_000);

  it('the seed: `org list` in the running process shows the nine organizations right after', async () => {
    published.length = 0;
    expect((await concord(t, t.iomc.chair, 'org list')).text).not.toContain('UNITAR');
    const stopReading = keepReading(t.iomc.chair, 'org list');
    const run = await tool('prisma/seed.ts', ['--team', 'T0IOMC']);
    await stopReading();
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Seeded the IOMC committee for team T0IOMC: .*UNITAR/);
    expect(published).toEqual([committeeId]);
    const list = await concord(t, t.iomc.chair, 'org list');
    for (const code of ['FAO', 'ILO', 'UNDP', 'UNEP', 'UNIDO', 'UNITAR', 'WHO', 'OECD']) expect(list.text).toContain(code);
  }, 60_000);

  it('an import that changes nothing publishes nothing', async () => {
    published.length = 0;
    const run = await tool('src/cli/import-calendar.ts', [MEETINGS]);
    expect(run.out).toMatch(/35 unchanged/);
    await new Promise((r) => setTimeout(r, 300));
    expect(published).toEqual([]);
  }, 60_000);

  it('with Redis unreachable the import still succeeds and says running processes show it within 30 s', async () => {
    const meetings = JSON.parse(readFileSync(MEETINGS, 'utf8')) as Array<{ name: string }>;
    meetings[30]!.name = 'Seventh session of the UN Environment Assembly (UNEA-7), resumed';
    const file = path.join(dir, 'meetings.json');
    writeFileSync(file, JSON.stringify(meetings));
    const run = await tool('src/cli/import-calendar.ts', [file], { REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/1 added/); // a new name is a new meeting
    expect(run.out).toMatch(/Redis is not reachable at redis:\/\/127\.0\.0\.1:\d+, so running Concord processes were not told of the change; they show it within 30 s\./);
    await expect.poll(async () => (await concord(t, t.iomc.chair, 'meetings all')).text, { timeout: 10_000, interval: 1000 }).toContain('resumed');
  }, 60_000);
});
