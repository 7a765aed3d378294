/**
 * Refuses a signed request seen before (same signature = same timestamp and body).
 * Markers live in Redis for 10 minutes (longer than the 5-minute signature window), shared by all web
 * replicas; if Redis is briefly unreachable an in-process map keeps the guarantee for this replica.
 */
import type { Redis } from 'ioredis';

const TTL_SECONDS = 600;

export interface ReplayGuard {
  /** true the first time a signature is seen; false for a replay. */
  firstSeen(signature: string): Promise<boolean>;
}

export function createReplayGuard(redis: Redis | undefined, keyPrefix: string, nowMs: () => number = Date.now): ReplayGuard {
  const local = new Map<string, number>();
  const firstSeenLocally = (signature: string): boolean => {
    const now = nowMs();
    if (local.size > 50_000) for (const [k, exp] of local) if (exp < now) local.delete(k);
    const exp = local.get(signature);
    if (exp !== undefined && exp > now) return false;
    local.set(signature, now + TTL_SECONDS * 1000);
    return true;
  };
  return {
    async firstSeen(signature) {
      const locallyNew = firstSeenLocally(signature);
      if (!redis) return locallyNew;
      try {
        const set = await redis.set(`${keyPrefix}:replay:${signature}`, '1', 'EX', TTL_SECONDS, 'NX');
        return set === 'OK' && locallyNew;
      } catch {
        return locallyNew;
      }
    },
  };
}
