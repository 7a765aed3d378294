/**
 * Pure calendar file formats: the ICS feed writer, ICS and CSV reading (ical.js, csv-parse) and import
 * files. Imports no domain folder — meetings and the feed service stand on it, never the other way round.
 */
export { buildIcs, type IcsCalendarInput, type IcsDateEvent, type IcsEventInput, type IcsTimedEvent } from './ics-writer.ts';
export { readIcs, type IcsReadDateEvent, type IcsReadEvent, type IcsReadOptions, type IcsReadResult, type IcsReadTimedEvent } from './ics-reader.ts';
export { escapeText, foldLine } from './ics-text.ts';
export { buildVTimezone, zoneTransitions } from './ics-vtimezone.ts';
export { zonedInstant } from './ics-zones.ts';
export { detectDelimiter, parseCsv, type CsvParseResult, type CsvRecord } from './csv.ts';
export {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  parseMeetingsFile,
  rowExternalKey,
  type MeetingImport,
  type MeetingsFileOptions,
  type MeetingsFileResult,
} from './import-parse.ts';
