/**
 * The page's clock control, forwarded to Concord's test clock (so the browser needs no CORS):
 *   GET  /_sandbox/clock?user=U   → {now, next}: each a reading (ISO, U's zone, UTC; `clock-format.ts`), next null when none
 *   POST /_sandbox/clock {userId, set}            set: a date-time in U's zone (or an ISO instant) → Concord {"set": UTC}
 *   POST /_sandbox/clock {userId, advance}        advance: an ISO 8601 duration (PT1H, P1D) → Concord {"advance": …}
 *   POST /_sandbox/clock {userId, next: true}     → Concord {"set": the next planned reminder's instant}
 * Answers {now, next, note?}; Concord's refusals come back as 400 {error} with Concord's own words, an
 * unreachable Concord or a clock that is off as 502 / 409 {error}.
 */
import type { Sandbox } from '../sandbox.ts';
import { describeClock, instantFromInput, type ClockReading } from './clock-format.ts';
import { testClockClient, TestClockError, type TestClockClient } from './test-clock-client.ts';

export interface ClockState {
  now: ClockReading;
  next: ClockReading | null;
  /** Why nothing moved, when the page asked for something that did not need a move. */
  note?: string;
}

type Json = Record<string, unknown>;

export async function readClock(sb: Sandbox, userId: string | null): Promise<ClockState> {
  const clock = testClockClient(sb.appUrl);
  return state(clock, await clock.now(), zoneOf(sb, userId));
}

export async function moveClock(sb: Sandbox, body: Json): Promise<ClockState> {
  const clock = testClockClient(sb.appUrl);
  const zone = zoneOf(sb, body.userId);
  if (typeof body.set === 'string') return state(clock, await clock.move({ set: readInput(body.set, zone) }), zone);
  if (typeof body.advance === 'string' && body.advance.trim()) return state(clock, await clock.move({ advance: body.advance.trim() }), zone);
  if (body.next === true) return toNextReminder(clock, zone);
  throw new TestClockError(400, 'Say how to move the clock: set (a date and time), advance (e.g. PT1H, P1D) or next.');
}

async function toNextReminder(clock: TestClockClient, zone: string | undefined): Promise<ClockState> {
  const [now, next] = await Promise.all([clock.now(), clock.next()]);
  if (next === null) return { ...(await state(clock, now, zone, null)), note: 'No reminder planned: the clock stays where it is.' };
  if (Date.parse(next) <= Date.parse(now)) {
    return { ...(await state(clock, now, zone, next)), note: `The next reminder (${describeClock(next, zone).local}) is already due: Concord is delivering it.` };
  }
  return state(clock, await clock.move({ set: next }), zone);
}

async function state(clock: TestClockClient, now: string, zone: string | undefined, known?: string | null): Promise<ClockState> {
  const next = known === undefined ? await clock.next() : known;
  return { now: describeClock(now, zone), next: next === null ? null : describeClock(next, zone) };
}

function readInput(text: string, zone: string | undefined): string {
  try {
    return instantFromInput(text, zone);
  } catch (error) {
    throw new TestClockError(400, error instanceof Error ? error.message : String(error));
  }
}

function zoneOf(sb: Sandbox, userId: unknown): string | undefined {
  return sb.users().find((u) => u.id === userId)?.tz ?? undefined;
}
