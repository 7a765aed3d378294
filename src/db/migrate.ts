/** Applies pending migrations and computes new ones, with the WebAssembly schema engine. */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { openSchemaEngine } from './schema-engine.ts';
import type { Database } from './database.ts';
import { loadMigrations, readSchema, MIGRATIONS_DIR, SCHEMA_PATH } from './migrations.ts';

/**
 * True when every migration in `dir` is recorded as applied: then the schema engine (WebAssembly, ~35 MB
 * of a process once loaded) need not start at all. Any doubt (a fresh database, a failed or rolled-back
 * migration) → false, and the engine decides.
 */
async function allApplied(database: Database, dir: string): Promise<boolean> {
  const wanted = loadMigrations(dir).migrationDirectories.map((m) => m.path);
  try {
    const rows = await database.prisma.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(rows.map((r) => r.migration_name));
    const failed = await database.prisma.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL`;
    return failed[0]?.n === 0 && wanted.every((name) => done.has(name));
  } catch {
    return false;
  }
}

/** Applies every migration not yet in `_prisma_migrations`; returns the names applied. */
export async function applyPendingMigrations(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  if (await allApplied(database, dir)) return [];
  return database.withMigrationAdapter(async (factory) => {
    const engine = await openSchemaEngine(factory, readSchema(SCHEMA_PATH));
    try {
      return await engine.applyMigrations(loadMigrations(dir));
    } finally {
      engine.close();
    }
  });
}

/**
 * The SQL that would bring the migrations up to `schema.prisma`, computed on a throwaway
 * in-memory PGlite as the shadow database. exitCode 2 = they disagree, 0 = in step.
 */
export async function diffMigrationsToSchema(
  opts: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<{ exitCode: number; sql: string }> {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
  const shadow = await PGlite.create();
  try {
    const schema = readSchema(opts.schemaPath ?? SCHEMA_PATH);
    const engine = await openSchemaEngine(new PrismaPGlite(shadow) as unknown as SqlMigrationAwareDriverAdapterFactory, schema);
    try {
      return await engine.diffMigrationsToSchema(loadMigrations(opts.migrationsDir ?? MIGRATIONS_DIR), schema);
    } finally {
      engine.close();
    }
  } finally {
    await shadow.close();
  }
}

/** Compares a migrated live database with `schema.prisma` (drift check on a real server). */
export function diffDatabaseToSchema(database: Database, schemaPath = SCHEMA_PATH): Promise<{ exitCode: number; sql: string }> {
  const schema = readSchema(schemaPath);
  return database.withMigrationAdapter(async (factory) => {
    const engine = await openSchemaEngine(factory, schema);
    try {
      return await engine.diffDatabaseToSchema(schema);
    } finally {
      engine.close();
    }
  });
}
