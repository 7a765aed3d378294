/**
 * Reads iCalendar files with ical.js (Mozilla's RFC 5545 parser): folding, escaping, parameters and
 * VTIMEZONE rules are its job; this file turns its VEVENTs into plain events for the import.
 */
import ICAL from 'ical.js';
import { IANAZone } from 'luxon';
import { addDays, makeLocalDate, type LocalDate } from '../time/local-date.ts';
import { wallClockToUtc } from '../time/wall-time.ts';
import { zonedInstant } from './ics-zones.ts';

interface IcsReadEventCommon {
  uid: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** Upper-case STATUS (`CONFIRMED`, `TENTATIVE`, `CANCELLED`) when present. */
  status?: string;
  /** RRULE value, e.g. `FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30`. */
  rrule?: string;
  sequence?: number;
  categories: string[];
}

/** An all-day event. `end` is DTEND as written (exclusive); `endInclusive` is the last day. */
export interface IcsReadDateEvent extends IcsReadEventCommon {
  startKind: 'date';
  start: LocalDate;
  end: LocalDate;
  endInclusive: LocalDate;
}

/** A timed event as UTC instants; `tzid` is the IANA zone it was meant in (absent for UTC or floating). */
export interface IcsReadTimedEvent extends IcsReadEventCommon {
  startKind: 'datetime';
  start: Date;
  end: Date;
  tzid?: string;
  /** True when the file gave a local time with no zone (read in `defaultZone`). */
  floating: boolean;
}

export type IcsReadEvent = IcsReadDateEvent | IcsReadTimedEvent;

export type IcsReadResult =
  | { ok: true; calendarName?: string; /** X-WR-TIMEZONE when it is an IANA zone (Google, Apple). */ calendarZone?: string; events: IcsReadEvent[] }
  | { ok: false; errors: string[] };

export interface IcsReadOptions {
  /** Zone for floating local times, and for custom VTIMEZONEs no IANA zone matches. Default `UTC`. */
  defaultZone?: string;
}

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type IcalTime = InstanceType<typeof ICAL.Time>;

type DateValue = { kind: 'date'; date: LocalDate } | { kind: 'datetime'; instant: Date; tzid?: string; floating: boolean };

function readDateValue(prop: Property, calendar: Component, defaultZone: string): DateValue | string {
  const name = prop.name.toUpperCase();
  let value: IcalTime | null;
  try {
    value = prop.getFirstValue() as IcalTime | null;
  } catch {
    // ical.js reads values lazily and throws on a malformed one.
    return `${name} is not a valid date or date-time`;
  }
  if (!(value instanceof ICAL.Time)) return `${name} is not a date`;
  const wall = { year: value.year, month: value.month, day: value.day, hour: value.hour, minute: value.minute, second: Math.min(value.second, 59) };
  if (!makeLocalDate(wall.year, wall.month, wall.day)) return `${name} ${JSON.stringify(value.toString())} is not a date`;
  if (value.isDate) return { kind: 'date', date: makeLocalDate(wall.year, wall.month, wall.day)! };
  if (value.zone === ICAL.Timezone.utcTimezone) return { kind: 'datetime', instant: wallClockToUtc(wall, 'UTC'), floating: false };
  const tzid = prop.getParameter('tzid');
  if (typeof tzid !== 'string' || tzid === '') return { kind: 'datetime', instant: wallClockToUtc(wall, defaultZone), floating: true };
  const zoned = zonedInstant(wall, tzid, calendar, defaultZone);
  if ('error' in zoned) return `${zoned.error} in ${name}; use an IANA zone such as Europe/Zurich`;
  return { kind: 'datetime', instant: zoned.instant, tzid: zoned.zone === 'UTC' ? undefined : zoned.zone, floating: false };
}

function text(event: Component, name: string): string | undefined {
  const v = event.getFirstPropertyValue(name);
  return v === null || v === undefined ? undefined : String(v);
}

function common(event: Component, uid: string): IcsReadEventCommon {
  const result: IcsReadEventCommon = {
    uid,
    summary: text(event, 'summary') ?? '',
    categories: event.getAllProperties('categories').flatMap((p) => p.getValues().map((c) => String(c).trim())).filter(Boolean),
  };
  const description = text(event, 'description');
  const location = text(event, 'location');
  const url = text(event, 'url')?.trim();
  const status = text(event, 'status')?.trim().toUpperCase();
  const rrule = event.getFirstPropertyValue('rrule');
  const sequence = Number(text(event, 'sequence'));
  if (description) result.description = description;
  if (location) result.location = location;
  if (url) result.url = url;
  if (status) result.status = status;
  if (rrule) result.rrule = String(rrule);
  if (text(event, 'sequence') !== undefined && Number.isInteger(sequence) && sequence >= 0) result.sequence = sequence;
  return result;
}

