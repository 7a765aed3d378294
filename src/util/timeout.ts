/**
 * One "promise vs timer" race for the whole code base. The timer is always cleared, so a settled race
 * never keeps the process alive, and a promise that loses the race may still settle later without an
 * unhandled rejection.
 *
 * @example
 *   if (!(await settledWithin(worker.close(), 10_000))) await worker.close(true);
 *   const pong = await withTimeout(redis.ping(), 1500); // rejects with TimeoutError after 1.5 s
 */

export class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
  }
}

export type Outcome<T> = { settled: true; value: T } | { settled: false };

/** `{ settled: true, value }` when `p` resolves within `ms`, `{ settled: false }` when the timer wins; `p`'s rejection passes through. */
export async function resultWithin<T>(p: Promise<T>, ms: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), ms);
  });
  try {
    return await Promise.race([p.then((value): Outcome<T> => ({ settled: true, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** `p`'s value, or a rejection with TimeoutError when `p` takes longer than `ms`. */
export async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  const outcome = await resultWithin(p, ms);
  if (!outcome.settled) throw new TimeoutError(ms);
  return outcome.value;
}

/** true when `p` resolved or rejected within `ms`, false when the timer won. Never rejects. */
export async function settledWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  const outcome = await resultWithin(
    p.then(
      () => undefined,
      () => undefined,
    ),
    ms,
  );
  return outcome.settled;
}
