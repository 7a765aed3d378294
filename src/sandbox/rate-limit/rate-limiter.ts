/**
 * Slack-like rate limits. Two kinds of bucket, both token buckets on the sandbox clock:
 *  - per workspace × method: capacity = the method's per-minute limit, refilled at limit/60 per second
 *    (a burst of a minute's worth, then the tier's rate) — `tiers.ts`;
 *  - chat.postMessage per channel: 1 per second with a burst of 3 by default ("no more than one message
 *    per second per channel … Short bursts are allowed", DOC rate-limits page; Slack publishes no burst size).
 * Over the limit the API answers HTTP 429 with `Retry-After: <seconds, rounded up, ≥1>` and
 * `{"ok":false,"error":"ratelimited"}` (observed body, fixture chat.postMessage.429.*), with no side effect.
 * "Calls to the same method for other workspaces … are also not restricted" — buckets are per workspace.
 */
import type { Now } from '../clock.ts';
import { DEFAULT_PER_MINUTE, METHOD_LIMITS_PER_MINUTE } from './tiers.ts';
import { TokenBucket } from './token-bucket.ts';

export interface RateLimitOptions {
  /** Turn all rate limiting off (fault injection still works). Default true. */
  enabled?: boolean;
  /** chat.postMessage per channel. Default `{ perSecond: 1, burst: 3 }`. */
  postMessagePerChannel?: { perSecond: number; burst: number };
  /** Per-workspace per-method limits (calls per minute), overriding `tiers.ts`. */
  perMinute?: Record<string, number>;
}

export class RateLimiter {
  private buckets = new Map<string, TokenBucket>();
  private options: Required<RateLimitOptions>;

  constructor(
    private readonly now: Now,
    options: RateLimitOptions = {},
  ) {
    this.options = resolve(options);
  }

  /** Replaces the configuration at run time (buckets restart full). */
  configure(options: RateLimitOptions): void {
    this.options = resolve({ ...this.options, ...options, perMinute: { ...this.options.perMinute, ...options.perMinute } });
    this.buckets.clear();
  }

  /**
   * Checks the buckets for a call and consumes from all of them if none is empty.
   * Returns 0 when allowed, else the Retry-After in whole seconds.
   */
  check(method: string, teamId: string, channelId: string | undefined): number {
    if (!this.options.enabled) return 0;
    const buckets = [this.methodBucket(method, teamId)];
    if (method === 'chat.postMessage' && channelId) buckets.push(this.channelBucket(teamId, channelId));
    const wait = Math.max(...buckets.map((b) => b.waitSeconds()));
    if (wait > 0) return Math.max(1, Math.ceil(wait));
    for (const bucket of buckets) bucket.take();
    return 0;
  }

  reset(): void {
    this.buckets.clear();
  }

  private methodBucket(method: string, teamId: string): TokenBucket {
    const perMinute = this.options.perMinute[method] ?? METHOD_LIMITS_PER_MINUTE[method] ?? DEFAULT_PER_MINUTE;
    return this.bucket(`m:${teamId}:${method}`, () => new TokenBucket(perMinute, perMinute / 60, this.now));
  }

  private channelBucket(teamId: string, channelId: string): TokenBucket {
    const { perSecond, burst } = this.options.postMessagePerChannel;
    return this.bucket(`c:${teamId}:${channelId}`, () => new TokenBucket(burst, perSecond, this.now));
  }

  private bucket(key: string, make: () => TokenBucket): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = make();
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}

function resolve(options: RateLimitOptions): Required<RateLimitOptions> {
  return {
    enabled: options.enabled ?? true,
    postMessagePerChannel: options.postMessagePerChannel ?? { perSecond: 1, burst: 3 },
    perMinute: options.perMinute ?? {},
  };
}
