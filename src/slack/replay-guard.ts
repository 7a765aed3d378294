/**
 * Refuses a signed request seen before (same signature = same timestamp and body).
 * Markers live in Redis for 10 minutes (longer than the 5-minute signature window), shared by all web
 * replicas; if Redis is briefly unreachable an in-process map keeps the guarantee for this replica.
 *
 * Cost per request: a replay this replica saw is refused from its own map, without Redis. Every other
 * request waits for its Redis marker (SET NX: the first replica to set it wins), but the markers of the
 * requests that arrive in one turn of the event loop go out together, as one script call (one command,
 * one round trip, instead of one per request).
 */
import type { Redis } from 'ioredis';

const TTL_SECONDS = 600;

/** SET key 1 EX ttl NX for every key; 1 where it was set (first seen), 0 where it existed. */
const MARK_ALL = `local r = {}
for i, k in ipairs(KEYS) do r[i] = redis.call('SET', k, '1', 'EX', ARGV[1], 'NX') and 1 or 0 end
return r`;
const COMMAND = 'concordMarkFirstSeen';

type MarkingRedis = Redis & { [COMMAND](keyCount: number, ...args: (string | number)[]): Promise<number[]> };

export interface ReplayGuard {
  /** true the first time a signature is seen; false for a replay. */
  firstSeen(signature: string): Promise<boolean>;
}

export function createReplayGuard(redis: Redis | undefined, keyPrefix: string, nowMs: () => number = Date.now): ReplayGuard {
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

  if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { lua: MARK_ALL });
  const marking = redis as MarkingRedis;
  let batch: { key: string; resolve: (first: boolean) => void }[] = [];
  const flush = () => {
    const sent = batch;
    batch = [];
    const done = (results: readonly boolean[]) => sent.forEach((m, i) => m.resolve(results[i]!));
    const marked =
      sent.length === 1
        ? marking.set(sent[0]!.key, '1', 'EX', TTL_SECONDS, 'NX').then((r) => [r === 'OK'])
        : marking[COMMAND](sent.length, ...sent.map((m) => m.key), TTL_SECONDS).then((r) => r.map((v) => v === 1));
    // Redis unreachable: this replica's own map has already refused what it saw.
    marked.then(done, () => done(sent.map(() => true)));
  };
  /** Whether the marker was new in Redis; queued for the end of this turn of the event loop. */
  const markInRedis = (key: string) =>
    new Promise<boolean>((resolve) => {
      if (batch.length === 0) setImmediate(flush);
      batch.push({ key, resolve });
    });

  return {
    async firstSeen(signature) {
      if (!firstSeenLocally(signature)) return false;
      return markInRedis(`${keyPrefix}:replay:${signature}`);
    },
  };
}
