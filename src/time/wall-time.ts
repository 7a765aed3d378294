import { DateTime, IANAZone } from 'luxon';
import { dateTimeToLocalDate, isLocalDate, type LocalDate, type LocalTime } from './local-date.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A wall-clock reading: what a clock on the wall in some zone shows. Months are 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/** What `utcToLocal` returns: the wall clock in `zone` at an instant. */
export interface LocalReading {
  date: LocalDate;
  /** `HH:MM` */
  time: LocalTime;
  second: number;
  /** Offset from UTC in minutes at that instant (+120 for CEST). */
  offsetMinutes: number;
  zone: string;
}

function zoneOrThrow(zone: string): IANAZone {
  const z = IANAZone.create(zone);
  if (!z.isValid) throw new RangeError(`Unknown time zone: ${JSON.stringify(zone)}`);
  return z;
}

/**
 * The UTC instant at which clocks in `zone` show `wall`. A time that does not exist (skipped by a
 * daylight-saving gap) moves forward by the gap: 02:30 on 2025-03-30 in Europe/Zurich → 03:30 CEST.
 * A time that occurs twice (clocks set back) takes the earlier instant: 02:30 on 2025-10-26 in
 * Europe/Zurich → 00:30Z (CEST).
 */
export function wallClockToUtc(wall: WallClock, zone: string): Date {
  const z = zoneOrThrow(zone);
  const second = wall.second ?? 0;
  const check = DateTime.fromObject({ ...wall, second }, { zone: 'utc' });
  if (!check.isValid) throw new RangeError(`Not a valid date and time: ${JSON.stringify(wall)}`);
  const asIfUtc = check.toMillis();
  const offsets = new Set([z.offset(asIfUtc - DAY), z.offset(asIfUtc), z.offset(asIfUtc + DAY)]);
  const matching = [...offsets]
    .map((offset) => asIfUtc - offset * MINUTE)
    .filter((instant) => asIfUtc - z.offset(instant) * MINUTE === instant);
  if (matching.length > 0) return new Date(Math.min(...matching));
  // In a gap: read the wall time with the offset in force before the gap, which lands after it.
  return new Date(asIfUtc - z.offset(asIfUtc - DAY) * MINUTE);
}

/** Splits `HH:MM` or `HH:MM:SS` (24-hour) into numbers; `undefined` when malformed. */
export function splitTime(time: string): { hour: number; minute: number; second: number } | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(time);
  if (!m) return undefined;
  return { hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3] ?? 0) };
}

/**
 * The UTC instant of a local date and time in `zone`, with the gap/overlap rules of `wallClockToUtc`.
 *
 * @example localDateTimeToUtc('2025-09-16', '10:00', 'Europe/Zurich') // 2025-09-16T08:00:00Z
 */
export function localDateTimeToUtc(date: LocalDate, time: string, zone: string): Date {
  const parts = splitTime(time);
  if (!isLocalDate(date) || !parts) throw new RangeError(`Not a local date and time: ${date} ${time}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return wallClockToUtc({ year, month, day, ...parts }, zone);
}

/**
 * The wall clock in `zone` at `instant`.
 *
 * @example utcToLocal(new Date('2025-09-16T08:00:00Z'), 'Europe/Zurich') // { date: '2025-09-16', time: '10:00', offsetMinutes: 120, … }
 */
export function utcToLocal(instant: Date | DateTime, zone: string): LocalReading {
  zoneOrThrow(zone);
  const dt = (instant instanceof Date ? DateTime.fromJSDate(instant) : instant).setZone(zone);
  return {
    date: dateTimeToLocalDate(dt),
    time: dt.toFormat('HH:mm'),
    second: dt.second,
    offsetMinutes: dt.offset,
    zone,
  };
}
