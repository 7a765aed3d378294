/**
 * Weekly digests and the two read-only commands, on the test clock (TEST_CLOCK=on, `POST /test/clock`), over
 * signed HTTP against the sandbox: the Monday committee digest lists what is overdue; each focal point gets
 * their organization's at 09:00 their time; a digest missed over two Mondays goes out once; an organization
 * with nothing to report gets none; `digest` previews it; `reminders` lists what is planned in both zones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';

let t: TestApp;
let who: string;
let undp: string;
let fao: string;

async function clock(change: { set?: string; advance?: string }): Promise<void> {
  const r = await fetch(`${t.url}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });
  expect(r.status).toBe(200);
}

const channelDigests = () => t.sandbox.messages(t.iomc.channelId).filter((m) => m.text.startsWith('Weekly digest for IOCC'));
const dmDigests = (user: string) => t.sandbox.directMessages(user).filter((m) => m.text.startsWith('Weekly digest'));
const shown = (m: { text: string; blocks?: unknown }) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`;
const settle = () => new Promise((r) => setTimeout(r, 1500));

beforeAll(async () => {
  t = await startTestApp({ TEST_CLOCK: 'on' });
  await clock({ set: '2027-03-03T10:00:00Z' }); // Wednesday
  ({ WHO: who, UNDP: undp, FAO: fao } = t.iomc.focalPoints);
  for (const text of [
    'setup "IOCC" tz:Europe/Zurich',
    `role <@${t.iomc.chair}> chair`,
    'org add WHO "World Health Organization" tz:Europe/Zurich',
    'org add UNDP "United Nations Development Programme" tz:America/New_York',
    'org add FAO "Food and Agriculture Organization" tz:Europe/Rome',
    `member add <@${who}> WHO as:focal`,
    `member add <@${undp}> UNDP as:focal`,
    `member add <@${fao}> FAO as:focal`,
    'assign WHO "Overdue country report" due 2027-03-04',
    'assign UNDP "Budget note" due 2027-03-12',
    'meeting add "IOCC-70" 2027-03-25 tz:Europe/Zurich',
    'deadline add "Input papers" 2027-03-20 orgs:UNDP',
  ]) {
    expect((await concord(t, t.iomc.secretariat, text)).text, text).toMatch(/✅/);
  }
});
afterAll(async () => {
  await t?.close();
});

describe('/concord digest', () => {
  it('previews the next Monday digest as it will be written, with its time in the viewer’s zone and the committee’s', async () => {
    const seen = await concord(t, undp, 'digest'); // a New York viewer
    expect(seen.text).toMatch(/Preview of the next weekly digest/);
    expect(seen.text).toContain('Mon 8 Mar 2027, 03:00 EST your time (Mon 8 Mar 2027, 09:00 CET committee time)');
    expect(seen.text).toMatch(/Overdue \(1\)[\s\S]*WHO[\s\S]*F-1\* Overdue country report · was due Thu 4 Mar 2027/);
    expect(seen.text).toMatch(/Due in the next 14 days \(1\)[\s\S]*F-2\* Budget note — UNDP · due Fri 12 Mar 2027/);
    expect(seen.text).toMatch(/M-1\* IOCC-70 · 25 Mar 2027/);
    expect(seen.text).toMatch(/D-1\* Input papers · due Sat 20 Mar 2027 · UNDP/);
    expect(seen.responseType ?? 'ephemeral').toBe('ephemeral');
  });

  it('refuses extra words', async () => {
    const seen = await concord(t, undp, 'digest now');
    expect(seen.text).toMatch(/⚠️ Unexpected/);
    expect(seen.text).toMatch(/Usage: `\/concord digest`/);
  });
});

describe('/concord reminders', () => {
  it('lists F-1’s planned reminders with the recipient’s zone and the viewer’s', async () => {
    const seen = await concord(t, undp, 'reminders F-1');
    expect(seen.text).toMatch(/Reminders planned for F-1 \(4\)/); // due-0 and the three overdue chases
    expect(seen.text).toMatch(/F-1\* Overdue country report · WHO — on its due date → <@U0WHO> \(DM\)/);
    expect(seen.text).toContain('Thu 4 Mar 2027, 09:00 CET (Europe/Zurich) · Thu 4 Mar 2027, 03:00 EST your time (America/New_York)');
    expect(seen.text).toMatch(/overdue, chase 3 of 3/);
  });

  it('mine: only the reminders to me, the organization digest included', async () => {
    const seen = await concord(t, undp, 'reminders mine');
    expect(seen.text).toMatch(/Reminders planned for you/);
    expect(seen.text).toMatch(/F-2\* Budget note · UNDP/);
    expect(seen.text).toMatch(/D-1\* Input papers/);
    expect(seen.text).toMatch(/Digest\* Weekly digest · UNDP — Monday digest → <@U0UNDP> \(DM\)\n\s*Mon 8 Mar 2027, 09:00 EST \(America\/New_York\) · the same for you/);
    expect(seen.text).not.toMatch(/F-1\*/);
  });

  it('without an argument: the committee’s next reminders, soonest first', async () => {
    const seen = await concord(t, t.iomc.secretariat, 'reminders');
    expect(seen.text).toMatch(/Next planned reminders \(\d+\)/);
    expect(seen.text.indexOf('F-1* Overdue country report · WHO — on its due date')).toBeLessThan(seen.text.indexOf('Weekly digest · IOCC'));
    expect(seen.text).toMatch(/Weekly digest · IOCC — Monday digest → <#C0IOCC>/);
  });

  it('answers bad input with what to type instead', async () => {
    expect((await concord(t, undp, 'reminders F-99')).text).toMatch(/⚠️ There is no F-99; the last follow-up is F-2/);
    expect((await concord(t, undp, 'reminders D-7')).text).toMatch(/⚠️ There is no D-7; the last deadline is D-1/);
    expect((await concord(t, undp, 'reminders M-0')).text).toMatch(/⚠️ Meeting ids start at M-1/);
    const typo = await concord(t, undp, 'reminders mien');
    expect(typo.text).toMatch(/⚠️ "mien" is not F-n, M-n, D-n, R-n or mine/);
    expect(typo.text).toMatch(/Did you mean `reminders mine`\?/);
    expect((await concord(t, undp, 'reminders 2')).text).toMatch(/⚠️ Say which 2 you mean[\s\S]*Did you mean `reminders F-2`/);
    expect((await concord(t, undp, 'reminders F-1 extra')).text).toMatch(/⚠️ Unexpected/);
    expect((await concord(t, undp, 'remindres mine')).text).toMatch(/Did you mean `reminders`/);
  });
});

