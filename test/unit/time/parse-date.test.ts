import { describe, expect, it } from 'vitest';
import { parseDateRange, parseUserDate } from '../../../src/time/parse-date.ts';

// Fri 14 Nov 2025, 11:30 UTC: already Sat 15 Nov (00:30) in Auckland, still Fri 14 Nov (06:30) in New York.
const now = new Date('2025-11-14T11:30:00Z');
const auckland = { zone: 'Pacific/Auckland', now };
const newYork = { zone: 'America/New_York', now };
const geneva = { zone: 'Europe/Zurich', now };

const date = (text: string, options: { zone: string; now: Date; allowPast?: boolean }) => {
  const result = parseUserDate(text, options);
  return result.ok ? result.date : `${result.reason}`;
};

describe('parseUserDate around midnight: the same instant is a different day in each zone', () => {
  it.each([
    ['today', '2025-11-15', '2025-11-14'],
    ['tomorrow', '2025-11-16', '2025-11-15'],
    ['in 10 days', '2025-11-25', '2025-11-24'],
    ['in 2 weeks', '2025-11-29', '2025-11-28'],
    ['friday', '2025-11-21', '2025-11-14'],
    ['next Friday', '2025-11-21', '2025-11-21'],
  ])('%j → %s in Auckland, %s in New York', (text, inAuckland, inNewYork) => {
    expect(date(text, auckland)).toBe(inAuckland);
    expect(date(text, newYork)).toBe(inNewYork);
  });

  it('calls yesterday in New York "today" in Auckland past', () => {
    expect(date('2025-11-14', newYork)).toBe('2025-11-14');
    expect(parseUserDate('2025-11-14', auckland)).toMatchObject({ ok: false, reason: 'past' });
    expect(date('2025-11-14', { ...auckland, allowPast: true })).toBe('2025-11-14');
  });
});

describe('parseUserDate forms', () => {
  it.each([
    ['2027-03-01', '2027-03-01'],
    ['30 April', '2026-04-30'],
    ['April 30', '2026-04-30'],
    ['30 Apr 2027', '2027-04-30'],
    ['30 april 2027', '2027-04-30'],
    ['Apr 30, 2027', '2027-04-30'],
    ['3rd of May', '2026-05-03'],
    ['Mon 28 Apr 2025', 'past'],
    ['14 Nov', '2025-11-14'], // today: on or after today
    ['13 Nov', '2026-11-13'], // already passed this year: next year
    ['29 Feb', '2028-02-29'], // next leap day
    ['30/04/2027', '2027-04-30'], // only one reading is a date
    ['in 1 month', '2025-12-14'],
  ])('%j → %s (Geneva, Fri 14 Nov 2025)', (text, expected) => {
    expect(date(text, geneva)).toBe(expected);
  });

  it('refuses ambiguous numeric dates and says how to write them', () => {
    const result = parseUserDate('03/04/2027', geneva);
    expect(result).toMatchObject({ ok: false, reason: 'ambiguous' });
    if (!result.ok) {
      expect(result.message).toContain('2027-04-03');
      expect(result.message).toContain('3 April 2027');
    }
  });

  it('refuses a month without a day, and a weekday that does not match the date', () => {
    expect(parseUserDate('April 2027', geneva)).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(parseUserDate('Tue 28 Apr 2025', { ...geneva, allowPast: true })).toMatchObject({ ok: false, reason: 'ambiguous' });
  });

  it('refuses text with extra words, with a time of day, non-dates and impossible dates', () => {
    for (const text of ['30 April please', 'tomorrow at 3pm', 'whenever', '', '2025-02-30', '31 June 2026']) {
      expect(parseUserDate(text, geneva), text).toMatchObject({ ok: false, reason: 'unrecognized' });
    }
  });

  it('refuses past dates unless allowed, naming today in the caller zone', () => {
    const result = parseUserDate('yesterday', geneva);
    expect(result).toMatchObject({ ok: false, reason: 'past' });
    if (!result.ok) expect(result.message).toContain('Fri 14 Nov 2025');
    expect(date('2024-09-10', { ...geneva, allowPast: true })).toBe('2024-09-10');
  });
});

describe('parseDateRange', () => {
  it('reads START..END and a single date', () => {
    expect(parseDateRange('2025-04-28..2025-05-09', { ...geneva, allowPast: true })).toEqual({ ok: true, start: '2025-04-28', end: '2025-05-09' });
    expect(parseDateRange('2026-11-16', geneva)).toEqual({ ok: true, start: '2026-11-16', end: '2026-11-16' });
  });

  it('lets an end without a year follow the start across the new year', () => {
    expect(parseDateRange('28 Dec..3 Jan', geneva)).toEqual({ ok: true, start: '2025-12-28', end: '2026-01-03' });
  });

  it('gives a start without a year the year of an end that has one', () => {
    expect(parseDateRange('12 Sep..15 Sep 2028', geneva)).toEqual({ ok: true, start: '2028-09-12', end: '2028-09-15' });
    expect(parseDateRange('28 Dec..3 Jan 2027', geneva)).toEqual({ ok: true, start: '2026-12-28', end: '2027-01-03' });
    expect(parseDateRange('Sep 12..2028-09-15', geneva)).toEqual({ ok: true, start: '2028-09-12', end: '2028-09-15' });
    expect(parseDateRange('29 Feb..3 Mar 2028', geneva)).toEqual({ ok: true, start: '2028-02-29', end: '2028-03-03' });
    expect(parseDateRange('16 Sep..15 Sep 2028', geneva)).toEqual({ ok: true, start: '2027-09-16', end: '2028-09-15' });
  });

  it('refuses a reversed range, a past start and a bad part', () => {
    expect(parseDateRange('2026-05-09..2026-04-28', geneva)).toMatchObject({ ok: false, reason: 'reversed' });
    expect(parseDateRange('2025-04-28..2025-05-09', geneva)).toMatchObject({ ok: false, reason: 'past' });
    expect(parseDateRange('2026-04-28..soon', geneva)).toMatchObject({ ok: false, reason: 'unrecognized' });
  });
});
