import type { DbClient } from '../db/transaction.ts';

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

/** Next short-id number (M-n, D-n …) for a committee; atomic under concurrency. */
export async function nextNumber(db: DbClient, committeeId: string, name: string): Promise<number> {
  const row = await db.idSequence.upsert({
    where: { committeeId_name: { committeeId, name } },
    create: { committeeId, name, value: 1 },
    update: { value: { increment: 1 } },
  });
  return row.value;
}
