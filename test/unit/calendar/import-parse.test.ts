import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeetingsFile, rowExternalKey } from '../../../src/calendar-formats/import-parse.ts';
import { inferMeetingKind } from '../../../src/meetings/meeting-kind.ts';

const fixtureText = readFileSync(new URL('../../../prisma/seed-data/meetings.json', import.meta.url), 'utf8');
const fixture = JSON.parse(fixtureText) as Array<Record<string, string>>;

describe('parseMeetingsFile: JSON', () => {
  it('reads the meetings.json shape', () => {
    const result = parseMeetingsFile('meetings.json', fixtureText);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.meetings).toHaveLength(35);
    const msp = result.meetings.find((m) => m.title === 'Thirteenth Meeting of States Parties (13MSP)');
    expect(msp).toEqual({
      externalKey: rowExternalKey('CCM (Convention on Cluster Munitions)', 'Thirteenth Meeting of States Parties (13MSP)', '2025-09-16'),
      title: 'Thirteenth Meeting of States Parties (13MSP)',
      label: 'row 24',
      body: 'CCM (Convention on Cluster Munitions)',
      start: '2025-09-16',
      end: '2025-09-19',
      zone: 'Europe/Zurich',
      venue: 'Geneva',
      url: 'https://www.clusterconvention.org/13msp-int',
      status: 'scheduled',
    });
    expect(new Set(result.meetings.map((m) => m.externalKey)).size).toBe(35);
  });

  it('gives the same external keys on re-import, whatever the spacing or case', () => {
    const again = parseMeetingsFile('copy.JSON', fixtureText);
    const first = parseMeetingsFile('meetings.json', fixtureText);
    expect(again.ok && first.ok && again.meetings.map((m) => m.externalKey)).toEqual(first.ok && first.meetings.map((m) => m.externalKey));
    expect(rowExternalKey('UNEP', ' UNEA-7 ', '2025-12-08')).toBe(rowExternalKey('unep', 'unea-7', '2025-12-08'));
  });

  it('reads the title/venue/time/kind shape, wrapped in { meetings }', () => {
    const text = JSON.stringify({
      meetings: [
        { title: 'IOCC-61', body: 'IOCC', start: '2025-11-20', end: '2025-11-21', time: '9:30', timeZone: 'europe/zurich', venue: 'ILO, Geneva', url: 'https://example.org/iocc61', id: 'iocc-61' },
        { title: 'GFC Bureau', body: 'GFC', start: '2026-01-20', timeZone: 'Europe/Zurich', venue: 'online', kind: 'bureau' },
      ],
    });
    const result = parseMeetingsFile('m.json', text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.meetings[0]).toEqual({ externalKey: 'iocc-61', label: 'row 1', title: 'IOCC-61', body: 'IOCC', start: '2025-11-20', end: '2025-11-21', time: '09:30', zone: 'Europe/Zurich', venue: 'ILO, Geneva', url: 'https://example.org/iocc61', status: 'scheduled' });
    expect(result.meetings[1]).toMatchObject({ kind: 'bureau', start: '2026-01-20', end: '2026-01-20' });
  });

  it('reports an invalid zone with its row number and a suggestion, and every other bad row', () => {
    const rows = fixture.slice(0, 4).map((r) => ({ ...r }));
    rows[1]!.timeZone = 'Geneva';
    rows[2]!.end = '2024-01-01';
    rows[3]!.start = '26/02/2024';
    const result = parseMeetingsFile('meetings.json', JSON.stringify(rows));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        'row 2: "Geneva" is not a time zone I know. Did you mean Europe/Zurich?',
        'row 3: end 2024-01-01 is before start 2024-04-23',
        'row 4: start "26/02/2024" is not a date written YYYY-MM-DD',
      ]);
    }
  });

  it('reports missing dates (meetings_unverified.json style), wrong types, duplicates and broken JSON', () => {
    const text = JSON.stringify([
      { name: 'WHA79', body: 'WHO', start: null, end: null, city: 'Geneva', timeZone: 'Europe/Zurich' },
      { name: 'X', start: 20250101, timeZone: 'UTC' },
      fixture[0],
      fixture[0],
      'nope',
    ]);
    const result = parseMeetingsFile('u.json', text);
    expect(result).toEqual({
      ok: false,
      errors: [
        'row 1: the start date is missing',
        'row 2: start must be text, not number',
        'row 4: the same meeting as row 3 (same id, or same body, title and start)',
        'row 5: expected an object with title, start, end, timeZone …',
      ],
    });
    const dupes = parseMeetingsFile('u.json', JSON.stringify([fixture[0], { ...fixture[1], start: null }, fixture[0]]));
    expect(dupes).toEqual({ ok: false, errors: ['row 2: the start date is missing', 'row 3: the same meeting as row 1 (same id, or same body, title and start)'] });
    expect(parseMeetingsFile('u.json', '{"meetings": [')).toMatchObject({ ok: false, errors: [expect.stringContaining('not valid JSON')] });
    expect(parseMeetingsFile('u.json', '[]')).toEqual({ ok: false, errors: ['The file holds no meetings.'] });
  });
});

