/**
 * Which instant a local time with a TZID means, and which IANA zone to keep it in.
 *
 * A TZID that is itself an IANA name (Google, Apple, Concord) means that zone: the tz database is the newer
 * copy of its rules, so its VTIMEZONE is not needed. Any other TZID — a Windows name, a custom Outlook zone,
 * a vendor id — is read by the file's own VTIMEZONE (through ical.js), because that is what the client that
 * wrote it showed. The IANA zone kept with it is the one the TZID names — itself, the tail of a
 * `/vendor/…/Area/City` id, X-LIC-LOCATION, or a Windows name through `windows-iana` — provided its offset
 * at that instant agrees with the file. A custom zone ("Customized Time Zone") names nothing: the zone
 * kept is an IANA zone whose offsets match the VTIMEZONE's all year (the committee's zone first), and when
 * none does, the instant is kept and expressed in the committee's zone (`defaultZone`).
 */
import ICAL from 'ical.js';
import { IANAZone } from 'luxon';
import { findIana, WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { wallClockToUtc, type WallClock } from '../time/wall-time.ts';
import { resolveZone } from '../time/zones.ts';

export type ZonedInstant = { instant: Date; zone: string } | { error: string };

type Component = InstanceType<typeof ICAL.Component>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

/** IANA zones a TZID names, best first. */
function namedZones(tzid: string, location: string | undefined): string[] {
  const tail = /([A-Za-z]+\/[A-Za-z0-9_+\-]+(?:\/[A-Za-z0-9_+\-]+)?)$/.exec(tzid.trim())?.[1];
  const names = [tzid.trim(), tail, location?.trim()].filter((n): n is string => !!n);
  const zones = names.map((n) => resolveZone(n)).flatMap((r) => (r.ok ? [r.zone] : []));
  return [...new Set([...zones, ...(findIana(tzid.trim()) ?? [])])];
}

const ianaOffset = (zone: string, ms: number): number => IANAZone.create(zone).offset(ms);

function fileOffset(tz: Timezone, ms: number): number {
  const t = ICAL.Time.fromJSDate(new Date(ms), true);
  return tz.utcOffset(t) / 60;
}

/** Two samples a month through `year`: tells EU from US daylight-saving dates. */
function samples(year: number): number[] {
  const out: number[] = [];
  for (let month = 0; month < 12; month++) for (const day of [1, 15]) out.push(Date.UTC(year, month, day, 12));
  return out;
}

let allZones: string[] | undefined;
/** Windows' representative city of each zone first (Europe/Berlin before Africa/Ceuta), then every IANA zone. */
function searchOrder(): string[] {
  allZones ??= [...new Set([...WINDOWS_TO_IANA_MAP.filter((m) => m.territory === '001').map((m) => m.iana[0]), ...Intl.supportedValuesOf('timeZone')])].filter(
    (z) => IANAZone.isValidZone(z),
  );
  return allZones;
}

const matchCache = new Map<string, string | null>();
function zoneMatching(tzid: string, tz: Timezone, year: number, defaultZone: string): string | null {
  const key = `${tzid}\u0000${year}\u0000${defaultZone}`;
  const cached = matchCache.get(key);
  if (cached !== undefined) return cached;
  const points = samples(year);
  const wanted = points.map((ms) => fileOffset(tz, ms));
  const fits = (zone: string) => points.every((ms, i) => ianaOffset(zone, ms) === wanted[i]);
  const found = [defaultZone, ...searchOrder()].find(fits) ?? null;
  matchCache.set(key, found);
  return found;
}

function vtimezone(calendar: Component, tzid: string): Component | undefined {
  return calendar.getAllSubcomponents('vtimezone').find((z) => String(z.getFirstPropertyValue('tzid')) === tzid);
}

/**
 * The UTC instant of `wall` in the zone `tzid` as the file defines it, and the IANA zone to keep.
 *
 * @example zonedInstant({ year: 2026, month: 3, day: 12, hour: 14, minute: 0, second: 0 }, 'Jordan Standard Time', calendar, 'Europe/Zurich') // { instant: 2026-03-12T11:00Z, zone: 'Asia/Amman' }
 */
export function zonedInstant(wall: WallClock, tzid: string, calendar: Component, defaultZone: string): ZonedInstant {
  if (IANAZone.isValidZone(tzid.trim())) {
    const zone = resolveZone(tzid.trim());
    if (zone.ok) return { instant: wallClockToUtc(wall, zone.zone), zone: zone.zone };
  }
  const definition = vtimezone(calendar, tzid);
  const location = definition?.getFirstPropertyValue('x-lic-location');
  const named = namedZones(tzid, location === null || location === undefined ? undefined : String(location));
  if (!definition) {
    if (named.length === 0) return { error: `unknown time zone ${JSON.stringify(tzid)}` };
    return { instant: wallClockToUtc(wall, named[0]!), zone: named[0]! };
  }
  const tz = new ICAL.Timezone({ component: definition, tzid });
  const time = ICAL.Time.fromData({ ...wall, isDate: false }, tz);
  const instant = new Date(time.toUnixTime() * 1000);
  const offset = tz.utcOffset(time) / 60;
  const agreeing = named.find((zone) => ianaOffset(zone, instant.getTime()) === offset);
  if (agreeing) return { instant, zone: agreeing };
  return { instant, zone: zoneMatching(tzid, tz, wall.year, defaultZone) ?? defaultZone };
}
