import { closestMatch } from '../util/did-you-mean.ts';
import { ABBREVIATION_ZONES, CITY_ZONES, EXTRA_ZONE_NAMES, normalizePlaceName } from './zone-names.ts';

export type ZoneResolution =
  | { ok: true; zone: string }
  | {
      ok: false;
      reason: 'empty' | 'offset' | 'abbreviation' | 'unknown';
      /** An IANA zone to offer as "did you mean", when one is likely. */
      suggestion?: string;
      /** A sentence safe to show the user. */
      message: string;
    };

const OFFSET = /^(?:utc|gmt|ut|z)?\s*[+\-\u2212]\s*\d{1,2}(?:[:.]?\d{2})?$|^etc\/gmt[+\-]\d{1,2}$/i;
const EXAMPLE = 'an IANA zone such as Europe/Zurich or America/New_York';

/** True when ICU knows the zone (any case, link aliases such as `Asia/Vientiane` included). */
export function isValidZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

let namesByLowerCase: Map<string, string> | undefined;

/** Every zone name we know the spelling of, keyed by its lower-case form. */
function knownZoneNames(): Map<string, string> {
  if (!namesByLowerCase) {
    namesByLowerCase = new Map();
    const all = [...Intl.supportedValuesOf('timeZone'), ...EXTRA_ZONE_NAMES, ...CITY_ZONES.values()];
    for (const name of all) if (isValidZone(name)) namesByLowerCase.set(name.toLowerCase(), name);
  }
  return namesByLowerCase;
}

/** The usual spelling of a valid zone typed in any case: `europe/zurich` → `Europe/Zurich`. */
function spellZone(input: string): string {
  const known = knownZoneNames().get(input.toLowerCase());
  if (known) return known;
  // An equivalent name ICU prefers (e.g. `us/eastern` → `America/New_York`).
  return new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone;
}

function refuse(reason: 'offset' | 'abbreviation' | 'unknown', input: string, suggestion?: string): ZoneResolution {
  const quoted = JSON.stringify(input);
  const didYouMean = suggestion ? ` Did you mean ${suggestion}?` : ` Use ${EXAMPLE}.`;
  const lead =
    reason === 'offset'
      ? `${quoted} is a UTC offset, which ignores daylight saving time; give the place's time zone, ${EXAMPLE}.`
      : reason === 'abbreviation'
        ? `${quoted} is an abbreviation, not a time zone.${didYouMean}`
        : `${quoted} is not a time zone I know.${didYouMean}`;
  return suggestion ? { ok: false, reason, suggestion, message: lead } : { ok: false, reason, message: lead };
}

/** A zone to suggest for something that is not a zone name: a city, a misspelt zone or city. */
function suggestFor(input: string): string | undefined {
  const lastSegment = input.includes('/') ? input.slice(input.lastIndexOf('/') + 1) : input;
  const place = normalizePlaceName(lastSegment);
  const city = CITY_ZONES.get(normalizePlaceName(input)) ?? CITY_ZONES.get(place);
  if (city) return city;
  const lower = input.toLowerCase().replace(/ /g, '_');
  const zoneKey = closestMatch(lower, knownZoneNames().keys());
  if (zoneKey) return knownZoneNames().get(zoneKey);
  if (place.length >= 4) {
    const cityKey = closestMatch(place, CITY_ZONES.keys());
    if (cityKey) return CITY_ZONES.get(cityKey);
  }
  return undefined;
}

/**
 * Validates a time zone typed by a person or found in a file. Accepts IANA names in any case,
 * link aliases included (`Asia/Vientiane`, `Europe/Amsterdam`), and `UTC`. Refuses offsets
 * (`UTC+2`) and abbreviations (`CET`), and offers a zone for cities and near-miss spellings.
 *
 * @example resolveZone('europe/zurich') // { ok: true, zone: 'Europe/Zurich' }
 * @example resolveZone('Geneva')        // { ok: false, reason: 'unknown', suggestion: 'Europe/Zurich', … }
 * @example resolveZone('Europe/Zurik')  // { ok: false, reason: 'unknown', suggestion: 'Europe/Zurich', … }
 */
export function resolveZone(input: string): ZoneResolution {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty', message: `No time zone given. Use ${EXAMPLE}.` };
  if (OFFSET.test(text)) return refuse('offset', text);
  if (/^(utc|etc\/utc)$/i.test(text)) return { ok: true, zone: 'UTC' };
  if (text.includes('/') && isValidZone(text)) return { ok: true, zone: spellZone(text) };
  if (!text.includes('/')) {
    const abbreviation = ABBREVIATION_ZONES.get(text.toUpperCase());
    if (abbreviation) return refuse('abbreviation', text, abbreviation);
    if (isValidZone(text)) {
      // Old single-word links (`Japan`, `Singapore`): point to the Area/City name.
      const city = CITY_ZONES.get(normalizePlaceName(text));
      const preferred = city ?? spellZone(text);
      return refuse('unknown', text, preferred.includes('/') ? preferred : undefined);
    }
  }
  return refuse('unknown', text, suggestFor(text));
}