describe('parseMeetingsFile: CSV', () => {
  it('reads quoted commas, doubled quotes, a line break inside quotes and CRLF', () => {
    const csv = [
      'title,body,start,end,time,tz,venue,kind,url',
      '"BC COP-17, RC COP-12, SC COP-12",BRS,2025-04-28,2025-05-09,,Europe/Zurich,"CICG, Geneva",,http://pic.int/',
      '"The ""Bureau"" call",GFC,2026-01-20,2026-01-20,14:00,Europe/Zurich,"online,',
      'Teams",bureau,',
    ].join('\r\n');
    const result = parseMeetingsFile('meetings.csv', csv);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.meetings).toHaveLength(2);
    expect(result.meetings[0]).toMatchObject({ title: 'BC COP-17, RC COP-12, SC COP-12', venue: 'CICG, Geneva', end: '2025-05-09', url: 'http://pic.int/' });
    expect(result.meetings[1]).toMatchObject({ title: 'The "Bureau" call', venue: 'online,\r\nTeams', time: '14:00', kind: 'bureau' });
  });

  it('accepts name/city/timeZone headers in any case, and semicolon-separated files', () => {
    const csv = 'Name;Body;Start;End;City;TimeZone\nUNEA-7;UNEP / UN Environment Assembly;2025-12-08;2025-12-12;Nairobi;Africa/Nairobi\n';
    const result = parseMeetingsFile('export.CSV', csv);
    expect(result.ok && result.meetings[0]).toMatchObject({ title: 'UNEA-7', zone: 'Africa/Nairobi', venue: 'Nairobi' });
  });

  it('reports every bad row by its spreadsheet row number (header = row 1)', () => {
    const csv = [
      'title,start,end,timeZone',
      'Good,2025-01-01,2025-01-02,UTC',
      'Bad zone,2025-01-01,2025-01-02,UTC+2',
      '',
      'Bad date,2025-02-30,2025-03-01,Europe/Zurich',
      'Too many,2025-01-01,2025-01-02,UTC,extra',
    ].join('\n');
    const result = parseMeetingsFile('m.csv', csv);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(3);
      expect(result.errors[0]).toMatch(/^row 3: "UTC\+2" is a UTC offset/);
      expect(result.errors[1]).toBe('row 5: start "2025-02-30" is not a date written YYYY-MM-DD');
      expect(result.errors[2]).toMatch(/^row 6: 5 fields but the header has 4/);
    }
  });

  it('names missing columns and unclosed quotes', () => {
    expect(parseMeetingsFile('m.csv', 'title,start\nA,2025-01-01')).toEqual({ ok: false, errors: ['row 1 (header): missing column timeZone (or tz)'] });
    expect(parseMeetingsFile('m.csv', 'title,start,tz\n"A,2025-01-01,UTC')).toEqual({ ok: false, errors: ['row 2: a quoted field is never closed (missing ")'] });
  });
});

