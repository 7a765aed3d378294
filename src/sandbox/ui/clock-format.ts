/**
 * The sandbox page's test-clock display and input, pure: an instant of Concord's test clock as the acting
 * person reads it (their `tz`) and in UTC, and the page's "set date-time" field (a local date-time meant in
 * that person's zone, or an ISO instant with an offset) turned into the UTC instant Concord is sent.
 *
 * @example describeClock('2027-03-03T06:00:00.000Z', 'Europe/Zurich')
 * // { iso: '2027-03-03T06:00:00.000Z', zone: 'Europe/Zurich', local: 'Wed 3 Mar 2027, 07:00 Europe/Zurich (UTC+01)',
 * //   utc: 'Wed 3 Mar 2027, 06:00 UTC', input: '2027-03-03T07:00' }
 * @example instantFromInput('2027-03-29T09:00', 'Europe/Zurich') // '2027-03-29T07:00:00Z' (after the spring change)
 */
import { DateTime } from 'luxon';

export interface ClockReading {
  /** The instant as Concord gave it. */
  iso: string;
  /** The zone `local` is in (the acting person's `tz`, else UTC). */
  zone: string;
  /** e.g. `Wed 3 Mar 2027, 07:00 Europe/Zurich (UTC+01)`; `Wed 3 Mar 2027, 06:00 UTC` for UTC. */
  local: string;
  /** e.g. `Wed 3 Mar 2027, 06:00 UTC`. */
  utc: string;
  /** The same local time in the form of an `<input type="datetime-local">` value, e.g. `2027-03-03T07:00`. */
  input: string;
}

const SHOWN = 'ccc d LLL yyyy, HH:mm';

/** A zone Luxon knows, else UTC (a person without a `tz`, or a zone this runtime lacks). */
export function zoneOrUtc(zone: string | undefined | null): string {
  return zone && DateTime.now().setZone(zone).isValid ? zone : 'UTC';
}

/** An instant of the test clock for one viewer; throws on something that is not an ISO instant. */
export function describeClock(iso: string, zone?: string | null): ClockReading {
  const at = DateTime.fromISO(iso, { setZone: true });
  if (!at.isValid) throw new Error(`Concord's test clock answered "${iso}", which is not an ISO 8601 instant.`);
  const z = zoneOrUtc(zone);
  const local = at.setZone(z).setLocale('en-GB');
  return {
    iso,
    zone: z,
    local: `${local.toFormat(SHOWN)} ${z === 'UTC' ? 'UTC' : `${z} (UTC${local.toFormat('ZZ').replace(/:00$/, '')})`}`,
    utc: `${at.toUTC().setLocale('en-GB').toFormat(SHOWN)} UTC`,
    input: local.toFormat("yyyy-LL-dd'T'HH:mm"),
  };
}

/**
 * The page's "set" field as a UTC instant for `{"set": …}`: `2027-03-29T09:00` (or with seconds, or a space
 * instead of `T`) is read in `zone`; a value with `Z` or an offset is taken as it is. A local time that the
 * zone skips (spring-forward gap) is refused rather than silently moved.
 */
export function instantFromInput(text: string, zone?: string | null): string {
  const raw = text.trim().replace(' ', 'T');
  if (!raw) throw new Error('Type a date and time to set the clock to, e.g. 2027-03-03 09:00.');
  const z = zoneOrUtc(zone);
  const hasOffset = /(Z|[+-]\d\d(:?\d\d)?)$/i.test(raw) && raw.includes('T');
  const at = hasOffset ? DateTime.fromISO(raw, { setZone: true }) : DateTime.fromISO(raw, { zone: z });
  if (!at.isValid || !/^\d{4}-\d\d-\d\d(T|$)/.test(raw)) {
    throw new Error(`"${text.trim()}" is not a date and time; use the form 2027-03-03 09:00 (in ${z}).`);
  }
  if (!hasOffset && raw.includes('T')) {
    const [, hh, mm] = /T(\d\d):(\d\d)/.exec(raw) ?? [];
    if (Number(hh) !== at.hour || Number(mm) !== at.minute) {
      throw new Error(`${raw.replace('T', ' ')} does not exist in ${z} (the clocks jump forward then); pick another time.`);
    }
  }
  return at.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}