describe('weekly digests', () => {
  it('Monday 09:00: the committee digest lists the overdue items; each focal point gets theirs at 09:00 their time', { timeout: 60_000 }, async () => {
    await clock({ set: '2027-03-08T07:59:00Z' });
    await settle();
    expect(channelDigests()).toHaveLength(0);
    await clock({ set: '2027-03-08T08:00:00Z' }); // 09:00 CET
    await expect.poll(() => channelDigests().length, { timeout: 10_000 }).toBe(1);
    const digest = shown(channelDigests()[0]!);
    expect(digest).toMatch(/1 overdue/);
    expect(digest).toMatch(/Overdue \(1\)/);
    expect(digest).toMatch(/\*WHO\*\\n• \*F-1\* Overdue country report · was due Thu 4 Mar 2027/);
    expect(digest).toMatch(/F-2\* Budget note — UNDP · due Fri 12 Mar 2027/);
    await expect.poll(() => dmDigests(who).length, { timeout: 10_000 }).toBe(1);
    expect(shown(dmDigests(who)[0]!)).toMatch(/Weekly digest for WHO: 1 open follow-ups \(1 overdue\)/);
    expect(dmDigests(undp)).toHaveLength(0); // 03:00 in New York

    await clock({ set: '2027-03-08T13:59:00Z' });
    await settle();
    expect(dmDigests(undp)).toHaveLength(0);
    await clock({ set: '2027-03-08T14:00:00Z' }); // 09:00 EST
    await expect.poll(() => dmDigests(undp).length, { timeout: 10_000 }).toBe(1);
    const theirs = shown(dmDigests(undp)[0]!);
    expect(theirs).toMatch(/F-2\* Budget note · due Fri 12 Mar 2027/);
    expect(theirs).toMatch(/D-1\* Input papers/);
    expect(theirs).not.toMatch(/Overdue country report/);
  });

  it('an organization with nothing to report gets no digest; the skip is recorded', async () => {
    await settle();
    expect(dmDigests(fao)).toHaveLength(0);
    const row = await t.db.reminder.findFirstOrThrow({ where: { subjectKind: 'digest', recipient: fao, rule: 'digest-2027-03-08' } });
    expect(row).toMatchObject({ status: 'skipped', reason: 'nothing to report' });
  });

  it('a digest missed over two Mondays goes out once, with the escalation list, and the next Monday is planned', { timeout: 60_000 }, async () => {
    await clock({ advance: 'P15D' }); // Tue 23 Mar 2027: the digests of 15 and 22 Mar were missed
    await expect.poll(() => channelDigests().length, { timeout: 10_000 }).toBe(2);
    await settle();
    await t.running.worker!.reconcile();
    await settle();
    expect(channelDigests()).toHaveLength(2);
    const late = shown(channelDigests()[1]!);
    // F-1's three overdue chases came due together: the last one was sent, so F-1 is on the chair's list.
    expect(late).toMatch(/For the chair: reminded 3 times and still open \(1\)[\s\S]*F-1\* Overdue country report — WHO/);
    expect(late).toMatch(/Week of Mon 22 Mar 2027/);
    expect(late).toMatch(/Overdue \(2\)\*\\n\*UNDP\*\\n• \*F-2\* Budget note · was due Fri 12 Mar 2027\\n\*WHO\*\\n• \*F-1\*/);
    const pending = await t.db.reminder.findMany({ where: { subjectKind: 'digest', recipient: t.iomc.channelId, status: 'pending' } });
    expect(pending.map((r) => [r.rule, r.dueAt.toISOString()])).toEqual([['digest-2027-03-29', '2027-03-29T07:00:00.000Z']]); // 09:00 CEST
  });
});
