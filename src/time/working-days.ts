import { addDays, isoWeekday, type LocalDate } from './local-date.ts';

/**
 * Working days are Monday to Friday. Public holidays differ between duty stations and are not
 * modelled; a committee that needs them can pass `holidays` (dates that are not working days).
 */
export interface WorkingDayOptions {
  holidays?: ReadonlySet<LocalDate>;
}

/** True for Monday–Friday that is not one of `holidays`. */
export function isWorkingDay(date: LocalDate, options: WorkingDayOptions = {}): boolean {
  return isoWeekday(date) <= 5 && !options.holidays?.has(date);
}

/** The date itself when it is a working day, else the next one: Sat 2025-11-15 → Mon 2025-11-17. */
export function nextWorkingDayOnOrAfter(date: LocalDate, options: WorkingDayOptions = {}): LocalDate {
  let day = date;
  while (!isWorkingDay(day, options)) day = addDays(day, 1);
  return day;
}

/** The date itself when it is a working day, else the one before: Sun 2025-11-16 → Fri 2025-11-14. */
export function previousWorkingDayOnOrBefore(date: LocalDate, options: WorkingDayOptions = {}): LocalDate {
  let day = date;
  while (!isWorkingDay(day, options)) day = addDays(day, -1);
  return day;
}

/**
 * Counts `count` working days forward from `date` (backward when negative); `date` itself is not
 * counted. Used for "every 3 working days" (overdue reminders) and the silence procedure
 * ("5 working days" from circulation).
 *
 * @example addWorkingDays('2025-11-13', 5) // Thu → '2025-11-20' (Thu of the next week)
 * @example addWorkingDays('2025-11-15', 1) // Sat → '2025-11-17' (Mon)
 */
export function addWorkingDays(date: LocalDate, count: number, options: WorkingDayOptions = {}): LocalDate {
  if (!Number.isInteger(count)) throw new RangeError(`count must be a whole number, got ${count}`);
  const step = count < 0 ? -1 : 1;
  let day = date;
  for (let remaining = Math.abs(count); remaining > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day, options)) remaining--;
  }
  return day;
}
