import type { DbClient, Tx } from '../db/transaction.ts';

/** The committee's active (not revoked) feed, if any. */
export function activeFeed(db: DbClient, committeeId: string) {
  return db.calendarFeed.findFirst({ where: { committeeId, revokedAt: null }, orderBy: { createdAt: 'desc' } });
}

/** The active feed behind a token, with its committee; null for unknown or revoked tokens. */
export function feedByToken(db: DbClient, token: string) {
  return db.calendarFeed.findFirst({ where: { token, revokedAt: null }, include: { committee: { select: { id: true, name: true } } } });
}

export function createFeed(db: DbClient, committeeId: string, token: string, createdBy: string) {
  return db.calendarFeed.create({ data: { committeeId, token, createdBy } });
}

export async function revokeFeeds(db: DbClient, committeeId: string, at: Date): Promise<number> {
  const r = await db.calendarFeed.updateMany({ where: { committeeId, revokedAt: null }, data: { revokedAt: at } });
  return r.count;
}

/** Serializes feed changes of one committee (one active feed each) by locking the committee's row. */
export async function lockCommittee(tx: Tx, committeeId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Committee" WHERE id = ${committeeId} FOR UPDATE`;
}
