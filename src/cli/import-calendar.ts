/**
 * `npm run import:calendar -- <file.ics|file.json|file.csv> [--team T…] [--enterprise E…]`
 *
 * Imports meetings into a committee (the only one, or the one of `--team`), idempotently: re-importing the
 * same file changes nothing. Every row is checked first; if any is bad, all problems are listed, nothing is
 * imported and the exit code is 1. Uses DATABASE_URL, or the embedded database in DATA_DIR. After an import
 * that changed something, running Concord processes are told through Redis (REDIS_URL, REDIS_PREFIX), so
 * `meetings` shows the new meetings at once.
 */
import { parseArgs } from 'node:util';
import { loadConfigForTools } from './tool-config.ts';
import { openDatabase } from '../db/database.ts';
import { applyPendingMigrations } from '../db/migrate.ts';
import { UserError, UserFacingStartupError } from '../errors.ts';
import { ImportRowsError } from '../calendar/meeting-import.ts';
import { IMPORT_USAGE, runImport, summaryLine } from './import-run.ts';
import { announceCommitteeChanges } from './announce-change.ts';

/** A file with thousands of bad rows lists the first ones, then how many more. */
const MAX_PROBLEMS_SHOWN = 50;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { team: { type: 'string' }, enterprise: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(positionals.length > 1 ? `Give one file, not ${positionals.length}.\n${IMPORT_USAGE}` : IMPORT_USAGE);
    return values.help ? 0 : 1;
  }
  const config = loadConfigForTools();
  const database = await openDatabase(config);
  try {
    await applyPendingMigrations(database);
    const { committee, summary } = await runImport(database.prisma, { file: positionals[0]!, team: values.team, enterprise: values.enterprise });
    console.log(`${committee.name}: ${summaryLine(summary)}.`);
    const note = summary.added + summary.updated > 0 ? await announceCommitteeChanges(config, [committee.id]) : null;
    if (note) console.log(note);
    return 0;
  } catch (err) {
    if (err instanceof ImportRowsError) {
      const shown = err.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `  - ${p}`);
      if (err.problems.length > MAX_PROBLEMS_SHOWN) shown.push(`  … and ${err.problems.length - MAX_PROBLEMS_SHOWN} more.`);
      console.error(`${err.message}\n${shown.join('\n')}`);
      return 1;
    }
    if (err instanceof UserError || err instanceof UserFacingStartupError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`Import failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
