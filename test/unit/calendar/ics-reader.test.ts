import { describe, expect, it } from 'vitest';
import { readIcs } from '../../../src/calendar-formats/ics-reader.ts';

const GOOGLE = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'VERSION:2.0',
  'CALSCALE:GREGORIAN',
  'METHOD:PUBLISH',
  'X-WR-CALNAME:IOMC',
  'X-WR-TIMEZONE:Europe/Zurich',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Zurich',
  'X-LIC-LOCATION:Europe/Zurich',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'DTSTART;TZID=Europe/Zurich:20251121T093000',
  'DTEND;TZID=Europe/Zurich:20251121T170000',
  'DTSTAMP:20251101T101010Z',
  'UID:0a1b2c3d4e@google.com',
  'DESCRIPTION:Room IV\\, ILO building.\\nBring badge.',
  'LOCATION:ILO\\, Geneva',
  'SUMMARY:IOCC-61 (day 1 of a long-titled coordination meeting with a summary that ',
  ' is folded across lines by Google)',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'DESCRIPTION:This is an event reminder',
  'TRIGGER:-P0DT0H30M0S',
  'END:VALARM',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

const OUTLOOK = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'VERSION:2.0',
  'METHOD:PUBLISH',
  'BEGIN:VTIMEZONE',
  'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16011028T030000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:040000008200E00074C5B7101A82E008',
  'SUMMARY;LANGUAGE=en-us:Bureau call',
  'DTSTART;TZID="W. Europe Standard Time":20260115T140000',
  'DTEND;TZID="W. Europe Standard Time":20260115T150000',
  'STATUS:CANCELLED',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:all-day-1',
  'SUMMARY:Retreat',
  'DTSTART;VALUE=DATE:20260302',
  'DTEND;VALUE=DATE:20260304',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('readIcs', () => {
  it('reads a Google export: folded summary, escaped text, TZID, VALARM ignored', () => {
    const read = readIcs(GOOGLE);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.calendarName).toBe('IOMC');
    expect(read.events).toHaveLength(1);
    expect(read.events[0]).toMatchObject({
      uid: '0a1b2c3d4e@google.com',
      summary: 'IOCC-61 (day 1 of a long-titled coordination meeting with a summary that is folded across lines by Google)',
      description: 'Room IV, ILO building.\nBring badge.',
      location: 'ILO, Geneva',
      startKind: 'datetime',
      tzid: 'Europe/Zurich',
      start: new Date('2025-11-21T08:30:00Z'),
      end: new Date('2025-11-21T16:00:00Z'),
    });
  });

  it('reads an Outlook export with a Windows zone id, all-day events and LF line endings', () => {
    const read = readIcs(OUTLOOK.replace(/\r\n/g, '\n'));
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.events[0]).toMatchObject({ summary: 'Bureau call', tzid: 'Europe/Berlin', start: new Date('2026-01-15T13:00:00Z'), status: 'CANCELLED' });
    expect(read.events[1]).toMatchObject({ startKind: 'date', start: '2026-03-02', end: '2026-03-04', endInclusive: '2026-03-03' });
  });

  it('resolves vendor-prefixed TZIDs and X-LIC-LOCATION (when the file\'s VTIMEZONE agrees)', () => {
    const text = OUTLOOK.replace(/W\. Europe Standard Time/g, 'Custom Zone 1')
      .replace('TZID:Custom Zone 1', 'TZID:Custom Zone 1\r\nX-LIC-LOCATION:Africa/Nairobi')
      .replace('TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100', 'TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300');
    const read = readIcs(text);
    expect(read.ok && read.events[0]).toMatchObject({ tzid: 'Africa/Nairobi', start: new Date('2026-01-15T11:00:00Z') });
    const mozilla = readIcs(OUTLOOK.replace(/"W\. Europe Standard Time"/g, '/mozilla.org/20050126_1/Europe/Zurich'));
    expect(mozilla.ok && mozilla.events[0]).toMatchObject({ tzid: 'Europe/Zurich' });
  });

  it('rejects an unknown TZID clearly, naming the event', () => {
    const noDefinition = OUTLOOK.replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, '');
    const read = readIcs(noDefinition.replace(/W\. Europe Standard Time/g, 'Mid-Atlantic Fantasy Time'));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors).toEqual([expect.stringMatching(/^event 1 \(UID 040000008200E00074C5B7101A82E008\): unknown time zone "Mid-Atlantic Fantasy Time"/)]);
  });

  it('accepts DURATION instead of DTEND, UTC and floating times', () => {
    const text = [
      'BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'UID:a', 'SUMMARY:A', 'DTSTART:20250916T080000Z', 'DURATION:PT1H30M', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b', 'SUMMARY:B', 'DTSTART;VALUE=DATE:20250916', 'DURATION:P4D', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:c', 'SUMMARY:C', 'DTSTART:20250916T100000', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const read = readIcs(text, { defaultZone: 'Europe/Zurich' });
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.events[0]).toMatchObject({ start: new Date('2025-09-16T08:00:00Z'), end: new Date('2025-09-16T09:30:00Z'), floating: false });
    expect(read.events[1]).toMatchObject({ start: '2025-09-16', endInclusive: '2025-09-19' });
    expect(read.events[2]).toMatchObject({ start: new Date('2025-09-16T08:00:00Z'), floating: true });
  });

  it('refuses anything that is not an iCalendar file', () => {
    for (const text of ['title,start,end\nIOCC,2025-01-01,2025-01-02', '{"meetings": []}', '', 'BEGIN:VCARD\r\nEND:VCARD']) {
      expect(readIcs(text)).toEqual({ ok: false, errors: ['This is not an iCalendar file: it has no BEGIN:VCALENDAR line.'] });
    }
  });

  it('reports every broken event', () => {
    const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'SUMMARY:no uid', 'DTSTART:20250101T000000Z', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:x', 'DTSTART:2025-01-01', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const read = readIcs(text);
    expect(read).toEqual({ ok: false, errors: ['event 1: has no UID', 'event 2 (UID x): DTSTART is not a valid date or date-time'] });
  });
});
