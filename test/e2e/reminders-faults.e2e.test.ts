/**
 * Reminders under faults, on the test clock, against the sandbox: a worker process killed (SIGKILL) while
 * a reminder's chat.postMessage is in flight, a 429 storm while 10 reminders come due, and a reminder
 * Slack refuses for good (the secretariat is told once). Reminders fall on Wednesdays, away from the Monday
 * digests, so each fault hits the reminder.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { killProcess, sharedEnv, startConcordProcess } from '../support/concord-process.ts';
import { startConcord, type RunningConcord } from '../../src/runtime.ts';
import { createLogger } from '../../src/logger.ts';

const LEASE_SECONDS = 3;
const ORGS = ['FAO', 'UNEP', 'WHO', 'OECD', 'UNITAR'] as const;

let t: TestApp;
const processes: ChildProcess[] = [];
const inProcess: RunningConcord[] = [];

function startWorkerProcess(): ChildProcess {
  const env = { ...sharedEnv(t.config), ROLE: 'worker', LOG_LEVEL: 'warn', TEST_CLOCK: 'on', DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS) };
  const child = startConcordProcess(env).child;
  processes.push(child);
  return child;
}

const kill = killProcess;

async function startInProcessWorker(): Promise<void> {
  inProcess.push(await startConcord({ ...t.config, role: 'worker' }, createLogger('silent')));
}

async function clock(set: string): Promise<void> {
  const r = await fetch(`${t.url}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ set }) });
  expect(r.status).toBe(200);
}

const ok = async (user: string, text: string) => expect((await concord(t, user, text)).text).toMatch(/✅/);
const reminderDms = (user: string, title: string) => t.sandbox.directMessages(user).filter((m) => m.text.startsWith('⏰') && m.text.includes(title));
async function remindersOf(title: string, rule = 'due-7') {
  const parts = await t.db.followUpAssignment.findMany({ where: { followUp: { title: { startsWith: title } } }, select: { id: true } });
  return t.db.reminder.findMany({ where: { rule, subjectId: { in: parts.map((p) => p.id) } }, select: { id: true, status: true, recipient: true, reason: true, outboundId: true } });
}
const settle = () => new Promise((r) => setTimeout(r, 2500));
/** Waits until everything queued so far (announcements, welcome DMs) is delivered. */
const drained = () => expect.poll(() => t.db.outboundMessage.count({ where: { status: { in: ['pending', 'sending'] } } }), { timeout: 30_000, interval: 200 }).toBe(0);
/**
 * Moves the clock to a minute before `at` and lets what that brings (the digests of the Mondays passed
 * over, earlier follow-ups' chases) be delivered, so the fault set next hits the reminder due at `at`.
 */
async function justBefore(at: string): Promise<void> {
  await clock(new Date(new Date(at).getTime() - 60_000).toISOString());
  await new Promise((r) => setTimeout(r, 1000));
  await drained();
}

beforeAll(async () => {
  t = await startTestApp({ ROLE: 'web', TEST_CLOCK: 'on', DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS) });
  await clock('2027-03-01T12:00:00Z');
  await ok(t.iomc.secretariat, 'setup "IOCC" tz:Europe/Zurich');
  await ok(t.iomc.secretariat, `role <@${t.iomc.chair}> chair`);
  for (const code of ORGS) {
    await ok(t.iomc.secretariat, `org add ${code} "${code} organization" tz:Europe/Zurich`);
    await ok(t.iomc.secretariat, `member add <@${t.iomc.focalPoints[code]}> ${code} as:focal`);
  }
}, 60_000);
afterEach(async () => {
  t.sandbox.faults.clear();
  await Promise.all(processes.splice(0).map(kill));
  await Promise.all(inProcess.splice(0).map((w) => w.close()));
});
afterAll(async () => {
  await t?.close();
});

