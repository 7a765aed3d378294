/**
 * The outbox: messages to post, written in the transaction of the change they announce. Rows of one
 * channel are delivered one at a time in commit order (`seq`): only the oldest undelivered row of a
 * channel — its head — is ever claimed.
 */
import type { DbClient } from '../db/transaction.ts';
import { rowStamp } from '../db/row-stamp.ts';

export interface OutboundInput {
  committeeId: string;
  channelId: string;
  text: string;
  blocks?: unknown[];
}

export interface DirectMessageInput {
  committeeId: string;
  userId: string;
  text: string;
  blocks?: unknown[];
  /** Where the message goes instead, mentioning the user, if Slack refuses the DM; none → the row fails. */
  fallbackChannelId?: string;
}

export interface MessageUpdateInput {
  committeeId: string;
  /** The outbox row whose posted message to edit. */
  of: string;
  text: string;
  blocks?: unknown[];
}

export interface OutboundRow {
  id: string;
  committeeId: string;
  channelId: string;
  text: string;
  blocks: unknown;
  status: string;
  attempts: number;
  outcomeUnknown: boolean;
  recipientUserId: string | null;
  fallbackChannelId: string | null;
  updateOfId: string | null;
  threadOfId: string | null;
  postedChannelId: string | null;
  createdAt: Date;
}

const ROW_FIELDS = {
  id: true,
  committeeId: true,
  channelId: true,
  text: true,
  blocks: true,
  status: true,
  attempts: true,
  outcomeUnknown: true,
  recipientUserId: true,
  fallbackChannelId: true,
  updateOfId: true,
  threadOfId: true,
  postedChannelId: true,
  createdAt: true,
} as const;

const UNDELIVERED = ['pending', 'sending'] as const;

/**
 * Written inside the transaction of the change it announces. The per-channel advisory lock (held to
 * commit) makes `seq` order equal commit order for the channel, whatever else the transaction does.
 */
export async function addOutbound(db: DbClient, m: OutboundInput & { recipientUserId?: string; fallbackChannelId?: string; updateOfId?: string; threadOfId?: string }): Promise<string> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`outbox:${m.channelId}`}, 0))`;
  const row = await db.outboundMessage.create({
    data: {
      committeeId: m.committeeId,
      channelId: m.channelId,
      text: m.text,
      blocks: m.blocks ? (m.blocks as object[]) : undefined,
      recipientUserId: m.recipientUserId,
      fallbackChannelId: m.fallbackChannelId,
      updateOfId: m.updateOfId,
      threadOfId: m.threadOfId,
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * Many rows in one statement, for a writer that must never wait for a channel (the reminder sweep, which
 * holds a batch of claims): each channel's advisory lock is only tried. Rows of a channel whose lock another
 * transaction holds are not written (undefined in the answer), so such a writer can never be part of a lock
 * cycle; the rest keep the rule above (lock held to commit, `seq` in the given order). A direct message's
 * channel is its recipient's user id, as in `addDirectMessage`.
 */
export async function addOutboundUnlessBusy(db: DbClient, rows: Array<OutboundInput & { recipientUserId?: string; fallbackChannelId?: string }>): Promise<Array<string | undefined>> {
  if (!rows.length) return [];
  const channels = [...new Set(rows.map((r) => r.channelId))];
  const tried = await db.$queryRaw<Array<{ channel: string; locked: boolean }>>`
    SELECT k AS channel, pg_try_advisory_xact_lock(hashtextextended('outbox:' || k, 0)) AS locked FROM unnest(${channels}::text[]) AS k`;
  const locked = new Set(tried.filter((t) => t.locked).map((t) => t.channel));
  const ids = rows.map((r) => (locked.has(r.channelId) ? crypto.randomUUID() : undefined));
  const data = rows.flatMap((m, i) =>
    ids[i]
      ? [{ id: ids[i], committeeId: m.committeeId, channelId: m.channelId, text: m.text, blocks: m.blocks ? (m.blocks as object[]) : undefined, recipientUserId: m.recipientUserId, fallbackChannelId: m.fallbackChannelId }]
      : [],
  );
  if (data.length) await db.outboundMessage.createMany({ data });
  return ids;
}

/** A direct message to one person, in order with their other DMs (the user id is the order key). */
export function addDirectMessage(db: DbClient, m: DirectMessageInput): Promise<string> {
  return addOutbound(db, { committeeId: m.committeeId, channelId: m.userId, recipientUserId: m.userId, fallbackChannelId: m.fallbackChannelId, text: m.text, blocks: m.blocks });
}

/** Edits a message already queued or posted (e.g. "✅ Done by …"), after it in the same order. */
export async function addMessageUpdate(db: DbClient, m: MessageUpdateInput): Promise<string> {
  const target = await db.outboundMessage.findUniqueOrThrow({ where: { id: m.of }, select: { channelId: true } });
  return addOutbound(db, { committeeId: m.committeeId, channelId: target.channelId, updateOfId: m.of, text: m.text, blocks: m.blocks });
}

/** Where and as which message a row was posted (for later edits), once sent. */
export function postedMessage(db: DbClient, id: string) {
  return db.outboundMessage.findUnique({ where: { id }, select: { status: true, postedChannelId: true, slackTs: true } });
}

/** The workspace (its committee's team id) a row is delivered to, and whether it edits an earlier message. */
export async function deliveryWorkspace(db: DbClient, id: string): Promise<{ teamId: string; isUpdate: boolean } | undefined> {
  const row = await db.outboundMessage.findUnique({ where: { id }, select: { updateOfId: true, committee: { select: { teamId: true } } } });
  return row ? { teamId: row.committee.teamId, isUpdate: row.updateOfId !== null } : undefined;
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
  return db.outboundMessage.findUniqueOrThrow({ where: { id: head.id }, select: ROW_FIELDS });
}

/** Renews the claim right before the Slack call (the lease counts from there) and notes where it posts. */
export function touchClaim(db: DbClient, id: string, postedChannelId: string) {
  return db.outboundMessage.updateMany({ where: { id, status: 'sending' }, data: { updatedAt: rowStamp(), postedChannelId } });
}

export function markSent(db: DbClient, id: string, slackTs: string, postedChannelId: string) {
  return db.outboundMessage.update({ where: { id }, data: { status: 'sent', slackTs, postedChannelId, sentAt: rowStamp(), lastError: null, outcomeUnknown: false } });
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
