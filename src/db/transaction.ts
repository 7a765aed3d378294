/** The client type repositories accept: the root client or a transaction's; and how a change runs in one. */
import { Prisma } from '../../prisma/generated/client.ts';
import type { Db } from './database.ts';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
export type DbClient = Db | Tx;

/**
 * How long a transaction may wait for a connection, and run. Changes of one committee queue on its row
 * lock (`committeeWrite`): a burst of commands waits its turn instead of failing.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/** Runs `fn` in one transaction: a failing command changes nothing. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, TRANSACTION_OPTIONS);
}

/** A unique constraint refused the write (Prisma P2002, the same through every driver adapter). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}
