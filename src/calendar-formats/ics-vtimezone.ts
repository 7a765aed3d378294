import { DateTime, IANAZone } from 'luxon';
import { zoneAbbreviation } from '../time/format.ts';
import { contentLine, escapeText } from './ics-text.ts';

const DAY = 86_400_000;

export interface ZoneTransition {
  /** First instant (ms since epoch) at the new offset. */
  at: number;
  fromMinutes: number;
  toMinutes: number;
}

/** Every UTC-offset change of `zone` in [fromMs, toMs), found by daily sampling and bisection. */
export function zoneTransitions(zone: string, fromMs: number, toMs: number): ZoneTransition[] {
  const z = IANAZone.create(zone);
  if (!z.isValid) throw new RangeError(`Unknown time zone: ${JSON.stringify(zone)}`);
  const found: ZoneTransition[] = [];
  let t = fromMs;
  let offset = z.offset(t);
  while (t < toMs) {
    const next = Math.min(t + DAY, toMs);
    const nextOffset = z.offset(next);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (mid <= lo) break;
        if (z.offset(mid) === offset) lo = mid;
        else hi = mid;
      }
      found.push({ at: hi, fromMinutes: offset, toMinutes: nextOffset });
    }
    t = next;
    offset = nextOffset;
  }
  return found;
}

/** `+0200`, `-0330` */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function isDaylight(zone: string, at: number): boolean {
  return DateTime.fromMillis(at, { zone }).isInDST;
}

function observance(zone: string, at: number, fromMinutes: number, toMinutes: number, localStart: string): string[] {
  const kind = isDaylight(zone, at) ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    contentLine('DTSTART', {}, localStart),
    contentLine('TZOFFSETFROM', {}, utcOffset(fromMinutes)),
    contentLine('TZOFFSETTO', {}, utcOffset(toMinutes)),
    contentLine('TZNAME', {}, escapeText(zoneAbbreviation(new Date(at), zone))),
    `END:${kind}`,
  ];
}

/**
 * A VTIMEZONE for `zone` valid for the years `fromYear`–`toYear`: one observance for the offset in
 * force at the start (onset 1970-01-01, as is customary), then one STANDARD/DAYLIGHT observance per
 * actual transition in those years, each with its own DTSTART in the local time before the
 * change. A zone without changes gets a single STANDARD observance.
 */
export function buildVTimezone(zone: string, fromYear: number, toYear: number): string[] {
  const from = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: 'utc' }).minus({ days: 1 }).toMillis();
  const to = DateTime.fromObject({ year: toYear + 1, month: 1, day: 2 }, { zone: 'utc' }).toMillis();
  const z = IANAZone.create(zone);
  const initial = z.offset(from);
  const lines = ['BEGIN:VTIMEZONE', contentLine('TZID', {}, zone)];
  lines.push(...observance(zone, from, initial, initial, '19700101T000000'));
  for (const t of zoneTransitions(zone, from, to)) {
    const localStart = DateTime.fromMillis(t.at + t.fromMinutes * 60_000, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss");
    lines.push(...observance(zone, t.at, t.fromMinutes, t.toMinutes, localStart));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
