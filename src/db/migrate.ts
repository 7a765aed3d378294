/** Applies pending migrations and computes new ones, with the WebAssembly schema engine. */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { openSchemaEngine } from './schema-engine.ts';
import type { Database } from './database.ts';
import { loadMigrations, readSchema, MIGRATIONS_DIR, SCHEMA_PATH } from './migrations.ts';

/** Applies every migration not yet in `_prisma_migrations`; returns the names applied. */
export function applyPendingMigrations(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
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
