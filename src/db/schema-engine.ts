/**
 * Prisma's own schema engine, compiled to WebAssembly, driven through a driver adapter.
 * Used instead of the native `schema-engine` binary, which cannot be downloaded on air-gapped
 * servers. It writes `_prisma_migrations` exactly as `prisma migrate deploy` does.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm';

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

/** Node's WebAssembly global, typed just enough (the ES lib has no WebAssembly types). */
const wasm = (globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }> };
}).WebAssembly;

function initWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const instance = await wasm.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': bg });
    const exports = instance.instance.exports as { __wbindgen_start: () => void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

export interface SchemaEngineHandle {
  applyMigrations(list: MigrationList): Promise<string[]>;
  /** SQL that brings the migrations up to the schema; exitCode 2 when they differ. */
  diffMigrationsToSchema(list: MigrationList, schema: { path: string; content: string }): Promise<{ exitCode: number; sql: string }>;
  /** SQL that brings the live database (the adapter's) up to the schema; exitCode 2 when they differ. */
  diffDatabaseToSchema(schema: { path: string; content: string }): Promise<{ exitCode: number; sql: string }>;
  close(): void;
}

export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: { path: string; content: string },
): Promise<SchemaEngineHandle> {
  await initWasm();
  const log = (): void => {};
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  return {
    async applyMigrations(list) {
      const out = await engine.applyMigrations({ migrationsList: list, filters: NO_FILTER });
      return out.appliedMigrationNames;
    },
    async diffMigrationsToSchema(list, target) {
      const out = await engine.diff({
        from: { tag: 'migrations', ...list },
        to: { tag: 'schemaDatamodel', files: [target] },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      return { exitCode: out.exitCode, sql: out.stdout ?? '' };
    },
    async diffDatabaseToSchema(target) {
      const out = await engine.diff({
        from: { tag: 'schemaDatasource', files: [target], configDir: path.dirname(target.path) },
        to: { tag: 'schemaDatamodel', files: [target] },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      return { exitCode: out.exitCode, sql: out.stdout ?? '' };
    },
    close() {
      engine.free();
    },
  };
}