function buildEvent(event: Component, calendar: Component, defaultZone: string): IcsReadEvent | string {
  const uid = text(event, 'uid')?.trim();
  if (!uid) return 'has no UID';
  const dtstart = event.getFirstProperty('dtstart');
  if (!dtstart) return 'has no DTSTART';
  const start = readDateValue(dtstart, calendar, defaultZone);
  if (typeof start === 'string') return start;
  const dtend = event.getFirstProperty('dtend');
  const end = dtend ? readDateValue(dtend, calendar, defaultZone) : undefined;
  if (typeof end === 'string') return end;
  const duration = event.getFirstPropertyValue('duration');
  const seconds = duration instanceof ICAL.Duration ? duration.toSeconds() : 0;
  const base = common(event, uid);

  if (start.kind === 'date') {
    if (end && end.kind !== 'date') return 'DTSTART is a date but DTEND is a date-time';
    let exclusive = end?.date ?? addDays(start.date, Math.max(Math.floor(seconds / 86_400), 1));
    // Some writers put DTEND = DTSTART for a one-day event; treat it as that one day.
    if (exclusive <= start.date) exclusive = addDays(start.date, 1);
    return { ...base, startKind: 'date', start: start.date, end: exclusive, endInclusive: addDays(exclusive, -1) };
  }
  if (end && end.kind !== 'datetime') return 'DTSTART is a date-time but DTEND is a date';
  const endInstant = end?.instant ?? new Date(start.instant.getTime() + seconds * 1000);
  if (endInstant.getTime() < start.instant.getTime()) return 'ends before it starts';
  const timed: IcsReadTimedEvent = { ...base, startKind: 'datetime', start: start.instant, end: endInstant, floating: start.floating };
  // A writer may give the start in UTC (e.g. the second pass of a repeated hour) and the end with TZID.
  const tzid = start.tzid ?? (end?.kind === 'datetime' ? end.tzid : undefined);
  if (tzid) timed.tzid = tzid;
  return timed;
}

const NOT_ICALENDAR = 'This is not an iCalendar file: it has no BEGIN:VCALENDAR line.';

function parseCalendar(input: string): Component | string {
  const text = input.replace(/^\uFEFF/, '');
  if (!/^\s*BEGIN:VCALENDAR\s*$/im.test(text)) return NOT_ICALENDAR;
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (err) {
    return `This is not a valid iCalendar file: ${(err as Error).message}`;
  }
  const first = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal;
  if (!Array.isArray(first) || String(first[0]).toLowerCase() !== 'vcalendar') return NOT_ICALENDAR;
  return new ICAL.Component(first);
}

/**
 * Every VEVENT of an iCalendar file, read with ical.js: TZIDs resolved through the file's own VTIMEZONEs
 * (see `ics-zones.ts`), all-day events as dates, STATUS, SEQUENCE and RRULE as written. Every bad event is
 * reported (with its position and UID); text that is not a VCALENDAR is refused.
 *
 * @example readIcs(outlookExport, { defaultZone: 'Europe/Zurich' }) // { ok: true, events: [{ startKind: 'datetime', tzid: 'Asia/Amman', … }] }
 */
export function readIcs(text: string, options: IcsReadOptions = {}): IcsReadResult {
  const calendar = parseCalendar(text);
  if (typeof calendar === 'string') return { ok: false, errors: [calendar] };
  const defaultZone = options.defaultZone ?? 'UTC';
  const events: IcsReadEvent[] = [];
  const errors: string[] = [];
  calendar.getAllSubcomponents('vevent').forEach((vevent, i) => {
    let result: IcsReadEvent | string;
    try {
      result = buildEvent(vevent, calendar, defaultZone);
    } catch (err) {
      // ical.js parses values lazily: a malformed date or duration throws here.
      result = `cannot be read (${(err as Error).message})`;
    }
    if (typeof result === 'string') {
      const uid = uidOf(vevent);
      errors.push(`event ${i + 1}${uid ? ` (UID ${uid})` : ''}: ${result}`);
    } else {
      events.push(result);
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const result: IcsReadResult = { ok: true, events };
  const name = calendar.getFirstPropertyValue('x-wr-calname');
  if (name !== null && name !== undefined) result.calendarName = String(name);
  const zone = String(calendar.getFirstPropertyValue('x-wr-timezone') ?? '').trim();
  if (zone && IANAZone.isValidZone(zone)) result.calendarZone = zone;
  return result;
}

function uidOf(vevent: Component): string | undefined {
  try {
    return text(vevent, 'uid');
  } catch {
    return undefined;
  }
}
