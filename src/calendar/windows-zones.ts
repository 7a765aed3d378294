/**
 * Windows time-zone ids that Outlook and Exchange write as TZID, mapped to the IANA zone of
 * their principal city (CLDR windowsZones.xml, territory "001"). Only common ones; others are refused.
 */
const WINDOWS_ZONES: ReadonlyArray<readonly [string, string]> = [
  ['UTC', 'UTC'], ['Coordinated Universal Time', 'UTC'],
  ['GMT Standard Time', 'Europe/London'], ['Greenwich Standard Time', 'Atlantic/Reykjavik'],
  ['W. Europe Standard Time', 'Europe/Berlin'], ['Romance Standard Time', 'Europe/Paris'],
  ['Central Europe Standard Time', 'Europe/Budapest'], ['Central European Standard Time', 'Europe/Warsaw'],
  ['E. Europe Standard Time', 'Europe/Chisinau'], ['FLE Standard Time', 'Europe/Kiev'],
  ['GTB Standard Time', 'Europe/Bucharest'], ['Russian Standard Time', 'Europe/Moscow'],
  ['Turkey Standard Time', 'Europe/Istanbul'], ['Israel Standard Time', 'Asia/Jerusalem'],
  ['Egypt Standard Time', 'Africa/Cairo'], ['South Africa Standard Time', 'Africa/Johannesburg'],
  ['E. Africa Standard Time', 'Africa/Nairobi'], ['W. Central Africa Standard Time', 'Africa/Lagos'],
  ['Morocco Standard Time', 'Africa/Casablanca'], ['Arab Standard Time', 'Asia/Riyadh'],
  ['Arabian Standard Time', 'Asia/Dubai'], ['Arabic Standard Time', 'Asia/Baghdad'],
  ['Iran Standard Time', 'Asia/Tehran'], ['Azerbaijan Standard Time', 'Asia/Baku'],
  ['Caucasus Standard Time', 'Asia/Yerevan'], ['Georgian Standard Time', 'Asia/Tbilisi'],
  ['West Asia Standard Time', 'Asia/Tashkent'], ['Pakistan Standard Time', 'Asia/Karachi'],
  ['India Standard Time', 'Asia/Kolkata'], ['Nepal Standard Time', 'Asia/Kathmandu'],
  ['Bangladesh Standard Time', 'Asia/Dhaka'], ['SE Asia Standard Time', 'Asia/Bangkok'],
  ['Singapore Standard Time', 'Asia/Singapore'], ['China Standard Time', 'Asia/Shanghai'],
  ['Taipei Standard Time', 'Asia/Taipei'], ['Korea Standard Time', 'Asia/Seoul'],
  ['Tokyo Standard Time', 'Asia/Tokyo'], ['AUS Eastern Standard Time', 'Australia/Sydney'],
  ['New Zealand Standard Time', 'Pacific/Auckland'], ['Fiji Standard Time', 'Pacific/Fiji'],
  ['Eastern Standard Time', 'America/New_York'], ['Central Standard Time', 'America/Chicago'],
  ['Mountain Standard Time', 'America/Denver'], ['Pacific Standard Time', 'America/Los_Angeles'],
  ['Alaskan Standard Time', 'America/Anchorage'], ['Hawaiian Standard Time', 'Pacific/Honolulu'],
  ['Atlantic Standard Time', 'America/Halifax'], ['Canada Central Standard Time', 'America/Regina'],
  ['Central Standard Time (Mexico)', 'America/Mexico_City'], ['SA Pacific Standard Time', 'America/Bogota'],
  ['SA Western Standard Time', 'America/La_Paz'], ['SA Eastern Standard Time', 'America/Cayenne'],
  ['E. South America Standard Time', 'America/Sao_Paulo'], ['Central Brazilian Standard Time', 'America/Cuiaba'],
  ['Tocantins Standard Time', 'America/Araguaina'], ['Argentina Standard Time', 'America/Buenos_Aires'],
  ['Montevideo Standard Time', 'America/Montevideo'], ['Pacific SA Standard Time', 'America/Santiago'],
];

const BY_LOWER = new Map(WINDOWS_ZONES.map(([windows, iana]) => [windows.toLowerCase(), iana] as const));

/** `windowsZoneToIana('W. Europe Standard Time')` → `'Europe/Berlin'`; `undefined` when unknown. */
export function windowsZoneToIana(tzid: string): string | undefined {
  return BY_LOWER.get(tzid.trim().toLowerCase());
}
