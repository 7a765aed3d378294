/**
 * Delivers one outbox row with chat.postMessage: claimed atomically first (never sent twice by two
 * workers), at most 1 message per second per channel (slack-platform.md §5), and on HTTP 429 the job
 * waits Retry-After and tries again — nothing lost, nothing duplicated.
 */
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { ErrorCode, type WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Db } from '../src/db/database.ts';
import { claimOutbound, getOutbound, markFailed, markSent, releaseOutbound } from '../src/outbox/outbox-repository.ts';
import type { Logger } from '../src/logger.ts';

export const deliverPayload = z.object({ outboundId: z.uuid() });

const CHANNEL_INTERVAL_MS = 1000;
/** Slack errors that retrying cannot fix. */
const PERMANENT = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'invalid_blocks', 'msg_too_long', 'no_text', 'invalid_auth', 'account_inactive', 'restricted_action']);

export interface DeliverDeps {
  db: Db;
  redis: Redis;
  keyPrefix: string;
  client: WebClient;
  logger: Logger;
}

async function delay(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token);
  throw new DelayedError();
}

export async function deliverMessage(deps: DeliverDeps, job: Job, token?: string): Promise<void> {
  const parsed = deliverPayload.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError('invalid payload');
  const { outboundId } = parsed.data;
  const row = await getOutbound(deps.db, outboundId);
  if (!row || row.status === 'sent' || row.status === 'failed') return;

  // One message per second per channel, across all workers.
  const slot = await deps.redis.set(`${deps.keyPrefix}:channel-slot:${row.channelId}`, '1', 'PX', CHANNEL_INTERVAL_MS, 'NX');
  if (slot !== 'OK') {
    const wait = Math.max(await deps.redis.pttl(`${deps.keyPrefix}:channel-slot:${row.channelId}`), 50);
    return delay(job, token, wait);
  }
  if (!(await claimOutbound(deps.db, outboundId))) return;

  try {
    const res = await deps.client.chat.postMessage({
      channel: row.channelId,
      text: row.text,
      ...(row.blocks ? { blocks: row.blocks as never } : {}),
      unfurl_links: false,
    });
    await markSent(deps.db, outboundId, String(res.ts));
    deps.logger.info({ outboundId, channel: row.channelId, jobId: job.id }, 'message delivered');
  } catch (err) {
    const e = err as { code?: string; retryAfter?: number; data?: { error?: string } };
    if (e.code === ErrorCode.RateLimitedError) {
      await releaseOutbound(deps.db, outboundId, 'ratelimited');
      deps.logger.warn({ outboundId, retryAfter: e.retryAfter }, 'rate limited by Slack; waiting Retry-After');
      return delay(job, token, Math.max(1, e.retryAfter ?? 1) * 1000);
    }
    const slackError = e.code === ErrorCode.PlatformError ? (e.data?.error ?? 'unknown') : undefined;
    if (slackError && PERMANENT.has(slackError)) {
      await markFailed(deps.db, outboundId, slackError);
      deps.logger.error({ outboundId, slackError }, 'message refused by Slack');
      throw new UnrecoverableError(slackError);
    }
    await releaseOutbound(deps.db, outboundId, slackError ?? e.code ?? 'network');
    throw new Error(`delivery failed: ${slackError ?? e.code ?? 'network'}`);
  }
}
