import { describe, expect, it } from 'vitest';
import { formatRule, nextOccurrences, parseRule, toYearlyRule } from '../../../src/time/recurrence.ts';

describe('yearly recurrence (RFC 5545 subset)', () => {
  it('builds the rule for CCM Article 7 reports (30 April) and lists 2025–2027', () => {
    const rule = toYearlyRule('2025-04-30');
    expect(rule).toBe('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30');
    expect(nextOccurrences(rule, '2025-04-30', { from: '2025-01-01', count: 3 })).toEqual(['2025-04-30', '2026-04-30', '2027-04-30']);
  });

  it('starts from the first occurrence on or after `from`', () => {
    expect(nextOccurrences('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30', '2025-04-30', { from: '2025-05-01', count: 2 })).toEqual(['2026-04-30', '2027-04-30']);
  });

  it('gives 29 February only in leap years (RFC 5545 ignores invalid dates)', () => {
    expect(nextOccurrences(toYearlyRule('2024-02-29'), '2024-02-29', { count: 3 })).toEqual(['2024-02-29', '2028-02-29', '2032-02-29']);
  });

  it('honours INTERVAL, COUNT and UNTIL', () => {
    // Stockholm Art. 15 national reports: every 4 years, 31 Aug.
    expect(nextOccurrences('FREQ=YEARLY;INTERVAL=4;BYMONTH=8;BYMONTHDAY=31', '2018-08-31', { from: '2023-01-01', count: 2 })).toEqual(['2026-08-31', '2030-08-31']);
    expect(nextOccurrences('FREQ=YEARLY;COUNT=2', '2025-12-31', { count: 5 })).toEqual(['2025-12-31', '2026-12-31']);
    expect(nextOccurrences('RRULE:FREQ=YEARLY;UNTIL=20271231', '2025-12-31', { count: 5 })).toEqual(['2025-12-31', '2026-12-31', '2027-12-31']);
  });

  it('parses and re-formats the supported subset', () => {
    const parsed = parseRule('freq=yearly;bymonth=4;bymonthday=30;wkst=MO');
    expect(parsed).toEqual({ ok: true, rule: { freq: 'YEARLY', interval: 1, byMonth: 4, byMonthDay: 30 } });
    if (parsed.ok) expect(formatRule(parsed.rule)).toBe('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30');
  });

  it.each([
    ['FREQ=MONTHLY;BYMONTHDAY=30', 'FREQ=YEARLY'],
    ['FREQ=YEARLY;BYDAY=MO', 'BYDAY'],
    ['FREQ=YEARLY;BYMONTH=4,5;BYMONTHDAY=30', 'BYMONTH'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'never'],
    ['FREQ=YEARLY;BYMONTHDAY=30', 'BYMONTH'],
    ['FREQ=YEARLY;COUNT=2;UNTIL=20300101', 'not both'],
    ['BYMONTH=4', 'FREQ'],
  ])('refuses %j with a message mentioning %j', (rule, words) => {
    const result = parseRule(rule);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(words);
  });
});
