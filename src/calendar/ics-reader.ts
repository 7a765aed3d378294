import { addDays, makeLocalDate, type LocalDate } from '../time/local-date.ts';
import { wallClockToUtc } from '../time/wall-time.ts';
import { resolveZone } from '../time/zones.ts';
import { parseContentLine, unescapeText, unfoldLines, type ParsedContentLine } from './ics-text.ts';
import { windowsZoneToIana } from './windows-zones.ts';

interface IcsReadEventCommon {
  uid: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** Upper-case STATUS (`CONFIRMED`, `TENTATIVE`, `CANCELLED`) when present. */
  status?: string;
  /** RRULE value as written (not validated here). */
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

/** A timed event as UTC instants; `tzid` is the IANA zone it was written in (absent for UTC or floating). */
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
  | { ok: true; calendarName?: string; events: IcsReadEvent[] }
  | { ok: false; errors: string[] };

export interface IcsReadOptions {
  /** Zone for floating local times (no TZID, no Z). Default `UTC`. */
  defaultZone?: string;
}

type DateValue = { kind: 'date'; date: LocalDate } | { kind: 'datetime'; instant: Date; tzid?: string; floating: boolean };

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/i;

/** The IANA zone for a TZID: IANA names, `/mozilla.org/…/Europe/Berlin`, Windows ids, X-LIC-LOCATION. */
function resolveTzid(tzid: string, fileZones: ReadonlyMap<string, string>): string | undefined {
  const candidates = [tzid.trim(), /([A-Za-z]+\/[A-Za-z0-9_+\-]+(?:\/[A-Za-z0-9_+\-]+)?)$/.exec(tzid.trim())?.[1], fileZones.get(tzid)];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const resolved = resolveZone(candidate);
    if (resolved.ok) return resolved.zone;
  }
  return windowsZoneToIana(tzid);
}

function readDateValue(prop: ParsedContentLine, fileZones: ReadonlyMap<string, string>, defaultZone: string): DateValue | string {
  const value = prop.value.trim();
  const d = DATE.exec(value);
  if (d || prop.params.VALUE?.toUpperCase() === 'DATE') {
    const date = d ? makeLocalDate(Number(d[1]), Number(d[2]), Number(d[3])) : undefined;
    return date ? { kind: 'date', date } : `${prop.name} ${JSON.stringify(value)} is not a date`;
  }
  const m = DATE_TIME.exec(value);
  if (!m) return `${prop.name} ${JSON.stringify(value)} is not a date-time`;
  const wall = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) };
  if (!makeLocalDate(wall.year, wall.month, wall.day) || wall.hour > 23 || wall.minute > 59 || wall.second > 60) {
    return `${prop.name} ${JSON.stringify(value)} is not a date-time`;
  }
  wall.second = Math.min(wall.second, 59);
  if (m[7]) return { kind: 'datetime', instant: wallClockToUtc(wall, 'UTC'), floating: false };
  const tzidParam = prop.params.TZID;
  if (tzidParam === undefined) return { kind: 'datetime', instant: wallClockToUtc(wall, defaultZone), floating: true };
  const zone = resolveTzid(tzidParam, fileZones);
  if (!zone) return `unknown time zone ${JSON.stringify(tzidParam)} in ${prop.name}; use an IANA zone such as Europe/Zurich`;
  return { kind: 'datetime', instant: wallClockToUtc(wall, zone), tzid: zone === 'UTC' ? undefined : zone, floating: false };
}

/** DURATION (`P3D`, `P1W`, `PT1H30M`, `P1DT2H`) in milliseconds, or days for all-day events. */
function parseDuration(value: string): { days: number; ms: number } | undefined {
  const m = /^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(value.trim());
  if (!m || value.trim().length <= 1) return undefined;
  const days = Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0);
  const ms = ((Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)) * 60 + Number(m[5] ?? 0)) * 1000;
  return { days, ms };
}

