/** Once per test run: (re)build the migrated template database that each test file copies. */
import { openPostgres } from '../../src/db/database.ts';
import { applyPendingMigrations } from '../../src/db/migrate.ts';
import { adminQuery, TEMPLATE_DB, urlFor } from './postgres.ts';

export default async function setup(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DB}`);
  const db = await openPostgres(urlFor(TEMPLATE_DB));
  try {
    await applyPendingMigrations(db);
  } finally {
    await db.close();
  }
}
