/** Redis connections for BullMQ and the web side. Redis holds timers and caches only; the database is the truth. */
import { Redis } from 'ioredis';
import { UserFacingStartupError } from '../src/errors.ts';
import type { Logger } from '../src/logger.ts';
import { withTimeout } from '../src/util/timeout.ts';

/** Workers need `maxRetriesPerRequest: null` (BullMQ); producers fail fast instead. */
export function createRedis(url: string, purpose: 'worker' | 'producer'): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: purpose === 'worker' ? null : 1,
    enableOfflineQueue: purpose === 'worker',
    connectTimeout: 3000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // Connection errors surface where a command fails (health shows `redis: down`) and as one line per
  // state change (reportRedisState); ioredis would otherwise print each reconnect attempt.
  redis.on('error', () => {});
  return redis;
}

/**
 * One log line when Redis goes away and one when it is back, however many reconnect attempts and
 * errors there are in between. `isDown()` lets error handlers of clients on this connection stay quiet.
 */
export function reportRedisState(redis: Redis, logger: Logger): { isDown(): boolean } {
  let down = false;
  // ioredis reconnects only after a connection it did not close on purpose (a shutdown does not count).
  redis.on('reconnecting', () => {
    if (down) return;
    down = true;
    logger.warn('Redis unreachable; retrying (timers wait, nothing is lost)');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('Redis reachable again');
  });
  return { isDown: () => down };
}

/** Connects once at startup; an unreachable Redis is one clear line, not a stack trace. */
export async function connectOrExplain(redis: Redis, url: string): Promise<void> {
  try {
    await withTimeout(redis.connect(), 4000);
    await redis.ping();
  } catch {
    redis.disconnect();
    const where = url.replace(/\/\/[^@/]*@/, '//***@');
    throw new UserFacingStartupError(
      `Redis is not reachable at ${where}. Start one (e.g. \`redis-server --daemonize yes\`) or set REDIS_URL.`,
    );
  }
}