function buildEvent(props: ParsedContentLine[], fileZones: ReadonlyMap<string, string>, defaultZone: string): IcsReadEvent | string {
  const first = (name: string) => props.find((p) => p.name === name);
  const text = (name: string) => {
    const p = first(name);
    return p === undefined ? undefined : unescapeText(p.value);
  };
  const uid = text('UID')?.trim();
  if (!uid) return 'has no UID';
  const dtstart = first('DTSTART');
  if (!dtstart) return 'has no DTSTART';
  const start = readDateValue(dtstart, fileZones, defaultZone);
  if (typeof start === 'string') return start;
  const dtend = first('DTEND');
  const end = dtend ? readDateValue(dtend, fileZones, defaultZone) : undefined;
  if (typeof end === 'string') return end;
  const duration = first('DURATION');
  const parsedDuration = duration ? parseDuration(duration.value) : undefined;
  if (duration && !parsedDuration) return `DURATION ${JSON.stringify(duration.value)} is not understood`;

  const sequence = text('SEQUENCE');
  const common: IcsReadEventCommon = {
    uid,
    summary: text('SUMMARY') ?? '',
    categories: props.filter((p) => p.name === 'CATEGORIES').flatMap((p) => p.value.split(/(?<!\\),/).map(unescapeText).map((c) => c.trim()).filter(Boolean)),
  };
  const description = text('DESCRIPTION');
  const location = text('LOCATION');
  const url = first('URL')?.value.trim();
  const status = text('STATUS')?.trim().toUpperCase();
  const rrule = first('RRULE')?.value.trim();
  if (description) common.description = description;
  if (location) common.location = location;
  if (url) common.url = url;
  if (status) common.status = status;
  if (rrule) common.rrule = rrule;
  if (sequence !== undefined && /^\d+$/.test(sequence.trim())) common.sequence = Number(sequence);

  if (start.kind === 'date') {
    if (end && end.kind !== 'date') return 'DTSTART is a date but DTEND is a date-time';
    let exclusive = end?.date ?? addDays(start.date, Math.max(parsedDuration?.days ?? 1, 1));
    // Some writers put DTEND = DTSTART for a one-day event; treat it as that one day.
    if (exclusive <= start.date) exclusive = addDays(start.date, 1);
    return { ...common, startKind: 'date', start: start.date, end: exclusive, endInclusive: addDays(exclusive, -1) };
  }
  if (end && end.kind !== 'datetime') return 'DTSTART is a date-time but DTEND is a date';
  const endInstant = end?.instant ?? new Date(start.instant.getTime() + (parsedDuration ? parsedDuration.days * 86_400_000 + parsedDuration.ms : 0));
  if (endInstant.getTime() < start.instant.getTime()) return 'ends before it starts';
  const timed: IcsReadTimedEvent = { ...common, startKind: 'datetime', start: start.instant, end: endInstant, floating: start.floating };
  // A writer may give the start in UTC (e.g. the second pass of a repeated hour) and the end with TZID.
  const tzid = start.tzid ?? (end?.kind === 'datetime' ? end.tzid : undefined);
  if (tzid) timed.tzid = tzid;
  return timed;
}

/**
 * A small, tolerant RFC 5545 reader: any line ending, folded lines, escaped TEXT, quoted
 * parameters, VALUE=DATE, TZID as an IANA name, a `/vendor/…/Area/City` id, a Windows id
 * ("W. Europe Standard Time") or a VTIMEZONE with X-LIC-LOCATION. VALARMs and unknown properties
 * are ignored. Every bad event is reported (with its position and UID); text without
 * BEGIN:VCALENDAR is refused.
 */
export function readIcs(text: string, options: IcsReadOptions = {}): IcsReadResult {
  const lines = unfoldLines(text);
  if (!lines.some((l) => /^BEGIN:VCALENDAR$/i.test(l.trim()))) {
    return { ok: false, errors: ['This is not an iCalendar file: it has no BEGIN:VCALENDAR line.'] };
  }
  const defaultZone = options.defaultZone ?? 'UTC';
  const stack: string[] = [];
  const rawEvents: ParsedContentLine[][] = [];
  const fileZones = new Map<string, string>();
  let calendarName: string | undefined;
  let currentTzid: string | undefined;
  for (const line of lines) {
    const prop = parseContentLine(line);
    if (!prop) continue;
    const top = stack[stack.length - 1];
    if (prop.name === 'BEGIN') {
      const component = prop.value.trim().toUpperCase();
      stack.push(component);
      if (component === 'VEVENT') rawEvents.push([]);
      if (component === 'VTIMEZONE') currentTzid = undefined;
    } else if (prop.name === 'END') {
      const component = prop.value.trim().toUpperCase();
      const at = stack.lastIndexOf(component);
      if (at !== -1) stack.length = at;
    } else if (top === 'VEVENT') {
      rawEvents[rawEvents.length - 1]!.push(prop);
    } else if (top === 'VCALENDAR' && prop.name === 'X-WR-CALNAME') {
      calendarName = unescapeText(prop.value);
    } else if (top === 'VTIMEZONE' && prop.name === 'TZID') {
      currentTzid = prop.value.trim();
    } else if (top === 'VTIMEZONE' && prop.name === 'X-LIC-LOCATION' && currentTzid) {
      fileZones.set(currentTzid, prop.value.trim());
    }
  }
  const events: IcsReadEvent[] = [];
  const errors: string[] = [];
  rawEvents.forEach((props, i) => {
    const result = buildEvent(props, fileZones, defaultZone);
    if (typeof result === 'string') {
      const uid = props.find((p) => p.name === 'UID')?.value;
      errors.push(`event ${i + 1}${uid ? ` (UID ${uid})` : ''}: ${result}`);
    } else {
      events.push(result);
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return calendarName === undefined ? { ok: true, events } : { ok: true, calendarName, events };
}
