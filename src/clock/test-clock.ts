/**
 * The test clock (like Stripe's test clocks): frozen until moved. Its time lives in the database, so every
 * web and worker process of one deployment reads the same "now"; each process refreshes its copy every
 * `refreshMs` and at once after its own moves.
 */
import { Duration } from 'luxon';
import type { Db } from '../db/database.ts';
import { UserError } from '../errors.ts';
import type { Clock } from './clock.ts';
import { readTestClock, writeTestClock } from './clock-repository.ts';

export interface TestClock extends Clock {
  /** `{ set: ISO instant }` or `{ advance: ISO duration }`; returns the new now. */
  move(change: { set?: string; advance?: string }): Promise<Date>;
  close(): void;
}

/** Parses a move; throws UserError with what was wrong. Moving backwards is allowed (`set`). */
export function nextTime(current: Date, change: { set?: unknown; advance?: unknown }): Date {
  if (typeof change.set === 'string') {
    const d = new Date(change.set);
    if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(change.set)) throw new UserError('`set` must be an ISO instant such as "2027-03-03T06:00:00Z".');
    return d;
  }
  if (typeof change.advance === 'string') {
    const step = Duration.fromISO(change.advance);
    if (!step.isValid || step.toMillis() <= 0) throw new UserError('`advance` must be a positive ISO duration such as "PT1H" or "P1D".');
    return new Date(current.getTime() + step.toMillis());
  }
  throw new UserError('Send {"set":"2027-03-03T06:00:00Z"} or {"advance":"P1D"}.');
}

export async function startTestClock(db: Db, refreshMs = 250): Promise<TestClock> {
  let current = await readTestClock(db);
  if (!current) {
    current = new Date();
    await writeTestClock(db, current);
  }
  const sync = async () => {
    const t = await readTestClock(db);
    if (t) current = t;
  };
  const timer = setInterval(() => void sync().catch(() => {}), refreshMs);
  timer.unref();
  return {
    now: () => new Date(current!.getTime()),
    sync,
    async move(change) {
      const next = nextTime(current!, change);
      await writeTestClock(db, next);
      current = next;
      return next;
    },
    close: () => clearInterval(timer),
  };
}
