/**
 * The outbox: messages to post, written in the transaction of the change they announce. Rows of one
 * channel are delivered one at a time in commit order (`seq`): only the oldest undelivered row of a
 * channel — its head — is ever claimed.
 */
import type { DbClient } from '../db/transaction.ts';

export interface OutboundInput {
  committeeId: string;
  channelId: string;
  text: string;
  blocks?: unknown[];
}

export interface OutboundRow {
  id: string;
  channelId: string;
  text: string;
  blocks: unknown;
  status: string;
  attempts: number;
  outcomeUnknown: boolean;
  createdAt: Date;
}

const UNDELIVERED = ['pending', 'sending'] as const;

/**
 * Written inside the transaction of the change it announces. The per-channel advisory lock (held to
 * commit) makes `seq` order equal commit order for the channel, whatever else the transaction does.
 */
export async function addOutbound(db: DbClient, m: OutboundInput): Promise<string> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`outbox:${m.channelId}`}, 0))`;
  const row = await db.outboundMessage.create({
    data: { committeeId: m.committeeId, channelId: m.channelId, text: m.text, blocks: m.blocks ? (m.blocks as object[]) : undefined },
    select: { id: true },
  });
  return row.id;
}

export function getOutbound(db: DbClient, id: string) {
  return db.outboundMessage.findUnique({ where: { id }, select: { id: true, channelId: true, status: true } });
}

/** The oldest undelivered row of a channel (pending, or sending = in flight), if any. */
export function channelHead(db: DbClient, channelId: string) {
  return db.outboundMessage.findFirst({
    where: { channelId, status: { in: [...UNDELIVERED] } },
    orderBy: { seq: 'asc' },
    select: { id: true, status: true },
  });
}

/**
 * Claims the channel's head for delivery if it is pending. At most one row per channel is in flight:
 * a concurrent claimer finds the head no longer pending and gets nothing.
 */
export async function claimHead(db: DbClient, channelId: string): Promise<OutboundRow | undefined> {
  const head = await channelHead(db, channelId);
  if (!head || head.status !== 'pending') return undefined;
  const r = await db.outboundMessage.updateMany({ where: { id: head.id, status: 'pending' }, data: { status: 'sending', attempts: { increment: 1 } } });
  if (r.count !== 1) return undefined;
  return db.outboundMessage.findUniqueOrThrow({
    where: { id: head.id },
    select: { id: true, channelId: true, text: true, blocks: true, status: true, attempts: true, outcomeUnknown: true, createdAt: true },
  });
}

/** Renews the claim right before the Slack call, so the lease counts from there. */
export function touchClaim(db: DbClient, id: string) {
  return db.outboundMessage.updateMany({ where: { id, status: 'sending' }, data: { updatedAt: new Date() } });
}

export function markSent(db: DbClient, id: string, slackTs: string) {
  return db.outboundMessage.update({ where: { id }, data: { status: 'sent', slackTs, sentAt: new Date(), lastError: null, outcomeUnknown: false } });
}

/** Back to pending; `outcomeUnknown` when the call may have reached Slack (look before posting again). */
export function releaseOutbound(db: DbClient, id: string, lastError: string, outcomeUnknown = false) {
  return db.outboundMessage.update({ where: { id }, data: { status: 'pending', lastError, ...(outcomeUnknown ? { outcomeUnknown: true } : {}) } });
}

export function markFailed(db: DbClient, id: string, lastError: string) {
  return db.outboundMessage.update({ where: { id }, data: { status: 'failed', lastError } });
}

/**
 * Rows left in `sending` longer than the lease belong to a worker that died mid-post: back to pending,
 * marked outcome-unknown (the post may have reached Slack). Returns how many.
 */
export async function recoverExpiredClaims(db: DbClient, stuckBefore: Date): Promise<number> {
  const r = await db.outboundMessage.updateMany({
    where: { status: 'sending', updatedAt: { lt: stuckBefore } },
    data: { status: 'pending', outcomeUnknown: true, lastError: 'interrupted' },
  });
  return r.count;
}

/** The head of every channel that has undelivered rows and nothing in flight: what to (re)schedule. */
export async function pendingHeads(db: DbClient): Promise<Array<{ id: string; attempts: number }>> {
  const rows = await db.$queryRaw<Array<{ id: string; status: string; attempts: number }>>`
    SELECT DISTINCT ON ("channelId") id, status::text AS status, attempts
    FROM "OutboundMessage"
    WHERE status IN ('pending', 'sending')
    ORDER BY "channelId", seq`;
  return rows.filter((r) => r.status === 'pending').map(({ id, attempts }) => ({ id, attempts }));
}
