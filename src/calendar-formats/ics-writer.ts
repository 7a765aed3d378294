import { DateTime } from 'luxon';
import { addDays, isLocalDate, type LocalDate } from '../time/local-date.ts';
import { parseRule, formatRule } from '../time/recurrence.ts';
import { wallClockToUtc } from '../time/wall-time.ts';
import { isValidZone } from '../time/zones.ts';
import { CRLF, contentLine, escapeText } from './ics-text.ts';
import { buildVTimezone } from './ics-vtimezone.ts';

interface IcsEventCommon {
  /** Stable across feeds and edits, e.g. `meeting-42@concord`. */
  uid: string;
  /** Bump on every change clients should notice (RFC 5545 SEQUENCE). */
  sequence?: number;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  categories?: readonly string[];
  /** Written as LAST-MODIFIED and as DTSTAMP, so the feed is the same bytes until something changes. */
  lastModified: Date;
}

/** An all-day event (a multi-day conference, a deadline); dates are local and inclusive. */
export interface IcsDateEvent extends IcsEventCommon {
  kind: 'date';
  start: LocalDate;
  endInclusive: LocalDate;
  /** Optional yearly RRULE (see `src/time/recurrence.ts`), e.g. `FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30`. */
  rrule?: string;
}

/** A timed event: UTC instants, written as local time in `zone` with a VTIMEZONE. */
export interface IcsTimedEvent extends IcsEventCommon {
  kind: 'datetime';
  start: Date;
  end: Date;
  zone: string;
}

export type IcsEventInput = IcsDateEvent | IcsTimedEvent;

export interface IcsCalendarInput {
  calendarName: string;
  events: readonly IcsEventInput[];
  /** PRODID value; default `-//Concord//Concord Calendar//EN`. */
  prodId?: string;
}

const basicDate = (date: LocalDate): string => date.replace(/-/g, '');
const utcStamp = (instant: Date): string => DateTime.fromJSDate(instant, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");

/**
 * DTSTART/DTEND of a timed event: local time with TZID, unless the zone is UTC or the local time
 * would read back as a different instant (the second pass through a repeated hour), in which case
 * the instant is written in UTC.
 */
function timedProperty(name: 'DTSTART' | 'DTEND', instant: Date, zone: string): string {
  if (zone === 'UTC') return contentLine(name, {}, utcStamp(instant));
  const local = DateTime.fromJSDate(instant).setZone(zone);
  const wall = { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second };
  if (wallClockToUtc(wall, zone).getTime() !== Math.floor(instant.getTime() / 1000) * 1000) {
    return contentLine(name, {}, utcStamp(instant));
  }
  return contentLine(name, { TZID: zone }, local.toFormat("yyyyMMdd'T'HHmmss"));
}

function checkEvent(event: IcsEventInput): void {
  if (!event.uid || /[\r\n]/.test(event.uid)) throw new RangeError(`Invalid UID ${JSON.stringify(event.uid)}`);
  if (event.kind === 'date') {
    if (!isLocalDate(event.start) || !isLocalDate(event.endInclusive) || event.endInclusive < event.start) {
      throw new RangeError(`Event ${event.uid}: dates must be YYYY-MM-DD with end ≥ start`);
    }
    if (event.rrule !== undefined && !parseRule(event.rrule).ok) throw new RangeError(`Event ${event.uid}: unsupported RRULE ${event.rrule}`);
  } else {
    if (!isValidZone(event.zone)) throw new RangeError(`Event ${event.uid}: unknown time zone ${event.zone}`);
    if (event.end.getTime() < event.start.getTime()) throw new RangeError(`Event ${event.uid}: end before start`);
  }
}

function eventLines(event: IcsEventInput): string[] {
  const lines = ['BEGIN:VEVENT', contentLine('UID', {}, escapeText(event.uid))];
  lines.push(contentLine('DTSTAMP', {}, utcStamp(event.lastModified)));
  lines.push(contentLine('LAST-MODIFIED', {}, utcStamp(event.lastModified)));
  if (event.sequence !== undefined) lines.push(contentLine('SEQUENCE', {}, String(event.sequence)));
  if (event.kind === 'date') {
    lines.push(contentLine('DTSTART', { VALUE: 'DATE' }, basicDate(event.start)));
    // DTEND is exclusive (RFC 5545 §3.6.1): the day after the last day.
    lines.push(contentLine('DTEND', { VALUE: 'DATE' }, basicDate(addDays(event.endInclusive, 1))));
    if (event.rrule !== undefined) {
      const parsed = parseRule(event.rrule);
      if (parsed.ok) lines.push(contentLine('RRULE', {}, formatRule(parsed.rule)));
    }
    lines.push(contentLine('TRANSP', {}, 'TRANSPARENT'));
  } else {
    lines.push(timedProperty('DTSTART', event.start, event.zone));
    lines.push(timedProperty('DTEND', event.end, event.zone));
  }
  lines.push(contentLine('SUMMARY', {}, escapeText(event.summary)));
  if (event.description) lines.push(contentLine('DESCRIPTION', {}, escapeText(event.description)));
  if (event.location) lines.push(contentLine('LOCATION', {}, escapeText(event.location)));
  if (event.url) lines.push(contentLine('URL', { VALUE: 'URI' }, event.url.replace(/[\r\n]/g, '')));
  if (event.categories?.length) lines.push(contentLine('CATEGORIES', {}, event.categories.map(escapeText).join(',')));
  if (event.status) lines.push(contentLine('STATUS', {}, event.status));
  lines.push('END:VEVENT');
  return lines;
}

/** For each zone used by timed events, the first and last year they touch in that zone. */
function zoneYears(events: readonly IcsEventInput[]): Map<string, { from: number; to: number }> {
  const years = new Map<string, { from: number; to: number }>();
  for (const e of events) {
    if (e.kind !== 'datetime' || e.zone === 'UTC') continue;
    const a = DateTime.fromJSDate(e.start).setZone(e.zone).year;
    const b = DateTime.fromJSDate(e.end).setZone(e.zone).year;
    const seen = years.get(e.zone);
    years.set(e.zone, { from: Math.min(a, seen?.from ?? a), to: Math.max(b, seen?.to ?? b) });
  }
  return years;
}

/**
 * An RFC 5545 calendar (METHOD:PUBLISH) with CRLF line endings and folded lines. All-day events
 * use VALUE=DATE with an exclusive DTEND; timed events use TZID local times and a VTIMEZONE per
 * zone generated from the zone rules for the years the events span. Output depends only on the
 * input (DTSTAMP is each event's `lastModified`), so an unchanged feed is byte-identical.
 *
 * @example buildIcs({ calendarName: 'IOCC', events: [{ kind: 'date', uid: 'meeting-1@concord', summary: '13MSP', start: '2025-09-16', endInclusive: '2025-09-19', lastModified }] })
 */
export function buildIcs(input: IcsCalendarInput): string {
  input.events.forEach(checkEvent);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    contentLine('PRODID', {}, input.prodId ?? '-//Concord//Concord Calendar//EN'),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    contentLine('X-WR-CALNAME', {}, escapeText(input.calendarName)),
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  const zones = [...zoneYears(input.events)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [zone, span] of zones) lines.push(...buildVTimezone(zone, span.from, span.to));
  for (const event of input.events) lines.push(...eventLines(event));
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}
