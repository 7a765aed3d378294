/**
 * The sandbox's notion of "now" (epoch milliseconds). Trigger expiry, response_url expiry, rate-limit
 * buckets, message `ts` and users' `tz_offset` all read it, so a test can pass a manual clock.
 */
export type Now = () => number;

export interface ManualClock {
  now: Now;
  /** Moves time forward by `ms`. */
  advance(ms: number): void;
  /** Jumps to an absolute time (epoch ms). */
  set(ms: number): void;
}

/**
 * A clock that only moves when told to.
 *
 * @example
 *   const clock = createManualClock(Date.parse('2026-03-01T09:00:00Z'));
 *   const sb = await startSandbox({ now: clock.now });
 *   clock.advance(3_001); // the trigger minted before is now expired
 */
export function createManualClock(startMs: number = Date.now()): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}
