/** The replay guard's own map (no Redis: the map is the whole guard); across replicas: test/e2e/replay-replicas. */
import { describe, expect, it } from 'vitest';
import { createReplayGuard } from '../../src/slack/replay-guard.ts';

const MINUTE = 60_000;

describe('replay guard without Redis', () => {
  it('refuses a signature seen in the last 10 minutes and accepts it again after', async () => {
    let now = 0;
    const guard = createReplayGuard(undefined, 'p', () => now);
    expect(await guard.firstSeen('v0=a')).toBe(true);
    now = 9 * MINUTE;
    expect(await guard.firstSeen('v0=a')).toBe(false);
    now = 10 * MINUTE + 1;
    expect(await guard.firstSeen('v0=a')).toBe(true);
    now = 19 * MINUTE;
    expect(await guard.firstSeen('v0=a')).toBe(false); // marked again at 10 min: refused for 10 more
  });

  it('keeps refusing recent signatures while older ones expire, in any order of arrival', async () => {
    let now = 0;
    const guard = createReplayGuard(undefined, 'p', () => now);
    for (let i = 0; i < 1000; i++) {
      now = i * 1000; // one a second, over 16 minutes
      expect(await guard.firstSeen(`v0=${i}`)).toBe(true);
    }
    // At 999 s, markers set from 400 s on (999 − 600 < t) are live; older ones have expired.
    expect(await guard.firstSeen('v0=998')).toBe(false);
    expect(await guard.firstSeen('v0=400')).toBe(false);
    expect(await guard.firstSeen('v0=398')).toBe(true);
    expect(await guard.firstSeen('v0=5')).toBe(true);
    expect(await guard.firstSeen('v0=5')).toBe(false);
  });

  it('answers in constant time with a million live markers (no scan of the map per request)', async () => {
    let now = 0;
    const guard = createReplayGuard(undefined, 'p', () => now);
    for (let i = 0; i < 1_000_000; i++) await guard.firstSeen(`v0=${i}`);
    now = 1;
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) await guard.firstSeen(`v0=new${i}`);
    // A scan per request took seconds for these 2,000 (1 ms or more each); without one it takes a few ms.
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
