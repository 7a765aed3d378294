/**
 * Rate-limit buckets on a manual clock: per-channel burst for chat.postMessage, per-workspace method tiers.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/sandbox/index.ts';
import { RateLimiter } from '../../../src/sandbox/rate-limit/rate-limiter.ts';

describe('RateLimiter', () => {
  it('allows a burst of 3 per channel, then asks to retry after 1 s', () => {
    const clock = createManualClock(0);
    const limiter = new RateLimiter(clock.now);
    expect([1, 2, 3].map(() => limiter.check('chat.postMessage', 'T1', 'C1'))).toEqual([0, 0, 0]);
    expect(limiter.check('chat.postMessage', 'T1', 'C1')).toBe(1);
    clock.advance(1000);
    expect(limiter.check('chat.postMessage', 'T1', 'C1')).toBe(0);
  });

  it('keeps channels and workspaces apart', () => {
    const limiter = new RateLimiter(createManualClock(0).now);
    for (let i = 0; i < 3; i++) limiter.check('chat.postMessage', 'T1', 'C1');
    expect(limiter.check('chat.postMessage', 'T1', 'C2')).toBe(0);
    expect(limiter.check('chat.postMessage', 'T2', 'C1')).toBe(0);
  });

  it('applies per-minute method limits per workspace and rounds Retry-After up', () => {
    const clock = createManualClock(0);
    const limiter = new RateLimiter(clock.now, { perMinute: { 'users.list': 2 } });
    expect(limiter.check('users.list', 'T1', undefined)).toBe(0);
    expect(limiter.check('users.list', 'T1', undefined)).toBe(0);
    expect(limiter.check('users.list', 'T1', undefined)).toBe(30);
    expect(limiter.check('users.list', 'T2', undefined)).toBe(0);
    clock.advance(30_000);
    expect(limiter.check('users.list', 'T1', undefined)).toBe(0);
  });

  it('can be turned off', () => {
    const limiter = new RateLimiter(createManualClock(0).now, { enabled: false });
    expect(Array.from({ length: 10 }, () => limiter.check('chat.postMessage', 'T1', 'C1'))).toEqual(Array(10).fill(0));
  });
});
