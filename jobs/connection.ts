/** Redis connections for BullMQ and the web side. Redis holds timers and caches only; the database is the truth. */
import { Redis } from 'ioredis';
import { UserFacingStartupError } from '../src/errors.ts';

/** Workers need `maxRetriesPerRequest: null` (BullMQ); producers fail fast instead. */
export function createRedis(url: string, purpose: 'worker' | 'producer'): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: purpose === 'worker' ? null : 1,
    enableOfflineQueue: purpose === 'worker',
    connectTimeout: 3000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // Connection errors surface where a command fails (health shows `redis: down`); ioredis would
  // otherwise print each reconnect attempt as an unhandled error.
  redis.on('error', () => {});
  return redis;
}

/** Connects once at startup; an unreachable Redis is one clear line, not a stack trace. */
export async function connectOrExplain(redis: Redis, url: string): Promise<void> {
  try {
    await Promise.race([
      redis.connect(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 4000)),
    ]);
    await redis.ping();
  } catch {
    redis.disconnect();
    const where = url.replace(/\/\/[^@/]*@/, '//***@');
    throw new UserFacingStartupError(
      `Redis is not reachable at ${where}. Start one (e.g. \`redis-server --daemonize yes\`) or set REDIS_URL.`,
    );
  }
}
