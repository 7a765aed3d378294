import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { addDays, daysBetween, isLocalDate, isoWeekday } from '../../../src/time/local-date.ts';

describe('calendar-day arithmetic (integer days, no Luxon on the hot path)', () => {
  it('agrees with Luxon on weekdays, adding days and days between, every week from 1899 to 2064', () => {
    const start = DateTime.fromISO('1899-12-25', { zone: 'utc' });
    const leapDay = DateTime.fromISO('2000-02-29', { zone: 'utc' });
    for (let i = 0; i < 60_000; i += 7) {
      const day = start.plus({ days: i });
      const iso = day.toISODate()!;
      expect(isoWeekday(iso)).toBe(day.weekday);
      expect(addDays(iso, 45)).toBe(day.plus({ days: 45 }).toISODate());
      expect(addDays(iso, -400)).toBe(day.plus({ days: -400 }).toISODate());
      expect(daysBetween('2000-02-29', iso)).toBe(Math.round(day.diff(leapDay, 'days').days));
    }
  });

  it('knows which days exist', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('0099-01-01')).toBe(true);
    for (const bad of ['2025-02-30', '2025-13-01', '2025-00-10', '2025-1-1', '20250101', 20250101]) expect(isLocalDate(bad)).toBe(false);
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});
