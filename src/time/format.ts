import { DateTime } from 'luxon';
import { daysBetween, localDateToDateTime, todayInZone, type LocalDate } from './local-date.ts';
import { MONTHS_SHORT, WEEKDAYS_SHORT } from './month-names.ts';

function parts(date: LocalDate): { weekday: string; day: number; month: string; year: number } {
  const dt = localDateToDateTime(date);
  return { weekday: WEEKDAYS_SHORT[dt.weekday - 1]!, day: dt.day, month: MONTHS_SHORT[dt.month - 1]!, year: dt.year };
}

/** `formatLocalDate('2025-04-28')` → `'Mon 28 Apr 2025'`. */
export function formatLocalDate(date: LocalDate): string {
  const p = parts(date);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/**
 * An inclusive date range, as short as it can be said without losing anything.
 *
 * @example formatDateRange('2025-04-28', '2025-05-09') // '28 Apr – 9 May 2025'
 * @example formatDateRange('2025-09-16', '2025-09-19') // '16–19 Sep 2025'
 * @example formatDateRange('2025-12-29', '2026-01-02') // '29 Dec 2025 – 2 Jan 2026'
 * @example formatDateRange('2026-02-07', '2026-02-07') // '7 Feb 2026'
 */
export function formatDateRange(start: LocalDate, end: LocalDate): string {
  const a = parts(start);
  const b = parts(end);
  if (start === end) return `${a.day} ${a.month} ${a.year}`;
  if (a.year !== b.year) return `${a.day} ${a.month} ${a.year} – ${b.day} ${b.month} ${b.year}`;
  if (a.month !== b.month) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  return `${a.day}–${b.day} ${b.month} ${b.year}`;
}

function zoneNameIn(locale: string, instant: Date, zone: string): string {
  const formatted = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(instant);
  return formatted.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/**
 * The abbreviation people know for the zone at that instant (`CEST`, `EDT`, `BST`), else the
 * offset written `UTC+3`. ICU gives European abbreviations only in en-GB and American ones only
 * in en-US, hence both.
 */
export function zoneAbbreviation(instant: Date, zone: string): string {
  if (zone === 'UTC') return 'UTC';
  for (const locale of ['en-US', 'en-GB']) {
    const name = zoneNameIn(locale, instant, zone);
    // ICU falls back to `GMT+2` where it has no abbreviation; plain `GMT` (London in winter) is a real one.
    if (name && !/^(GMT|UTC)[+\-\u2212]/.test(name)) return name;
  }
  const offset = DateTime.fromJSDate(instant).setZone(zone).offset;
  if (offset === 0) return 'UTC';
  const sign = offset < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(offset) / 60);
  const m = Math.abs(offset) % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/**
 * An instant as read in `zone`, with the zone spelled out.
 *
 * @example formatInstantInZone(new Date('2025-09-16T08:00:00Z'), 'Europe/Zurich') // 'Tue 16 Sep 2025, 10:00 CEST (Europe/Zurich)'
 */
export function formatInstantInZone(instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant).setZone(zone);
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${JSON.stringify(zone)}`);
  const date = formatLocalDate(local.toISODate()!);
  const abbreviation = zoneAbbreviation(instant, zone);
  const suffix = zone === 'UTC' ? abbreviation : `${abbreviation} (${zone})`;
  return `${date}, ${local.toFormat('HH:mm')} ${suffix}`;
}

/**
 * Calendar days from "today" in `zone` (at `now`) until `date`: 0 today, 1 tomorrow, negative when past.
 *
 * @example daysUntil('2025-11-15', 'Pacific/Auckland', new Date('2025-11-14T12:00:00Z')) // 0 (already the 15th there)
 */
export function daysUntil(date: LocalDate, zone: string, now: Date): number {
  return daysBetween(todayInZone(now, zone), date);
}
