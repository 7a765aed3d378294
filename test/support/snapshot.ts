/** Every row of every Concord table, for "the database is byte-for-byte unchanged" assertions. */
import type { Db } from '../../src/db/database.ts';

export async function snapshotDatabase(db: Db): Promise<string> {
  const tables = await db.$queryRawUnsafe<Array<{ table_name: string }>>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { table_name } of tables) {
    out[table_name] = await db.$queryRawUnsafe<unknown[]>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t ORDER BY row_to_json(t)::text`);
  }
  return JSON.stringify(out);
}
