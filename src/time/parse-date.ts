import * as chrono from 'chrono-node';
import { addDays, compareLocalDates, isoWeekday, localDateToDateTime, makeLocalDate, todayInZone, type LocalDate } from './local-date.ts';
import { formatLocalDate } from './format.ts';
import { MONTHS_LONG, WEEKDAYS_LONG, monthNumber, weekdayNumber } from './month-names.ts';

export type DateParseFailure = { ok: false; reason: 'unrecognized' | 'ambiguous' | 'past'; message: string };
export type DateParseResult = { ok: true; date: LocalDate } | DateParseFailure;

export interface ParseDateOptions {
  /** The caller's IANA zone: "today" and "tomorrow" are days in this zone. */
  zone: string;
  now: Date;
  /** Accept dates before today (meetings may be in the past; due dates may not). Default `false`. */
  allowPast?: boolean;
}

const EXAMPLES = 'Try 2027-03-01, 30 April, 30 Apr 2027, next Friday, tomorrow or in 2 weeks.';
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';
const DAY_MONTH = new RegExp(`^${WEEKDAY}(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH},?(?:\\s+(\\d{4}))?$`, 'i');
const MONTH_DAY = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORDINAL},?(?:\\s+(\\d{4}))?$`, 'i');
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}|\d{2}))?$/;

type Interpretation = { ok: true; date: LocalDate } | DateParseFailure;

const fail = (reason: DateParseFailure['reason'], message: string): DateParseFailure => ({ ok: false, reason, message });
const unrecognized = (text: string, why = ''): DateParseFailure =>
  fail('unrecognized', `I could not read ${JSON.stringify(text)} as a date.${why ? ` ${why}` : ''} ${EXAMPLES}`);

/** The first date on or after `onOrAfter` that falls on `month`/`day` (29 Feb waits for a leap year). */
function nextOccurrence(month: number, day: number, onOrAfter: LocalDate): LocalDate | undefined {
  const startYear = localDateToDateTime(onOrAfter).year;
  for (let year = startYear; year <= startYear + 8; year++) {
    const date = makeLocalDate(year, month, day);
    if (date && date >= onOrAfter) return date;
  }
  return undefined;
}

function fromParts(text: string, year: number | undefined, month: number, day: number, weekday: number | undefined, onOrAfter: LocalDate): Interpretation {
  const date = year === undefined ? nextOccurrence(month, day, onOrAfter) : makeLocalDate(year, month, day);
  if (!date) return unrecognized(text, `${MONTHS_LONG[month - 1]} has no day ${day}${year === undefined ? '' : ` in ${year}`}.`);
  if (weekday !== undefined && isoWeekday(date) !== weekday) {
    return fail('ambiguous', `${JSON.stringify(text)}: ${formatLocalDate(date)} is a ${WEEKDAYS_LONG[isoWeekday(date) - 1]}, not a ${WEEKDAYS_LONG[weekday - 1]}. Which did you mean?`);
  }
  return { ok: true, date };
}

/** `03/04/2027`: fine when only one reading is a date (`30/04/2027`), ambiguous otherwise. */
function fromNumeric(text: string, m: RegExpExecArray, onOrAfter: LocalDate): Interpretation {
  const a = Number(m[1]);
  const b = Number(m[2]);
  const year = m[3] === undefined ? undefined : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const dayFirst = b <= 12 && a <= 31 ? { day: a, month: b } : undefined;
  const monthFirst = a <= 12 && b <= 31 ? { day: b, month: a } : undefined;
  if (dayFirst && monthFirst && a !== b) {
    const y = year ?? localDateToDateTime(onOrAfter).year;
    const iso = `${y}-${String(b).padStart(2, '0')}-${String(a).padStart(2, '0')}`;
    return fail('ambiguous', `${JSON.stringify(text)} is ambiguous: ${a} ${MONTHS_LONG[b - 1]} or ${MONTHS_LONG[a - 1]} ${b}? Please write it as ${iso} or ${a} ${MONTHS_LONG[b - 1]} ${y}.`);
  }
  const reading = dayFirst ?? monthFirst;
  if (!reading) return unrecognized(text);
  return fromParts(text, year, reading.month, reading.day, undefined, onOrAfter);
}

/** Natural language ("next Friday", "in 2 weeks") through chrono, anchored at `today`. */
function fromChrono(text: string, today: LocalDate): Interpretation {
  const t = localDateToDateTime(today);
  // chrono computes in the process' zone: give it noon of the caller's calendar day in that zone
  // and read back only the calendar fields, so the result never depends on TZ.
  const reference = new Date(t.year, t.month - 1, t.day, 12, 0, 0);
  const results = chrono.parse(text, reference);
  const result = results[0];
  if (!result) return unrecognized(text);
  if (results.length > 1 || result.index !== 0 || result.text.length !== text.length) {
    return unrecognized(text, `I understood ${JSON.stringify(result.text)} but not the rest.`);
  }
  if (result.end) return unrecognized(text, 'Give one date (use DATE..DATE for a range).');
  const start = result.start;
  if (start.isCertain('hour')) return unrecognized(text, 'Give a date without a time of day.');
  const relative = result.tags().has('result/relativeDate');
  const weekdayOnly = start.isCertain('weekday') && !start.isCertain('day');
  if (!start.isCertain('day') && !relative && !weekdayOnly) {
    return fail('ambiguous', `${JSON.stringify(text)} does not say which day. Please give a full date such as 2027-04-30 or 30 April 2027.`);
  }
  const date = makeLocalDate(start.get('year')!, start.get('month')!, start.get('day')!);
  if (!date) return unrecognized(text);
  // A bare weekday ("friday") means the coming one, never one already past.
  if (weekdayOnly && !/^(last|past|previous)\b/i.test(text) && date < today) return { ok: true, date: addDays(date, 7) };
  if (!start.isCertain('year') && !relative && !weekdayOnly && date < today) {
    return fromParts(text, undefined, start.get('month')!, start.get('day')!, undefined, today);
  }
  return { ok: true, date };
}

/** Reads one date; a year left out means the next occurrence on or after `onOrAfter`. */
function interpret(raw: string, today: LocalDate, onOrAfter: LocalDate): Interpretation {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return fail('unrecognized', `No date given. ${EXAMPLES}`);
  let m = ISO.exec(text);
  if (m) {
    const date = makeLocalDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { ok: true, date } : unrecognized(text, 'That day does not exist.');
  }
  m = NUMERIC.exec(text);
  if (m) return fromNumeric(text, m, onOrAfter);
  m = DAY_MONTH.exec(text);
  if (m) return fromParts(text, m[4] ? Number(m[4]) : undefined, monthNumber(m[3]!)!, Number(m[2]), m[1] ? weekdayNumber(m[1]) : undefined, onOrAfter);
  m = MONTH_DAY.exec(text);
  if (m) return fromParts(text, m[4] ? Number(m[4]) : undefined, monthNumber(m[2]!)!, Number(m[3]), m[1] ? weekdayNumber(m[1]) : undefined, onOrAfter);
  return fromChrono(text, today);
}

function checkPast(result: Interpretation, today: LocalDate, options: ParseDateOptions): DateParseResult {
  if (!result.ok || options.allowPast || result.date >= today) return result;
  return fail('past', `${formatLocalDate(result.date)} is in the past (today is ${formatLocalDate(today)} in ${options.zone}).`);
}

/**
 * Reads a date typed by a user, in the user's time zone: ISO `2027-03-01`; `30 April`,
 * `April 30`, `30 Apr 2027` (without a year: the next occurrence on or after today);
 * `today`, `tomorrow`, `next Friday`, `in 2 weeks`, `in 10 days`. Numeric dates such as
 * `03/04/2027` are refused as ambiguous when both readings are dates. Text that is only partly a
 * date, or that carries a time of day, is refused.
 *
 * @example parseUserDate('tomorrow', { zone: 'Pacific/Auckland', now: new Date('2025-11-14T11:30:00Z') }) // { ok: true, date: '2025-11-16' }
 */
export function parseUserDate(text: string, options: ParseDateOptions): DateParseResult {
  const today = todayInZone(options.now, options.zone);
  return checkPast(interpret(text, today, today), today, options);
}

/** Whether a typed date names its year (`2028-09-15`, `15 Sep 2028`, `15/09/2028`). */
function hasYear(raw: string): boolean {
  return /\b\d{4}\b/.test(raw);
}

/** The day and month of a date typed without a year (`12 Sep`, `Sep 12`), else undefined. */
function yearlessDayMonth(raw: string): { month: number; day: number; weekday?: number } | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  const dm = DAY_MONTH.exec(text);
  if (dm && !dm[4]) return { month: monthNumber(dm[3]!)!, day: Number(dm[2]), weekday: dm[1] ? weekdayNumber(dm[1]) : undefined };
  const md = MONTH_DAY.exec(text);
  if (md && !md[4]) return { month: monthNumber(md[2]!)!, day: Number(md[3]), weekday: md[1] ? weekdayNumber(md[1]) : undefined };
  return undefined;
}

/** The latest `month`/`day` on or before `end` (so `28 Dec..3 Jan 2028` starts on 28 Dec 2027). */
function latestOnOrBefore(text: string, when: { month: number; day: number; weekday?: number }, end: LocalDate): Interpretation {
  const endYear = localDateToDateTime(end).year;
  for (let year = endYear; year >= endYear - 8; year--) {
    const date = makeLocalDate(year, when.month, when.day);
    if (date && date <= end) return fromParts(text, year, when.month, when.day, when.weekday, end);
  }
  return unrecognized(text, `${MONTHS_LONG[when.month - 1]} has no day ${when.day}.`);
}

export type DateRangeParseResult =
  | { ok: true; start: LocalDate; end: LocalDate }
  | { ok: false; reason: DateParseFailure['reason'] | 'reversed'; message: string };

/**
 * Reads `DATE..DATE` (or one date, meaning a one-day range). An end without a year is the next
 * occurrence on or after the start, so `28 Dec..3 Jan` spans the new year. With `allowPast` off,
 * the start must not be in the past.
 *
 * @example parseDateRange('2025-04-28..2025-05-09', { zone: 'Europe/Zurich', now, allowPast: true }) // { ok: true, start: '2025-04-28', end: '2025-05-09' }
 */
export function parseDateRange(text: string, options: ParseDateOptions): DateRangeParseResult {
  const today = todayInZone(options.now, options.zone);
  const pieces = text.split(/\s*\.\.\s*|\s+(?:to|until|–|—|-)\s+|\s*[–—]\s*/i);
  if (pieces.length > 2) return unrecognized(text, 'A range is written START..END, e.g. 2025-04-28..2025-05-09.');
  const endWithYear = pieces.length === 2 && hasYear(pieces[1]!) ? interpret(pieces[1]!, today, today) : undefined;
  const startDayMonth = yearlessDayMonth(pieces[0]!);
  // `12 Sep..15 Sep 2028`: a start without a year takes the end's (the latest such day on or before the end).
  const startRead: Interpretation =
    endWithYear?.ok && startDayMonth ? latestOnOrBefore(pieces[0]!, startDayMonth, endWithYear.date) : interpret(pieces[0]!, today, today);
  const start = checkPast(startRead, today, options);
  if (!start.ok) return start;
  if (pieces.length === 1) return { ok: true, start: start.date, end: start.date };
  const end = endWithYear ?? interpret(pieces[1]!, today, start.date);
  if (!end.ok) return end;
  if (compareLocalDates(end.date, start.date) < 0) {
    return { ok: false, reason: 'reversed', message: `The range ends (${formatLocalDate(end.date)}) before it starts (${formatLocalDate(start.date)}).` };
  }
  return { ok: true, start: start.date, end: end.date };
}
