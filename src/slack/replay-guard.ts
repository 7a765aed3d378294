/**
 * Refuses a signed request seen before (same signature = same timestamp and body).
 * Markers live in Redis for 10 minutes (longer than the 5-minute signature window), shared by all web
 * replicas; if Redis is briefly unreachable an in-process map keeps the guarantee for this replica.
 *
 * Cost per request: a replay this replica saw is refused from its own map, without Redis. Every other
 * request waits for its Redis marker (SET NX: the first replica to set it wins); the markers of requests
 * arriving together go to Redis in one pipeline (`util/redis-batch.ts`).
 */
import type { RedisBatch } from '../util/redis-batch.ts';

const TTL_SECONDS = 600;

export interface ReplayGuard {
  /** true the first time a signature is seen; false for a replay. */
  firstSeen(signature: string): Promise<boolean>;
}

export function createReplayGuard(redis: RedisBatch | undefined, keyPrefix: string, nowMs: () => number = Date.now): ReplayGuard {
  /**
   * signature → expiry (ms). Every marker lives TTL_SECONDS, so the map's insertion order is its expiry
   * order: expired markers are dropped from the front, a few per request, never by a scan of the whole
   * map (at 2,000 requests a second the map holds over a million markers, and a scan per request blocked
   * the event loop). A marker set again after it expired moves to the back.
   */
  const local = new Map<string, number>();
  const firstSeenLocally = (signature: string): boolean => {
    const now = nowMs();
    for (const [k, exp] of local) {
      if (exp > now) break;
      local.delete(k);
    }
    const exp = local.get(signature);
    if (exp !== undefined && exp > now) return false;
    local.delete(signature);
    local.set(signature, now + TTL_SECONDS * 1000);
    return true;
  };
  if (!redis) return { firstSeen: async (signature) => firstSeenLocally(signature) };
  /** Whether the marker was new in Redis; Redis unreachable: this replica's own map has already refused what it saw. */
  const markInRedis = (key: string) =>
    redis.call('set', key, '1', 'EX', TTL_SECONDS, 'NX').then(
      (r) => r === 'OK',
      () => true,
    );

  return {
    async firstSeen(signature) {
      if (!firstSeenLocally(signature)) return false;
      return markInRedis(`${keyPrefix}:replay:${signature}`);
    },
  };
}
