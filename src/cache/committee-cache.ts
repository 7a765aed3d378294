/**
 * What commands read about a committee without a query: the committee of a team, a caller's membership
 * and the list views, kept in this process and dropped at once by every write to the committee
 * (`invalidateCommittee`, called by `writeCommittee` after commit) — here directly, in other processes
 * through an `Invalidation` channel. Nothing is served while that channel is down (messages could be
 * missed), and nothing is kept longer than `ttlMs` (5 s) in any case. Writes never read from here: they
 * read the actor again inside their transaction. Without `attachCommitteeCache` (CLI, unit tests) every
 * read goes to the database.
 *
 * An entry read in the last part of its lifetime (past `REFRESH_AT` of the TTL) is served and reloaded
 * in the background (once), so under steady use no reader waits for the TTL's reload — that wait, with
 * 50 readers queued behind it, was the tail of the list views' latency. Such reloads run one at a time.
 * Nothing older than the TTL is ever served, and a reload under way when a change comes in is not kept.
 *
 * @example
 *   const orgs = await cachedRead(scope, 'org list', () => listCommitteeOrganizations(scope));
 */
import type { Invalidation } from './invalidation.ts';

export const CACHE_TTL_MS = 5000;
/** From this fraction of the TTL on, a read reloads the entry in the background. */
const REFRESH_AT = 0.6;
/** Above this many entries the cache starts over (a bound on memory, not a policy). */
const MAX_ENTRIES = 20_000;

interface Entry {
  value: unknown;
  at: number;
}

export interface CommitteeCache {
  /** `load()`'s result for `key` of committee `committeeId`, from memory when fresh. */
  read<T>(committeeId: string, key: string, load: () => Promise<T>): Promise<T>;
  /** A lookup that finds the committee id only once loaded (the committee of a team); null is never kept. */
  readUnscoped<T extends { id: string }>(key: string, load: () => Promise<T | null>): Promise<T | null>;
  /** Drops everything about the committee here and tells the other processes. */
  invalidate(committeeId: string): Promise<void>;
}

export function createCommitteeCache(invalidation: Invalidation, opts: { ttlMs?: number; now?: () => number } = {}): CommitteeCache {
  const ttlMs = opts.ttlMs ?? CACHE_TTL_MS;
  const now = opts.now ?? Date.now;
  const byCommittee = new Map<string, Map<string, Entry>>();
  const unscoped = new Map<string, Entry & { committeeId: string }>();
  /** Bumped by every invalidation: a load that started before one is not kept (it may have read old rows). */
  let epoch = 0;
  let size = 0;
  let live = false;
  const inFlight = new Map<string, { epoch: number; promise: Promise<unknown> }>();

  const clear = () => {
    byCommittee.clear();
    unscoped.clear();
    size = 0;
    epoch++;
  };
  const drop = (committeeId: string) => {
    epoch++;
    size -= byCommittee.get(committeeId)?.size ?? 0;
    byCommittee.delete(committeeId);
    for (const [k, e] of unscoped) if (e.committeeId === committeeId) unscoped.delete(k);
  };
  const fresh = (e: Entry | undefined): e is Entry => e !== undefined && now() - e.at < ttlMs;
  const keep = (started: number) => live && started === epoch;
  const room = () => {
    if (size + unscoped.size >= MAX_ENTRIES) clear();
  };

  invalidation.subscribe(drop, (isLive) => {
    live = isLive;
    clear(); // messages may have been missed while it was down
  });

  /** Loads and keeps `key`; concurrent loads share one, unless a change came in since it started (it may predate the change). */
  async function loadShared<T>(committeeId: string, key: string, load: () => Promise<T>): Promise<T> {
    const flightKey = `${committeeId}\0${key}`;
    const flying = inFlight.get(flightKey);
    if (live && flying && flying.epoch === epoch) return flying.promise as Promise<T>;
    const started = epoch;
    const promise = load();
    inFlight.set(flightKey, { epoch: started, promise });
    let value: T;
    try {
      value = await promise;
    } finally {
      if (inFlight.get(flightKey)?.promise === promise) inFlight.delete(flightKey);
    }
    if (keep(started)) {
      room();
      let bucket = byCommittee.get(committeeId);
      if (!bucket) byCommittee.set(committeeId, (bucket = new Map()));
      if (!bucket.has(key)) size++;
      bucket.set(key, { value, at: now() });
    }
    return value;
  }

  /**
   * Background reloads run one at a time. Entries loaded together (e.g. every Home after a start or a
   * change) age together; reloading them all at once put their rendering in one turn of the event loop
   * and every ack waited behind it. One after another, readers' requests run in between.
   */
  const backlog: (() => Promise<unknown>)[] = [];
  const queued = new Set<string>();
  let reloading = false;
  const pump = () => {
    const next = reloading ? undefined : backlog.shift();
    if (!next) return;
    reloading = true;
    next()
      .catch(() => {}) // a failed reload leaves the entry to expire
      .finally(() => {
        reloading = false;
        pump();
      });
  };
  function reloadLater<T>(committeeId: string, key: string, entry: Entry, load: () => Promise<T>): void {
    const flightKey = `${committeeId}\0${key}`;
    if (inFlight.has(flightKey) || queued.has(flightKey)) return;
    queued.add(flightKey);
    backlog.push(async () => {
      queued.delete(flightKey);
      // Not if, while it waited, a change dropped the entry or a reader loaded it again (or it expired).
      if (byCommittee.get(committeeId)?.get(key) !== entry || !fresh(entry)) return;
      await loadShared(committeeId, key, load);
    });
    pump();
  }

  return {
    async read<T>(committeeId: string, key: string, load: () => Promise<T>): Promise<T> {
      const hit = live ? byCommittee.get(committeeId)?.get(key) : undefined;
      if (fresh(hit)) {
        if (now() - hit.at >= ttlMs * REFRESH_AT) reloadLater(committeeId, key, hit, load);
        return hit.value as T;
      }
      return loadShared(committeeId, key, load);
    },
    async readUnscoped<T extends { id: string }>(key: string, load: () => Promise<T | null>): Promise<T | null> {
      const hit = live ? unscoped.get(key) : undefined;
      if (fresh(hit)) return hit.value as T;
      const started = epoch;
      const value = await load();
      if (value && keep(started)) {
        room();
        unscoped.set(key, { value, at: now(), committeeId: value.id });
      }
      return value;
    },
    async invalidate(committeeId: string) {
      drop(committeeId);
      await invalidation.publish(committeeId);
    },
  };
}
