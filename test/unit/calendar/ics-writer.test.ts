import { describe, expect, it } from 'vitest';
import { buildIcs, type IcsTimedEvent } from '../../../src/calendar-formats/ics-writer.ts';
import ICAL from 'ical.js';
import { readFeed } from '../../integration/calendar/ical-client.ts';
import { localDateTimeToUtc } from '../../../src/time/wall-time.ts';

const lastModified = new Date('2025-06-01T12:00:00Z');

/** What a calendar client (ical.js) makes of a TZID local time by the file's own VTIMEZONE. */
function clientInstant(ics: string, tzid: string, local: string): number {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vtimezone = calendar.getAllSubcomponents('vtimezone').find((z) => z.getFirstPropertyValue('tzid') === tzid);
  if (!vtimezone) throw new Error(`no VTIMEZONE ${tzid}`);
  const n = (a: number, b: number) => Number(local.slice(a, b));
  const time = ICAL.Time.fromData({ year: n(0, 4), month: n(4, 6), day: n(6, 8), hour: n(9, 11), minute: n(11, 13), second: n(13, 15), isDate: false }, new ICAL.Timezone(vtimezone));
  return time.toUnixTime() * 1000;
}

describe('buildIcs: timed events', () => {
  const opening = localDateTimeToUtc('2025-10-24', '10:00', 'Europe/Zurich'); // Fri, CEST
  const closing = localDateTimeToUtc('2025-10-27', '17:00', 'Europe/Zurich'); // Mon, CET
  const event: IcsTimedEvent = {
    kind: 'datetime',
    uid: 'meeting-61@concord',
    sequence: 2,
    summary: 'IOCC-61',
    location: 'ILO, Geneva',
    status: 'CONFIRMED',
    start: opening,
    end: closing,
    zone: 'Europe/Zurich',
    lastModified,
  };
  const ics = buildIcs({ calendarName: 'IOCC', events: [event] });

  it('writes local times with TZID, and DTSTAMP in UTC', () => {
    expect(ics).toContain('\r\nDTSTART;TZID=Europe/Zurich:20251024T100000\r\n');
    expect(ics).toContain('\r\nDTEND;TZID=Europe/Zurich:20251027T170000\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20250601T120000Z\r\n');
    expect(ics).toContain('\r\nSEQUENCE:2\r\n');
    expect(ics).toContain('\r\nSTATUS:CONFIRMED\r\n');
    expect(ics).toContain('\r\nLOCATION:ILO\\, Geneva\r\n');
  });

  it('includes a VTIMEZONE with the real 2025 transitions of Europe/Zurich', () => {
    const vtimezone = ics.slice(ics.indexOf('BEGIN:VTIMEZONE'), ics.indexOf('END:VTIMEZONE'));
    expect(vtimezone).toContain('TZID:Europe/Zurich');
    expect(vtimezone).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT');
    expect(vtimezone).toContain('BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD');
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
  });

  it('reads back to the same UTC instants in ical.js, by the file VTIMEZONE alone', () => {
    const read = readFeed(ics);
    expect(read.events[0]).toMatchObject({ allDay: false, tzid: 'Europe/Zurich', start: opening.toISOString(), end: closing.toISOString(), sequence: 2, status: 'CONFIRMED' });
    expect(clientInstant(ics, 'Europe/Zurich', '20251024T100000')).toBe(opening.getTime());
    expect(clientInstant(ics, 'Europe/Zurich', '20251027T170000')).toBe(closing.getTime());
  });

  it('gives each zone one VTIMEZONE spanning all years used, and none for UTC', () => {
    const events: IcsTimedEvent[] = [
      { ...event, uid: 'a', start: localDateTimeToUtc('2025-03-28', '09:00', 'Europe/Zurich'), end: localDateTimeToUtc('2025-03-31', '18:00', 'Europe/Zurich') },
      { ...event, uid: 'b', start: localDateTimeToUtc('2026-11-16', '10:00', 'Europe/Zurich'), end: localDateTimeToUtc('2026-11-16', '13:00', 'Europe/Zurich') },
      { ...event, uid: 'c', zone: 'America/New_York', start: new Date('2026-03-08T14:00:00Z'), end: new Date('2026-03-08T15:00:00Z') },
      { ...event, uid: 'd', zone: 'Africa/Nairobi', start: new Date('2025-12-08T07:00:00Z'), end: new Date('2025-12-08T14:00:00Z') },
      { ...event, uid: 'e', zone: 'UTC', start: new Date('2025-12-08T07:00:00Z'), end: new Date('2025-12-08T08:00:00Z') },
    ];
    const multi = buildIcs({ calendarName: 'x', events });
    expect(multi.match(/BEGIN:VTIMEZONE/g)).toHaveLength(3);
    expect(multi).toContain('DTSTART:20261025T030000'); // 2026 transition present
    expect(multi).toContain('DTSTART:20251208T070000Z'); // UTC written with Z
    // Nairobi has no DST: a single STANDARD observance.
    const nairobi = multi.slice(multi.indexOf('TZID:Africa/Nairobi'), multi.indexOf('END:VTIMEZONE', multi.indexOf('TZID:Africa/Nairobi')));
    expect(nairobi.match(/BEGIN:STANDARD/g)).toHaveLength(1);
    expect(nairobi).not.toContain('DAYLIGHT');
    expect(clientInstant(multi, 'Europe/Zurich', '20250328T090000')).toBe(Date.parse('2025-03-28T08:00:00Z'));
    expect(clientInstant(multi, 'Europe/Zurich', '20250331T180000')).toBe(Date.parse('2025-03-31T16:00:00Z'));
    expect(clientInstant(multi, 'America/New_York', '20260308T100000')).toBe(Date.parse('2026-03-08T14:00:00Z'));
    expect(clientInstant(multi, 'Africa/Nairobi', '20251208T100000')).toBe(Date.parse('2025-12-08T07:00:00Z'));
    expect(readFeed(multi).events.map((e) => e.start)).toEqual(events.map((e) => e.start.toISOString()));
  });

  it('writes the second pass through a repeated hour in UTC so it cannot be misread', () => {
    const second = new Date('2025-10-26T01:30:00Z'); // 02:30 CET, after clocks went back
    const out = buildIcs({ calendarName: 'x', events: [{ ...event, start: second, end: new Date('2025-10-26T03:00:00Z') }] });
    expect(out).toContain('\r\nDTSTART:20251026T013000Z\r\n');
    expect(readFeed(out).events[0]!.start).toBe(second.toISOString());
  });
});

