/**
 * What commands read about a committee without a query: the committee of a team, a caller's membership
 * and the list views, kept in this process and dropped at once by every write to the committee
 * (`invalidateCommittee`, called by `writeCommittee` after commit) — here directly, in other processes
 * through an `Invalidation` channel. Nothing is served while that channel is down (messages could be
 * missed), and nothing is kept longer than `ttlMs` (30 s) in any case: the bound on a view's age after a
 * change that reached the database without telling the others (a tool run with Redis unreachable; views
 * that depend on the time carry it in their key). Writes never read from here: they
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

export const CACHE_TTL_MS = 30_000;
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

  /**
   * Loads a value and keeps it (`store`); concurrent loads of one key share one. A load that started
   * before a change is neither shared with later readers nor kept (it may have read the old rows).
   */
  async function loadShared<T>(flightKey: string, load: () => Promise<T>, store: (value: T) => void): Promise<T> {
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
      store(value);
    }
    return value;
  }

  const storeScoped = (committeeId: string, key: string) => (value: unknown) => {
    let bucket = byCommittee.get(committeeId);
    if (!bucket) byCommittee.set(committeeId, (bucket = new Map()));
    if (!bucket.has(key)) size++;
    bucket.set(key, { value, at: now() });
  };
  /** null (no committee for that team) is never kept. */
  const storeUnscoped = (key: string) => (value: { id: string } | null) => {
    if (value) unscoped.set(key, { value, at: now(), committeeId: value.id });
  };

  /**
   * Background reloads run one at a time, each in a turn of the event loop of its own. Entries loaded
   * together (e.g. every Home after a start or a change) age together; reloading them all at once put
   * their rendering in one turn and every ack waited behind it. One after another, readers' requests run
   * in between.
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
        setImmediate(pump);
      });
  };
  /** Reloads `entry` in the background, unless by then a change dropped it, a reader loaded it again, or it expired. */
  function reloadLater(flightKey: string, entry: Entry, current: () => Entry | undefined, reload: () => Promise<unknown>): void {
    if (inFlight.has(flightKey) || queued.has(flightKey)) return;
    queued.add(flightKey);
    backlog.push(async () => {
      queued.delete(flightKey);
      if (current() !== entry || !fresh(entry)) return;
      await reload();
    });
    pump();
  }
  const aging = (e: Entry) => now() - e.at >= ttlMs * REFRESH_AT;

  /** From memory when fresh (reloaded in the background when aging), else loaded and kept by `store`. */
  function readThrough<T>(flightKey: string, current: () => Entry | undefined, load: () => Promise<T>, store: (value: T) => void): Promise<T> {
    const hit = live ? current() : undefined;
    const reload = () => loadShared(flightKey, load, store);
    if (!fresh(hit)) return reload();
    if (aging(hit)) reloadLater(flightKey, hit, current, reload);
    return Promise.resolve(hit.value as T);
  }

  return {
    read<T>(committeeId: string, key: string, load: () => Promise<T>): Promise<T> {
      return readThrough(`${committeeId}\0${key}`, () => byCommittee.get(committeeId)?.get(key), load, storeScoped(committeeId, key));
    },
    readUnscoped<T extends { id: string }>(key: string, load: () => Promise<T | null>): Promise<T | null> {
      return readThrough(`\0${key}`, () => unscoped.get(key), load, storeUnscoped(key));
    },
    async invalidate(committeeId: string) {
      drop(committeeId);
      await invalidation.publish(committeeId);
    },
  };
}
