/**
 * A token bucket: holds up to `capacity` tokens, refilled continuously at `perSecond`.
 * `take()` either consumes one token or tells how many seconds until one is available.
 */
import type { Now } from '../clock.ts';

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: Now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Seconds to wait before a token is available (0 when one is). Does not consume. */
  waitSeconds(): number {
    this.refill();
    if (this.tokens >= 1) return 0;
    return (1 - this.tokens) / this.perSecond;
  }

  /** Consumes one token; call only after `waitSeconds()` returned 0. */
  take(): void {
    this.refill();
    this.tokens -= 1;
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perSecond);
    this.last = now;
  }
}
