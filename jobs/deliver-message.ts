/**
 * Delivers outbox rows with chat.postMessage. The job of a channel's head drives the channel forward by one
 * message: it claims the head (the oldest undelivered row, so a channel's messages go out in commit
 * order and one at a time, across all workers), waits for the channel's 1-message-per-second slot
 * (slack-platform.md §5), posts, and schedules the next head. Slack's limits are per method per workspace:
 * an HTTP 429 holds the method (chat.postMessage or chat.update) for the whole workspace until Retry-After
 * has passed, and every delivery to that workspace waits for the end of the hold instead of calling Slack.
 * Every message carries metadata naming its row; when an earlier attempt may have reached Slack (a
 * worker died mid-post, a call failed half-way), the channel's history is searched first and a message
 * found there is recorded instead of posted again. A direct message goes to the bot's DM with its
 * recipient (or, refused, to its fallback channel); an edit row updates an earlier row's message.
 */
import { DelayedError, UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { Db } from '../src/db/database.ts';
import { addDirectMessage, channelHead, claimHead, getOutbound, markFailed, markSent, postedMessage, releaseOutbound, touchClaim, type OutboundRow } from '../src/outbox/outbox-repository.ts';
import { markRemindersDelivered, markRemindersFailed } from '../src/reminders/reminder-repository.ts';
import { usersWithRoles } from '../src/committees/member-repository.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { reminderFailedNotice } from '../src/slack/blocks/reminders.ts';
import { describeError, type Logger } from '../src/logger.ts';
import { enqueueDeliveries } from './queue.ts';
import { findPostedMessage, outboundMetadata } from './posted-message.ts';
import { conversationOf, DM_REFUSED, forgetDm, rememberDm, resolveTarget, type Target } from './message-target.ts';
import { heldFor, heldMethodOf, hold } from './workspace-hold.ts';

export const deliverPayload = z.object({ outboundId: z.uuid() });

export const CHANNEL_INTERVAL_MS = 1000;
/** Jobs waiting out a workspace hold wake spread over this long, not all in the same millisecond. */
const HOLD_SPREAD_MS = 200;
/** Slack errors that retrying cannot fix. */
const PERMANENT = new Set([
  'channel_not_found', 'not_in_channel', 'is_archived', 'invalid_blocks', 'msg_too_long', 'no_text', 'invalid_auth', 'account_inactive',
  'restricted_action', 'invalid_metadata_format', 'invalid_metadata_schema', 'message_not_found', 'cant_update_message', 'edit_window_closed',
  ...DM_REFUSED,
]);

export interface DeliverDeps {
  db: Db;
  redis: Redis;
  queue: Queue;
  keyPrefix: string;
  client: WebClient;
  logger: Logger;
}

async function delay(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token);
  throw new DelayedError();
}

const slotKey = (deps: DeliverDeps, channelId: string) => `${deps.keyPrefix}:channel-slot:${channelId}`;

export async function deliverMessage(deps: DeliverDeps, job: Job, token?: string): Promise<void> {
  const parsed = deliverPayload.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError('invalid payload');
  const row = await getOutbound(deps.db, parsed.data.outboundId);
  if (!row) return;
  const { channelId } = row;
  // Nothing left, or the head is in flight with another worker (which schedules the next one), or this
  // row waits behind the head: the head's own job moves the channel on and then queues the next head (a
  // head left without a job is queued by the reconciler), so waiting rows cost no job runs.
  const head = await channelHead(deps.db, channelId);
  if (!head || head.status !== 'pending' || head.id !== row.id) return;
  // Slack refused this method for the workspace a moment ago: wait for the end of the hold, not for a 429.
  const workspace = await heldMethodOf(deps.db, head.id);
  const held = workspace ? await heldFor(deps.redis, deps.keyPrefix, workspace.teamId, workspace.method) : 0;
  if (held > 0) return delay(job, token, held + Math.floor(Math.random() * HOLD_SPREAD_MS));

  // One message per second per channel, across all workers; also holds a channel back after a 429.
  const slot = await deps.redis.set(slotKey(deps, channelId), '1', 'PX', CHANNEL_INTERVAL_MS, 'NX');
  if (slot !== 'OK') return delay(job, token, Math.max(await deps.redis.pttl(slotKey(deps, channelId)), 50));
  const claimed = await claimHead(deps.db, channelId);
  if (!claimed) return;

  const outcome = await send(deps, claimed, job);
  if (outcome.kind === 'ratelimited') {
    // Held for the whole workspace (the channel too: Slack also limits a channel on its own).
    if (workspace) await hold(deps.redis, deps.keyPrefix, workspace.teamId, claimed.updateOfId ? 'chat.update' : 'chat.postMessage', outcome.retryAfterMs);
    await deps.redis.set(slotKey(deps, channelId), '1', 'PX', outcome.retryAfterMs);
    return delay(job, token, outcome.retryAfterMs);
  }
  if (outcome.kind === 'retry') throw new Error(`delivery failed: ${outcome.reason}`);
  await scheduleNext(deps, channelId, claimed.id);
  if (outcome.kind === 'failed') throw new UnrecoverableError(outcome.reason);
}