describe('a worker killed mid-delivery of a reminder', () => {
  for (const carriedOut of [false, true]) {
    it(`delivers it once after restart (the post ${carriedOut ? 'had' : 'had not'} reached Slack)`, { timeout: 90_000 }, async () => {
      const title = `Killed mid-reminder ${carriedOut ? 'after' : 'before'} Slack`;
      const who = t.iomc.focalPoints.WHO;
      await clock(carriedOut ? '2027-05-03T10:00:00Z' : '2027-03-01T12:00:00Z');
      await ok(t.iomc.chair, `assign WHO "${title}" due ${carriedOut ? '2027-06-02' : '2027-03-31'}`);
      const first = startWorkerProcess();
      await drained();
      const [reminder] = await remindersOf(title);
      const due = carriedOut ? '2027-05-26T07:00:00Z' : '2027-03-24T08:00:00Z'; // due-7: Wednesday 09:00 in Geneva
      await justBefore(due);
      t.sandbox.faults.stall('chat.postMessage', { carriedOut });
      await clock(due);
      await expect.poll(async () => (await t.db.reminder.findUniqueOrThrow({ where: { id: reminder!.id } })).status, { timeout: 20_000, interval: 100 }).toBe('sending');
      const outboxRow = async () => t.db.outboundMessage.findUnique({ where: { id: (await t.db.reminder.findUniqueOrThrow({ where: { id: reminder!.id } })).outboundId! } });
      await expect.poll(async () => (await outboxRow())?.status, { timeout: 20_000, interval: 100 }).toBe('sending');
      await new Promise((r) => setTimeout(r, 300)); // the post is in flight at the sandbox
      await kill(first);
      expect(reminderDms(who, title)).toHaveLength(carriedOut ? 1 : 0);

      await new Promise((r) => setTimeout(r, LEASE_SECONDS * 1000)); // the dead worker's lease runs out
      await startInProcessWorker();
      await expect.poll(async () => (await t.db.reminder.findUniqueOrThrow({ where: { id: reminder!.id } })).status, { timeout: 30_000, interval: 200 }).toBe('sent');
      await settle();
      const dms = reminderDms(who, title);
      expect(dms).toHaveLength(1);
      expect((await t.db.reminder.findUniqueOrThrow({ where: { id: reminder!.id } })).slackTs).toBe(dms[0]!.ts);
    });
  }
});

describe('a 429 storm while 10 reminders come due', () => {
  it('delivers all of them, none twice', { timeout: 90_000 }, async () => {
    await clock('2027-06-01T10:00:00Z');
    for (const n of [1, 2]) await ok(t.iomc.chair, `assign ${ORGS.join(',')} "Storm ${n}" due 2027-06-30`);
    await startInProcessWorker();
    await drained();
    expect(await remindersOf('Storm ')).toHaveLength(10);
    await justBefore('2027-06-23T07:00:00Z');
    const before = t.sandbox.calls('chat.postMessage').length;
    t.sandbox.faults.rateLimitStorm('chat.postMessage', { count: 5, retryAfter: 1 });
    await clock('2027-06-23T07:00:00Z'); // due-7, Wednesday 09:00 CEST
    await expect.poll(async () => (await remindersOf('Storm ')).filter((r) => r.status === 'sent').length, { timeout: 60_000, interval: 250 }).toBe(10);
    await settle();
    const refused = t.sandbox.calls('chat.postMessage').slice(before).filter((c) => c.status === 429);
    expect(refused.length).toBe(5); // the storm did hit
    for (const code of ORGS) for (const n of [1, 2]) expect(reminderDms(t.iomc.focalPoints[code], `Storm ${n}`), `${code} ${n}`).toHaveLength(1);
  });
});

describe('a reminder Slack refuses for good', () => {
  it('is marked failed and the secretariat gets exactly one notice', { timeout: 90_000 }, async () => {
    // An external focal point who shares no channel with the workspace (conversations.open refuses the DM),
    // whose organization's channel is private and without the bot (the fallback post is refused too).
    t.sandbox.addChannel({ id: 'C0PRIVXO', teamId: t.iomc.teamId, name: 'xo-private', isPrivate: true, members: [t.iomc.secretariat] });
    await clock('2027-07-01T10:00:00Z');
    await ok(t.iomc.secretariat, 'org add XO "Outside organization" tz:Europe/Zurich channel:<#C0PRIVXO|xo-private>');
    await ok(t.iomc.secretariat, `member add <@${t.iomc.external}> XO as:focal`);
    await ok(t.iomc.chair, 'assign XO "Refused for good" due 2027-07-28');
    await startInProcessWorker();
    await drained();
    const notices = () => t.sandbox.directMessages(t.iomc.secretariat).filter((m) => m.text.includes('could not be delivered'));
    await justBefore('2027-07-21T07:00:00Z');
    const noticesBefore = notices().length;
    await clock('2027-07-21T07:00:00Z');
    await expect.poll(async () => (await remindersOf('Refused for good'))[0]?.status, { timeout: 30_000, interval: 200 }).toBe('failed');
    expect((await remindersOf('Refused for good'))[0]!.reason).toBe('not_in_channel');
    await expect.poll(() => notices().length - noticesBefore, { timeout: 15_000, interval: 200 }).toBe(1);
    await inProcess[0]!.worker!.reconcile(); // a reconcile re-sends nothing
    await settle();
    expect(notices().length - noticesBefore).toBe(1);
    expect(notices().at(-1)!.text).toContain(`<@${t.iomc.external}>`);
    expect(t.sandbox.messages('C0PRIVXO').filter((m) => m.text.includes('Refused for good'))).toHaveLength(0);
  });
});
