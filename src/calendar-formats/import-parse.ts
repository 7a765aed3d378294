import { createHash } from 'node:crypto';
import { isLocalDate, type LocalDate, type LocalTime } from '../time/local-date.ts';
import { parseTimeOfDay } from '../time/parse-time.ts';
import { utcToLocal } from '../time/wall-time.ts';
import { resolveZone } from '../time/zones.ts';
import { CITY_ZONES, normalizePlaceName } from '../time/zone-names.ts';
import { parseCsv } from './csv.ts';
import { readIcs, type IcsReadEvent } from './ics-reader.ts';

/** One meeting read from an import file, validated and ready to upsert. */
export interface MeetingImport {
  /**
   * Stable identity for idempotent re-import: the ICS UID; for JSON/CSV an explicit `uid`/`id`
   * column when present, else `row:` + a SHA-256 (first 24 hex) of body, title and start
   * (case- and space-insensitive). Without an explicit id, a moved meeting (new start) imports
   * as a new one.
   */
  externalKey: string;
  /** Where the row is in the file (`row 4`, `event 2 (UID …)`), for messages. */
  label: string;
  title: string;
  body: string;
  /** The kind as written (checked, or guessed from title and body, by the meetings import). */
  kind?: string;
  start: LocalDate;
  /** Inclusive last day. */
  end: LocalDate;
  /** Start time `HH:MM` in `zone`, for meetings with a time. */
  time?: LocalTime;
  zone: string;
  venue: string;
  url?: string;
  /** `cancelled` only when an ICS event says STATUS:CANCELLED. */
  status: 'scheduled' | 'cancelled';
}

/** The largest file an import reads (checked before reading it) and the most meetings it takes at once. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 10_000;

const tooMany = (n: number) =>
  `The file holds ${n.toLocaleString('en-US')} meetings; Concord imports at most ${IMPORT_MAX_ROWS.toLocaleString('en-US')} at a time: split it into smaller files.`;

export type MeetingsFileResult = { ok: true; meetings: MeetingImport[] } | { ok: false; errors: string[] };

export interface MeetingsFileOptions {
  /** Zone for ICS all-day events whose LOCATION names no known city, and for floating times. */
  defaultZone?: string;
}

/** A row as found in JSON or CSV, before validation; every field a trimmed string or absent. */
interface RawRow {
  label: string;
  title?: string;
  body?: string;
  start?: string;
  end?: string;
  time?: string;
  zone?: string;
  venue?: string;
  kind?: string;
  url?: string;
  /** A `source` that is only used as URL when it is one (meetings.json's shape). */
  source?: string;
  key?: string;
}

const FIELDS = ['title', 'body', 'start', 'end', 'time', 'zone', 'venue', 'kind', 'url', 'source', 'key'] as const;
type Field = (typeof FIELDS)[number];

/** Accepted column / property names (compared lower-case, without spaces, `_` or `-`). */
const ALIASES: Record<string, Field> = {
  title: 'title', name: 'title', meeting: 'title',
  body: 'body',
  start: 'start', startdate: 'start', from: 'start',
  end: 'end', enddate: 'end', to: 'end',
  time: 'time', starttime: 'time',
  timezone: 'zone', tz: 'zone', zone: 'zone',
  venue: 'venue', city: 'venue', location: 'venue',
  kind: 'kind', type: 'kind',
  url: 'url', link: 'url',
  source: 'source',
  uid: 'key', id: 'key', externalkey: 'key', key: 'key',
};

const fieldFor = (name: string): Field | undefined => {
  const key = name.toLowerCase().replace(/[\s_\-]/g, '');
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
};

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const normalizeForKey = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** `row:` + 24 hex of SHA-256 over body, title and start: the identity of a row without an id. */
export function rowExternalKey(body: string, title: string, start: LocalDate): string {
  const digest = createHash('sha256').update([body, title, start].map(normalizeForKey).join('\u001f')).digest('hex');
  return `row:${digest.slice(0, 24)}`;
}

