/** The client type repositories accept: the root client or a transaction's. */
import type { Db } from './database.ts';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
export type DbClient = Db | Tx;

/** Runs `fn` in one transaction: a failing command changes nothing. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn);
}
