import { dateTimeToLocalDate, localDateToDateTime, type LocalDate } from './local-date.ts';

export type CalendarUnit = 'day' | 'week' | 'month';

/** "N units before/after", as in "60 days before M-4" or "6 weeks before M-2". */
export interface CalendarOffset {
  amount: number;
  unit: CalendarUnit;
  direction: 'before' | 'after';
}

/** A length of calendar time (used for snoozes): "3 days", "2 weeks". */
export interface CalendarDuration {
  amount: number;
  unit: CalendarUnit;
}

/**
 * Moves a calendar date by whole days, weeks or months: calendar arithmetic, never multiples of
 * 24 hours, so daylight-saving changes cannot shift the result. Months clamp to the month's last
 * day (31 Mar minus 1 month → 28/29 Feb).
 *
 * @example shiftLocalDate('2025-09-16', { amount: 60, unit: 'day', direction: 'before' }) // '2025-07-18'
 * @example shiftLocalDate('2025-04-28', { amount: 6, unit: 'week', direction: 'before' }) // '2025-03-17'
 */
export function shiftLocalDate(date: LocalDate, offset: CalendarOffset): LocalDate {
  if (!Number.isInteger(offset.amount) || offset.amount < 0) {
    throw new RangeError(`amount must be a whole number ≥ 0, got ${offset.amount}`);
  }
  const signed = offset.direction === 'before' ? -offset.amount : offset.amount;
  const base = localDateToDateTime(date);
  const moved =
    offset.unit === 'day'
      ? base.plus({ days: signed })
      : offset.unit === 'week'
        ? base.plus({ weeks: signed })
        : base.plus({ months: signed });
  return dateTimeToLocalDate(moved);
}

/** Adds a duration to a date: `addDuration('2025-11-14', { amount: 2, unit: 'week' })` → `'2025-11-28'`. */
export function addDuration(date: LocalDate, duration: CalendarDuration): LocalDate {
  return shiftLocalDate(date, { ...duration, direction: 'after' });
}