/** Validates one row; returns the meeting or the row's problems (each prefixed with its label). */
function validateRow(row: RawRow): MeetingImport | string[] {
  const errors: string[] = [];
  const problem = (text: string) => errors.push(`${row.label}: ${text}`);
  if (!row.title) problem('the title (name) is missing');
  if (!row.start) problem('the start date is missing');
  else if (!isLocalDate(row.start)) problem(`start ${JSON.stringify(row.start)} is not a date written YYYY-MM-DD`);
  const end = row.end || row.start;
  if (row.end && !isLocalDate(row.end)) problem(`end ${JSON.stringify(row.end)} is not a date written YYYY-MM-DD`);
  else if (end && row.start && isLocalDate(row.start) && isLocalDate(end) && end < row.start) {
    problem(`end ${end} is before start ${row.start}`);
  }
  let time: LocalTime | undefined;
  if (row.time) {
    const parsed = parseTimeOfDay(row.time);
    if (parsed.ok) time = parsed.time;
    else problem(`time ${JSON.stringify(row.time)} is not a time of day (use HH:MM)`);
  }
  let zone = '';
  if (!row.zone) problem('the time zone is missing (an IANA zone such as Europe/Zurich)');
  else {
    const resolved = resolveZone(row.zone);
    if (resolved.ok) zone = resolved.zone;
    else problem(resolved.message);
  }
  if (row.url && !isHttpUrl(row.url)) problem(`url ${JSON.stringify(row.url)} is not an http(s) address`);
  if (errors.length > 0) return errors;

  const title = row.title!;
  const body = row.body ?? '';
  const meeting: MeetingImport = {
    externalKey: row.key || rowExternalKey(body, title, row.start!),
    label: row.label,
    title,
    body,
    start: row.start!,
    end: end!,
    zone,
    venue: row.venue ?? '',
    status: 'scheduled',
  };
  if (time) meeting.time = time;
  if (row.kind) meeting.kind = row.kind;
  const url = row.url || (row.source && isHttpUrl(row.source) ? row.source : undefined);
  if (url) meeting.url = url;
  return meeting;
}

function rowFromRecord(label: string, entries: Iterable<readonly [string, unknown]>): RawRow | { label: string; error: string } {
  const row: RawRow = { label };
  for (const [name, value] of entries) {
    const field = fieldFor(name);
    if (!field || value === null || value === undefined) continue;
    if (typeof value !== 'string' && !(field === 'key' && typeof value === 'number')) {
      return { label, error: `${label}: ${name} must be text, not ${Array.isArray(value) ? 'a list' : typeof value}` };
    }
    const text = String(value).trim();
    if (text !== '' && row[field] === undefined) row[field] = text;
  }
  return row;
}

/** Rows in file order; a row that is broken before validation (wrong type, too many cells) carries its error. */
type Rows = { ok: true; rows: Array<RawRow | { label: string; error: string }> } | { ok: false; errors: string[] };

