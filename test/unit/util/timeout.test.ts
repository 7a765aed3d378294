import { describe, expect, it } from 'vitest';
import { resultWithin, settledWithin, TimeoutError, withTimeout } from '../../../src/util/timeout.ts';

const after = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));
const failAfter = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new RangeError('boom')), ms));

describe('withTimeout', () => {
  it('gives the value of a promise that is quick enough', async () => {
    expect(await withTimeout(after(5, 'pong'), 500)).toBe('pong');
  });
  it('rejects with TimeoutError when the promise is too slow', async () => {
    const err = await withTimeout(after(500, 'late'), 20).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).ms).toBe(20);
  });
  it("passes the promise's own rejection through", async () => {
    await expect(withTimeout(failAfter(5), 500)).rejects.toThrow(RangeError);
  });
});

describe('settledWithin', () => {
  it('is true for a promise that resolves or rejects in time, false otherwise, and never rejects', async () => {
    expect(await settledWithin(after(5, 1), 500)).toBe(true);
    expect(await settledWithin(failAfter(5), 500)).toBe(true);
    expect(await settledWithin(after(500, 1), 20)).toBe(false);
    expect(await settledWithin(failAfter(100), 20)).toBe(false);
    await new Promise((r) => setTimeout(r, 150)); // the late rejection above must not be unhandled
  });
});

describe('resultWithin', () => {
  it('tells a late promise from a quick one and keeps the value', async () => {
    expect(await resultWithin(after(5, 'v'), 500)).toEqual({ settled: true, value: 'v' });
    expect(await resultWithin(after(500, 'v'), 20)).toEqual({ settled: false });
  });
  it('leaves no timer behind: a settled race does not hold the event loop', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    await withTimeout(Promise.resolve(1), 60_000);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before);
  });
});
