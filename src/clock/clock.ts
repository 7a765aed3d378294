/**
 * The one clock of Concord: commands, reminders, digests and silence procedures read "now" from it, never
 * from `new Date()`. In production it is the system clock; with TEST_CLOCK=on it is the test clock, which
 * only moves when told to (`POST /test/clock`). Slack's signature timestamps and delivery leases stay on
 * wall time. The process's clock is set once at start-up (`useClock`); code that has no clock handed to it
 * (a write's reminder re-planning) reads `clockNow()`.
 */
export interface Clock {
  now(): Date;
  /** Catches up with a clock shared between processes (the test clock) before a time-critical read. */
  sync?(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

export function useClock(clock: Clock): void {
  current = clock;
}

export function clockNow(): Date {
  return current.now();
}
