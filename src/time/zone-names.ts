/**
 * Lookup tables behind `resolveZone`'s "did you mean": cities (meeting venues, duty stations of the
 * participating organizations, common UN duty stations) and zone abbreviations, each mapped to the
 * IANA zone to suggest. Keys are normalized with `normalizePlaceName`.
 */

/** Lower-case, no accents, no punctuation, single spaces: `"Washington, D.C."` → `"washington dc"`. */
export function normalizePlaceName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_\-]/g, ' ')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CITY_LIST: ReadonlyArray<readonly [string, string]> = [
  // Venues in meetings.json and duty stations in organizations.json
  ['Geneva', 'Europe/Zurich'], ['Geneve', 'Europe/Zurich'], ['Genf', 'Europe/Zurich'],
  ['Samarkand', 'Asia/Samarkand'], ['Nairobi', 'Africa/Nairobi'], ['Ottawa', 'America/Toronto'],
  ['Rome', 'Europe/Rome'], ['Roma', 'Europe/Rome'], ['Cali', 'America/Bogota'], ['Baku', 'Asia/Baku'],
  ['Siem Reap', 'Asia/Phnom_Penh'], ['The Hague', 'Europe/Amsterdam'], ['Den Haag', 'Europe/Amsterdam'],
  ['Hague', 'Europe/Amsterdam'], ['Busan', 'Asia/Seoul'], ['Riyadh', 'Asia/Riyadh'],
  ['Punta del Este', 'America/Montevideo'], ['Victoria Falls', 'Africa/Harare'], ['Belem', 'America/Belem'],
  ['Campo Grande', 'America/Campo_Grande'], ['Yerevan', 'Asia/Yerevan'], ['New York', 'America/New_York'],
  ['Vienna', 'Europe/Vienna'], ['Wien', 'Europe/Vienna'], ['Washington', 'America/New_York'],
  ['Washington DC', 'America/New_York'], ['Washington D C', 'America/New_York'], ['Paris', 'Europe/Paris'],
  ['Vientiane', 'Asia/Vientiane'],
  // UN duty stations and frequent conference venues
  ['Bonn', 'Europe/Berlin'], ['Berlin', 'Europe/Berlin'], ['Montreal', 'America/Toronto'],
  ['Toronto', 'America/Toronto'], ['Vancouver', 'America/Vancouver'], ['Bangkok', 'Asia/Bangkok'],
  ['Phnom Penh', 'Asia/Phnom_Penh'], ['Hanoi', 'Asia/Bangkok'], ['Addis Ababa', 'Africa/Addis_Ababa'],
  ['Santiago', 'America/Santiago'], ['Beirut', 'Asia/Beirut'], ['Copenhagen', 'Europe/Copenhagen'],
  ['Amsterdam', 'Europe/Amsterdam'], ['Brussels', 'Europe/Brussels'], ['London', 'Europe/London'],
  ['Madrid', 'Europe/Madrid'], ['Lisbon', 'Europe/Lisbon'], ['Bern', 'Europe/Zurich'],
  ['Zurich', 'Europe/Zurich'], ['Lausanne', 'Europe/Zurich'], ['Basel', 'Europe/Zurich'],
  ['Turin', 'Europe/Rome'], ['Milan', 'Europe/Rome'], ['Lyon', 'Europe/Paris'], ['Luxembourg', 'Europe/Luxembourg'],
  ['Stockholm', 'Europe/Stockholm'], ['Oslo', 'Europe/Oslo'], ['Helsinki', 'Europe/Helsinki'],
  ['Warsaw', 'Europe/Warsaw'], ['Katowice', 'Europe/Warsaw'], ['Prague', 'Europe/Prague'],
  ['Budapest', 'Europe/Budapest'], ['Athens', 'Europe/Athens'], ['Istanbul', 'Europe/Istanbul'],
  ['Ankara', 'Europe/Istanbul'], ['Kyiv', 'Europe/Kyiv'], ['Kiev', 'Europe/Kyiv'], ['Moscow', 'Europe/Moscow'],
  ['Tbilisi', 'Asia/Tbilisi'], ['Glasgow', 'Europe/London'], ['Dublin', 'Europe/Dublin'],
  ['Cairo', 'Africa/Cairo'], ['Sharm el Sheikh', 'Africa/Cairo'], ['Marrakech', 'Africa/Casablanca'],
  ['Rabat', 'Africa/Casablanca'], ['Dakar', 'Africa/Dakar'], ['Abidjan', 'Africa/Abidjan'],
  ['Accra', 'Africa/Accra'], ['Lagos', 'Africa/Lagos'], ['Abuja', 'Africa/Lagos'], ['Kigali', 'Africa/Kigali'],
  ['Kampala', 'Africa/Kampala'], ['Dar es Salaam', 'Africa/Dar_es_Salaam'], ['Harare', 'Africa/Harare'],
  ['Lusaka', 'Africa/Lusaka'], ['Maputo', 'Africa/Maputo'], ['Pretoria', 'Africa/Johannesburg'],
  ['Johannesburg', 'Africa/Johannesburg'], ['Cape Town', 'Africa/Johannesburg'], ['Windhoek', 'Africa/Windhoek'],
  ['Gaborone', 'Africa/Gaborone'], ['Kinshasa', 'Africa/Kinshasa'], ['Amman', 'Asia/Amman'],
  ['Dubai', 'Asia/Dubai'], ['Abu Dhabi', 'Asia/Dubai'], ['Doha', 'Asia/Qatar'], ['Kuwait', 'Asia/Kuwait'],
  ['Tehran', 'Asia/Tehran'], ['Tashkent', 'Asia/Tashkent'], ['Almaty', 'Asia/Almaty'], ['Astana', 'Asia/Almaty'],
  ['Islamabad', 'Asia/Karachi'], ['Karachi', 'Asia/Karachi'], ['New Delhi', 'Asia/Kolkata'], ['Delhi', 'Asia/Kolkata'],
  ['Mumbai', 'Asia/Kolkata'], ['Kathmandu', 'Asia/Kathmandu'], ['Colombo', 'Asia/Colombo'], ['Dhaka', 'Asia/Dhaka'],
  ['Kuala Lumpur', 'Asia/Kuala_Lumpur'], ['Singapore', 'Asia/Singapore'], ['Jakarta', 'Asia/Jakarta'],
  ['Bali', 'Asia/Makassar'], ['Manila', 'Asia/Manila'], ['Beijing', 'Asia/Shanghai'], ['Shanghai', 'Asia/Shanghai'],
  ['Kunming', 'Asia/Shanghai'], ['Hong Kong', 'Asia/Hong_Kong'], ['Seoul', 'Asia/Seoul'], ['Incheon', 'Asia/Seoul'],
  ['Tokyo', 'Asia/Tokyo'], ['Sydney', 'Australia/Sydney'], ['Canberra', 'Australia/Sydney'],
  ['Suva', 'Pacific/Fiji'], ['Apia', 'Pacific/Apia'], ['Wellington', 'Pacific/Auckland'],
  ['Auckland', 'Pacific/Auckland'], ['Montevideo', 'America/Montevideo'], ['Buenos Aires', 'America/Argentina/Buenos_Aires'],
  ['Sao Paulo', 'America/Sao_Paulo'], ['Rio de Janeiro', 'America/Sao_Paulo'], ['Brasilia', 'America/Sao_Paulo'],
  ['Bogota', 'America/Bogota'], ['Lima', 'America/Lima'], ['Quito', 'America/Guayaquil'], ['Panama', 'America/Panama'],
  ['Panama City', 'America/Panama'], ['Mexico City', 'America/Mexico_City'], ['Cancun', 'America/Cancun'],
  ['San Jose', 'America/Costa_Rica'], ['Kingston', 'America/Jamaica'], ['Port of Spain', 'America/Port_of_Spain'],
  ['Chicago', 'America/Chicago'], ['Denver', 'America/Denver'], ['Los Angeles', 'America/Los_Angeles'],
  ['San Francisco', 'America/Los_Angeles'], ['Seattle', 'America/Los_Angeles'], ['Boston', 'America/New_York'],
];

