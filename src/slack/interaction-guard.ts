/**
 * Does a Slack interaction once: a retried event (same event_id, `x-slack-retry-num`) or a repeated
 * view_submission (same view, same values) is claimed once, in Redis (shared by every web replica) for
 * 10 minutes, with an in-process map while Redis is unreachable. A claim whose work failed is released,
 * so Slack's retry can do it.
 */
import type { RedisBatch } from '../util/redis-batch.ts';

const TTL_SECONDS = 600;

export interface InteractionGuard {
  /** true for the first claim of `key`; false while it is held. */
  claim(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
}

export function createInteractionGuard(redis: RedisBatch | undefined, keyPrefix: string, nowMs: () => number = Date.now): InteractionGuard {
  const local = new Map<string, number>();
  const claimLocally = (key: string): boolean => {
    const now = nowMs();
    if (local.size > 50_000) for (const [k, exp] of local) if (exp < now) local.delete(k);
    const exp = local.get(key);
    if (exp !== undefined && exp > now) return false;
    local.set(key, now + TTL_SECONDS * 1000);
    return true;
  };
  const redisKey = (key: string) => `${keyPrefix}:once:${key}`;
  return {
    async claim(key) {
      const locally = claimLocally(key);
      if (!redis) return locally;
      try {
        return (await redis.call('set', redisKey(key), '1', 'EX', TTL_SECONDS, 'NX')) === 'OK' && locally;
      } catch {
        return locally;
      }
    },
    async release(key) {
      local.delete(key);
      await redis?.call('del', redisKey(key)).catch(() => undefined);
    },
  };
}
