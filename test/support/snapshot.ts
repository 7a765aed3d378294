/**
 * Every row of every Concord table, for "the database is byte-for-byte unchanged" assertions — except the
 * columns that background work changes on its own (a message's delivery progress), which no command can
 * change: a refused command must add or alter no row, while the worker keeps delivering earlier messages.
 *
 * PostgreSQL hashes each table itself (md5 over its rows as JSON, in a fixed order), in one query, so no
 * row travels to the test. The snapshot is one line per table — name, row count, hash — so a failed
 * `toBe` names the table that changed and whether rows were added or removed.
 */
import type { Db } from '../../src/db/database.ts';

/** Columns the delivery worker updates after the command that wrote the row has finished. */
export const BACKGROUND_COLUMNS: Record<string, string[]> = {
  OutboundMessage: ['status', 'attempts', 'slackTs', 'lastError', 'updatedAt', 'sentAt', 'outcomeUnknown', 'postedChannelId'],
};

const quoteLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;
const quoteIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** One SELECT per table: its name, row count and the md5 of its rows (background columns left out). */
function tableDigest(table: string): string {
  const drop = (BACKGROUND_COLUMNS[table] ?? []).map((c) => ` - ${quoteLiteral(c)}`).join('');
  return (
    `SELECT ${quoteLiteral(table)} AS name, count(*)::int AS rows, md5(coalesce(string_agg(r, E'\\n' ORDER BY r COLLATE "C"), '')) AS digest ` +
    `FROM (SELECT (to_jsonb(t)${drop})::text AS r FROM ${quoteIdent(table)} t) s`
  );
}

export async function snapshotDatabase(db: Db): Promise<string> {
  const tables = await db.$queryRawUnsafe<Array<{ table_name: string }>>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  if (tables.length === 0) return '';
  const digests = await db.$queryRawUnsafe<Array<{ name: string; rows: number; digest: string }>>(
    `${tables.map((t) => `(${tableDigest(t.table_name)})`).join(' UNION ALL ')} ORDER BY name`,
  );
  return digests.map((d) => `${d.name}: ${d.rows} rows, md5 ${d.digest}`).join('\n');
}
