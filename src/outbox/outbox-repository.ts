import type { DbClient } from '../db/transaction.ts';

export interface OutboundInput {
  committeeId: string;
  channelId: string;
  text: string;
  blocks?: unknown[];
}

/** Written inside the transaction of the change it announces. */
export async function addOutbound(db: DbClient, m: OutboundInput): Promise<string> {
  const row = await db.outboundMessage.create({
    data: { committeeId: m.committeeId, channelId: m.channelId, text: m.text, blocks: m.blocks ? (m.blocks as object[]) : undefined },
    select: { id: true },
  });
  return row.id;
}

/** Claims a pending row for delivery; false if another worker has it or it was already sent. */
export async function claimOutbound(db: DbClient, id: string): Promise<boolean> {
  const r = await db.outboundMessage.updateMany({ where: { id, status: 'pending' }, data: { status: 'sending', attempts: { increment: 1 } } });
  return r.count === 1;
}

export function getOutbound(db: DbClient, id: string) {
  return db.outboundMessage.findUnique({ where: { id } });
}

export function markSent(db: DbClient, id: string, slackTs: string) {
  return db.outboundMessage.update({ where: { id }, data: { status: 'sent', slackTs, sentAt: new Date(), lastError: null } });
}

export function releaseOutbound(db: DbClient, id: string, lastError: string) {
  return db.outboundMessage.update({ where: { id }, data: { status: 'pending', lastError } });
}

export function markFailed(db: DbClient, id: string, lastError: string) {
  return db.outboundMessage.update({ where: { id }, data: { status: 'failed', lastError } });
}

/** Rows to (re)schedule: pending ones, and ones stuck in `sending` after a crash. */
export async function undeliveredIds(db: DbClient, stuckBefore: Date): Promise<string[]> {
  await db.outboundMessage.updateMany({ where: { status: 'sending', updatedAt: { lt: stuckBefore } }, data: { status: 'pending' } });
  const rows = await db.outboundMessage.findMany({ where: { status: 'pending' }, select: { id: true }, orderBy: { createdAt: 'asc' }, take: 10_000 });
  return rows.map((r) => r.id);
}
