import { isLocalDate, localDateToDateTime, makeLocalDate, type LocalDate } from './local-date.ts';

/**
 * The subset of RFC 5545 RRULE Concord uses: yearly deadlines such as "Article 7 reports, 30 April
 * each year" (`FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30`). Supported parts: FREQ=YEARLY, INTERVAL,
 * one BYMONTH, one positive BYMONTHDAY, COUNT or UNTIL (WKST is accepted and has no effect).
 */
export interface YearlyRule {
  freq: 'YEARLY';
  interval: number;
  /** 1–12; when absent, DTSTART's month. */
  byMonth?: number;
  /** 1–31; when absent, DTSTART's day. */
  byMonthDay?: number;
  count?: number;
  /** Last possible occurrence, inclusive. */
  until?: LocalDate;
}

export type RuleParseResult = { ok: true; rule: YearlyRule } | { ok: false; message: string };

const SUPPORTED = 'Only FREQ=YEARLY with INTERVAL, BYMONTH, BYMONTHDAY and COUNT or UNTIL is supported.';
/** Longest month lengths, leap years included (29 Feb is a valid yearly date). */
const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `toYearlyRule('2025-04-30')` → `'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30'`. */
export function toYearlyRule(date: LocalDate): string {
  const dt = localDateToDateTime(date);
  return formatRule({ freq: 'YEARLY', interval: 1, byMonth: dt.month, byMonthDay: dt.day });
}

/** The rule as RRULE value text (without the `RRULE:` name). */
export function formatRule(rule: YearlyRule): string {
  const parts = ['FREQ=YEARLY'];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byMonth !== undefined) parts.push(`BYMONTH=${rule.byMonth}`);
  if (rule.byMonthDay !== undefined) parts.push(`BYMONTHDAY=${rule.byMonthDay}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) parts.push(`UNTIL=${rule.until.replace(/-/g, '')}`);
  return parts.join(';');
}

function positiveInteger(value: string, max: number): number | undefined {
  if (!/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

/**
 * Validates an RRULE (with or without the `RRULE:` prefix) against the supported subset.
 *
 * @example parseRule('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30') // { ok: true, rule: { freq: 'YEARLY', interval: 1, byMonth: 4, byMonthDay: 30 } }
 * @example parseRule('FREQ=MONTHLY')                        // { ok: false, message: 'Only yearly repetition is supported …' }
 */
export function parseRule(text: string): RuleParseResult {
  const body = text.trim().replace(/^RRULE:/i, '');
  const seen = new Map<string, string>();
  for (const part of body.split(';').filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim().toUpperCase();
    if (eq === -1) return { ok: false, message: `Malformed rule part ${JSON.stringify(part)}: expected NAME=VALUE.` };
    if (seen.has(name)) return { ok: false, message: `${name} appears twice in the rule.` };
    seen.set(name, part.slice(eq + 1).trim().toUpperCase());
  }
  const freq = seen.get('FREQ');
  if (freq === undefined) return { ok: false, message: 'The rule has no FREQ.' };
  if (freq !== 'YEARLY') return { ok: false, message: `Only yearly repetition is supported (FREQ=YEARLY), not FREQ=${freq}.` };
  const unsupported = [...seen.keys()].filter((k) => !['FREQ', 'INTERVAL', 'BYMONTH', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST'].includes(k));
  if (unsupported.length > 0) return { ok: false, message: `Unsupported rule part${unsupported.length > 1 ? 's' : ''} ${unsupported.join(', ')}. ${SUPPORTED}` };

  const rule: YearlyRule = { freq: 'YEARLY', interval: 1 };
  const read = (name: string, max: number): number | undefined | 'bad' => {
    const value = seen.get(name);
    if (value === undefined) return undefined;
    return positiveInteger(value, max) ?? 'bad';
  };
  const interval = read('INTERVAL', 1000);
  const byMonth = read('BYMONTH', 12);
  const byMonthDay = read('BYMONTHDAY', 31);
  const count = read('COUNT', 100_000);
  if (interval === 'bad') return { ok: false, message: 'INTERVAL must be a whole number from 1.' };
  if (byMonth === 'bad') return { ok: false, message: `BYMONTH must be one month number 1–12. ${SUPPORTED}` };
  if (byMonthDay === 'bad') return { ok: false, message: `BYMONTHDAY must be one day number 1–31. ${SUPPORTED}` };
  if (count === 'bad') return { ok: false, message: 'COUNT must be a whole number from 1.' };
  if (byMonthDay !== undefined && byMonth === undefined) {
    return { ok: false, message: 'BYMONTHDAY needs BYMONTH in a yearly rule (otherwise it repeats every month).' };
  }
  if (byMonth !== undefined && byMonthDay !== undefined && byMonthDay > MAX_DAY[byMonth - 1]!) {
    return { ok: false, message: `Month ${byMonth} never has a day ${byMonthDay}.` };
  }
  if (interval !== undefined) rule.interval = interval;
  if (byMonth !== undefined) rule.byMonth = byMonth;
  if (byMonthDay !== undefined) rule.byMonthDay = byMonthDay;
  if (count !== undefined) rule.count = count;
  const until = seen.get('UNTIL');
  if (until !== undefined) {
    if (count !== undefined) return { ok: false, message: 'A rule may have COUNT or UNTIL, not both.' };
    const m = /^(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?$/.exec(until);
    const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
    if (!isLocalDate(date)) return { ok: false, message: `UNTIL must be a date like 20301231, not ${until}.` };
    rule.until = date;
  }
  return { ok: true, rule };
}

export interface OccurrenceQuery {
  /** First date of interest (inclusive); default DTSTART. */
  from?: LocalDate;
  /** How many occurrences to return at most. */
  count: number;
}

/**
 * Occurrences of a yearly rule anchored at `dtstart`, on or after `from`. Following RFC 5545, a
 * date that does not exist in a year (29 Feb, or a month/day from an unsynchronized DTSTART) is
 * skipped rather than moved, so 29 Feb recurs in leap years only. COUNT counts from DTSTART. A
 * DTSTART that does not match the rule is not itself an occurrence.
 *
 * @example nextOccurrences('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30', '2025-04-30', { from: '2025-01-01', count: 3 }) // ['2025-04-30', '2026-04-30', '2027-04-30']
 */
export function nextOccurrences(rule: YearlyRule | string, dtstart: LocalDate, query: OccurrenceQuery): LocalDate[] {
  let r: YearlyRule;
  if (typeof rule === 'string') {
    const parsed = parseRule(rule);
    if (!parsed.ok) throw new RangeError(parsed.message);
    r = parsed.rule;
  } else {
    r = rule;
  }
  const start = localDateToDateTime(dtstart);
  const month = r.byMonth ?? start.month;
  const day = r.byMonthDay ?? start.day;
  const from = query.from !== undefined && query.from > dtstart ? query.from : dtstart;
  const found: LocalDate[] = [];
  let produced = 0;
  for (let year = start.year; year <= 9999 && found.length < query.count; year += r.interval) {
    const date = makeLocalDate(year, month, day);
    if (date === undefined || date < dtstart) continue;
    if (r.until !== undefined && date > r.until) break;
    produced++;
    if (r.count !== undefined && produced > r.count) break;
    if (date >= from) found.push(date);
  }
  return found;
}
