/**
 * Follow-ups against real PostgreSQL: one action fanned out to several organizations, each with its own
 * status; DMs to focal points and alternates through the outbox; per-organization permissions (a member
 * of FAO may not report on WHO's part); idempotent done; roll-up; every change audited; refusals change
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignFollowUp, cancelFollowUp, reassignFollowUp, reopenFollowUp } from '../../../src/followups/followup-service.ts';
import { addUpdate, markDone, snoozeFollowUp } from '../../../src/followups/followup-progress.ts';
import { listFollowUps, showFollowUp } from '../../../src/followups/followup-queries.ts';
import { addMeeting } from '../../../src/meetings/meeting-service.ts';
import { removeOrganization } from '../../../src/organizations/organization-service.ts';
import { PermissionError } from '../../../src/committees/permissions.ts';
import { FOLLOWUP_ACTIONS } from '../../../src/slack/ids.ts';
import { snapshotDatabase } from '../../support/snapshot.ts';
import { CHANNEL, FAO_CHANNEL, followUpFixture, ORG_PEOPLE, PEOPLE, type FollowUpFixture } from './followup-fixture.ts';

let f: FollowUpFixture;
beforeAll(async () => {
  f = await followUpFixture();
  await addMeeting(await f.scope(), { title: 'GFC IC-1', startDate: '2027-01-18', endDate: '2027-01-22', timeZone: 'Europe/Zurich', venue: 'CICG, Geneva' }, f.env('2027-01-04T09:00:00Z'));
});
afterAll(async () => {
  await f?.close();
});

const NOW = '2027-02-08T09:00:00Z';
const ACTION = 'Submit GFC outcomes to UNEA';

async function refused(action: () => Promise<unknown>, message: RegExp): Promise<unknown> {
  const before = await snapshotDatabase(f.db);
  let caught: unknown;
  await action().then(
    () => expect.fail('expected a refusal'),
    (err: unknown) => {
      caught = err;
    },
  );
  expect((caught as Error).message).toMatch(message);
  expect(await snapshotDatabase(f.db)).toBe(before);
  return caught;
}

const audits = (action: string) => f.db.auditEvent.findMany({ where: { action }, orderBy: { createdAt: 'asc' } });

describe('assign', () => {
  it('creates F-1 for UNEP and WHO, DMs their focal points and alternates with three buttons, announces it once', async () => {
    const env = f.fenv(NOW);
    const r = await assignFollowUp(await f.scope(PEOPLE.chair), { orgs: ['unep', 'WHO'], title: ACTION, due: '2027-03-01', meetingNumber: 1, zone: 'Europe/Zurich' }, env);
    expect(r.followUp).toMatchObject({ number: 1, title: ACTION, dueDate: '2027-03-01', timeZone: 'Europe/Zurich', status: 'open' });
    expect(r.followUp.assignments.map((a) => [a.organization.code, a.status])).toEqual([['UNEP', 'open'], ['WHO', 'open']]);
    expect(r.meeting?.number).toBe(1);
    expect(r.notified).toBe(3);
    expect(r.unnotified).toEqual([]);

    const dms = await f.db.outboundMessage.findMany({ where: { recipientUserId: { not: null } }, orderBy: { seq: 'asc' } });
    expect(dms.map((m) => m.recipientUserId)).toEqual([ORG_PEOPLE.unepFocal, ORG_PEOPLE.unepAlternate, ORG_PEOPLE.whoFocal]);
    // Neither UNEP nor WHO has a channel: a refused DM falls back to the committee channel.
    expect(dms.every((m) => m.fallbackChannelId === CHANNEL)).toBe(true);
    const unep = r.followUp.assignments[0]!;
    expect(dms[0]!.text).toContain('New follow-up for *UNEP*: *F-1* Submit GFC outcomes to UNEA');
    // The due date told in UNEP's duty-station zone (Nairobi), counted from today there.
    const body = JSON.stringify(dms[0]!.blocks);
    expect(body).toContain('due *Mon 1 Mar 2027* (in 21 days) — Africa/Nairobi time');
    expect(body).toContain('Agreed at *M-1* GFC IC-1');
    const actions = (dms[0]!.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => [e.action_id, e.value])).toEqual([
      [FOLLOWUP_ACTIONS.done, unep.id],
      [FOLLOWUP_ACTIONS.snooze, unep.id],
      [FOLLOWUP_ACTIONS.update, unep.id],
    ]);
    const recorded = await f.db.followUpMessage.findMany({ orderBy: { createdAt: 'asc' } });
    expect(recorded.map((m) => [m.recipientUserId, m.outboundId])).toEqual(dms.map((m) => [m.recipientUserId, m.id]));

    const channel = await f.db.outboundMessage.findMany({ where: { channelId: CHANNEL, recipientUserId: null, text: { contains: 'F-1' } } });
    expect(channel).toHaveLength(1);
    expect(channel[0]!.text).toContain('📌 *F-1* Submit GFC outcomes to UNEA assigned to UNEP, WHO: due *Mon 1 Mar 2027* · from *M-1* GFC IC-1');
    expect(env.dispatched.sort()).toEqual([...dms.map((m) => m.id), channel[0]!.id].sort());
    expect((await audits('followup.assign')).map((a) => a.subject)).toEqual(['F-1']);
  });

  it('names an organization with nobody to notify; all = every organization; an organization channel is the DM fallback', async () => {
    const r = await assignFollowUp(await f.scope(), { orgs: 'all', title: 'Send updates on your chemicals webinars' }, f.fenv(NOW));
    expect(r.followUp.number).toBe(2);
    expect(r.followUp.assignments.map((a) => a.organization.code)).toEqual(['FAO', 'UNEP', 'UNITAR', 'WHO']);
    expect(r.unnotified).toEqual(['UNITAR']);
    const faoDm = await f.db.outboundMessage.findFirstOrThrow({ where: { recipientUserId: ORG_PEOPLE.faoFocal } });
    expect(faoDm.fallbackChannelId).toBe(FAO_CHANNEL);
    expect(faoDm.text).toContain('no due date');
  });

  it('refuses, changing nothing: a plain member, an unknown code (did you mean), a past date, an unknown meeting, an empty action', async () => {
    const env = f.fenv(NOW);
    const err = await refused(async () => assignFollowUp(await f.scope(ORG_PEOPLE.unepFocal), { orgs: ['UNEP'], title: 'x' }, env), /^Only the secretariat or the chair can assign follow-ups\./);
    expect(err).toBeInstanceOf(PermissionError);
    expect((err as PermissionError).holders).toEqual([PEOPLE.secretariat, PEOPLE.chair]);
    await refused(async () => assignFollowUp(await f.scope(), { orgs: ['UNEP', 'UNPE'], title: ACTION }, env), /There is no organization “UNPE” in IOCC\. Did you mean `UNEP`\?/);
    await refused(async () => assignFollowUp(await f.scope(), { orgs: ['UNEP'], title: ACTION, due: '2027-02-01', zone: 'Europe/Zurich' }, env), /Mon 1 Feb 2027 is in the past \(today is Mon 8 Feb 2027\)\. Which due date did you mean\?/);
    await refused(async () => assignFollowUp(await f.scope(), { orgs: ['UNEP'], title: ACTION, meetingNumber: 9 }, env), /There is no M-9; the last meeting is M-1/);
    await refused(async () => assignFollowUp(await f.scope(), { orgs: ['UNEP'], title: '   ' }, env), /action/);
    expect(env.dispatched).toEqual([]);
  });
});

describe('done, snooze, update: per organization', () => {
  it('UNEP’s focal point marks UNEP’s part done without naming it; the roll-up is 1/2', async () => {
    const env = f.fenv('2027-02-09T10:00:00Z');
    const r = await markDone(await f.scope(ORG_PEOPLE.unepFocal), 1, { note: 'Sent to the UNEA secretariat' }, env);
    expect(r.changed).toBe(true);
    expect(r.assignment).toMatchObject({ status: 'done', doneBy: ORG_PEOPLE.unepFocal, note: 'Sent to the UNEA secretariat' });
    expect(r.assignment.organization.code).toBe('UNEP');
    expect(r.changed && r.completed).toBe(false);
    const detail = await showFollowUp(await f.scope(PEOPLE.observer), 1);
    expect([detail.done, detail.total]).toEqual([1, 2]);
    expect((await audits('followup.done')).map((a) => a.subject)).toEqual(['F-1 UNEP']);
  });

  it('marking it done again changes nothing and says who did it: no second audit event, no message', async () => {
    const before = await snapshotDatabase(f.db);
    const env = f.fenv('2027-02-09T11:00:00Z');
    const r = await markDone(await f.scope(ORG_PEOPLE.unepAlternate), 1, { code: 'unep' }, env);
    expect(r.changed).toBe(false);
    expect(r.assignment).toMatchObject({ doneBy: ORG_PEOPLE.unepFocal });
    expect(r.assignment.doneAt?.toISOString()).toBe('2027-02-09T10:00:00.000Z');
    expect(await snapshotDatabase(f.db)).toBe(before);
    expect(env.dispatched).toEqual([]);
  });

  it('a member of FAO may not mark WHO’s part done: refused naming WHO’s people and the officers, nothing changed', async () => {
    const env = f.fenv(NOW);
    const err = await refused(async () => markDone(await f.scope(ORG_PEOPLE.faoMember), 1, { code: 'WHO' }, env), /^Only WHO's focal points, alternates and members, the secretariat or the chair can mark WHO's part of F-1 done\./);
    expect((err as PermissionError).holders).toEqual([ORG_PEOPLE.whoFocal, PEOPLE.secretariat, PEOPLE.chair]);
    // Without a code, FAO (not assigned) must say which part.
    await refused(async () => markDone(await f.scope(ORG_PEOPLE.faoMember), 1, {}, env), /F-1 is assigned to UNEP, WHO: say which, e\.g\. `done F-1 UNEP`/);
    await refused(async () => snoozeFollowUp(await f.scope(ORG_PEOPLE.faoFocal), 1, { code: 'WHO', until: '2027-03-01', reason: 'r' }, env), /Only WHO's focal points/);
    await refused(async () => addUpdate(await f.scope(ORG_PEOPLE.faoFocal), 1, { code: 'WHO', text: 'r' }, env), /Only WHO's focal points/);
    // Observers and strangers change nothing either.
    await refused(async () => markDone(await f.scope(PEOPLE.observer), 1, { code: 'WHO' }, env), /^Only an organization's focal points, alternates and members, the secretariat or the chair can report on follow-ups\./);
  });

  it('bad ids and codes: did-you-mean among the assigned codes, the last F-n', async () => {
    const env = f.fenv(NOW);
    await refused(async () => markDone(await f.scope(ORG_PEOPLE.whoFocal), 1, { code: 'WOH' }, env), /WOH has no part in F-1 \(assigned to UNEP, WHO\)\. Did you mean `WHO`\?/);
    await refused(async () => markDone(await f.scope(ORG_PEOPLE.whoFocal), 7, {}, env), /^There is no F-7; the last follow-up is F-2\./);
  });

  it('WHO’s focal point snoozes with a reason (counted); a reason is required and the date must be ahead', async () => {
    const scope = await f.scope(ORG_PEOPLE.whoFocal);
    const env = f.fenv(NOW);
    await refused(async () => snoozeFollowUp(scope, 1, { until: '2027-02-22', reason: '  ' }, env), /reason/);
    await refused(async () => snoozeFollowUp(scope, 1, { until: '2027-02-08', reason: 'x', zone: 'Europe/Zurich' }, env), /Snooze until a date after today \(Mon 8 Feb 2027\)/);
    await refused(async () => snoozeFollowUp(scope, 1, { until: '2028-06-01', reason: 'x' }, env), /at most a year/);
    await refused(async () => snoozeFollowUp(await f.scope(ORG_PEOPLE.unepFocal), 1, { until: '2027-03-01', reason: 'x' }, env), /UNEP's part of F-1 is already done/);
    const r = await snoozeFollowUp(scope, 1, { until: '2027-02-22', reason: 'Waiting for the Bureau’s comments' }, env);
    expect(r.assignment).toMatchObject({ snoozedUntil: '2027-02-22', snoozeCount: 1 });
    const r2 = await snoozeFollowUp(scope, 1, { until: '2027-03-05', reason: 'Bureau meets on 4 March' }, env);
    expect(r2.assignment.snoozeCount).toBe(2);
    expect((await audits('followup.snooze')).map((a) => a.subject)).toEqual(['F-1 WHO', 'F-1 WHO']);
  });

  it('an update is a note without closing; an officer may add one to the whole follow-up', async () => {
    const env = f.fenv(NOW);
    const r = await addUpdate(await f.scope(ORG_PEOPLE.whoFocal), 1, { text: 'Draft with the DG’s office' }, env);
    expect(r.assignment?.organization.code).toBe('WHO');
    expect(r.assignment?.status).toBe('open');
    const whole = await addUpdate(await f.scope(PEOPLE.chair), 1, { text: 'Discussed at the Bureau' }, env);
    expect(whole.assignment).toBeNull();
    await refused(async () => addUpdate(await f.scope(ORG_PEOPLE.whoFocal), 1, { text: '' }, env), /update/);
    const detail = await showFollowUp(await f.scope(), 1);
    const who = detail.followUp.assignments.find((a) => a.organization.code === 'WHO')!;
    expect(detail.events.filter((e) => e.assignmentId === who.id).map((e) => [e.kind, e.text, e.until])).toEqual([
      ['snooze', 'Waiting for the Bureau’s comments', '2027-02-22'],
      ['snooze', 'Bureau meets on 4 March', '2027-03-05'],
      ['update', 'Draft with the DG’s office', null],
    ]);
    expect(detail.events.filter((e) => e.assignmentId === null).map((e) => e.kind)).toEqual(['assign', 'update']);
    expect(detail.meeting?.title).toBe('GFC IC-1');
  });

  it('the last part done completes the follow-up: one announcement in the channel', async () => {
    const env = f.fenv(NOW);
    const r = await markDone(await f.scope(PEOPLE.secretariat), 1, { code: 'WHO' }, env);
    expect(r.changed && r.completed).toBe(true);
    expect(r.followUp.status).toBe('done');
    const stored = await f.db.followUp.findFirstOrThrow({ where: { number: 1 } });
    expect(stored.status).toBe('done');
    const texts = (await f.db.outboundMessage.findMany({ where: { id: { in: env.dispatched } } })).map((m) => m.text);
    expect(texts).toEqual(['✅ *F-1* Submit GFC outcomes to UNEA is done by every organization (2/2) — last part by <@U0SEC>']);
  });
});

describe('reopen, reassign, cancel (secretariat, chair)', () => {
  it('reopens WHO’s part: the follow-up is open again; reopening an open part says so and changes nothing', async () => {
    const env = f.fenv(NOW);
    await refused(async () => reopenFollowUp(await f.scope(ORG_PEOPLE.whoFocal), 1, 'WHO', env), /^Only the secretariat or the chair can reopen follow-ups\./);
    const r = await reopenFollowUp(await f.scope(PEOPLE.chair), 1, 'WHO', env);
    expect(r.assignment).toMatchObject({ status: 'open', doneBy: null });
    expect(r.followUp.status).toBe('open');
    await refused(async () => reopenFollowUp(await f.scope(), 1, 'WHO', env), /WHO's part of F-1 is already open: nothing changed/);
  });

  it('reassigns WHO’s part to UNITAR (nobody there to notify); the roll-up stays per organization', async () => {
    const env = f.fenv(NOW);
    await refused(async () => reassignFollowUp(await f.scope(), 1, 'WHO', 'UNEP', env), /UNEP already has a part in F-1 \(done\)/);
    await refused(async () => reassignFollowUp(await f.scope(), 1, 'WHO', 'UNITR', env), /Did you mean `UNITAR`\?/);
    await refused(async () => reassignFollowUp(await f.scope(), 1, 'UNEP', 'UNITAR', env), /UNEP's part of F-1 is done: only an open part can be reassigned/);
    const r = await reassignFollowUp(await f.scope(), 1, 'WHO', 'UNITAR', env);
    expect(r.from.status).toBe('cancelled');
    expect(r.to).toMatchObject({ status: 'open' });
    expect(r.unnotified).toBe(true);
    const detail = await showFollowUp(await f.scope(), 1);
    expect(detail.followUp.assignments.map((a) => [a.organization.code, a.status])).toEqual([['UNEP', 'done'], ['UNITAR', 'open'], ['WHO', 'cancelled']]);
    expect([detail.done, detail.total]).toEqual([1, 2]);
  });

  it('org remove refuses while the organization has open follow-ups, naming them', async () => {
    await refused(async () => removeOrganization(await f.scope(), 'UNITAR'), /UNITAR still has open follow-ups: F-1, F-2\./);
  });

  it('cancels F-2 for everyone; cancelling again or reporting on it is refused', async () => {
    const env = f.fenv(NOW);
    await refused(async () => cancelFollowUp(await f.scope(PEOPLE.member), 2, env), /^Only the secretariat or the chair can cancel follow-ups\./);
    const cancelled = await cancelFollowUp(await f.scope(PEOPLE.chair), 2, env);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.assignments.every((a) => a.status === 'cancelled')).toBe(true);
    await refused(async () => cancelFollowUp(await f.scope(), 2, env), /F-2 is already cancelled/);
    await refused(async () => markDone(await f.scope(ORG_PEOPLE.faoFocal), 2, {}, env), /F-2 \(Send updates on your chemicals webinars\) is cancelled/);
    const texts = (await f.db.outboundMessage.findMany({ where: { id: { in: env.dispatched } } })).map((m) => m.text);
    expect(texts).toEqual(['🗑️ *F-2* Send updates on your chemicals webinars is cancelled — by <@U0CHAIR>']);
  });
});

describe('lists', () => {
  it('mine, CODE, overdue and all, as of the reader’s today', async () => {
    const env = f.fenv(NOW);
    await assignFollowUp(await f.scope(), { orgs: ['FAO'], title: 'Share the pesticide toolkit', due: '2027-02-15' }, env);
    const mine = await listFollowUps(await f.scope(ORG_PEOPLE.faoMember), { kind: 'mine' }, '2027-02-08');
    expect(mine.organization?.code).toBe('FAO');
    expect(mine.followUps.map((x) => x.number)).toEqual([3]);
    const unitar = await listFollowUps(await f.scope(PEOPLE.observer), { kind: 'org', code: 'unitar' }, '2027-02-08');
    expect(unitar.followUps.map((x) => x.number)).toEqual([1]);
    expect((await listFollowUps(await f.scope(), { kind: 'overdue' }, '2027-02-15')).followUps.map((x) => x.number)).toEqual([]);
    expect((await listFollowUps(await f.scope(), { kind: 'overdue' }, '2027-02-16')).followUps.map((x) => x.number)).toEqual([3]);
    expect((await listFollowUps(await f.scope(), { kind: 'overdue' }, '2027-03-02')).followUps.map((x) => x.number)).toEqual([3, 1]);
    const all = await listFollowUps(await f.scope(), { kind: 'all' }, '2027-02-08');
    expect(all.followUps.map((x) => [x.number, x.status])).toEqual([[3, 'open'], [1, 'open'], [2, 'cancelled']]);
    await expect(listFollowUps(await f.scope(PEOPLE.chair), { kind: 'mine' }, '2027-02-08')).rejects.toThrow(/You belong to no organization/);
    await expect(listFollowUps(await f.scope(), { kind: 'org', code: 'WOH' }, '2027-02-08')).rejects.toThrow(/Did you mean `WHO`\?/);
  });

  it('a long list shows its first 40 and counts them all', async () => {
    const env = f.fenv(NOW);
    for (let i = 0; i < 45; i++) await assignFollowUp(await f.scope(), { orgs: ['FAO'], title: `Bulk action ${i}`, due: '2027-02-20' }, env);
    const overdue = await listFollowUps(await f.scope(), { kind: 'overdue' }, '2027-03-02');
    expect(overdue.followUps).toHaveLength(40);
    expect(overdue.total).toBe(47); // 45 + F-3 + F-1
    expect((await listFollowUps(await f.scope(ORG_PEOPLE.faoMember), { kind: 'mine' }, '2027-02-08')).total).toBe(46);
  });

  it('another workspace sees none of them', async () => {
    const other = await f.otherCommittee();
    await expect(showFollowUp(await other.scope(), 1)).rejects.toThrow(/There is no F-1: no follow-up has been assigned yet/);
    expect((await listFollowUps(await other.scope(), { kind: 'all' }, '2027-02-08')).followUps).toEqual([]);
  });
});
