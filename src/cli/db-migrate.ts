/** `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, or the embedded one). */
import { loadConfigForTools } from './tool-config.ts';
import { openDatabase } from '../db/database.ts';
import { applyPendingMigrations } from '../db/migrate.ts';
import { UserFacingStartupError } from '../errors.ts';

const config = loadConfigForTools();
try {
  const database = await openDatabase(config);
  try {
    const applied = await applyPendingMigrations(database);
    const where = config.databaseUrl ? 'PostgreSQL' : `the embedded database in ${config.dataDir}`;
    console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}` : `Nothing to apply: ${where} is up to date.`);
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(err instanceof UserFacingStartupError ? err.message : `Migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
