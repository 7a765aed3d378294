/**
 * Real PostgreSQL for tests: one template database migrated once per run (global setup), and a fresh
 * copy per test file (CREATE DATABASE … TEMPLATE is fast), dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
/** Set by global setup to this run's template database. */
export const TEMPLATE_DB_ENV = 'CONCORD_TEST_TEMPLATE_DB';

function templateDb(): string {
  const name = process.env[TEMPLATE_DB_ENV];
  if (!name) throw new Error(`${TEMPLATE_DB_ENV} is not set: run tests through vitest (its global setup builds the template)`);
  return name;
}

export function urlFor(db: string): string {
  return `postgresql://postgres@127.0.0.1:5432/${db}`;
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** This run's test databases carry its template's suffix, so global teardown can drop any left behind. */
function testDbPrefix(template: string): string {
  return `concord_t_${template.replace(/^concord_tpl_/, '')}_`;
}

/** A new empty-but-migrated database for one test file. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${testDbPrefix(templateDb())}${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateDb()}`);
  return {
    name,
    url: urlFor(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** An empty database with no tables at all (for migration tests). */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `concord_e_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { url: urlFor(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Drops every test database of the run whose template is `template` that is still there (global teardown). */
export async function dropRunDatabases(template: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    const like = `${testDbPrefix(template).replaceAll('_', '\\_')}%`;
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [like]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
