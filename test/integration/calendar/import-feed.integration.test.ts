/**
 * The calendar import (35 real meetings, twice: the second run changes nothing) and the ICS feed they come
 * back out of, read as a calendar client would (ical.js, `ical-client.ts`): same dates, same zones, stable UIDs, SEQUENCE,
 * cancellations, yearly deadlines; one active feed token per committee, revocable; tenancy.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport, summaryLine } from '../../../src/cli/import-run.ts';
import { ImportRowsError } from '../../../src/calendar/meeting-import.ts';
import { parseMeetingsFile } from '../../../src/calendar-formats/import-parse.ts';
import { readFeed, type ClientEvent } from './ical-client.ts';
import { calendarFeedFor, feedUrl, renderFeed, resetCalendarFeed } from '../../../src/calendar/feed-service.ts';
import { addMeeting } from '../../../src/meetings/meeting-service.ts';
import { cancelMeeting, moveMeeting } from '../../../src/deadlines/meeting-deadlines.ts';
import { addDeadline } from '../../../src/deadlines/deadline-service.ts';
import { PermissionError } from '../../../src/committees/permissions.ts';
import { snapshotDatabase } from '../../support/snapshot.ts';
import { calendarFixture, PEOPLE, type CalendarFixture } from './calendar-fixture.ts';

const FIXTURE = path.resolve('prisma/seed-data/meetings.json');
const source = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Array<{ name: string; start: string; end: string; timeZone: string; city: string }>;

let f: CalendarFixture;
let dir: string;
beforeAll(async () => {
  f = await calendarFixture();
  dir = mkdtempSync(path.join(tmpdir(), 'concord-import-'));
});
afterAll(async () => {
  await f?.close();
  rmSync(dir, { recursive: true, force: true });
});

const now = new Date('2026-11-22T08:00:00Z');

function events(ics: string): ClientEvent[] {
  return readFeed(ics).events;
}

describe('import of the 35 sourced meetings', () => {
  it('adds all 35 the first time', async () => {
    const { summary } = await runImport(f.db, { file: FIXTURE, now });
    expect(summaryLine(summary)).toBe('35 meetings: 35 added, 0 updated, 0 unchanged');
    expect(await f.db.meeting.count()).toBe(35);
    expect(await f.db.auditEvent.count({ where: { action: 'meeting.import' } })).toBe(35);
    const msp = await f.db.meeting.findFirstOrThrow({ where: { title: { contains: '13MSP' } } });
    expect(msp).toMatchObject({ startDate: '2025-09-16', endDate: '2025-09-19', timeZone: 'Europe/Zurich', venue: 'Geneva', kind: 'governing_body', startTime: null });
  });

  it('changes nothing the second time: no new rows, no audit events', async () => {
    const before = await snapshotDatabase(f.db);
    const { summary } = await runImport(f.db, { file: FIXTURE, now });
    expect(summaryLine(summary)).toBe('35 meetings: 0 added, 0 updated, 35 unchanged');
    expect(await snapshotDatabase(f.db)).toBe(before);
  });

  it('updates a changed row (with an audit event) and moves the deadlines set relative to it', async () => {
    const msp = await f.db.meeting.findFirstOrThrow({ where: { title: { contains: '13MSP' } } });
    await addDeadline(
      await f.scope(),
      { title: 'Questions to the Presidency', due: { kind: 'relative', amount: 1, unit: 'week', direction: 'after', meetingNumber: msp.number }, orgCodes: [] },
      f.env('2025-06-01T08:00:00Z'),
    );
    const rows = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Array<Record<string, string>>;
    const changed = rows.map((r) => (r.name!.includes('13MSP') ? { ...r, end: '2025-09-20', city: 'Geneva (Palais des Nations)' } : r));
    const file = path.join(dir, 'changed.json');
    writeFileSync(file, JSON.stringify(changed));
    const { summary } = await runImport(f.db, { file, now });
    expect(summaryLine(summary)).toBe('35 meetings: 0 added, 1 updated, 34 unchanged');
    const after = await f.db.meeting.findUniqueOrThrow({ where: { id: msp.id } });
    expect(after).toMatchObject({ endDate: '2025-09-20', venue: 'Geneva (Palais des Nations)', revision: 1 });
    expect(await f.db.auditEvent.count({ where: { action: 'meeting.import', subject: `M-${msp.number}` } })).toBe(2);
    // The start did not move: the relative deadline stays (16 Sep + 1 week).
    expect((await f.db.deadline.findFirstOrThrow({ where: { meetingId: msp.id } })).effectiveDue).toBe('2025-09-23');
  });

  it('lists every bad row and imports nothing when any row is bad', async () => {
    const rows = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Array<Record<string, string>>;
    rows[3] = { ...rows[3]!, timeZone: 'Europe/Geneva' };
    rows[7] = { ...rows[7]!, end: '2024-01-01' };
    rows.push({ name: 'New meeting', start: '2027-01-10', end: '2027-01-11', timeZone: 'Europe/Zurich', body: 'IOCC' });
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(rows));
    const before = await snapshotDatabase(f.db);
    const err = await runImport(f.db, { file, now }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportRowsError);
    const problems = (err as ImportRowsError).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^row 4: .*Europe\/Geneva.*Did you mean Europe\/Zurich\?/);
    expect(problems[1]).toMatch(/^row 8: end 2024-01-01 is before start 2024-09-23/);
    expect((err as ImportRowsError).message).toBe('Nothing was imported: the file has 2 problems.');
    expect(await snapshotDatabase(f.db)).toBe(before);
  });

  it('refuses a file that is not ICS, JSON or CSV, and a missing file, with a clear message', async () => {
    const file = path.join(dir, 'meetings.xlsx');
    writeFileSync(file, 'PK…');
    await expect(runImport(f.db, { file, now })).rejects.toThrow(/meetings\.xlsx is not a file Concord can import: give an iCalendar \(\.ics\), JSON \(\.json\) or CSV \(\.csv\) file/);
    await expect(runImport(f.db, { file: path.join(dir, 'nope.csv'), now })).rejects.toThrow(/Cannot read .*nope\.csv: no such file/);
  });
});

describe('the ICS feed', () => {
  let token: string;

  it('gives one private token per committee and reuses it', async () => {
    const first = await calendarFeedFor(await f.scope(PEOPLE.observer));
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await calendarFeedFor(await f.scope(PEOPLE.member));
    expect(again).toEqual({ token: first.token, created: false });
    expect(feedUrl('https://concord.example.org/', first.token)).toBe(`https://concord.example.org/calendar/${first.token}.ics`);
    const audit = await f.db.auditEvent.findMany({ where: { action: 'calendar.create' } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(first.token);
    token = first.token;
  });

  it('holds the 35 meetings with the same dates, and the same zones for a client reading LOCATION', async () => {
    const feed = await renderFeed(f.db, token);
    const ics = feed!.ics;
    const meetings = events(ics).filter((e) => e.uid.startsWith('meeting-'));
    expect(meetings).toHaveLength(35);
    for (const row of source) {
      const e = meetings.find((m) => m.summary === row.name);
      expect(e, row.name).toBeDefined();
      expect(e!.allDay).toBe(true);
      expect(e!.start, row.name).toBe(row.start);
      expect(e!.end, row.name).toBe(row.name.includes('13MSP') ? '2025-09-20' : row.end);
      expect(e!.uid).toMatch(/^meeting-[0-9a-f-]{36}@concord$/);
    }
    // Read back as an import would: every zone is the one the meeting was imported with.
    const reread = parseMeetingsFile('feed.ics', ics, { defaultZone: 'UTC' });
    if (!reread.ok) throw new Error(reread.errors.join('\n'));
    for (const row of source) expect(reread.meetings.find((m) => m.title === row.name)?.zone, row.name).toBe(row.timeZone);
    // Date-only events: VALUE=DATE with an exclusive DTEND.
    expect(ics).toContain('DTSTART;VALUE=DATE:20250916\r\nDTEND;VALUE=DATE:20250921\r\n');
  });

  it('writes a timed meeting with TZID and a VTIMEZONE, a cancelled one as CANCELLED with its SEQUENCE, a yearly deadline with RRULE', async () => {
    const env = f.env('2026-11-22T08:00:00Z');
    const call = await addMeeting(await f.scope(), { title: 'IOCC-61 call', startDate: '2027-03-30', endDate: '2027-03-30', startTime: '14:00', endTime: '16:00', timeZone: 'Europe/Zurich', body: 'IOCC' }, env);
    await moveMeeting(await f.scope(), call.meeting.number, { startDate: '2027-03-31' }, env);
    const gone = await addMeeting(await f.scope(), { title: 'IOCC-61 bureau', startDate: '2027-02-01', endDate: '2027-02-01', timeZone: 'Europe/Zurich' }, env);
    await cancelMeeting(await f.scope(), gone.meeting.number, env);
    const yearly = await addDeadline(await f.scope(), { title: 'Article 7 transparency reports', due: { kind: 'date', date: '2027-04-30', yearly: true }, orgCodes: ['UNEP'] }, env);

    const ics = (await renderFeed(f.db, token))!.ics;
    const all = events(ics);
    const timed = all.find((e) => e.uid === `meeting-${call.meeting.id}@concord`)!;
    expect(timed).toMatchObject({ allDay: false, tzid: 'Europe/Zurich', sequence: 1 });
    // ical.js computes the instants from the feed's own VTIMEZONE: 14:00 CEST.
    expect(timed.start).toBe('2027-03-31T12:00:00.000Z');
    expect(timed.end).toBe('2027-03-31T14:00:00.000Z');
    expect(ics).toContain('DTSTART;TZID=Europe/Zurich:20270331T140000');
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Zurich/);

    const cancelled = all.find((e) => e.uid === `meeting-${gone.meeting.id}@concord`)!;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 1 });

    const d = all.find((e) => e.uid === `deadline-${yearly.deadline.id}@concord`)!;
    expect(d).toMatchObject({ allDay: true, start: '2027-04-30', rrule: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30', summary: 'Deadline: Article 7 transparency reports' });
    expect(d.next(3)).toEqual(['2027-04-30', '2028-04-30', '2029-04-30']);
    expect(d.description).toContain('for UNEP');
    // The feed is byte-identical until something changes.
    expect((await renderFeed(f.db, token))!.ics).toBe(ics);
  });

  it('shows only its own committee’s data', async () => {
    const other = await f.otherCommittee();
    await addMeeting(await other.scope(), { title: 'Other workspace meeting', startDate: '2027-05-01', endDate: '2027-05-02', timeZone: 'Europe/Paris' }, f.env(now));
    const mine = (await renderFeed(f.db, token))!.ics;
    expect(mine).not.toContain('Other workspace meeting');
    const theirs = await calendarFeedFor(await other.scope());
    expect(theirs.token).not.toBe(token);
    const ics = (await renderFeed(f.db, theirs.token))!.ics;
    expect(events(ics).map((e) => e.summary)).toEqual(['Other workspace meeting']);
  });

  it('reset revokes the old token (unknown and revoked tokens give nothing) — officers only', async () => {
    const before = await snapshotDatabase(f.db);
    await expect(resetCalendarFeed(await f.scope(PEOPLE.member), f.env(now))).rejects.toBeInstanceOf(PermissionError);
    expect(await snapshotDatabase(f.db)).toBe(before);
    const env = f.env(now);
    const { token: fresh, revoked } = await resetCalendarFeed(await f.scope(PEOPLE.chair), env);
    expect(revoked).toBe(1);
    expect(fresh).not.toBe(token);
    expect(await renderFeed(f.db, token)).toBeNull();
    expect(await renderFeed(f.db, 'x'.repeat(43))).toBeNull();
    expect(await renderFeed(f.db, '../../etc/passwd')).toBeNull();
    expect((await renderFeed(f.db, fresh))!.ics).toContain('BEGIN:VCALENDAR');
    expect((await calendarFeedFor(await f.scope(PEOPLE.member))).token).toBe(fresh);
    const announcement = await f.db.outboundMessage.findFirstOrThrow({ where: { id: env.dispatched[0] } });
    expect(announcement.text).toContain('The calendar feed link was reset by <@U0CHAIR>');
    expect(announcement.text).not.toContain(fresh);
  });
});
