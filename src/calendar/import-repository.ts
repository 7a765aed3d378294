/** The calendar import's transaction: long enough for the largest file allowed, one import per committee at a time. */
import type { Db } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';

/** 10,000 new meetings take well under a minute on PostgreSQL; ten leaves room for a slow disk and a queued import. */
export const IMPORT_TIMEOUT_MS = 10 * 60_000;

/**
 * Runs `fn` in one transaction that first takes the committee's import lock (`pg_advisory_xact_lock`): a
 * second import of the same committee waits here, then reads what the first one committed — so two
 * imports of one file end with one adding the meetings and the other finding them unchanged.
 */
export function inImportTransaction<T>(db: Db, committeeId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`meeting-import:${committeeId}`}, 0))`;
      return fn(tx);
    },
    { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 },
  );
}
