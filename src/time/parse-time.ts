import type { LocalTime } from './local-date.ts';

export type TimeParseResult =
  | { ok: true; time: LocalTime; hour: number; minute: number }
  | { ok: false; message: string };

const H24 = /^([01]?\d|2[0-3])(?:[:.h]([0-5]\d))?$/i;
const H12 = /^(0?[1-9]|1[0-2])(?::([0-5]\d))?\s*([ap])\.?m\.?$/i;

/**
 * Reads a time of day: `14:30`, `9:00`, `14h30`, `14.30`, `2pm`, `2:30 pm`. Returns it as `HH:MM`.
 * A bare hour (`14`) is accepted as `14:00`.
 *
 * @example parseTimeOfDay('9:30') // { ok: true, time: '09:30', hour: 9, minute: 30 }
 */
export function parseTimeOfDay(text: string): TimeParseResult {
  const input = text.trim();
  let hour: number | undefined;
  let minute = 0;
  const h24 = H24.exec(input);
  const h12 = h24 ? null : H12.exec(input);
  if (h24) {
    hour = Number(h24[1]);
    minute = Number(h24[2] ?? 0);
  } else if (h12) {
    hour = (Number(h12[1]) % 12) + (h12[3]!.toLowerCase() === 'p' ? 12 : 0);
    minute = Number(h12[2] ?? 0);
  }
  if (hour === undefined) {
    return { ok: false, message: `I could not read ${JSON.stringify(input)} as a time of day. Use 24-hour HH:MM, e.g. 14:30.` };
  }
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return { ok: true, time, hour, minute };
}
