/**
 * Full-text search in PostgreSQL (the same SQL on the embedded PGlite): records (title and body of the
 * current version), follow-ups (title) and their notes (updates, snooze reasons, done notes). Each item
 * counts once, with its best-ranked text; `ts_headline` marks the matching words between \u0001 and \u0002
 * (the caller turns them into mrkdwn bold after escaping the rest). No GIN index: an expression index is
 * something schema.prisma cannot express, and the migrations drift test would ask to drop it.
 */
import { Prisma } from '../../prisma/generated/client.ts';
import type { DbClient } from '../db/transaction.ts';

export type SearchKind = 'record' | 'followup';

export interface SearchRow {
  kind: SearchKind;
  number: number;
  title: string;
  status: string;
  snippet: string;
  rank: number;
  total: number;
}

export interface SearchQuery {
  committeeId: string;
  words: string;
  kinds: readonly SearchKind[];
  /** Only items of this organization: follow-ups assigned to it; records that made one or name its code. */
  organization?: { id: string; code: string };
  limit: number;
}

export const START_MARK = '\u0001';
export const STOP_MARK = '\u0002';
const HEADLINE = `StartSel=${START_MARK}, StopSel=${STOP_MARK}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** False when the words hold nothing to search for (only stop words such as "the", or punctuation). */
export async function hasSearchTerms(db: DbClient, words: string): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ n: number }>>`SELECT numnode(websearch_to_tsquery('english', ${words}))::int AS n`;
  return (rows[0]?.n ?? 0) > 0;
}

export async function searchCommittee(db: DbClient, q: SearchQuery): Promise<SearchRow[]> {
  const parts: Prisma.Sql[] = [];
  if (q.kinds.includes('followup')) parts.push(followUpDocs(q));
  if (q.kinds.includes('record')) parts.push(recordDocs(q));
  if (!parts.length) return [];
  const rows = await db.$queryRaw<Array<Omit<SearchRow, 'rank' | 'total'> & { rank: number | string; total: number | bigint }>>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${q.words}) AS query),
    docs AS (${Prisma.join(parts, ' UNION ALL ')}),
    hits AS (
      SELECT DISTINCT ON (kind, number) kind, number, title, status, body, ts_rank(to_tsvector('english', body), q.query) AS rank
      FROM docs, q
      WHERE to_tsvector('english', body) @@ q.query
      ORDER BY kind, number, rank DESC
    ),
    top AS (SELECT *, count(*) OVER () AS total FROM hits ORDER BY rank DESC, kind, number DESC LIMIT ${q.limit})
    SELECT kind, number, title, status, ts_headline('english', body, q.query, ${HEADLINE}) AS snippet, rank::float8 AS rank, total::int AS total
    FROM top, q
    ORDER BY rank DESC, kind, number DESC`;
  return rows.map((r) => ({ ...r, rank: Number(r.rank), total: Number(r.total) }));
}

function followUpDocs(q: SearchQuery): Prisma.Sql {
  const org = q.organization
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "FollowUpAssignment" x WHERE x."followUpId" = f.id AND x."organizationId" = ${q.organization.id})`
    : Prisma.empty;
  return Prisma.sql`
    SELECT 'followup' AS kind, f.number, f.title, f.status::text AS status, f.title AS body
      FROM "FollowUp" f WHERE f."committeeId" = ${q.committeeId} ${org}
    UNION ALL
    SELECT 'followup', f.number, f.title, f.status::text, e.text
      FROM "FollowUpEvent" e JOIN "FollowUp" f ON f.id = e."followUpId"
      WHERE e."committeeId" = ${q.committeeId} AND e.text IS NOT NULL ${org}
    UNION ALL
    SELECT 'followup', f.number, f.title, f.status::text, a.note
      FROM "FollowUpAssignment" a JOIN "FollowUp" f ON f.id = a."followUpId"
      WHERE a."committeeId" = ${q.committeeId} AND a.note IS NOT NULL ${org}`;
}

function recordDocs(q: SearchQuery): Prisma.Sql {
  const org = q.organization
    ? Prisma.sql`AND (
        EXISTS (SELECT 1 FROM "RecordFollowUp" rf JOIN "FollowUpAssignment" x ON x."followUpId" = rf."followUpId"
                WHERE rf."recordId" = r.id AND x."organizationId" = ${q.organization.id})
        OR to_tsvector('simple', v.title || ' ' || v."bodyText") @@ plainto_tsquery('simple', ${q.organization.code}))`
    : Prisma.empty;
  return Prisma.sql`
    SELECT 'record' AS kind, r.number, v.title, r.status::text AS status, v.title || E'\n\n' || v."bodyText" AS body
      FROM "SummaryRecord" r JOIN "SummaryRecordVersion" v ON v."recordId" = r.id AND v.version = r."currentVersion"
      WHERE r."committeeId" = ${q.committeeId} ${org}`;
}
