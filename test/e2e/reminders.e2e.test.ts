/**
 * The reminder engine driven through the test clock (TEST_CLOCK=on, `POST /test/clock`), over signed HTTP
 * against the sandbox: 09:00 in the recipient's zone across the spring DST change, a moved meeting moving
 * its reminders, a done follow-up cancelling its own, catch-up after downtime, and an emptied Redis.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';

let t: TestApp;
let who: string;

async function clock(change: { set?: string; advance?: string }): Promise<string> {
  const r = await fetch(`${t.url}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });
  expect(r.status).toBe(200);
  return ((await r.json()) as { now: string }).now;
}

const reminderDms = (user: string, title: string) => t.sandbox.directMessages(user).filter((m) => m.text.startsWith('⏰') && m.text.includes(title));
const channelReminders = (title: string) => t.sandbox.messages(t.iomc.channelId).filter((m) => m.text.startsWith('📅') && m.text.includes(title) && m.text.includes('starts'));
const settle = () => new Promise((r) => setTimeout(r, 1500));

beforeAll(async () => {
  t = await startTestApp({ TEST_CLOCK: 'on' });
  await clock({ set: '2027-03-01T12:00:00Z' });
  who = t.iomc.focalPoints.WHO;
  for (const text of ['setup "IOCC" tz:Europe/Zurich', `role <@${t.iomc.chair}> chair`, 'org add WHO "World Health Organization" tz:Europe/Zurich', `member add <@${who}> WHO as:focal`]) {
    expect((await concord(t, t.iomc.secretariat, text)).text).toMatch(/✅/);
  }
});
afterAll(async () => {
  await t?.close();
});

describe('the test clock', () => {
  it('answers GET and POST, and refuses a malformed move with 400', async () => {
    const now = await (await fetch(`${t.url}/test/clock`)).json();
    expect(now).toEqual({ now: '2027-03-01T12:00:00.000Z' });
    const bad = await fetch(`${t.url}/test/clock`, { method: 'POST', body: '{"advance":"tomorrow"}' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/ISO duration/);
  });
});

describe('reminders', () => {
  it('reminds at 09:00 Geneva time on the Monday after the spring DST change: 07:00 UTC', { timeout: 60_000 }, async () => {
    expect((await concord(t, t.iomc.chair, 'assign WHO "Report on DST readiness" due 2027-03-29')).text).toMatch(/✅/);
    const part = await t.db.followUpAssignment.findFirstOrThrow({ where: { followUp: { title: 'Report on DST readiness' } } });
    const planned = await t.db.reminder.findMany({ where: { subjectId: part.id }, orderBy: { dueAt: 'asc' } });
    const dueDay = planned.find((r) => r.rule === 'due-0')!;
    expect(dueDay.dueAt.toISOString()).toBe('2027-03-29T07:00:00.000Z'); // 09:00 CEST
    expect(planned.find((r) => r.rule === 'due-7')!.dueAt.toISOString()).toBe('2027-03-22T08:00:00.000Z'); // 09:00 CET

    await clock({ set: '2027-03-22T08:00:00Z' });
    await expect.poll(() => reminderDms(who, 'DST readiness').length, { timeout: 10_000 }).toBe(1);
    await clock({ set: '2027-03-29T06:59:00Z' }); // due-1 (Sun 28 → Fri 26) comes first
    await expect.poll(() => reminderDms(who, 'DST readiness').length, { timeout: 10_000 }).toBe(2);
    await settle();
    expect(reminderDms(who, 'DST readiness')).toHaveLength(2);
    await clock({ set: '2027-03-29T07:00:00Z' });
    await expect.poll(() => reminderDms(who, 'DST readiness').length, { timeout: 10_000 }).toBe(3);
    const last = reminderDms(who, 'DST readiness').at(-1)!;
    expect(last.text).toMatch(/due today/);
    expect(JSON.stringify(last.blocks)).toContain('followup_done'); // the follow-up's buttons
    await expect.poll(async () => (await t.db.reminder.findUniqueOrThrow({ where: { id: dueDay.id } })).status, { timeout: 5000 }).toBe('sent');
  });

  it('moves a meeting\'s reminders with the meeting', { timeout: 60_000 }, async () => {
    await clock({ set: '2027-04-01T10:00:00Z' });
    expect((await concord(t, t.iomc.secretariat, 'meeting add "IOCC-62" 2027-04-20 tz:Europe/Zurich')).text).toMatch(/✅/);
    expect((await concord(t, t.iomc.secretariat, 'meeting move M-1 2027-05-20')).text).toMatch(/✅/);
    await clock({ set: '2027-04-13T07:30:00Z' }); // 7 days before the old date
    await settle();
    expect(channelReminders('IOCC-62')).toHaveLength(0);
    await clock({ set: '2027-05-13T07:00:00Z' }); // 7 days before the new date, 09:00 CEST
    await expect.poll(() => channelReminders('IOCC-62').length, { timeout: 10_000 }).toBe(1);
    expect(channelReminders('IOCC-62')[0]!.text).toMatch(/starts in 7 days/);
  });

  it('cancels a follow-up\'s reminders when it is done', { timeout: 60_000 }, async () => {
    await clock({ set: '2027-06-01T10:00:00Z' });
    expect((await concord(t, t.iomc.chair, 'assign WHO "Circulate the draft" due 2027-06-15')).text).toMatch(/✅/);
    expect((await concord(t, who, 'done F-2 "sent"')).text).toMatch(/✅/);
    const part = await t.db.followUpAssignment.findFirstOrThrow({ where: { followUp: { title: 'Circulate the draft' } } });
    expect(await t.db.reminder.count({ where: { subjectId: part.id, status: 'pending' } })).toBe(0);
    await clock({ set: '2027-07-01T10:00:00Z' });
    await settle();
    expect(reminderDms(who, 'Circulate the draft')).toHaveLength(0);
  });

  it('after downtime sends only the latest missed reminder of a subject, and skips the others with the reason', { timeout: 60_000 }, async () => {
    await clock({ set: '2027-08-02T10:00:00Z' });
    expect((await concord(t, t.iomc.chair, 'assign WHO "Missed while down" due 2027-08-20')).text).toMatch(/✅/);
    await clock({ set: '2027-08-20T10:00:00Z' }); // due-7, due-1 and due-0 all came due at once
    await expect.poll(() => reminderDms(who, 'Missed while down').length, { timeout: 10_000 }).toBe(1);
    await settle();
    expect(reminderDms(who, 'Missed while down')).toHaveLength(1);
    expect(reminderDms(who, 'Missed while down')[0]!.text).toMatch(/due today/);
    const part = await t.db.followUpAssignment.findFirstOrThrow({ where: { followUp: { title: 'Missed while down' } } });
    const skipped = await t.db.reminder.findMany({ where: { subjectId: part.id, status: 'skipped' } });
    expect(skipped.map((r) => r.rule).sort()).toEqual(['due-1', 'due-7']);
    expect(skipped[0]!.reason).toMatch(/later reminder/);
  });

  it('delivers each reminder exactly once after Redis is emptied and the worker restarted', { timeout: 60_000 }, async () => {
    await clock({ set: '2027-09-01T10:00:00Z' });
    expect((await concord(t, t.iomc.chair, 'assign WHO "Survive FLUSHDB" due 2027-09-10')).text).toMatch(/✅/);
    await t.running.worker!.reconcile(); // timers for the next hours are in Redis now
    const redis = new Redis(t.config.redisUrl);
    const keys = await redis.keys(`${t.config.redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await t.running.worker!.close();
    const { startConcord } = await import('../../src/runtime.ts');
    const { createLogger } = await import('../../src/logger.ts');
    const worker = await startConcord({ ...t.config, role: 'worker' }, createLogger('silent'));
    try {
      await clock({ set: '2027-09-03T08:00:00Z' }); // due-7 (Fri 3 Sep, 09:00 CEST = 07:00Z)
      await expect.poll(() => reminderDms(who, 'Survive FLUSHDB').length, { timeout: 10_000 }).toBe(1);
      await worker.worker!.reconcile();
      await settle();
      expect(reminderDms(who, 'Survive FLUSHDB')).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });
});
