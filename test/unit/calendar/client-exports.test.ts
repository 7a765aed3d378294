/**
 * Real-shaped exports of the three calendar clients (written by hand from their documented output, in
 * test/fixtures/calendar/): each imports with the zone its file defines and the right UTC instants.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIcs, type IcsReadEvent } from '../../../src/calendar-formats/ics-reader.ts';
import { parseMeetingsFile, type MeetingImport } from '../../../src/calendar-formats/import-parse.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/calendar/${name}`, import.meta.url), 'utf8');
const COMMITTEE_ZONE = 'Europe/Zurich';

function read(name: string): IcsReadEvent[] {
  const result = readIcs(fixture(name), { defaultZone: COMMITTEE_ZONE });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.events;
}

function imported(name: string): MeetingImport[] {
  const result = parseMeetingsFile(name, fixture(name), { defaultZone: COMMITTEE_ZONE });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.meetings;
}

const timed = (e: IcsReadEvent | undefined) => {
  if (e?.startKind !== 'datetime') throw new Error('expected a timed event');
  return { start: e.start.toISOString(), end: e.end.toISOString(), tzid: e.tzid };
};

describe('an Outlook export (CRLF, folded lines, X-MS-OLK-*, custom and Windows zones)', () => {
  it('reads a "Customized Time Zone" by its VTIMEZONE rules, keeping the committee zone its offsets match', () => {
    const call = read('outlook-export.ics').find((e) => e.summary === 'IOCC-62 preparatory call');
    // 14:00 on 12 March 2026 is before the last Sunday of March: +01:00 by the file's rules.
    expect(timed(call)).toEqual({ start: '2026-03-12T13:00:00.000Z', end: '2026-03-12T15:00:00.000Z', tzid: 'Europe/Zurich' });
    expect(call!.description).toBe('Agenda: 1. Adoption of the agenda; 2. Preparations for IOCC-62, including the joint work plan\n3. Any other business\n');
  });

  it('maps "Jordan Standard Time" to Asia/Amman through windows-iana, at the offset the file gives (+03:00)', () => {
    const workshop = read('outlook-export.ics').find((e) => e.summary.startsWith('Regional workshop'));
    expect(timed(workshop)).toEqual({ start: '2026-04-20T06:00:00.000Z', end: '2026-04-21T14:00:00.000Z', tzid: 'Asia/Amman' });
    expect(workshop!.sequence).toBe(1);
  });

  it('keeps the instant of a custom zone no IANA zone matches (+01:15), expressed in the committee zone', () => {
    const checkIn = read('outlook-export.ics').find((e) => e.summary === 'Focal points check-in');
    expect(timed(checkIn)).toEqual({ start: '2026-04-15T08:45:00.000Z', end: '2026-04-15T09:45:00.000Z', tzid: 'Europe/Zurich' });
  });

  it('imports all four events: local times in the zone kept, the all-day retreat as dates', () => {
    const meetings = imported('outlook-export.ics');
    expect(meetings.map((m) => [m.title, m.start, m.end, m.time ?? null, m.zone])).toEqual([
      ['IOCC-62 preparatory call', '2026-03-12', '2026-03-12', '14:00', 'Europe/Zurich'],
      ['Regional workshop on chemicals legislation (West Asia)', '2026-04-20', '2026-04-21', '09:00', 'Asia/Amman'],
      ['Focal points check-in', '2026-04-15', '2026-04-15', '10:45', 'Europe/Zurich'],
      ['IOMC retreat', '2026-04-01', '2026-04-04', null, 'Europe/Zurich'],
    ]);
    expect(meetings[0]!.externalKey).toMatch(/^040000008200E00074C5B7101A82E008/);
  });
});

describe('a Google Calendar export (X-WR-TIMEZONE, UTC times with Z, all-day dates)', () => {
  it('reads UTC, TZID and all-day events', () => {
    const events = read('google-export.ics');
    expect(timed(events[0])).toEqual({ start: '2026-05-05T12:00:00.000Z', end: '2026-05-05T13:30:00.000Z', tzid: undefined });
    // 3 November is after the last Sunday of October: CET, +01:00.
    expect(timed(events[1])).toEqual({ start: '2026-11-03T08:30:00.000Z', end: '2026-11-03T16:00:00.000Z', tzid: 'Europe/Zurich' });
    expect(events[1]!.location).toBe('ILO, Route des Morillons 4, 1211 Geneva, Switzerland');
    expect(events[2]).toMatchObject({ startKind: 'date', start: '2026-09-21', endInclusive: '2026-09-25' });
  });

  it('imports a UTC time in the calendar’s zone (X-WR-TIMEZONE) and an all-day event in its city’s zone', () => {
    const meetings = imported('google-export.ics');
    expect(meetings.map((m) => [m.title.slice(0, 15), m.start, m.end, m.time ?? null, m.zone])).toEqual([
      ['GFC Bureau call', '2026-05-05', '2026-05-05', '14:00', 'Europe/Zurich'],
      ['IOCC-62 (Sixty-', '2026-11-03', '2026-11-03', '09:30', 'Europe/Zurich'],
      ['OEWG-2 of the G', '2026-09-21', '2026-09-25', null, 'Africa/Nairobi'],
    ]);
  });
});

describe('an Apple Calendar export (X-APPLE-*, X-APPLE-STRUCTURED-LOCATION, Africa/Nairobi)', () => {
  it('reads Nairobi times and ignores the structured location', () => {
    const events = read('apple-export.ics');
    expect(timed(events[0])).toEqual({ start: '2026-12-07T07:00:00.000Z', end: '2026-12-07T10:00:00.000Z', tzid: 'Africa/Nairobi' });
    expect(events[0]).toMatchObject({ location: 'UNON, United Nations Avenue, Gigiri, Nairobi, Kenya', sequence: 3 });
    expect(events[1]).toMatchObject({ startKind: 'date', start: '2026-12-07', endInclusive: '2026-12-11', categories: ['UNEP / UN Environment Assembly'] });
  });

  it('imports both in Africa/Nairobi, whatever the committee’s zone', () => {
    const meetings = imported('apple-export.ics');
    expect(meetings.map((m) => [m.start, m.end, m.time ?? null, m.zone, m.body])).toEqual([
      ['2026-12-07', '2026-12-07', '10:00', 'Africa/Nairobi', ''],
      ['2026-12-07', '2026-12-11', null, 'Africa/Nairobi', 'UNEP / UN Environment Assembly'],
    ]);
  });
});
