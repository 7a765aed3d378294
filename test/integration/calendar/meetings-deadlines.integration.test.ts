/**
 * Meetings and deadlines against real PostgreSQL: relative deadlines computed with calendar arithmetic and
 * moved with their meeting in the same transaction (audited, announced); DST for timed meetings; bad input
 * refused with a clear message and nothing changed; only officers may change the calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMeeting, listCommitteeMeetings } from '../../../src/meetings/meeting-service.ts';
import { cancelMeeting, moveMeeting, showMeeting } from '../../../src/deadlines/meeting-deadlines.ts';
import { addDeadline, cancelDeadline, listUpcomingDeadlines } from '../../../src/deadlines/deadline-service.ts';
import { PermissionError } from '../../../src/committees/permissions.ts';
import { snapshotDatabase } from '../../support/snapshot.ts';
import { calendarFixture, PEOPLE, type CalendarFixture } from './calendar-fixture.ts';

let f: CalendarFixture;
beforeAll(async () => {
  f = await calendarFixture();
});
afterAll(async () => {
  await f?.close();
});

const MSP13 = { title: '13MSP', startDate: '2025-09-16', endDate: '2025-09-19', timeZone: 'Europe/Zurich', venue: 'Palais des Nations, Geneva', body: 'CCM MSP' };
const BRS = { title: 'BC COP-17 / RC COP-12 / SC COP-12', startDate: '2025-04-28', endDate: '2025-05-09', timeZone: 'Europe/Zurich', venue: 'CICG, Geneva', body: 'BRS COPs' };

async function outboxTexts(): Promise<string[]> {
  return (await f.db.outboundMessage.findMany({ orderBy: { createdAt: 'asc' } })).map((m) => m.text);
}

async function refused(action: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = await snapshotDatabase(f.db);
  await expect(action()).rejects.toThrow(message);
  expect(await snapshotDatabase(f.db)).toBe(before);
}

describe('meetings and relative deadlines', () => {
  it('adds 13MSP as M-1 with an audit event and an announcement through the outbox', async () => {
    const env = f.env('2025-05-01T09:00:00Z');
    const { meeting } = await addMeeting(await f.scope(), MSP13, env);
    expect(meeting).toMatchObject({ number: 1, kind: 'governing-body', startDate: '2025-09-16', endDate: '2025-09-19', startTime: null, status: 'scheduled' });
    // Date-only meetings start at 00:00 in the venue's zone (CEST).
    expect(meeting.startsAt.toISOString()).toBe('2025-09-15T22:00:00.000Z');
    const audit = await f.db.auditEvent.findMany({ where: { action: 'meeting.add' } });
    expect(audit.map((a) => a.subject)).toEqual(['M-1']);
    const outbox = await f.db.outboundMessage.findMany();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ channelId: 'C0IOCC', status: 'pending' });
    expect(outbox[0]!.text).toContain('📅 *M-1* 13MSP added: 16–19 Sep 2025, Palais des Nations, Geneva');
    expect(env.dispatched).toEqual([outbox[0]!.id]);
  });

  it('60 days before 13MSP (2025-09-16) is 2025-07-18', async () => {
    const env = f.env('2025-05-01T09:00:00Z');
    const { deadline } = await addDeadline(
      await f.scope(PEOPLE.chair),
      { title: 'ISU work plan and budget circulated', due: { kind: 'relative', amount: 60, unit: 'day', direction: 'before', meetingNumber: 1 }, orgCodes: [] },
      env,
    );
    expect(deadline).toMatchObject({ number: 1, effectiveDue: '2025-07-18', dueDate: null, offsetAmount: 60, offsetUnit: 'day', direction: 'before', organizations: [] });
    expect((await outboxTexts()).at(-1)).toContain('⏰ *D-1* ISU work plan and budget circulated added: due *Fri 18 Jul 2025* (60 days before *M-1* 13MSP) · for the whole committee');
  });

  it('6 weeks before the BRS COPs (2025-04-28) is 2025-03-17, for the organizations named', async () => {
    const env = f.env('2025-01-15T09:00:00Z');
    await addMeeting(await f.scope(), BRS, env);
    const { deadline } = await addDeadline(
      await f.scope(),
      { title: 'Pre-session documents (six-week rule)', due: { kind: 'relative', amount: 6, unit: 'week', direction: 'before', meetingNumber: 2 }, orgCodes: ['unep', 'WHO'] },
      env,
    );
    expect(deadline.effectiveDue).toBe('2025-03-17');
    expect(deadline.organizations.map((o) => o.code)).toEqual(['UNEP', 'WHO']);
  });

  it('moving 13MSP moves its relative deadline in the same transaction, audits it, and the announcement says so', async () => {
    const env = f.env('2025-05-02T09:00:00Z');
    const result = await moveMeeting(await f.scope(), 1, { startDate: '2025-09-17', endDate: '2025-09-20' }, env);
    expect(result.changed).toBe(true);
    expect(result.meeting).toMatchObject({ startDate: '2025-09-17', endDate: '2025-09-20', revision: 1 });
    expect(result.deadlines.map((d) => [d.deadline.number, d.from, d.to])).toEqual([[1, '2025-07-18', '2025-07-19']]);
    const stored = await f.db.deadline.findFirstOrThrow({ where: { number: 1 } });
    expect(stored).toMatchObject({ effectiveDue: '2025-07-19', revision: 1 });
    const audit = await f.db.auditEvent.findMany({ where: { action: { in: ['meeting.move', 'deadline.move'] } } });
    expect(audit.map((a) => `${a.action} ${a.subject}`).sort()).toEqual(['deadline.move D-1', 'meeting.move M-1']);
    const text = (await outboxTexts()).at(-1)!;
    expect(text).toContain('*M-1* 13MSP moved: 16–19 Sep 2025 → 17–20 Sep 2025');
    expect(text).toContain('*D-1* ISU work plan and budget circulated (60 days before): Fri 18 Jul 2025 → *Sat 19 Jul 2025*');
    expect(env.dispatched).toHaveLength(1);
  });

  it('a move to one date keeps the meeting’s length; the same dates again change nothing', async () => {
    const env = f.env('2025-05-02T09:00:00Z');
    const moved = await moveMeeting(await f.scope(), 1, { startDate: '2025-09-16' }, env);
    expect(moved.meeting).toMatchObject({ startDate: '2025-09-16', endDate: '2025-09-19' });
    expect(moved.deadlines[0]).toMatchObject({ from: '2025-07-19', to: '2025-07-18' });
    const before = await snapshotDatabase(f.db);
    const again = await moveMeeting(await f.scope(), 1, { startDate: '2025-09-16', endDate: '2025-09-19' }, env);
    expect(again.changed).toBe(false);
    expect(await snapshotDatabase(f.db)).toBe(before);
  });

  it('shows a meeting with the deadlines hanging on it, and lists upcoming deadlines soonest first', async () => {
    const { meeting, deadlines } = await showMeeting(await f.scope(PEOPLE.observer), 1);
    expect(meeting.title).toBe('13MSP');
    expect(deadlines.map((d) => d.number)).toEqual([1]);
    const upcoming = await listUpcomingDeadlines(await f.scope(PEOPLE.member), { today: '2025-03-01', days: 200 });
    expect(upcoming.map((u) => [u.deadline.number, u.due])).toEqual([
      [2, '2025-03-17'],
      [1, '2025-07-18'],
    ]);
  });

  it('cancelling a meeting says which relative deadlines are left without a meeting; a cancelled meeting cannot move or anchor a deadline', async () => {
    const env = f.env('2025-05-03T09:00:00Z');
    const extra = await addMeeting(await f.scope(), { ...MSP13, title: '13MSP informal consultations', startDate: '2025-08-20', endDate: '2025-08-20' }, env);
    await addDeadline(await f.scope(), { title: 'Questions to the President', due: { kind: 'relative', amount: 1, unit: 'week', direction: 'before', meetingNumber: extra.meeting.number }, orgCodes: ['UNITAR'] }, env);
    const { orphaned } = await cancelMeeting(await f.scope(PEOPLE.chair), extra.meeting.number, env);
    expect(orphaned.map((d) => d.title)).toEqual(['Questions to the President']);
    const text = (await outboxTexts()).at(-1)!;
    expect(text).toContain(`🚫 *M-${extra.meeting.number}* 13MSP informal consultations (20 Aug 2025, Palais des Nations, Geneva) is cancelled`);
    expect(text).toContain('now have no meeting');
    expect(text).toContain('Questions to the President');
    await refused(async () => moveMeeting(await f.scope(), extra.meeting.number, { startDate: '2025-08-21' }, env), /is cancelled and cannot be moved/);
    await refused(
      async () =>
        addDeadline(await f.scope(), { title: 'Late papers', due: { kind: 'relative', amount: 2, unit: 'day', direction: 'before', meetingNumber: extra.meeting.number }, orgCodes: [] }, env),
      /is cancelled, so a deadline cannot be set relative to it/,
    );
    await refused(async () => cancelMeeting(await f.scope(), extra.meeting.number, env), /already cancelled/);
  });
});

describe('bad input: a clear message, nothing changed', () => {
  const env = () => f.env('2025-05-04T09:00:00Z');

  it('an unknown meeting id names the last one', async () => {
    await refused(async () => moveMeeting(await f.scope(), 14, { startDate: '2025-10-01' }, env()), /^There is no M-14; the last meeting is M-3\./);
    await refused(
      async () => addDeadline(await f.scope(), { title: 'x', due: { kind: 'relative', amount: 3, unit: 'day', direction: 'after', meetingNumber: 99 }, orgCodes: [] }, env()),
      /There is no M-99; the last meeting is M-3/,
    );
  });

  it('an unknown time zone gets a did-you-mean', async () => {
    await refused(async () => addMeeting(await f.scope(), { ...MSP13, timeZone: 'Europe/Zurik' }, env()), /not a time zone I know\. Did you mean `Europe\/Zurich`\?/);
    await refused(async () => addMeeting(await f.scope(), { ...MSP13, timeZone: 'Geneva' }, env()), /Did you mean `Europe\/Zurich`\?/);
  });

  it('an end before the start, and an end time before the start time', async () => {
    await refused(async () => addMeeting(await f.scope(), { ...MSP13, startDate: '2025-09-19', endDate: '2025-09-16' }, env()), /ends \(2025-09-16\) before it starts \(2025-09-19\)/);
    await refused(
      async () => addMeeting(await f.scope(), { ...MSP13, endDate: '2025-09-16', startTime: '14:00', endTime: '13:00' }, env()),
      /ends at 13:00, not after it starts \(14:00\)/,
    );
  });

  it('a typed due date in the past is a question; one computed from a meeting is kept and flagged as past', async () => {
    await refused(
      async () => addDeadline(await f.scope(), { title: 'Too late', due: { kind: 'date', date: '2025-05-01', yearly: false }, orgCodes: [] }, env()),
      /Thu 1 May 2025 is in the past \(today is Sun 4 May 2025\)\. Which date did you mean\?/,
    );
    const { deadline, alreadyPast } = await addDeadline(
      await f.scope(),
      { title: 'Documents out', due: { kind: 'relative', amount: 6, unit: 'week', direction: 'before', meetingNumber: 2 }, orgCodes: [] },
      env(),
    );
    expect(deadline.effectiveDue).toBe('2025-03-17');
    expect(alreadyPast).toBe(true);
  });

  it('an unknown organization gets a did-you-mean', async () => {
    await refused(
      async () => addDeadline(await f.scope(), { title: 'Input papers', due: { kind: 'date', date: '2025-06-30', yearly: false }, orgCodes: ['UNPE'] }, env()),
      /There is no organization “UNPE” in IOCC\. Did you mean `UNEP`\?/,
    );
  });

  it.each([
    ['a member', PEOPLE.member],
    ['an observer', PEOPLE.observer],
    ['someone outside the committee', PEOPLE.stranger],
  ])('refuses %s every calendar change, naming who may', async (_label, userId) => {
    const scope = () => f.scope(userId);
    for (const attempt of [
      async () => addMeeting(await scope(), MSP13, env()),
      async () => moveMeeting(await scope(), 1, { startDate: '2025-10-01' }, env()),
      async () => cancelMeeting(await scope(), 1, env()),
      async () => addDeadline(await scope(), { title: 'x', due: { kind: 'date', date: '2025-12-01', yearly: false }, orgCodes: [] }, env()),
      async () => cancelDeadline(await scope(), 1, env()),
    ]) {
      const before = await snapshotDatabase(f.db);
      const err = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PermissionError);
      expect((err as PermissionError).message).toMatch(/^Only the secretariat or the chair can/);
      expect((err as PermissionError).holders.sort()).toEqual([PEOPLE.chair, PEOPLE.secretariat].sort());
      expect(await snapshotDatabase(f.db)).toBe(before);
    }
  });
});

describe('time zones', () => {
  it('a timed meeting in Geneva is stored as the right UTC instant on both sides of DST', async () => {
    const env = f.env('2025-01-10T09:00:00Z');
    const summer = await addMeeting(await f.scope(), { title: 'IOCC call (summer)', startDate: '2025-09-16', endDate: '2025-09-16', startTime: '10:00', timeZone: 'Europe/Zurich' }, env);
    const winter = await addMeeting(await f.scope(), { title: 'IOCC call (winter)', startDate: '2025-11-25', endDate: '2025-11-25', startTime: '14:00', timeZone: 'Europe/Zurich' }, env);
    expect(summer.meeting.startsAt.toISOString()).toBe('2025-09-16T08:00:00.000Z');
    expect(winter.meeting.startsAt.toISOString()).toBe('2025-11-25T13:00:00.000Z');
    expect(summer.meeting.kind).toBe('coordination');
  });

  it('02:30 on the spring-forward night does not exist: the meeting starts at 03:30 CEST, and the reply says why', async () => {
    const env = f.env('2025-01-10T09:00:00Z');
    const { meeting, note } = await addMeeting(await f.scope(), { title: 'Night session', startDate: '2025-03-30', endDate: '2025-03-30', startTime: '02:30', timeZone: 'Europe/Zurich' }, env);
    expect(meeting.startsAt.toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(meeting.startTime).toBe('03:30');
    expect(note).toMatch(/02:30 does not exist on 2025-03-30 in Europe\/Zurich .* starts at 03:30/);
  });

  it('02:30 on the fall-back night happens twice: the earlier one (CEST) is taken, and the reply says so', async () => {
    const env = f.env('2025-01-10T09:00:00Z');
    const { meeting, note } = await addMeeting(await f.scope(), { title: 'Night session 2', startDate: '2025-10-26', endDate: '2025-10-26', startTime: '02:30', timeZone: 'Europe/Zurich' }, env);
    expect(meeting.startsAt.toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(note).toMatch(/happens twice .* CEST/);
  });

  it('a yearly deadline is due on its next occurrence on or after today', async () => {
    const env = f.env('2026-11-22T09:00:00Z');
    const { deadline } = await addDeadline(await f.scope(), { title: 'Article 7 transparency reports', due: { kind: 'date', date: '2026-04-30', yearly: true }, orgCodes: [] }, env);
    expect(deadline).toMatchObject({ dueDate: '2026-04-30', rrule: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30', effectiveDue: '2027-04-30' });
    const upcoming = await listUpcomingDeadlines(await f.scope(), { today: '2027-12-01', days: 200 });
    expect(upcoming.find((u) => u.deadline.id === deadline.id)?.due).toBe('2028-04-30');
  });

  it('lists upcoming meetings first, then past ones with all; a body filter narrows it', async () => {
    const now = new Date('2025-09-18T12:00:00Z');
    const upcoming = await listCommitteeMeetings(await f.scope(PEOPLE.member), { kind: 'upcoming' }, { now });
    expect(upcoming.upcoming.map((m) => m.title)).toContain('13MSP'); // under way on 18 Sep
    expect(upcoming.upcoming.map((m) => m.title)).not.toContain('BC COP-17 / RC COP-12 / SC COP-12');
    expect(upcoming.past).toEqual([]);
    const all = await listCommitteeMeetings(await f.scope(PEOPLE.member), { kind: 'all' }, { now, body: 'brs' });
    expect(all.upcoming).toEqual([]);
    expect(all.past.map((m) => m.number)).toEqual([2]);
    const soon = await listCommitteeMeetings(await f.scope(PEOPLE.member), { kind: 'upcoming', days: 30 }, { now });
    expect(soon.upcoming.map((m) => m.title)).not.toContain('IOCC call (winter)');
  });
});
