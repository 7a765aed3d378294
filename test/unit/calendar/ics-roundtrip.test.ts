import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIcs, type IcsDateEvent } from '../../../src/calendar-formats/ics-writer.ts';
import { parseMeetingsFile } from '../../../src/calendar-formats/import-parse.ts';
import { readFeed } from '../../integration/calendar/ical-client.ts';

const fixtureText = readFileSync(new URL('../../../prisma/seed-data/meetings.json', import.meta.url), 'utf8');
const lastModified = new Date('2026-01-15T10:00:00Z');

describe('meetings.json → ICS feed → calendar client', () => {
  const parsed = parseMeetingsFile('meetings.json', fixtureText);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const meetings = parsed.meetings;
  const events: IcsDateEvent[] = meetings.map((m, i) => ({
    kind: 'date',
    uid: `meeting-${i + 1}@concord`,
    summary: m.title,
    description: `${m.body}\nSource: ${m.url ?? ''}`,
    location: m.venue,
    categories: [m.body],
    start: m.start,
    endInclusive: m.end,
    lastModified,
    ...(m.url ? { url: m.url } : {}),
  }));
  const ics = buildIcs({ calendarName: 'IOCC — governing bodies', events });

  it('parses all 35 meetings', () => {
    expect(meetings).toHaveLength(35);
  });

  it('writes a valid calendar skeleton with CRLF line endings', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ['CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:IOCC — governing bodies']) expect(ics).toContain(`\r\n${line}\r\n`);
    expect(ics.match(/^BEGIN:VEVENT$/gm)).toHaveLength(35);
    expect(ics).not.toContain('BEGIN:VTIMEZONE'); // all-day events need none
  });

  it('folds every physical line to at most 75 octets of valid UTF-8', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) {
      const bytes = encoder.encode(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(strict.decode(bytes)).toBe(line);
    }
  });

  it('writes DTEND as the day after the inclusive end (RFC 5545: exclusive)', () => {
    expect(ics).toContain('DTSTART;VALUE=DATE:20250428\r\nDTEND;VALUE=DATE:20250510\r\n'); // BRS COPs 28 Apr – 9 May
    expect(ics).toContain('DTSTART;VALUE=DATE:20260207\r\nDTEND;VALUE=DATE:20260208\r\n'); // INC-5.3, one day
  });

  it('reads every meeting back with identical dates (read by ical.js)', () => {
    const read = readFeed(ics);
    expect(read.name).toBe('IOCC — governing bodies');
    expect(read.events).toHaveLength(35);
    read.events.forEach((event, i) => {
      const m = meetings[i]!;
      expect(event).toMatchObject({ uid: `meeting-${i + 1}@concord`, summary: m.title, location: m.venue, allDay: true, start: m.start, end: m.end });
      expect(event.description).toBe(`${m.body}\nSource: ${m.url ?? ''}`);
    });
  });

  it('imports its own feed back to the same meetings (venue city gives the zone)', () => {
    const back = parseMeetingsFile('feed.ics', ics);
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.meetings.map(({ title, body, start, end, zone, venue }) => ({ title, body, start, end, zone, venue }))).toEqual(
      meetings.map(({ title, body, start, end, zone, venue }) => ({ title, body, start, end, zone, venue })),
    );
  });

  it('produces the same bytes for the same input', () => {
    expect(buildIcs({ calendarName: 'IOCC — governing bodies', events })).toBe(ics);
  });

  it('shows a date-only meeting in Nairobi on 8–12 Dec to a client anywhere (all-day dates)', () => {
    const unea = readFeed(ics).events.find((e) => e.summary.includes('UNEA-7'));
    expect(unea).toMatchObject({ allDay: true, start: '2025-12-08', end: '2025-12-12' });
  });
});
