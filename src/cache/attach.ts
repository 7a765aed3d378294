/**
 * Which database handle has a committee cache: set once at startup (`runtime.ts`), looked up by scope
 * resolution, list views and `writeCommittee`. A handle without one reads the database every time.
 */
import type { CommitteeCache } from './committee-cache.ts';

const caches = new WeakMap<object, CommitteeCache>();

export function attachCommitteeCache(db: object, cache: CommitteeCache): void {
  caches.set(db, cache);
}

export function detachCommitteeCache(db: object): void {
  caches.delete(db);
}

export function committeeCacheOf(db: object): CommitteeCache | undefined {
  return caches.get(db);
}

/** After a committed change of the committee: drop what this process and the others cached about it. */
export async function invalidateCommittee(db: object, committeeId: string): Promise<void> {
  await caches.get(db)?.invalidate(committeeId);
}

/** A list view of the scope's committee, from the cache when there is a fresh copy. `key` names the view and everything it depends on. */
export function cachedRead<T>(scope: { db: object; committee: { id: string } }, key: string, load: () => Promise<T>): Promise<T> {
  const cache = caches.get(scope.db);
  return cache ? cache.read(scope.committee.id, `view:${key}`, load) : load();
}

/** A quarter of an hour of `now` in UTC: every zone's day changes on such a boundary, so a view keyed by it sees one "today" per zone. */
export function quarterHour(now: Date): number {
  return Math.floor(now.getTime() / 900_000);
}
