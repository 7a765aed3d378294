import { DateTime } from 'luxon';

/** A calendar date with no zone attached, as ISO `YYYY-MM-DD` (e.g. `2025-04-28`). */
export type LocalDate = string;

/** A wall-clock time of day, `HH:MM` in 24-hour form (e.g. `09:00`). */
export type LocalTime = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or undefined when no such day exists. Plain integer arithmetic (no Luxon, no `TZ`). */
function epochDayOf(value: string): number | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d.getTime() / DAY_MS : undefined;
}

function epochDay(date: LocalDate): number {
  const day = epochDayOf(date);
  if (day === undefined) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  return day;
}

function fromEpochDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (`2025-02-30` is not). */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && epochDayOf(value) !== undefined;
}

/**
 * The date as a Luxon value at midnight UTC, so that arithmetic on it is pure calendar
 * arithmetic that never depends on the process' `TZ`. Throws on a malformed date (programming error).
 */
export function localDateToDateTime(date: LocalDate): DateTime {
  if (!isLocalDate(date)) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  return DateTime.fromISO(date, { zone: 'utc' });
}

/** The calendar date part of a Luxon value, in the value's own zone. */
export function dateTimeToLocalDate(value: DateTime): LocalDate {
  const iso = value.toISODate();
  if (iso === null) throw new RangeError('Invalid DateTime');
  return iso;
}

/** Builds a `LocalDate` from numbers; `undefined` when the date does not exist (e.g. 29 Feb 2025). */
export function makeLocalDate(year: number, month: number, day: number): LocalDate | undefined {
  const dt = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  return dt.isValid ? dateTimeToLocalDate(dt) : undefined;
}

/** Negative, zero or positive like a comparator; ISO dates compare correctly as strings. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Adds (or with a negative `days`, subtracts) calendar days. `addDays('2025-12-31', 1)` → `'2026-01-01'`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDay(to) - epochDay(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Per zone, the last day asked for and the instants it spans (midnight to midnight there, DST included):
 * every read of a list or a Home asks for "today", and working it out takes Luxon tens of microseconds.
 * Bounded: zones are checked names, and past 1,000 of them it starts over.
 */
const dayInZone = new Map<string, { date: LocalDate; from: number; until: number }>();

/**
 * The calendar date it is at `now` in `zone` — "today" for someone in that zone.
 *
 * @example todayInZone(new Date('2025-11-14T11:30:00Z'), 'Pacific/Auckland') // '2025-11-15'
 */
export function todayInZone(now: Date, zone: string): LocalDate {
  const t = now.getTime();
  const known = dayInZone.get(zone);
  if (known && t >= known.from && t < known.until) return known.date;
  const at = DateTime.fromJSDate(now, { zone });
  const date = dateTimeToLocalDate(at);
  if (dayInZone.size >= 1000) dayInZone.clear();
  dayInZone.set(zone, { date, from: at.startOf('day').toMillis(), until: at.plus({ days: 1 }).startOf('day').toMillis() });
  return date;
}
