/**
 * A reminder's zone is its recipient's Slack profile `tz` (users.info), else their organization's duty
 * station, else the committee's — driven over signed HTTP against the sandbox, on the test clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';

let t: TestApp;
let newYorker: string; // the sandbox's UNDP focal point: profile tz America/New_York
const NO_TZ = 'U0NOTZ'; // a focal point whose Slack profile has no time zone

async function clock(set: string): Promise<void> {
  const r = await fetch(`${t.url}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ set }) });
  expect(r.status).toBe(200);
}

const dueToday = (user: string) => t.sandbox.directMessages(user).filter((m) => m.text.startsWith('⏰') && m.text.includes('Budget figures') && /due today/.test(m.text));
const reminderOf = async (user: string, rule: string) => t.db.reminder.findFirstOrThrow({ where: { recipient: user, rule, subjectKind: 'followup' } });

beforeAll(async () => {
  t = await startTestApp({ TEST_CLOCK: 'on' });
  newYorker = t.iomc.focalPoints.UNDP;
  t.sandbox.addUser({ id: NO_TZ, teamId: t.iomc.teamId, name: 'no.zone', tz: null });
  t.sandbox.joinChannel(t.iomc.channelId, NO_TZ);
  await clock('2027-01-04T12:00:00Z');
  // UNDP's duty station is Geneva here, so only the profile can put its focal point on New York time.
  for (const text of ['setup "IOCC" tz:Europe/Zurich', `role <@${t.iomc.chair}> chair`, 'org add UNDP "United Nations Development Programme" tz:Europe/Zurich', `member add <@${newYorker}> UNDP as:focal`, `member add <@${NO_TZ}> UNDP as:focal`]) {
    expect((await concord(t, t.iomc.secretariat, text)).text).toMatch(/✅/);
  }
});
afterAll(async () => {
  await t?.close();
});

describe('the recipient\'s zone', () => {
  it('stores the Slack profile zone at member add; a profile without one falls back to the duty station', async () => {
    expect((await t.db.member.findFirstOrThrow({ where: { slackUserId: newYorker } })).slackTz).toBe('America/New_York');
    expect((await t.db.member.findFirstOrThrow({ where: { slackUserId: NO_TZ } })).slackTz).toBeNull();
  });

  it('reminds a New York focal point of a Geneva organization at 09:00 New York time (14:00 UTC in winter)', { timeout: 60_000 }, async () => {
    expect((await concord(t, t.iomc.chair, 'assign UNDP "Budget figures" due 2027-01-20')).text).toMatch(/✅/);
    const ny = await reminderOf(newYorker, 'due-0');
    expect([ny.zone, ny.dueAt.toISOString()]).toEqual(['America/New_York', '2027-01-20T14:00:00.000Z']);
    const geneva = await reminderOf(NO_TZ, 'due-0');
    expect([geneva.zone, geneva.dueAt.toISOString()]).toEqual(['Europe/Zurich', '2027-01-20T08:00:00.000Z']);

    await clock('2027-01-20T13:59:00Z');
    await expect.poll(() => dueToday(NO_TZ).length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(dueToday(newYorker)).toHaveLength(0); // 08:59 in New York
    await clock('2027-01-20T14:00:00Z');
    await expect.poll(() => dueToday(newYorker).length, { timeout: 10_000 }).toBe(1);
  });

  it('moves a person\'s pending reminders when a command finds their profile zone changed', { timeout: 60_000 }, async () => {
    const before = await reminderOf(newYorker, 'overdue-1'); // Mon 25 Jan, 09:00 New York
    expect([before.status, before.dueAt.toISOString()]).toEqual(['pending', '2027-01-25T14:00:00.000Z']);
    const profile = t.sandbox.users().find((u) => u.id === newYorker)!;
    t.sandbox.addUser({ ...profile, tz: 'Asia/Tokyo' }); // they moved and changed their Slack profile
    await clock('2027-01-21T12:00:00Z'); // a day later: Concord's 15-minute memory of their zone has lapsed
    expect((await concord(t, newYorker, 'reminders mine')).status).toBe(200);
    await expect.poll(async () => (await reminderOf(newYorker, 'overdue-1')).dueAt.toISOString(), { timeout: 10_000 }).toBe('2027-01-25T00:00:00.000Z');
    const after = await reminderOf(newYorker, 'overdue-1');
    expect([after.id, after.zone, after.status]).toEqual([before.id, 'Asia/Tokyo', 'pending']);
    expect((await t.db.member.findFirstOrThrow({ where: { slackUserId: newYorker } })).slackTz).toBe('Asia/Tokyo');
    // The other focal point's reminders did not move.
    expect((await reminderOf(NO_TZ, 'overdue-1')).dueAt.toISOString()).toBe('2027-01-25T08:00:00.000Z');
  });
});
