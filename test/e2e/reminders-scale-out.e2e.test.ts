/**
 * Scale-out (issue 11.9): two worker processes (ROLE=worker) and two web processes (one in this process,
 * one spawned) on one Redis prefix and one PostgreSQL database, all on the shared test clock. 40 reminders
 * come due with one clock move made through one web process: each is delivered exactly once, and the other
 * web process sees the same clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, SIGNING_SECRET, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { freePort, sharedEnv, startConcordProcess, waitForHealth, type ConcordProcess } from '../support/concord-process.ts';

const ORGS = ['FAO', 'UNEP', 'WHO', 'OECD'] as const;
const FOLLOW_UPS = 5;

let t: TestApp;
let otherWeb: { url: string; proc: ConcordProcess };
const workers: ConcordProcess[] = [];
/** Two focal points per organization: the workspace's own and one more. */
const focal: Record<string, string[]> = {};

function processEnv(role: 'web' | 'worker', port = 0): Record<string, string> {
  return {
    ROLE: role,
    PORT: String(port),
    LOG_LEVEL: 'info',
    TEST_CLOCK: 'on',
    ...sharedEnv(t.config),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
  };
}

async function stop(p: ConcordProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  await p.exited;
}

async function move(url: string, change: { set?: string; advance?: string }): Promise<string> {
  const r = await fetch(`${url}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });
  expect(r.status).toBe(200);
  return ((await r.json()) as { now: string }).now;
}
async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}
const readClock = async (url: string) => ((await (await fetch(`${url}/test/clock`)).json()) as { now: string }).now;

beforeAll(async () => {
  t = await startTestApp({ ROLE: 'web', TEST_CLOCK: 'on' });
  await move(t.url, { set: '2027-03-01T12:00:00Z' });
  const ok = async (text: string) => expect((await concord(t, t.iomc.secretariat, text)).text).toMatch(/✅/);
  await ok('setup "IOCC" tz:Europe/Zurich');
  await ok(`role <@${t.iomc.chair}> chair`);
  for (const code of ORGS) {
    await ok(`org add ${code} "${code} organization" tz:Europe/Zurich`);
    const extra = t.sandbox.addUser({ id: `U0X${code}`, teamId: t.iomc.teamId, name: `second-${code.toLowerCase()}`, tz: 'Europe/Zurich' }).id;
    focal[code] = [t.iomc.focalPoints[code], extra];
    for (const user of focal[code]) await ok(`member add <@${user}> ${code} as:focal`);
  }
  // Due Wednesday 31 March 2027: the 7-days-before reminders are due Wednesday 24 March, 09:00 CET = 08:00 UTC.
  for (let i = 1; i <= FOLLOW_UPS; i++) {
    expect((await concord(t, t.iomc.chair, `assign ${ORGS.join(',')} "Scale-out item ${i}" due 2027-03-31`)).text).toMatch(/✅/);
  }

  const port = await freePort();
  otherWeb = { url: `http://127.0.0.1:${port}`, proc: startConcordProcess(processEnv('web', port)) };
  workers.push(startConcordProcess(processEnv('worker')), startConcordProcess(processEnv('worker')));
  expect((await waitForHealth(port, 200)).status).toBe(200);
  for (const w of workers) await until(() => w.output().includes('worker started'), 40_000);
}, 120_000);

afterAll(async () => {
  await Promise.all([...workers, ...(otherWeb ? [otherWeb.proc] : [])].map(stop));
  await t?.close();
});

const dueSeven = () => t.db.reminder.findMany({ where: { rule: 'due-7' }, select: { id: true, status: true, recipient: true, subjectId: true, outboundId: true } });

describe('two workers and two web processes on one Redis and one database', () => {
  it('deliver each of 40 reminders exactly once after one clock move, and both web processes read the same clock', { timeout: 120_000 }, async () => {
    const planned = await dueSeven();
    expect(planned).toHaveLength(ORGS.length * 2 * FOLLOW_UPS);
    expect(planned.every((r) => r.status === 'pending')).toBe(true);

    expect(await move(otherWeb.url, { set: '2027-03-24T08:00:00Z' })).toBe('2027-03-24T08:00:00.000Z');
    await expect.poll(async () => (await dueSeven()).filter((r) => r.status === 'sent').length, { timeout: 60_000, interval: 250 }).toBe(40);
    // Let any second delivery (the other worker, a repeated tick) show itself.
    await move(t.url, { advance: 'PT1M' });
    await new Promise((r) => setTimeout(r, 3000));

    for (const code of ORGS) {
      for (const user of focal[code]!) {
        const dms = t.sandbox.directMessages(user).filter((m) => m.text.startsWith('⏰'));
        for (let i = 1; i <= FOLLOW_UPS; i++) expect(dms.filter((m) => m.text.includes(`Scale-out item ${i}`)), `${user} item ${i}`).toHaveLength(1);
        expect(dms, user).toHaveLength(FOLLOW_UPS);
      }
    }
    const after = await dueSeven();
    expect(after.every((r) => r.status === 'sent')).toBe(true);
    expect(new Set(after.map((r) => r.outboundId)).size).toBe(40);
    expect(await t.db.reminder.count({ where: { rule: { in: ['due-1', 'due-0'] }, status: 'pending' } })).toBe(80);

    // The clock moved through the spawned web process; the in-process one answers commands on it.
    expect(await readClock(t.url)).toBe(await readClock(otherWeb.url));
    expect(await readClock(t.url)).toBe('2027-03-24T08:01:00.000Z');
    expect((await concord(t, t.iomc.chair, 'assign WHO "Too late" due 2027-03-10')).text).toMatch(/in the past/);
  });
});