type Outcome = { kind: 'sent' } | { kind: 'failed'; reason: string } | { kind: 'ratelimited'; retryAfterMs: number } | { kind: 'retry'; reason: string };

async function send(deps: DeliverDeps, row: OutboundRow, job: Job): Promise<Outcome> {
  if (row.updateOfId) return edit(deps, row, row.updateOfId);
  const target = resolveTarget(row);
  if (row.outcomeUnknown && (await alreadyPosted(deps, row, row.postedChannelId ?? target.channel))) return { kind: 'sent' };
  try {
    return await post(deps, row, job, target);
  } catch (err) {
    const reason = slackErrorOf(err);
    if (row.recipientUserId && reason && DM_REFUSED.has(reason)) forgetDm(deps.client, row.recipientUserId);
    if (!target.fallback || !reason || !DM_REFUSED.has(reason)) return failure(deps, row, err, true);
  }
  try {
    return await post(deps, row, job, target.fallback);
  } catch (err) {
    return failure(deps, row, err, true);
  }
}

async function post(deps: DeliverDeps, row: OutboundRow, job: Job, target: { channel: string; text: string; blocks?: KnownBlock[] }): Promise<Outcome> {
  await touchClaim(deps.db, row.id, target.channel);
  // A thread reply: its parent is an earlier row of the same channel, so it was delivered first.
  const parent = row.threadOfId ? await postedMessage(deps.db, row.threadOfId) : null;
  const res = await deps.client.chat.postMessage({
    channel: target.channel,
    ...(parent?.slackTs ? { thread_ts: parent.slackTs } : {}),
    text: target.text,
    ...(target.blocks ? { blocks: target.blocks } : {}),
    unfurl_links: false,
    metadata: outboundMetadata(row.id),
  });
  // A DM posted to the user id: Slack answers with the DM's D… id, recorded as where the message is.
  if (row.recipientUserId && target.channel === row.recipientUserId && res.channel) rememberDm(deps.client, row.recipientUserId, String(res.channel));
  await recordSent(deps, row.id, String(res.channel ?? target.channel), String(res.ts));
  deps.logger.info({ outboundId: row.id, channel: res.channel, jobId: job.id }, 'message delivered');
  return { kind: 'sent' };
}

/** chat.update of the message posted for an earlier row (always before it in the same order). */
async function edit(deps: DeliverDeps, row: OutboundRow, of: string): Promise<Outcome> {
  const target = await postedMessage(deps.db, of);
  if (!target || target.status === 'failed' || (target.status === 'sent' && !target.slackTs)) return failed(deps, row, 'original_not_posted');
  if (target.status !== 'sent' || !target.postedChannelId || !target.slackTs) {
    await releaseOutbound(deps.db, row.id, 'original_not_sent_yet');
    return { kind: 'retry', reason: 'original_not_sent_yet' };
  }
  try {
    await touchClaim(deps.db, row.id, target.postedChannelId);
    await deps.client.chat.update({ channel: target.postedChannelId, ts: target.slackTs, text: row.text, ...(row.blocks ? { blocks: row.blocks as KnownBlock[] } : {}) });
    await markSent(deps.db, row.id, target.slackTs, target.postedChannelId);
    return { kind: 'sent' };
  } catch (err) {
    // Editing twice gives the same message: no need to look before retrying.
    return failure(deps, row, err, false);
  }
}