describe('parseMeetingsFile: ICS and other files', () => {
  const ics = (events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR'].join('\r\n');

  it('takes UID as the external key, local time and zone from TZID, and CANCELLED status', () => {
    const text = ics([
      'BEGIN:VEVENT', 'UID:abc@example.org', 'SUMMARY:IOCC-61', 'LOCATION:ILO\\, Geneva', 'STATUS:CANCELLED',
      'DTSTART;TZID="W. Europe Standard Time":20251120T093000', 'DTEND;TZID="W. Europe Standard Time":20251121T170000', 'END:VEVENT',
    ]);
    const result = parseMeetingsFile('outlook.ics', text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.meetings[0]).toEqual({
      externalKey: 'abc@example.org', label: 'event 1 (UID abc@example.org)', title: 'IOCC-61', body: '', start: '2025-11-20', end: '2025-11-21',
      time: '09:30', zone: 'Europe/Berlin', venue: 'ILO, Geneva', status: 'cancelled',
    });
  });

  it('needs a zone for all-day events at an unknown place, and refuses recurring events', () => {
    const text = ics([
      'BEGIN:VEVENT', 'UID:a', 'SUMMARY:Retreat', 'LOCATION:Somewhere nice', 'DTSTART;VALUE=DATE:20260302', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b', 'SUMMARY:Yearly', 'DTSTART;VALUE=DATE:20260430', 'RRULE:FREQ=YEARLY', 'END:VEVENT',
    ]);
    expect(parseMeetingsFile('x.ics', text)).toEqual({
      ok: false,
      errors: [
        'event 1 (UID a): an all-day event has no time zone and its location names no known city; give a default zone',
        'event 2 (UID b): recurring events cannot be imported as meetings',
      ],
    });
    const withZone = parseMeetingsFile('x.ics', text.replace(/BEGIN:VEVENT\r\nUID:b[\s\S]*?END:VEVENT\r\n/, ''), { defaultZone: 'Africa/Nairobi' });
    expect(withZone.ok && withZone.meetings[0]).toMatchObject({ start: '2026-03-02', end: '2026-03-02', zone: 'Africa/Nairobi' });
  });

  it('rejects a file that is not iCalendar, and unknown extensions', () => {
    expect(parseMeetingsFile('meetings.ics', 'title,start\nA,2025-01-01')).toEqual({ ok: false, errors: ['This is not an iCalendar file: it has no BEGIN:VCALENDAR line.'] });
    expect(parseMeetingsFile('meetings.xlsx', 'PK…')).toMatchObject({ ok: false, errors: [expect.stringContaining('unsupported file type')] });
  });
});

describe('inferMeetingKind', () => {
  it.each([
    ['IOMC / Inter-Organization Coordinating Committee (IOCC)', '60th meeting of the IOCC', 'coordination'],
    ['UNEP / UN Environment Assembly', 'Seventh session of the UN Environment Assembly (UNEA-7)', 'governing-body'],
    ['CMS (Convention on Migratory Species)', '14th meeting of the Conference of the Parties (CMS COP14)', 'governing-body'],
    ['CCM (Convention on Cluster Munitions)', 'Twelfth Meeting of States Parties (12MSP)', 'governing-body'],
    ['ILO / International Labour Conference', '113th Session of the International Labour Conference', 'governing-body'],
    ['Global Framework on Chemicals (GFC)', 'First meeting of the Open-ended Working Group of the Global Framework on Chemicals (OEWG-1)', 'working-group'],
    ['GFC', 'Bureau meeting', 'bureau'],
    ['IOMC', 'Multi-stakeholder workshop', 'other'],
    ['Stockholm Convention (BRS)', 'Twenty-first meeting of the Persistent Organic Pollutants Review Committee (POPRC-21)', 'other'],
  ] as const)('%s / %s → %s', (body, title, kind) => {
    expect(inferMeetingKind(body, title)).toBe(kind);
  });
});
