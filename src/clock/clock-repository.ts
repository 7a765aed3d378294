import type { DbClient } from '../db/transaction.ts';

export async function readTestClock(db: DbClient): Promise<Date | undefined> {
  return (await db.testClock.findUnique({ where: { id: 1 }, select: { now: true } }))?.now;
}

export async function writeTestClock(db: DbClient, now: Date): Promise<void> {
  await db.testClock.upsert({ where: { id: 1 }, create: { id: 1, now }, update: { now } });
}