describe('buildIcs: all-day events', () => {
  it('writes a yearly RRULE for a recurring deadline', () => {
    const ics = buildIcs({
      calendarName: 'Deadlines',
      events: [{ kind: 'date', uid: 'deadline-1@concord', summary: 'CCM Article 7 report', start: '2025-04-30', endInclusive: '2025-04-30', rrule: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30', lastModified }],
    });
    expect(ics).toContain('\r\nDTSTART;VALUE=DATE:20250430\r\nDTEND;VALUE=DATE:20250501\r\nRRULE:FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30\r\n');
    const deadline = readFeed(ics).events[0]!;
    expect(deadline.rrule).toBe('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30');
    expect(deadline.next(3)).toEqual(['2025-04-30', '2026-04-30', '2027-04-30']);
  });

  it('round-trips escaped text and a URL', () => {
    const description = 'Agenda; item 1, item 2 \\ annex\nLine two';
    const ics = buildIcs({
      calendarName: 'a, b; c',
      events: [{ kind: 'date', uid: 'x@concord', summary: 'S; s, s', description, url: 'https://example.org/doc?a=1,2;b', start: '2025-01-02', endInclusive: '2025-01-03', lastModified }],
    });
    expect(ics).toContain('DESCRIPTION:Agenda\\; item 1\\, item 2 \\\\ annex\\nLine two');
    const read = readFeed(ics);
    expect(read.name).toBe('a, b; c');
    expect(read.events[0]).toMatchObject({ summary: 'S; s, s', description });
    expect(ICAL.Component.fromString(ics).getFirstSubcomponent('vevent')!.getFirstPropertyValue('url')).toBe('https://example.org/doc?a=1,2;b');
  });

  it('refuses bad input: reversed dates, an unsupported RRULE, an unknown zone', () => {
    const base = { uid: 'x', summary: 's', lastModified };
    expect(() => buildIcs({ calendarName: 'x', events: [{ ...base, kind: 'date', start: '2025-01-03', endInclusive: '2025-01-02' }] })).toThrow(RangeError);
    expect(() => buildIcs({ calendarName: 'x', events: [{ ...base, kind: 'date', start: '2025-01-03', endInclusive: '2025-01-03', rrule: 'FREQ=WEEKLY' }] })).toThrow(RangeError);
    expect(() => buildIcs({ calendarName: 'x', events: [{ ...base, kind: 'datetime', start: new Date(0), end: new Date(0), zone: 'Mars/Base' }] })).toThrow(RangeError);
  });
});
