/**
 * Migrations without engine binaries: the WebAssembly schema engine applies Prisma's migrations on
 * PostgreSQL and on the embedded database, and proves schema.prisma and the migrations agree.
 */
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded, openPostgres } from '../../src/db/database.ts';
import { applyPendingMigrations, diffDatabaseToSchema, diffMigrationsToSchema } from '../../src/db/migrate.ts';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../../src/db/migrations.ts';
import { Prisma } from '../../prisma/generated/client.ts';
import { createEmptyDatabase } from '../support/postgres.ts';

/** A copy of prisma/ with one field added to the schema and no migration for it. */
function schemaWithExtraField(): { dir: string; schemaPath: string; migrationsDir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'concord-drift-'));
  const schemaPath = path.join(dir, 'schema.prisma');
  copyFileSync(SCHEMA_PATH, schemaPath);
  cpSync(MIGRATIONS_DIR, path.join(dir, 'migrations'), { recursive: true });
  const text = readFileSync(schemaPath, 'utf8').replace('model Organization {\n', 'model Organization {\n  website String?\n');
  writeFileSync(schemaPath, text);
  return { dir, schemaPath, migrationsDir: path.join(dir, 'migrations') };
}

describe('migrations (WebAssembly schema engine)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('schema.prisma and the migrations agree (computed on an embedded shadow database)', { timeout: 120_000 }, async () => {
    const { exitCode, sql } = await diffMigrationsToSchema();
    expect(sql).not.toMatch(/CREATE|ALTER|DROP/);
    expect(exitCode).toBe(0);
  });

  it('a field added to schema.prisma without a migration is caught, with the SQL it needs', async () => {
    const drift = schemaWithExtraField();
    cleanups.push(() => rmSync(drift.dir, { recursive: true, force: true }));
    const { exitCode, sql } = await diffMigrationsToSchema({ schemaPath: drift.schemaPath, migrationsDir: drift.migrationsDir });
    expect(exitCode).toBe(2);
    expect(sql).toMatch(/ALTER TABLE "Organization" ADD COLUMN\s+"website" TEXT/);
  });

  it('applies every migration to an empty PostgreSQL database and records them as prisma migrate deploy does', async () => {
    const empty = await createEmptyDatabase();
    cleanups.push(() => empty.drop());
    const db = await openPostgres(empty.url);
    cleanups.push(() => db.close());
    const applied = await applyPendingMigrations(db);
    const expected = readdirMigrations();
    expect(applied).toEqual(expected);
    expect(await applyPendingMigrations(db)).toEqual([]);

    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    const rows = await client.query('SELECT migration_name, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name');
    await client.end();
    expect(rows.rows.map((r) => r.migration_name)).toEqual(expected);
    for (const r of rows.rows) {
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
    // Every model the client knows is readable on the migrated PostgreSQL database (a column the schema has
    // and the migrations lack would fail here). The structural diff runs on the embedded engine above:
    // @prisma/adapter-pg cannot introspect through the WebAssembly engine ('char' columns of pg_catalog).
    for (const model of MODELS) {
      await expect((db.prisma as unknown as Record<string, { findFirst(): Promise<unknown> }>)[model]!.findFirst()).resolves.toBeNull();
    }
  });

  it('applies the same migrations to the embedded database in a data directory, and refuses a second opener', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'concord-data-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = await openEmbedded(dir);
    try {
      expect(await applyPendingMigrations(db)).toEqual(readdirMigrations());
      const names = await db.prisma.$queryRaw<Array<{ migration_name: string }>>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`;
      expect(names.map((n) => n.migration_name)).toEqual(readdirMigrations());
      expect((await diffDatabaseToSchema(db)).exitCode).toBe(0);
      await expect(openEmbedded(dir)).rejects.toThrow(/already open in another Concord process/);
    } finally {
      await db.close();
    }
    // Closed cleanly: it opens again, with nothing left to apply.
    const again = await openEmbedded(dir);
    try {
      expect(await applyPendingMigrations(again)).toEqual([]);
    } finally {
      await again.close();
    }
  });
});

const MODELS = Object.values(Prisma.ModelName).map((m) => m[0]!.toLowerCase() + m.slice(1));

function readdirMigrations(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}