/** The row and its reminders are recorded as sent together: a worker killed in between leaves neither half-done. */
function recordSent(deps: DeliverDeps, outboundId: string, channel: string, ts: string): Promise<void> {
  return inTransaction(deps.db, async (tx) => {
    await markSent(tx, outboundId, ts, channel);
    await markRemindersDelivered(tx, outboundId, channel, ts);
  });
}

async function alreadyPosted(deps: DeliverDeps, row: OutboundRow, channelOrUser: string): Promise<boolean> {
  const search = async () => {
    // A DM not yet answered for is searched in the bot's DM with the person (its D… id).
    const channel = await conversationOf(deps.client, channelOrUser);
    const ts = await findPostedMessage(deps.client, { ...row, channelId: channel });
    return ts ? { channel, ts } : undefined;
  };
  const found = await search().catch((err: unknown) => {
    deps.logger.warn({ outboundId: row.id, ...describeError(err) }, 'could not search the channel for an earlier post; posting');
    return undefined;
  });
  if (!found) return false;
  await recordSent(deps, row.id, found.channel, found.ts);
  deps.logger.info({ outboundId: row.id, channel: found.channel }, 'message had reached Slack before; recorded, not posted again');
  return true;
}

function slackErrorOf(err: unknown): string | undefined {
  const e = err as { code?: string; data?: { error?: string } };
  return e.code === ErrorCode.PlatformError ? (e.data?.error ?? 'unknown') : undefined;
}

async function failed(deps: DeliverDeps, row: OutboundRow, reason: string): Promise<Outcome> {
  await markFailed(deps.db, row.id, reason);
  deps.logger.error({ outboundId: row.id, slackError: reason }, 'message refused by Slack');
  await noticeFailedReminders(deps, row, reason);
  return { kind: 'failed', reason };
}

/** A reminder Slack refused for good: marked failed, and the secretariat is told once, by DM. */
async function noticeFailedReminders(deps: DeliverDeps, row: OutboundRow, reason: string): Promise<void> {
  const ids = await inTransaction(deps.db, async (tx) => {
    if ((await markRemindersFailed(tx, row.id, reason)).count === 0) return [];
    const notice = reminderFailedNotice(row.recipientUserId ?? row.channelId, Boolean(row.recipientUserId), reason);
    const secretariat = await usersWithRoles(tx, row.committeeId, ['secretariat']);
    return Promise.all(secretariat.map((userId) => addDirectMessage(tx, { committeeId: row.committeeId, userId, ...notice })));
  });
  await enqueueDeliveries(deps.queue, ids).catch(() => {});
}

/** What a failed Slack call means for the row. `mayHavePosted`: the call could have posted the message. */
async function failure(deps: DeliverDeps, row: OutboundRow, err: unknown, mayHavePosted: boolean): Promise<Outcome> {
  const e = err as { code?: string; retryAfter?: number };
  if (e.code === ErrorCode.RateLimitedError) {
    await releaseOutbound(deps.db, row.id, 'ratelimited');
    deps.logger.warn({ outboundId: row.id, retryAfter: e.retryAfter }, 'rate limited by Slack; waiting Retry-After');
    return { kind: 'ratelimited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
  }
  const slackError = slackErrorOf(err);
  if (slackError && PERMANENT.has(slackError)) return failed(deps, row, slackError);
  // A timeout, a dropped connection, a 5xx or an internal_error may each have posted the message.
  const reason = slackError ?? e.code ?? 'network';
  await releaseOutbound(deps.db, row.id, reason, mayHavePosted);
  return { kind: 'retry', reason };
}

/** After a message is settled (sent or failed), the channel's next head gets a job of its own. */
async function scheduleNext(deps: DeliverDeps, channelId: string, settledId: string): Promise<void> {
  const next = await channelHead(deps.db, channelId);
  if (!next || next.status !== 'pending') return;
  await enqueueDeliveries(deps.queue, [next.id], { after: settledId, delayMs: CHANNEL_INTERVAL_MS }).catch((err: unknown) =>
    deps.logger.warn({ channel: channelId, ...describeError(err) }, 'could not schedule the next message; the reconciler will'),
  );
}
