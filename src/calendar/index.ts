/** Pure calendar formats for meetings and deadlines: ICS feed writer and reader, import files. */
export { buildIcs, type IcsCalendarInput, type IcsDateEvent, type IcsEventInput, type IcsTimedEvent } from './ics-writer.ts';
export { readIcs, type IcsReadDateEvent, type IcsReadEvent, type IcsReadOptions, type IcsReadResult, type IcsReadTimedEvent } from './ics-reader.ts';
export { escapeText, foldLine, unescapeText, unfoldLines } from './ics-text.ts';
export { buildVTimezone, zoneTransitions } from './ics-vtimezone.ts';
export { windowsZoneToIana } from './windows-zones.ts';
export { parseCsv, type CsvParseResult, type CsvRecord } from './csv.ts';
export { inferMeetingKind, isMeetingKind, MEETING_KINDS, type MeetingKind } from './meeting-kind.ts';
export { parseMeetingsFile, rowExternalKey, type MeetingImport, type MeetingsFileOptions, type MeetingsFileResult } from './import-parse.ts';
export { bundledMeetings } from './bundled-meetings.ts';
