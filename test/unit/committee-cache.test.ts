/** The committee cache's rules, with an in-process `Invalidation` (the Redis one is covered end to end). */
import { describe, expect, it } from 'vitest';
import { createCommitteeCache } from '../../src/cache/committee-cache.ts';
import type { Invalidation } from '../../src/cache/invalidation.ts';

function channel() {
  let onKey: (key: string) => void = () => {};
  let onLive: (live: boolean) => void = () => {};
  const published: string[] = [];
  const inv: Invalidation = {
    async publish(key) {
      published.push(key);
    },
    subscribe(k, l) {
      onKey = k;
      onLive = l;
    },
  };
  return { inv, published, message: (key: string) => onKey(key), live: (v: boolean) => onLive(v) };
}

function counter(values: string[]) {
  let n = 0;
  return { load: async () => values[Math.min(n++, values.length - 1)]!, calls: () => n };
}

describe('committee cache', () => {
  it('serves a second read from memory, and reads again after its own invalidation (published to the others)', async () => {
    const ch = channel();
    const cache = createCommitteeCache(ch.inv);
    ch.live(true);
    const src = counter(['old', 'new']);
    expect(await cache.read('C1', 'org list', src.load)).toBe('old');
    expect(await cache.read('C1', 'org list', src.load)).toBe('old');
    expect(src.calls()).toBe(1);
    await cache.invalidate('C1');
    expect(ch.published).toEqual(['C1']);
    expect(await cache.read('C1', 'org list', src.load)).toBe('new');
  });

  it('drops a committee on a message from another process, leaving other committees cached', async () => {
    const ch = channel();
    const cache = createCommitteeCache(ch.inv);
    ch.live(true);
    const a = counter(['a1', 'a2']);
    const b = counter(['b1', 'b2']);
    await cache.read('A', 'k', a.load);
    await cache.read('B', 'k', b.load);
    ch.message('A');
    expect(await cache.read('A', 'k', a.load)).toBe('a2');
    expect(await cache.read('B', 'k', b.load)).toBe('b1');
  });

  it('serves nothing while the invalidation channel is down, and starts empty when it is back', async () => {
    const ch = channel();
    const cache = createCommitteeCache(ch.inv);
    const src = counter(['1', '2', '3', '4']);
    expect(await cache.read('C', 'k', src.load)).toBe('1'); // not live yet
    expect(await cache.read('C', 'k', src.load)).toBe('2');
    ch.live(true);
    expect(await cache.read('C', 'k', src.load)).toBe('3');
    expect(await cache.read('C', 'k', src.load)).toBe('3');
    ch.live(false);
    expect(await cache.read('C', 'k', src.load)).toBe('4');
  });

  it('keeps nothing longer than the TTL', async () => {
    const ch = channel();
    let now = 0;
    const cache = createCommitteeCache(ch.inv, { ttlMs: 5000, now: () => now });
    ch.live(true);
    const src = counter(['1', '2']);
    await cache.read('C', 'k', src.load);
    now = 4999;
    expect(await cache.read('C', 'k', src.load)).toBe('1');
    now = 5000;
    expect(await cache.read('C', 'k', src.load)).toBe('2');
  });

  it('serves an ageing entry and reloads it in the background, once, so no reader waits for the TTL', async () => {
    const ch = channel();
    let now = 0;
    const cache = createCommitteeCache(ch.inv, { ttlMs: 5000, now: () => now });
    ch.live(true);
    let release!: (v: string) => void;
    let loads = 0;
    const load = () => {
      loads++;
      return loads === 1 ? Promise.resolve('v1') : new Promise<string>((r) => (release = r));
    };
    expect(await cache.read('C', 'k', load)).toBe('v1');
    now = 2999;
    expect(await cache.read('C', 'k', load)).toBe('v1');
    expect(loads).toBe(1); // young: no reload
    now = 3000;
    // Past 60 % of the TTL: served at once, one reload started however many read meanwhile.
    expect(await Promise.all([1, 2, 3].map(() => cache.read('C', 'k', load)))).toEqual(['v1', 'v1', 'v1']);
    expect(loads).toBe(2);
    release('v2');
    await new Promise((r) => setImmediate(r));
    now = 5500; // past the first entry's TTL; the reload's is young
    expect(await cache.read('C', 'k', load)).toBe('v2');
    expect(loads).toBe(2);
  });

  it('runs background reloads one at a time, and skips a waiting one whose entry a change dropped', async () => {
    const ch = channel();
    let now = 0;
    const cache = createCommitteeCache(ch.inv, { ttlMs: 5000, now: () => now });
    ch.live(true);
    await cache.read('C', 'a', async () => 'a1');
    await cache.read('C', 'b', async () => 'b1');
    await cache.read('D', 'c', async () => 'c1');
    now = 3500;
    const started: string[] = [];
    let releaseA!: (v: string) => void;
    expect(await cache.read('C', 'a', () => (started.push('a'), new Promise<string>((r) => (releaseA = r))))).toBe('a1');
    expect(await cache.read('C', 'b', async () => (started.push('b'), 'b2'))).toBe('b1');
    expect(await cache.read('D', 'c', async () => (started.push('c'), 'c2'))).toBe('c1');
    expect(started).toEqual(['a']); // b and c wait for a's reload
    ch.message('C'); // a change drops C's entries: b's waiting reload is not run
    releaseA('a2');
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a', 'c']);
    expect(await cache.read('D', 'c', async () => 'c3')).toBe('c2');
    expect(await cache.read('C', 'b', async () => 'b3')).toBe('b3'); // dropped by the change: read again
  });

  it('does not keep a background reload that was under way when a change came in, and never serves past the TTL', async () => {
    const ch = channel();
    let now = 0;
    const cache = createCommitteeCache(ch.inv, { ttlMs: 5000, now: () => now });
    ch.live(true);
    let release!: (v: string) => void;
    await cache.read('C', 'k', async () => 'old');
    now = 4000;
    expect(await cache.read('C', 'k', () => new Promise<string>((r) => (release = r)))).toBe('old');
    ch.message('C'); // a change commits while the reload reads the old rows
    release('stale');
    await new Promise((r) => setImmediate(r));
    expect(await cache.read('C', 'k', async () => 'fresh')).toBe('fresh');
    // A reload that fails leaves the entry to expire: past the TTL the reader waits for a load.
    now = 8000;
    expect(await cache.read('C', 'k', async () => Promise.reject(new Error('database down')))).toBe('fresh');
    await new Promise((r) => setImmediate(r));
    now = 9000;
    await expect(cache.read('C', 'k', async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
  });

  it('does not keep, or share, a load that was under way when a change came in', async () => {
    const ch = channel();
    const cache = createCommitteeCache(ch.inv);
    ch.live(true);
    let release!: (v: string) => void;
    const slow = cache.read('C', 'k', () => new Promise<string>((r) => (release = r)));
    ch.message('C'); // a change commits while the old rows are being read
    const after = cache.read('C', 'k', async () => 'fresh'); // a read after the change does not join the old load
    release('stale');
    expect(await slow).toBe('stale');
    expect(await after).toBe('fresh');
    expect(await cache.read('C', 'k', async () => 'again')).toBe('fresh');
  });

  it('never keeps a missing committee (a set-up can create it any moment)', async () => {
    const ch = channel();
    const cache = createCommitteeCache(ch.inv);
    ch.live(true);
    expect(await cache.readUnscoped('team:T1', async () => null)).toBeNull();
    expect(await cache.readUnscoped('team:T1', async () => ({ id: 'C1' }))).toEqual({ id: 'C1' });
    expect(await cache.readUnscoped('team:T1', async () => ({ id: 'other' }))).toEqual({ id: 'C1' });
    ch.message('C1');
    expect(await cache.readUnscoped('team:T1', async () => ({ id: 'C2' }))).toEqual({ id: 'C2' });
  });

  it('runs each background reload in a turn of the event loop of its own, so requests run in between', async () => {
    const ch = channel();
    let now = 0;
    const cache = createCommitteeCache(ch.inv, { ttlMs: 5000, now: () => now });
    ch.live(true);
    for (const k of ['a', 'b', 'c']) await cache.read('C', k, async () => `${k}1`);
    now = 3500;
    const order: string[] = [];
    // A request arriving while the first reload runs (a timer here) gets its turn before the second reload,
    // not after all three.
    const arrives = () => setImmediate(() => order.push('request'));
    for (const k of ['a', 'b', 'c']) await cache.read('C', k, async () => (order.push(k), k === 'a' && arrives(), `${k}2`));
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['a', 'request', 'b', 'c']);
  });

  it('loads the committee of a team once for concurrent readers, and reloads it in the background when it ages', async () => {
    const ch = channel();
    let now = 0;
    const cache = createCommitteeCache(ch.inv, { ttlMs: 5000, now: () => now });
    ch.live(true);
    let loads = 0;
    const load = async () => (loads++, { id: 'C1', name: `v${loads}` });
    const first = await Promise.all(Array.from({ length: 50 }, () => cache.readUnscoped('team:T1', load)));
    expect(new Set(first.map((c) => c?.name))).toEqual(new Set(['v1']));
    expect(loads).toBe(1);
    now = 4000; // aging: served at once, reloaded behind the reader
    expect((await cache.readUnscoped('team:T1', load))?.name).toBe('v1');
    await new Promise((r) => setImmediate(r));
    expect(loads).toBe(2);
    now = 6000; // past the first load's TTL, within the reload's
    expect((await cache.readUnscoped('team:T1', load))?.name).toBe('v2');
    expect(loads).toBe(2);
  });
});
