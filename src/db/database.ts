/**
 * Opens Concord's database: PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set,
 * otherwise embedded PostgreSQL (PGlite) in DATA_DIR. Both get the same migrations.
 */
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../prisma/generated/client.ts';
import { lockDataDir } from './data-dir-lock.ts';

export type Db = InstanceType<typeof PrismaClient>;

export interface Database {
  prisma: Db;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  kind: 'postgres' | 'embedded';
  /**
   * An adapter for the schema engine on a connection of its own, ended afterwards: Prisma's migration
   * advisory lock is session-level, and a pooled connection would keep holding it.
   */
  withMigrationAdapter<T>(fn: (factory: SqlMigrationAwareDriverAdapterFactory) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A round trip to the database, for /healthz. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

export async function openPostgres(url: string): Promise<Database> {
  const adapterFactory = new PrismaPg({ connectionString: url, max: 10 });
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    adapterFactory,
    kind: 'postgres',
    async withMigrationAdapter(fn) {
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      try {
        return await fn(new PrismaPg(pool));
      } finally {
        await pool.end();
      }
    },
    close: () => prisma.$disconnect(),
  };
}

/** `dataDir` undefined → in memory (tests, the schema engine's shadow database). */
export async function openEmbedded(dataDir?: string): Promise<Database> {
  // Imported here, not at the top: loading PGlite costs a process ~60 MB, and PostgreSQL never needs it.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir ? `file://${dataDir}/pgdata` : undefined);
  } catch (err) {
    unlock();
    throw err;
  }
  takeTurns(pglite);
  const adapterFactory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    adapterFactory,
    kind: 'embedded',
    withMigrationAdapter: (fn) => fn(adapterFactory),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      unlock();
    },
  };
}

/**
 * PGlite runs on this thread and a finished query settles its promise in a microtask, so a chain of queries
 * (a Home rebuilt by the cache, a command's reads) ran as one turn of the event loop, with every ack
 * waiting behind it (one turn of 271 ms in `bench/profile.ts home 40 embedded`). Each query now starts in a
 * turn of its own, as it would with a database across a socket.
 */
function takeTurns(pglite: { query: (...args: never[]) => Promise<unknown> }): void {
  const query = pglite.query.bind(pglite);
  pglite.query = (...args) => new Promise((resolve) => setImmediate(resolve)).then(() => query(...args));
}

export function openDatabase(cfg: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return cfg.databaseUrl ? openPostgres(cfg.databaseUrl) : openEmbedded(cfg.dataDir);
}