function rowsFromJson(text: string): Rows {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`The file is not valid JSON: ${(e as Error).message}`] };
  }
  const list = Array.isArray(data) ? data : (data as { meetings?: unknown } | null)?.meetings;
  if (!Array.isArray(list)) return { ok: false, errors: ['The JSON file must hold a list of meetings (or an object with a "meetings" list).'] };
  const rows = list.map((item: unknown, i) => {
    const label = `row ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return { label, error: `${label}: expected an object with title, start, end, timeZone …` };
    }
    return rowFromRecord(label, Object.entries(item));
  });
  return { ok: true, rows };
}

function rowsFromCsv(text: string): Rows {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, errors: ['The CSV file is empty.'] };
  const fields = header.cells.map((c) => fieldFor(c.trim()));
  const missing = (['title', 'start', 'zone'] as const).filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    const names = { title: 'title (or name)', start: 'start', zone: 'timeZone (or tz)' };
    return { ok: false, errors: [`row 1 (header): missing column${missing.length > 1 ? 's' : ''} ${missing.map((f) => names[f]).join(', ')}`] };
  }
  const rows = records.map((record) => {
    const label = `row ${record.line}`;
    if (record.cells.length > header.cells.length) {
      return { label, error: `${label}: ${record.cells.length} fields but the header has ${header.cells.length} (quote values that contain commas)` };
    }
    return rowFromRecord(label, record.cells.map((cell, i) => [header.cells[i]!.trim(), cell] as const));
  });
  return { ok: true, rows };
}

/** The zone of a known city named at the start of LOCATION ("Geneva (CICG)", "Nairobi, Kenya"). */
function zoneFromLocation(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const head = location.split(/[,(\-–]/)[0] ?? '';
  return CITY_ZONES.get(normalizePlaceName(head)) ?? CITY_ZONES.get(normalizePlaceName(location));
}

/** An ICS event as a raw row (so it goes through the same validation), or why it cannot be one. */
function rowFromEvent(event: IcsReadEvent, label: string, options: MeetingsFileOptions, calendarZone?: string): RawRow | string {
  if (event.rrule) return `${label}: recurring events cannot be imported as meetings`;
  const base: RawRow = { label, title: event.summary.trim(), body: event.categories[0] ?? '', key: event.uid };
  if (event.location) base.venue = event.location;
  if (event.url) base.url = event.url;
  if (event.startKind === 'date') {
    const zone = zoneFromLocation(event.location) ?? calendarZone ?? options.defaultZone;
    if (!zone) return `${label}: an all-day event has no time zone and its location names no known city; give a default zone`;
    return { ...base, start: event.start, end: event.endInclusive, zone };
  }
  // A UTC time (Google writes most events so) is kept in the calendar's own zone when the file names one.
  const zone = event.tzid ?? (event.floating ? (options.defaultZone ?? 'UTC') : (calendarZone ?? 'UTC'));
  const start = utcToLocal(event.start, zone);
  const end = utcToLocal(event.end, zone);
  // An event ending at midnight ends on the previous day.
  const endDate = end.time === '00:00' && end.date > start.date ? utcToLocal(new Date(event.end.getTime() - 1), zone).date : end.date;
  return { ...base, start: start.date, end: endDate, time: start.time, zone };
}

type Checked = { label: string; result: MeetingImport | string[] };

function checkIcs(text: string, options: MeetingsFileOptions): { ok: true; checked: Checked[] } | { ok: false; errors: string[] } {
  const read = readIcs(text, options.defaultZone ? { defaultZone: options.defaultZone } : {});
  if (!read.ok) return read;
  if (read.events.length > IMPORT_MAX_ROWS) return { ok: false, errors: [tooMany(read.events.length)] };
  const checked = read.events.map((event, i): Checked => {
    const label = `event ${i + 1} (UID ${event.uid})`;
    const row = rowFromEvent(event, label, options, read.calendarZone);
    if (typeof row === 'string') return { label, result: [row] };
    const result = validateRow(row);
    if (!Array.isArray(result) && event.status === 'CANCELLED') result.status = 'cancelled';
    return { label, result };
  });
  return { ok: true, checked };
}

/**
 * Reads a meetings file for import: `.json` (meetings.json's shape — body, name, start, end,
 * city, timeZone, source — or title, body, start, end, time, timeZone, venue, kind, url), `.csv`
 * (a header row with those column names; RFC 4180 quoting) or `.ics`. Every row is validated
 * (ISO dates, end ≥ start, the zone through `resolveZone`, URL, no duplicate; the kind is the meetings
 * import's to check) and **all**
 * problems are returned with their row numbers (JSON: position in the list, from 1; CSV: the
 * spreadsheet row, the header being row 1; ICS: event position and UID). The caller imports
 * nothing unless `ok`.
 *
 * @example parseMeetingsFile('meetings.json', text) // { ok: true, meetings: [{ externalKey: 'row:…', label: 'row 1', title: '…', … }] }
 */
export function parseMeetingsFile(filename: string, text: string, options: MeetingsFileOptions = {}): MeetingsFileResult {
  const extension = /\.([a-z0-9]+)$/i.exec(filename.trim())?.[1]?.toLowerCase();
  let checked: Checked[];
  if (extension === 'json' || extension === 'csv') {
    const rows = extension === 'json' ? rowsFromJson(text) : rowsFromCsv(text);
    if (!rows.ok) return rows;
    if (rows.rows.length > IMPORT_MAX_ROWS) return { ok: false, errors: [tooMany(rows.rows.length)] };
    checked = rows.rows.map((row) => ({ label: row.label, result: 'error' in row ? [row.error] : validateRow(row) }));
  } else if (extension === 'ics' || extension === 'ical') {
    const ics = checkIcs(text, options);
    if (!ics.ok) return ics;
    checked = ics.checked;
  } else {
    return { ok: false, errors: [`${JSON.stringify(filename)}: unsupported file type; use .json, .csv or .ics`] };
  }
  const errors: string[] = [];
  const meetings: MeetingImport[] = [];
  const firstLabel = new Map<string, string>();
  for (const { label, result } of checked) {
    if (Array.isArray(result)) {
      errors.push(...result);
      continue;
    }
    const earlier = firstLabel.get(result.externalKey);
    if (earlier !== undefined) errors.push(`${label}: the same meeting as ${earlier} (same id, or same body, title and start)`);
    else firstLabel.set(result.externalKey, label);
    meetings.push(result);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (meetings.length === 0) return { ok: false, errors: ['The file holds no meetings.'] };
  return { ok: true, meetings };
}
