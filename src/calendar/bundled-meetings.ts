import data from './data/meetings-2024-2026.json' with { type: 'json' };
import { parseMeetingsFile, type MeetingImport } from './import-parse.ts';

/**
 * The 35 sourced governing-body meetings of 2024–2026 shipped with Concord (a copy of
 * `shared/fixtures/meetings.json`, so nothing reads ../shared at run time), validated like an
 * import. For seeds and demos.
 */
export function bundledMeetings(): MeetingImport[] {
  const result = parseMeetingsFile('meetings-2024-2026.json', JSON.stringify(data));
  if (!result.ok) throw new Error(`Bundled meetings are invalid: ${result.errors.join('; ')}`);
  return result.meetings;
}
