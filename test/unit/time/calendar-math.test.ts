import { describe, expect, it } from 'vitest';
import { addDuration, shiftLocalDate } from '../../../src/time/calendar-math.ts';

describe('shiftLocalDate (domain.md §3 worked values)', () => {
  it.each([
    ['2025-09-16', 60, 'day', '2025-07-18'], // ISU work plan, 13MSP
    ['2024-09-10', 60, 'day', '2024-07-12'], // ISU work plan, 12MSP
    ['2025-04-28', 6, 'week', '2025-03-17'], // BRS COPs (crosses the 30 Mar DST change)
    ['2025-11-03', 6, 'week', '2025-09-22'], // Minamata COP-6 (crosses 26 Oct)
    ['2026-11-16', 6, 'week', '2026-10-05'], // GFC IC-1 (crosses 25 Oct)
    ['2026-03-23', 6, 'week', '2026-02-09'], // CMS COP15
  ] as const)('%s − %i %ss = %s', (date, amount, unit, expected) => {
    expect(shiftLocalDate(date, { amount, unit, direction: 'before' })).toBe(expected);
  });

  it('goes forward, across year ends and leap days', () => {
    expect(shiftLocalDate('2025-12-31', { amount: 1, unit: 'day', direction: 'after' })).toBe('2026-01-01');
    expect(shiftLocalDate('2028-02-28', { amount: 1, unit: 'day', direction: 'after' })).toBe('2028-02-29');
    expect(shiftLocalDate('2025-03-01', { amount: 1, unit: 'day', direction: 'before' })).toBe('2025-02-28');
  });

  it('clamps months to the last day of the month', () => {
    expect(shiftLocalDate('2025-03-31', { amount: 1, unit: 'month', direction: 'before' })).toBe('2025-02-28');
    expect(shiftLocalDate('2024-01-31', { amount: 1, unit: 'month', direction: 'after' })).toBe('2024-02-29');
  });

  it('refuses a negative or fractional amount and a malformed date', () => {
    expect(() => shiftLocalDate('2025-01-01', { amount: -1, unit: 'day', direction: 'before' })).toThrow(RangeError);
    expect(() => shiftLocalDate('2025-01-01', { amount: 1.5, unit: 'day', direction: 'before' })).toThrow(RangeError);
    expect(() => shiftLocalDate('2025-02-30', { amount: 1, unit: 'day', direction: 'before' })).toThrow(RangeError);
  });

  it('adds snooze durations', () => {
    expect(addDuration('2025-11-14', { amount: 2, unit: 'week' })).toBe('2025-11-28');
  });
});