/** Normalized city name → IANA zone. */
export const CITY_ZONES: ReadonlyMap<string, string> = new Map(
  CITY_LIST.map(([city, zone]) => [normalizePlaceName(city), zone] as const),
);

/**
 * Abbreviations people type instead of a zone. Most are ambiguous or ignore daylight saving time,
 * so they are refused; the value is the zone to suggest (the most likely meaning for a committee
 * seated in Geneva; `IST` → India because that is its most common use).
 */
export const ABBREVIATION_ZONES: ReadonlyMap<string, string> = new Map([
  ['CET', 'Europe/Zurich'], ['CEST', 'Europe/Zurich'], ['MET', 'Europe/Zurich'], ['MEST', 'Europe/Zurich'],
  ['WET', 'Europe/Lisbon'], ['WEST', 'Europe/Lisbon'], ['EET', 'Europe/Athens'], ['EEST', 'Europe/Athens'],
  ['BST', 'Europe/London'], ['GMT', 'UTC'], ['UCT', 'UTC'], ['Z', 'UTC'], ['ZULU', 'UTC'], ['UT', 'UTC'],
  ['EST', 'America/New_York'], ['EDT', 'America/New_York'], ['ET', 'America/New_York'], ['EST5EDT', 'America/New_York'],
  ['CST', 'America/Chicago'], ['CDT', 'America/Chicago'], ['CT', 'America/Chicago'], ['CST6CDT', 'America/Chicago'],
  ['MST', 'America/Denver'], ['MDT', 'America/Denver'], ['MT', 'America/Denver'], ['MST7MDT', 'America/Denver'],
  ['PST', 'America/Los_Angeles'], ['PDT', 'America/Los_Angeles'], ['PT', 'America/Los_Angeles'], ['PST8PDT', 'America/Los_Angeles'],
  ['HST', 'Pacific/Honolulu'], ['AKST', 'America/Anchorage'], ['AKDT', 'America/Anchorage'],
  ['EAT', 'Africa/Nairobi'], ['CAT', 'Africa/Maputo'], ['WAT', 'Africa/Lagos'], ['SAST', 'Africa/Johannesburg'],
  ['MSK', 'Europe/Moscow'], ['IST', 'Asia/Kolkata'], ['PKT', 'Asia/Karachi'], ['ICT', 'Asia/Bangkok'],
  ['WIB', 'Asia/Jakarta'], ['SGT', 'Asia/Singapore'], ['HKT', 'Asia/Hong_Kong'], ['JST', 'Asia/Tokyo'],
  ['KST', 'Asia/Seoul'], ['AEST', 'Australia/Sydney'], ['AEDT', 'Australia/Sydney'], ['NZST', 'Pacific/Auckland'],
  ['NZDT', 'Pacific/Auckland'], ['BRT', 'America/Sao_Paulo'], ['ART', 'America/Argentina/Buenos_Aires'],
  ['UYT', 'America/Montevideo'], ['COT', 'America/Bogota'], ['GST', 'Asia/Dubai'], ['AST', 'Asia/Riyadh'],
]);

/**
 * Zone names ICU accepts but does not list in `Intl.supportedValuesOf('timeZone')` (it lists older
 * spellings such as `Asia/Calcutta`); used to give every accepted name its usual spelling.
 */
export const EXTRA_ZONE_NAMES: readonly string[] = [
  'UTC', 'Etc/UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Ho_Chi_Minh', 'Asia/Yangon', 'Europe/Kyiv',
  'America/Nuuk', 'Atlantic/Faroe', 'Pacific/Kanton', 'Pacific/Chuuk', 'Pacific/Pohnpei',
  'America/Argentina/Buenos_Aires', 'America/Indiana/Indianapolis', 'America/Kentucky/Louisville',
];
