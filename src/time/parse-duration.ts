import type { CalendarDuration, CalendarUnit } from './calendar-math.ts';

export type DurationParseResult = { ok: true; duration: CalendarDuration } | { ok: false; message: string };

const UNITS: Record<string, CalendarUnit> = {
  d: 'day', day: 'day', days: 'day',
  w: 'week', wk: 'week', wks: 'week', week: 'week', weeks: 'week',
  mo: 'month', mos: 'month', month: 'month', months: 'month',
};
const WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** Longest snooze accepted, per unit: about a year. */
const MAX: Record<CalendarUnit, number> = { day: 366, week: 52, month: 12 };

/**
 * Reads a calendar duration (for snoozes): `3d`, `2w`, `1 week`, `10 days`, `two weeks`, `1 month`.
 * `m` alone is refused (minutes or months?).
 *
 * @example parseDuration('2w') // { ok: true, duration: { amount: 2, unit: 'week' } }
 */
export function parseDuration(text: string): DurationParseResult {
  const input = text.trim().toLowerCase().replace(/^in\s+/, '');
  const m = /^(\d+|[a-z]+)\s*([a-z]+)$/.exec(input);
  // Own keys only, so that words like `constructor` are not mistaken for numbers or units.
  const amount = m ? (/^\d+$/.test(m[1]!) ? Number(m[1]) : Object.hasOwn(WORDS, m[1]!) ? WORDS[m[1]!] : undefined) : undefined;
  const unit = m && Object.hasOwn(UNITS, m[2]!) ? UNITS[m[2]!] : undefined;
  if (amount === undefined || unit === undefined) {
    return { ok: false, message: `I could not read ${JSON.stringify(text.trim())} as a duration. Use e.g. 3d, 2w, 1 week or 10 days.` };
  }
  if (amount < 1 || amount > MAX[unit]) {
    return { ok: false, message: `A duration must be between 1 and ${MAX[unit]} ${unit}s.` };
  }
  return { ok: true, duration: { amount, unit } };
}
