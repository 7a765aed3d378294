/**
 * Argument readers shared by the meeting, deadline and calendar commands: date ranges and dates typed in
 * the caller's zone (through `src/time/`), `time:` values, meeting kinds, day windows. Pure.
 */
import { parseDateRange, parseUserDate } from '../../time/parse-date.ts';
import { parseTimeOfDay } from '../../time/parse-time.ts';
import { MEETING_KINDS, type MeetingKind } from '../../meetings/meeting-kind.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { describeToken, UsageError } from './args.ts';
import type { Token } from './tokenize.ts';

/** The words left over, as one text ("30 April", "16 Sep..19 Sep"); anything else is a usage error. */
export function joinWords(tokens: readonly Token[], what: string): string {
  if (tokens.length === 0) throw new UsageError(`Missing ${what}.`);
  return tokens
    .map((t) => {
      if (t.kind === 'word' || t.kind === 'quoted') return t.text;
      throw new UsageError(`Expected ${what}, got ${describeToken(t)}.`);
    })
    .join(' ');
}

/** `2025-09-16..2025-09-19`, `16 Sep..19 Sep 2025`, `next Friday`: a range read in `zone` (past dates allowed). */
export function readDateRange(text: string, zone: string, now: Date): { start: string; end: string } {
  const r = parseDateRange(text, { zone, now, allowPast: true });
  if (!r.ok) throw new UsageError(r.message);
  return { start: r.start, end: r.end };
}

/** One date in `zone`; a past date is refused unless `allowPast`; an unsure reading comes back as a question. */
export function readDate(text: string, zone: string, now: Date, allowPast = false): string {
  const r = parseUserDate(text, { zone, now, allowPast });
  if (!r.ok) throw new UsageError(r.message);
  return r.date;
}

export interface TimeOption {
  startTime: string | null;
  endTime: string | null;
}

/** `time:14:00`, `time:14:00-16:00`, `time:2pm`; `none` (when allowed) makes a meeting date-only. */
export function readTimeOption(text: string, allowNone = false): TimeOption {
  const value = text.trim();
  if (allowNone && /^(none|all-?day)$/i.test(value)) return { startTime: null, endTime: null };
  const parts = value.split(/\s*[–—-]\s*/);
  if (parts.length > 2) throw new UsageError(`${JSON.stringify(value)} is not a time: use time:HH:MM or time:HH:MM-HH:MM, e.g. time:14:00-16:00.`);
  const [start, end] = parts.map((p) => {
    const t = parseTimeOfDay(p);
    if (!t.ok) throw new UsageError(t.message);
    return t.time;
  });
  return { startTime: start!, endTime: end ?? null };
}

/** `governing-body`, `governing body`, `Governing_Body` → `governing-body`, with a "did you mean". */
export function readKind(text: string): MeetingKind {
  const k = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const found = MEETING_KINDS.find((kind) => kind === k);
  if (found) return found;
  throw new UsageError(`“${text.trim()}” is not a meeting kind. Use one of: ${MEETING_KINDS.join(', ')}.`, didYouMean(k, MEETING_KINDS));
}

/** A window in days, 1–3650. */
export function readDays(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 3650) {
    throw new UsageError(`“${text}” is not a number of days: give 1 to 3650, e.g. 30.`);
  }
  return Number(text);
}
