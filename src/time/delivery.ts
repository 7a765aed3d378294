import type { LocalDate } from './local-date.ts';
import { localDateTimeToUtc } from './wall-time.ts';
import { isWorkingDay, nextWorkingDayOnOrAfter, previousWorkingDayOnOrBefore, type WorkingDayOptions } from './working-days.ts';

export interface DeliveryOptions extends WorkingDayOptions {
  /** Deliver only Monday–Friday (default `true`, as PRODUCT.md asks). */
  workingDaysOnly?: boolean;
  /**
   * Where a weekend date goes. `'previous'` (default) delivers on the preceding working day
   * (Friday), so a reminder "N days before" or "on the due date" is never late; use `'next'` for
   * reminders after the fact (overdue), which may as well wait for Monday.
   */
  weekend?: 'previous' | 'next';
}

/** Time of day for a delivery; PRODUCT.md's default is 09:00. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

export const DEFAULT_DELIVERY_TIME: TimeOfDay = { hour: 9, minute: 0 };

/**
 * The local date a reminder meant for `date` is delivered on: `date` itself on a working day,
 * else the working day before it (or after it, with `weekend: 'next'`).
 *
 * @example deliveryDate('2025-11-16') // Sun → '2025-11-14' (Fri)
 */
export function deliveryDate(date: LocalDate, options: DeliveryOptions = {}): LocalDate {
  if (options.workingDaysOnly === false || isWorkingDay(date, options)) return date;
  return options.weekend === 'next'
    ? nextWorkingDayOnOrAfter(date, options)
    : previousWorkingDayOnOrBefore(date, options);
}

/**
 * The UTC instant to deliver a reminder meant for local `date` in the recipient's `zone`: at `at`
 * (default 09:00) local time, on a working day (see `deliveryDate` for the weekend rule). A time
 * skipped by a DST gap moves forward; a time that occurs twice takes the earlier instant.
 *
 * @example deliveryInstant('2025-09-16', 'Europe/Zurich') // 2025-09-16T07:00:00Z (09:00 CEST)
 * @example deliveryInstant('2025-11-16', 'Europe/Zurich') // Sunday → Fri 2025-11-14T08:00:00Z (09:00 CET)
 */
export function deliveryInstant(
  date: LocalDate,
  zone: string,
  at: TimeOfDay = DEFAULT_DELIVERY_TIME,
  options: DeliveryOptions = {},
): Date {
  const day = deliveryDate(date, options);
  const time = `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
  return localDateTimeToUtc(day, time, zone);
}
