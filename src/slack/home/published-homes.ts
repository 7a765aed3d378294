/**
 * Publishes a person's Home only when it differs from the one last published to them. Opening the Home
 * tab sends `app_home_opened` every time; republishing an identical view costs a `views.publish` call
 * (Tier 4: about 100 a minute per workspace) and CPU for nothing. A digest of the last published view
 * is kept per (workspace, user) in Redis, shared by every web replica, for 24 hours:
 *
 * - `SET key digest GET` in one round trip (batched with other requests' commands, `util/redis-batch.ts`):
 *   the old digest equal to the new one → nothing to publish; otherwise the new digest is already stored,
 *   the view is published, and on a failed publish the key is deleted (the next open publishes again).
 * - Redis unreachable or slow → publish (a Home too many, never one too few).
 * - In this process one person's Homes are built and published one after another, so a Home built from
 *   older data never overtakes a newer one. (Two replicas publishing to the same person at the same
 *   instant can still finish out of order; the next change or open with other content heals it.)
 *
 * A change (a button, a modal, a command) rebuilds the Home from fresh data: its digest differs and it
 * is published. A retried `app_home_opened` needs no claim of its own: it builds the same Home, which
 * is then not published again.
 */
import { createHash } from 'node:crypto';
import type { RedisBatch } from '../../util/redis-batch.ts';
import { withTimeout } from '../../util/timeout.ts';

const TTL_SECONDS = 24 * 60 * 60;
const REDIS_TIMEOUT_MS = 300;

export interface HomeOwner {
  teamId: string;
  enterpriseId: string;
  userId: string;
}

export interface PublishedHomes {
  /**
   * Builds the person's Home and publishes it unless it is the one last published to them.
   * Resolves true when published, false when skipped; a failed build or publish rejects.
   */
  publish<V extends object>(owner: HomeOwner, build: () => Promise<V>, publish: (view: V) => Promise<unknown>): Promise<boolean>;
}

const digests = new WeakMap<object, string>();

/**
 * A short digest of a view's whole content (blocks, callback_id, private_metadata …). Views are not
 * changed once built, so the digest of one object is computed once (a Home served from the committee
 * cache is the same object until a change or the cache's TTL).
 */
export function homeDigest(view: object): string {
  let digest = digests.get(view);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(view)).digest('base64url').slice(0, 22);
    digests.set(view, digest);
  }
  return digest;
}

export function createPublishedHomes(redis: RedisBatch | undefined, keyPrefix: string): PublishedHomes {
  const queues = new Map<string, Promise<unknown>>();
  const keyOf = (o: HomeOwner) => `${keyPrefix}:home:${o.enterpriseId}:${o.teamId}:${o.userId}`;

  /** The digest stored before, after storing `digest`; undefined when Redis could not tell. */
  async function swap(key: string, digest: string): Promise<string | null | undefined> {
    if (!redis) return undefined;
    try {
      return (await withTimeout(redis.call('set', key, digest, 'EX', TTL_SECONDS, 'GET'), REDIS_TIMEOUT_MS)) as string | null;
    } catch {
      return undefined;
    }
  }

  async function publishOnce<V extends object>(owner: HomeOwner, build: () => Promise<V>, publish: (view: V) => Promise<unknown>): Promise<boolean> {
    const view = await build();
    const digest = homeDigest(view);
    const key = keyOf(owner);
    if ((await swap(key, digest)) === digest) return false;
    try {
      await publish(view);
    } catch (err) {
      await redis?.call('del', key).catch(() => undefined);
      throw err;
    }
    return true;
  }

  return {
    publish(owner, build, publish) {
      const key = keyOf(owner);
      const before = queues.get(key) ?? Promise.resolve();
      const mine = before.catch(() => undefined).then(() => publishOnce(owner, build, publish));
      queues.set(key, mine);
      const forget = () => {
        if (queues.get(key) === mine) queues.delete(key);
      };
      mine.then(forget, forget);
      return mine;
    },
  };
}
