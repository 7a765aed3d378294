/**
 * For tools that change committee data outside Concord's own processes (the calendar import, the seed):
 * tells the running Concord processes, on the Redis channel their committee caches listen on
 * (`jobs/redis-invalidation.ts`, under REDIS_PREFIX), that these committees changed, so the next command
 * in any process reads the new data. Redis unreachable: the change stands, and the tool says that running
 * processes show it within their cache's lifetime (30 s).
 */
import type { Config } from '../config.ts';
import { createRedis } from '../../jobs/connection.ts';
import { invalidationChannel } from '../../jobs/redis-invalidation.ts';
import { CACHE_TTL_MS } from '../cache/committee-cache.ts';
import { withTimeout } from '../util/timeout.ts';

const TIMEOUT_MS = 3000;

/** Publishes one invalidation per committee; returns a line to print when that failed, else null. */
export async function announceCommitteeChanges(config: Config, committeeIds: readonly string[]): Promise<string | null> {
  if (committeeIds.length === 0) return null;
  const redis = createRedis(config.redisUrl, 'producer');
  try {
    await withTimeout(redis.connect(), TIMEOUT_MS);
    for (const id of committeeIds) await withTimeout(redis.publish(invalidationChannel(config.redisPrefix), id), TIMEOUT_MS);
    return null;
  } catch {
    const where = config.redisUrl.replace(/\/\/[^@/]*@/, '//***@');
    return `Note: Redis is not reachable at ${where}, so running Concord processes were not told of the change; they show it within ${CACHE_TTL_MS / 1000} s.`;
  } finally {
    redis.disconnect();
  }
}
