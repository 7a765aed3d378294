/**
 * Every row of every Concord table, for "the database is byte-for-byte unchanged" assertions — except the
 * columns that background work changes on its own (a message's delivery progress), which no command can
 * change: a refused command must add or alter no row, while the worker keeps delivering earlier messages.
 */
import type { Db } from '../../src/db/database.ts';

/** Columns the delivery worker updates after the command that wrote the row has finished. */
export const BACKGROUND_COLUMNS: Record<string, string[]> = {
  OutboundMessage: ['status', 'attempts', 'slackTs', 'lastError', 'updatedAt', 'sentAt', 'outcomeUnknown', 'postedChannelId'],
};

export async function snapshotDatabase(db: Db): Promise<string> {
  const tables = await db.$queryRawUnsafe<Array<{ table_name: string }>>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { table_name } of tables) {
    const drop = (BACKGROUND_COLUMNS[table_name] ?? []).map((c) => ` - '${c}'`).join('');
    out[table_name] = await db.$queryRawUnsafe<unknown[]>(`SELECT (to_jsonb(t)${drop})::text AS row FROM "${table_name}" t ORDER BY 1`);
  }
  return JSON.stringify(out);
}
