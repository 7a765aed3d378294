/**
 * Slack's rate limits apply per API method per workspace per app (slack-platform.md §5): an HTTP 429 with
 * Retry-After for chat.postMessage refuses that method for the whole workspace until then, whichever
 * channel asked. So a 429 holds the method for the workspace, in Redis (all workers see it), until
 * Retry-After has passed; a delivery to any channel of that workspace waits for the end of the hold
 * instead of calling Slack and being refused too. Each method has its own limit, so its own hold
 * (chat.update for an edit row).
 */
import type { Redis } from 'ioredis';
import type { Db } from '../src/db/database.ts';
import { deliveryWorkspace } from '../src/outbox/outbox-repository.ts';

export type HeldMethod = 'chat.postMessage' | 'chat.update';

const holdKey = (keyPrefix: string, teamId: string, method: HeldMethod) => `${keyPrefix}:slack-hold:${teamId}:${method}`;

/** Milliseconds left of the workspace's hold on `method` (0: none). */
export async function heldFor(redis: Redis, keyPrefix: string, teamId: string, method: HeldMethod): Promise<number> {
  return Math.max(0, await redis.pttl(holdKey(keyPrefix, teamId, method)));
}

/** Holds `method` for the workspace for `ms` (a longer hold already set is kept). */
export async function hold(redis: Redis, keyPrefix: string, teamId: string, method: HeldMethod, ms: number): Promise<void> {
  const key = holdKey(keyPrefix, teamId, method);
  if ((await redis.pttl(key)) < ms) await redis.set(key, '1', 'PX', ms);
}

/** The workspace (its committee's team id) and the method an outbox row is delivered with. */
export async function heldMethodOf(db: Db, outboundId: string): Promise<{ teamId: string; method: HeldMethod } | undefined> {
  const w = await deliveryWorkspace(db, outboundId);
  return w ? { teamId: w.teamId, method: w.isUpdate ? 'chat.update' : 'chat.postMessage' } : undefined;
}
