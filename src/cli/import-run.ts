/**
 * The calendar import as a function (the CLI `import-calendar.ts` and tests call it): reads the file, picks
 * the committee (the only one, or the one of `--team`), parses with `parseMeetingsFile`, and upserts.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import { UserError } from '../errors.ts';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, parseMeetingsFile } from '../calendar-formats/import-parse.ts';
import { importMeetings, ImportRowsError, type ImportSummary } from '../calendar/meeting-import.ts';
import { importTargets } from '../meetings/meeting-repository.ts';
import { clockNow } from '../clock/clock.ts';

export const IMPORT_USAGE = 'Usage: npm run import:calendar -- <file.ics|file.json|file.csv> [--team T0123] [--enterprise E0123]';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The file's size, refused above IMPORT_MAX_BYTES before anything is read. */
async function checkSize(file: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw new UserError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
  }
  if (size > IMPORT_MAX_BYTES) {
    throw new UserError(
      `${path.basename(file)} is ${megabytes(size)}; Concord imports files of up to ${megabytes(IMPORT_MAX_BYTES)} (${IMPORT_MAX_ROWS.toLocaleString('en-US')} meetings): split it into smaller files. Nothing was imported.`,
    );
  }
}

/**
 * A database failure in one line the person running the import can act on (never Prisma's dump). The
 * transaction rolled back, so nothing was imported.
 */
export function importFailure(err: unknown): UserError {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'P2028') return new UserError('The import took too long and was rolled back: nothing was imported. Split the file and run it again.');
  if (code === 'P2002' || code === 'P2034') {
    return new UserError('Another change to the same meetings was saved at the same moment: nothing was imported. Run the import again.');
  }
  const first = (err instanceof Error ? err.message : String(err)).split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? 'unknown error';
  return new UserError(`The import failed and nothing was imported: ${first.slice(0, 200)}`);
}

/** Who the import's audit events name. */
export const IMPORT_ACTOR = 'import';

interface CommitteeRow {
  id: string;
  teamId: string;
  enterpriseId: string;
  name: string;
  timeZone: string;
}

async function pickCommittee(db: Db, team?: string, enterprise?: string): Promise<CommitteeRow> {
  const all: CommitteeRow[] = await importTargets(db);
  if (team) {
    const found = all.filter((c) => c.teamId === team && (enterprise === undefined || c.enterpriseId === enterprise));
    if (found.length === 1) return found[0]!;
    if (found.length > 1) throw new UserError(`Team ${team} has committees in several enterprises; add --enterprise E….`);
    throw new UserError(`There is no committee for team ${team}. Known teams: ${all.map((c) => c.teamId).join(', ') || 'none'}.`);
  }
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw new UserError('There is no committee yet: run /concord setup "Committee name" in Slack (or npm run db:seed) first.');
  throw new UserError(`There are ${all.length} committees; say which with --team (one of ${all.map((c) => c.teamId).join(', ')}).`);
}

export function summaryLine(s: ImportSummary): string {
  const noun = s.total === 1 ? 'meeting' : 'meetings';
  const moved = s.deadlinesMoved ? `; ${s.deadlinesMoved} relative deadline${s.deadlinesMoved === 1 ? '' : 's'} moved` : '';
  return `${s.total} ${noun}: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged${moved}`;
}

export interface ImportRun {
  file: string;
  team?: string;
  enterprise?: string;
  now?: Date;
}

/** The import itself, on an open database (the CLI below, and tests). Throws UserError with what to fix. */
export async function runImport(db: Db, run: ImportRun): Promise<{ committee: CommitteeRow; summary: ImportSummary }> {
  const extension = path.extname(run.file).toLowerCase();
  if (!['.ics', '.ical', '.json', '.csv'].includes(extension)) {
    throw new UserError(`${path.basename(run.file)} is not a file Concord can import: give an iCalendar (.ics), JSON (.json) or CSV (.csv) file of meetings.`);
  }
  await checkSize(run.file);
  let text: string;
  try {
    text = await readFile(run.file, 'utf8');
  } catch (err) {
    throw new UserError(`Cannot read ${run.file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
  }
  const committee = await pickCommittee(db, run.team, run.enterprise);
  const parsed = parseMeetingsFile(path.basename(run.file), text, { defaultZone: committee.timeZone });
  if (!parsed.ok) throw new ImportRowsError(parsed.errors);
  const summary = await importMeetings(db, committee, IMPORT_ACTOR, parsed.meetings, run.now ?? clockNow()).catch((err: unknown) => {
    throw err instanceof UserError ? err : importFailure(err);
  });
  return { committee, summary };
}

