import type { DbClient, Tx } from '../db/transaction.ts';

export interface TeamKey {
  teamId: string;
  enterpriseId: string;
}

export function findCommittee(db: DbClient, key: TeamKey) {
  return db.committee.findUnique({ where: { teamId_enterpriseId: key } });
}

export function createCommittee(db: DbClient, key: TeamKey, data: { name: string; channelId: string; timeZone: string }) {
  return db.committee.create({ data: { ...key, ...data } });
}

export function updateCommittee(db: DbClient, id: string, data: { name?: string; channelId?: string; timeZone?: string }) {
  return db.committee.update({ where: { id }, data });
}

/**
 * Locks the committee's row until the transaction ends and reads it: the committee's writes then run one
 * after the other, so a rule checked before writing (the last secretariat, a code already taken) still
 * holds at commit. Null when the committee is gone.
 */
export async function lockCommittee(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "Committee" WHERE id = ${id} FOR UPDATE`;
  return tx.committee.findUnique({ where: { id } });
}

/** Next short-id number (M-n, D-n …) for a committee; atomic under concurrency. */
export async function nextNumber(db: DbClient, committeeId: string, name: string): Promise<number> {
  const row = await db.idSequence.upsert({
    where: { committeeId_name: { committeeId, name } },
    create: { committeeId, name, value: 1 },
    update: { value: { increment: 1 } },
  });
  return row.value;
}
