/** English month and weekday names, fixed here so output never depends on the ICU locale data. */
export const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
/** Index 0 = Monday (ISO weekday 1). */
export const WEEKDAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const WEEKDAYS_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** 1–12 for an English month name or abbreviation (`apr`, `April`, `Sept`), else `undefined`. */
export function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower === 'sept') return 9;
  const index = MONTHS_LONG.findIndex((m) => {
    const full = m.toLowerCase();
    return lower === full || (lower.length >= 3 && full.startsWith(lower));
  });
  return index === -1 ? undefined : index + 1;
}

/** 1–7 (Monday = 1) for an English weekday name or abbreviation (`tue`, `Tues`, `Tuesday`). */
export function weekdayNumber(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const index = WEEKDAYS_LONG.findIndex((d) => {
    const full = d.toLowerCase();
    return lower === full || (lower.length >= 3 && full.startsWith(lower));
  });
  return index === -1 ? undefined : index + 1;
}
