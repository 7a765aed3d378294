/**
 * Pure meeting rules: what a meeting is, how its local dates and time become a UTC instant (DST gap and
 * overlap resolved by `src/time/`), and how it is described. No I/O.
 */
import { UserError } from '../errors.ts';
import type { MeetingKind } from './meeting-kind.ts';
import { daysBetween, isLocalDate, type LocalDate } from '../time/local-date.ts';
import { localDateTimeToUtc, utcToLocal } from '../time/wall-time.ts';
import { formatInstantInZone } from '../time/format.ts';

export type { MeetingKind } from './meeting-kind.ts';
export type MeetingStatus = 'scheduled' | 'postponed' | 'cancelled';

/** A meeting as the domain sees it (kinds hyphenated as in PRODUCT.md). */
export interface Meeting {
  id: string;
  committeeId: string;
  number: number;
  title: string;
  body: string;
  kind: MeetingKind;
  /** Local dates in `timeZone`, inclusive. */
  startDate: LocalDate;
  endDate: LocalDate;
  /** `HH:MM` local, for timed meetings; null for date-only conferences. */
  startTime: string | null;
  endTime: string | null;
  timeZone: string;
  /** UTC instant of the start (00:00 local for date-only meetings). */
  startsAt: Date;
  venue: string;
  status: MeetingStatus;
  url: string | null;
  documentSymbol: string | null;
  externalKey: string | null;
  revision: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** When a meeting takes place, before it is resolved to an instant. */
export interface Schedule {
  startDate: LocalDate;
  endDate: LocalDate;
  startTime: string | null;
  endTime: string | null;
  timeZone: string;
}

export interface ResolvedSchedule extends Schedule {
  startsAt: Date;
  /** Set when the time typed does not exist (clocks go forward) or happens twice (clocks go back). */
  note?: string;
}

/** The longest meeting Concord accepts, in days (the longest COPs run two weeks). */
const MAX_MEETING_DAYS = 62;
/** A timed meeting without an end time lasts this long in calendars. */
const DEFAULT_TIMED_MINUTES = 60;

export const TITLE_MAX = 200;
export const VENUE_MAX = 200;
export const BODY_MAX = 100;
const URL_MAX = 1000;
export const SYMBOL_MAX = 100;

export const shortMeetingId = (n: number) => `M-${n}`;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Checks a schedule and computes its UTC start. Dates are local to the venue's zone; a timed start
 * that falls into a DST gap moves forward and an ambiguous one takes the earlier instant (the time
 * module's rules), with a note saying so. Throws UserError for an end before the start.
 *
 * @example resolveSchedule({ startDate: '2025-09-16', endDate: '2025-09-19', startTime: null, endTime: null, timeZone: 'Europe/Zurich' }).startsAt
 * // 2025-09-15T22:00:00.000Z (00:00 in Geneva)
 */
export function resolveSchedule(s: Schedule): ResolvedSchedule {
  if (!isLocalDate(s.startDate) || !isLocalDate(s.endDate)) throw new UserError('Dates must be real calendar dates, e.g. 2025-09-16.');
  if (s.endDate < s.startDate) {
    throw new UserError(`The meeting ends (${s.endDate}) before it starts (${s.startDate}). Write the range START..END, e.g. 2025-09-16..2025-09-19.`);
  }
  if (daysBetween(s.startDate, s.endDate) + 1 > MAX_MEETING_DAYS) {
    throw new UserError(`A meeting can last at most ${MAX_MEETING_DAYS} days; ${s.startDate}..${s.endDate} is ${daysBetween(s.startDate, s.endDate) + 1}.`);
  }
  if (s.startTime !== null && !TIME.test(s.startTime)) throw new UserError(`${JSON.stringify(s.startTime)} is not a time of day; use HH:MM, e.g. 14:30.`);
  if (s.endTime !== null && !TIME.test(s.endTime)) throw new UserError(`${JSON.stringify(s.endTime)} is not a time of day; use HH:MM, e.g. 16:00.`);
  if (s.startTime === null) {
    if (s.endTime !== null) throw new UserError('An end time needs a start time: give time:HH:MM-HH:MM.');
    return { ...s, startsAt: localDateTimeToUtc(s.startDate, '00:00', s.timeZone) };
  }
  const startsAt = localDateTimeToUtc(s.startDate, s.startTime, s.timeZone);
  const actual = utcToLocal(startsAt, s.timeZone);
  const resolved: ResolvedSchedule = { ...s, startsAt };
  if (actual.date !== s.startDate || actual.time !== s.startTime) {
    resolved.startDate = actual.date;
    resolved.startTime = actual.time;
    if (resolved.endDate < actual.date) resolved.endDate = actual.date;
    resolved.note = `${s.startTime} does not exist on ${s.startDate} in ${s.timeZone} (the clocks go forward), so the meeting starts at ${actual.time}.`;
  } else if (isRepeatedWallTime(startsAt, s.timeZone)) {
    resolved.note = `${s.startTime} happens twice on ${s.startDate} in ${s.timeZone} (the clocks go back); Concord uses the first one, ${formatInstantInZone(startsAt, s.timeZone)}.`;
  }
  if (resolved.endTime !== null && resolved.endDate === resolved.startDate && resolved.endTime <= resolved.startTime!) {
    throw new UserError(`The meeting ends at ${resolved.endTime}, not after it starts (${resolved.startTime}).`);
  }
  return resolved;
}

/** True when the wall time at `instant` comes round again later that day (clocks set back). */
function isRepeatedWallTime(instant: Date, zone: string): boolean {
  const here = utcToLocal(instant, zone);
  for (const minutes of [30, 60, 120]) {
    const later = utcToLocal(new Date(instant.getTime() + minutes * 60_000), zone);
    if (later.date === here.date && later.time === here.time) return true;
  }
  return false;
}

/** The UTC end of a timed meeting (end time, else start time + 1 hour on the last day); null when date-only. */
export function meetingEndInstant(m: Pick<Meeting, 'startTime' | 'endTime' | 'endDate' | 'timeZone' | 'startsAt'>): Date | null {
  if (m.startTime === null) return null;
  if (m.endTime !== null) return localDateTimeToUtc(m.endDate, m.endTime, m.timeZone);
  const end = new Date(localDateTimeToUtc(m.endDate, m.startTime, m.timeZone).getTime() + DEFAULT_TIMED_MINUTES * 60_000);
  return end.getTime() > m.startsAt.getTime() ? end : new Date(m.startsAt.getTime() + DEFAULT_TIMED_MINUTES * 60_000);
}

/** Number of calendar days a meeting spans (1 for a one-day meeting). */
export function meetingLength(m: Pick<Schedule, 'startDate' | 'endDate'>): number {
  return daysBetween(m.startDate, m.endDate) + 1;
}

export const KIND_LABELS: Record<MeetingKind, string> = {
  coordination: 'coordination',
  'governing-body': 'governing body',
  bureau: 'bureau',
  'working-group': 'working group',
  other: 'other',
};

/** An http(s) address, or UserError. */
export function checkUrl(url: string): string {
  const text = url.trim();
  let ok = false;
  try {
    const u = new URL(text);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok || text.length > URL_MAX) throw new UserError(`${JSON.stringify(text.slice(0, 60))} is not a web address; use https://…`);
  return text;
}

/** Trimmed text within `max` characters (empty allowed when `min` is 0), or UserError naming the field. */
export function checkText(what: string, value: string, min: number, max: number): string {
  const v = value.replace(/\s+/g, ' ').trim();
  if (v.length < min) throw new UserError(`The ${what} is missing.`);
  if (v.length > max) throw new UserError(`The ${what} must be at most ${max} characters (got ${v.length}).`);
  return v;
}
