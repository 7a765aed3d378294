/**
 * Delivers outbox rows with chat.postMessage. A job drives its row's channel forward by one message:
 * it claims the channel's head (the oldest undelivered row, so a channel's messages go out in commit
 * order and one at a time, across all workers), waits for the channel's 1-message-per-second slot
 * (slack-platform.md §5), posts, and schedules the next head. On HTTP 429 the channel waits Retry-After.
 * Every message carries metadata naming its row; when an earlier attempt may have reached Slack (a
 * worker died mid-post, a call failed half-way), the channel's history is searched first and a message
 * found there is recorded instead of posted again.
 */
import { DelayedError, UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { Db } from '../src/db/database.ts';
import { channelHead, claimHead, getOutbound, markFailed, markSent, releaseOutbound, touchClaim, type OutboundRow } from '../src/outbox/outbox-repository.ts';
import { describeError, type Logger } from '../src/logger.ts';
import { enqueueDeliveries } from './queue.ts';
import { findPostedMessage, outboundMetadata } from './posted-message.ts';

export const deliverPayload = z.object({ outboundId: z.uuid() });

export const CHANNEL_INTERVAL_MS = 1000;
/** Slack errors that retrying cannot fix. */
const PERMANENT = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'invalid_blocks', 'msg_too_long', 'no_text', 'invalid_auth', 'account_inactive', 'restricted_action', 'invalid_metadata_format', 'invalid_metadata_schema']);

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
  // Nothing left, or the head is in flight with another worker (which schedules the next one).
  const head = await channelHead(deps.db, channelId);
  if (!head || head.status !== 'pending') return;

  // One message per second per channel, across all workers; also holds a channel back after a 429.
  const slot = await deps.redis.set(slotKey(deps, channelId), '1', 'PX', CHANNEL_INTERVAL_MS, 'NX');
  if (slot !== 'OK') return delay(job, token, Math.max(await deps.redis.pttl(slotKey(deps, channelId)), 50));
  const claimed = await claimHead(deps.db, channelId);
  if (!claimed) return;

  const outcome = await send(deps, claimed, job);
  if (outcome.kind === 'ratelimited') {
    await deps.redis.set(slotKey(deps, channelId), '1', 'PX', outcome.retryAfterMs);
    return delay(job, token, outcome.retryAfterMs);
  }
  if (outcome.kind === 'retry') throw new Error(`delivery failed: ${outcome.reason}`);
  await scheduleNext(deps, channelId, claimed.id);
  if (outcome.kind === 'failed') throw new UnrecoverableError(outcome.reason);
}

type Outcome = { kind: 'sent' } | { kind: 'failed'; reason: string } | { kind: 'ratelimited'; retryAfterMs: number } | { kind: 'retry'; reason: string };

async function send(deps: DeliverDeps, row: OutboundRow, job: Job): Promise<Outcome> {
  const { db, client, logger } = deps;
  if (row.outcomeUnknown) {
    const found = await findPostedMessage(client, row).catch((err: unknown) => {
      logger.warn({ outboundId: row.id, ...describeError(err) }, 'could not search the channel for an earlier post; posting');
      return undefined;
    });
    if (found) {
      await markSent(db, row.id, found);
      logger.info({ outboundId: row.id, channel: row.channelId }, 'message had reached Slack before; recorded, not posted again');
      return { kind: 'sent' };
    }
  }
  await touchClaim(db, row.id);
  try {
    const res = await client.chat.postMessage({
      channel: row.channelId,
      text: row.text,
      ...(row.blocks ? { blocks: row.blocks as KnownBlock[] } : {}),
      unfurl_links: false,
      metadata: outboundMetadata(row.id),
    });
    await markSent(db, row.id, String(res.ts));
    logger.info({ outboundId: row.id, channel: row.channelId, jobId: job.id }, 'message delivered');
    return { kind: 'sent' };
  } catch (err) {
    const e = err as { code?: string; retryAfter?: number; data?: { error?: string } };
    if (e.code === ErrorCode.RateLimitedError) {
      await releaseOutbound(db, row.id, 'ratelimited');
      logger.warn({ outboundId: row.id, retryAfter: e.retryAfter }, 'rate limited by Slack; waiting Retry-After');
      return { kind: 'ratelimited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
    }
    const slackError = e.code === ErrorCode.PlatformError ? (e.data?.error ?? 'unknown') : undefined;
    if (slackError && PERMANENT.has(slackError)) {
      await markFailed(db, row.id, slackError);
      logger.error({ outboundId: row.id, slackError }, 'message refused by Slack');
      return { kind: 'failed', reason: slackError };
    }
    // A timeout, a dropped connection, a 5xx or an internal_error may each have posted the message.
    const reason = slackError ?? e.code ?? 'network';
    await releaseOutbound(db, row.id, reason, true);
    return { kind: 'retry', reason };
  }
}

/** After a message is settled (sent or failed), the channel's next head gets a job of its own. */
async function scheduleNext(deps: DeliverDeps, channelId: string, settledId: string): Promise<void> {
  const next = await channelHead(deps.db, channelId);
  if (!next || next.status !== 'pending') return;
  await enqueueDeliveries(deps.queue, [next.id], { after: settledId, delayMs: CHANNEL_INTERVAL_MS }).catch((err: unknown) =>
    deps.logger.warn({ channel: channelId, ...describeError(err) }, 'could not schedule the next message; the reconciler will'),
  );
}
