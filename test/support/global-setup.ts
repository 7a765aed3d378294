/**
 * Once per test run: build the migrated template database that each test file copies. Its name is unique
 * to the run, so several runs on one PostgreSQL server (developers, CI) never drop each other's template.
 */
import { randomBytes } from 'node:crypto';
import { openPostgres } from '../../src/db/database.ts';
import { applyPendingMigrations } from '../../src/db/migrate.ts';
import { adminQuery, dropRunDatabases, TEMPLATE_DB_ENV, urlFor } from './postgres.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const template = `concord_tpl_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${template}`);
  const db = await openPostgres(urlFor(template));
  try {
    await applyPendingMigrations(db);
  } finally {
    await db.close();
  }
  // Test workers are forked after global setup and inherit the environment.
  process.env[TEMPLATE_DB_ENV] = template;
  return async () => {
    // A test app's database is dropped in the background when it closes (app.ts): the last ones may be left.
    await dropRunDatabases(template);
    await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  };
}
