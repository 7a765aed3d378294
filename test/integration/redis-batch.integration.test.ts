/** The Redis batch of the web side's per-request commands, against the shared Redis (keys of its own). */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRedisBatch } from '../../src/util/redis-batch.ts';
import { freePort } from '../support/private-redis.ts';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
const prefix = `concord-test:batch:${randomUUID()}`;

beforeAll(() => redis.connect());

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('redis batch', () => {
  it('sends the commands issued together as one pipeline, each with its own answer', async () => {
    const pipelines = vi.spyOn(redis, 'pipeline');
    const batch = createRedisBatch(redis);
    const keys = Array.from({ length: 50 }, (_, i) => `${prefix}:nx:${i}`);
    // Every key twice: SET NX answers OK to the first and null to the second, in the order they were issued.
    const answers = await Promise.all([...keys, ...keys].map((k) => batch.call('set', k, '1', 'EX', 60, 'NX')));
    expect(answers.slice(0, 50)).toEqual(keys.map(() => 'OK'));
    expect(answers.slice(50)).toEqual(keys.map(() => null));
    expect(pipelines).toHaveBeenCalledTimes(1);
    pipelines.mockRestore();
  });

  it('rejects only the command Redis refused', async () => {
    const batch = createRedisBatch(redis);
    await redis.set(`${prefix}:text`, 'not a number');
    const [ok, refused, got] = await Promise.allSettled([
      batch.call('set', `${prefix}:a`, 'x', 'EX', 60),
      batch.call('incr', `${prefix}:text`),
      batch.call('get', `${prefix}:a`),
    ]);
    expect(ok).toEqual({ status: 'fulfilled', value: 'OK' });
    expect(refused.status).toBe('rejected');
    expect(String((refused as PromiseRejectedResult).reason)).toMatch(/not an integer/);
    expect(got).toEqual({ status: 'fulfilled', value: 'x' });
  });

  it('splits a burst larger than one batch and answers every command', async () => {
    const batch = createRedisBatch(redis);
    const many = Array.from({ length: 600 }, (_, i) => batch.call('set', `${prefix}:burst:${i}`, String(i), 'EX', 60, 'GET'));
    expect(await Promise.all(many)).toEqual(many.map(() => null));
    expect(await redis.get(`${prefix}:burst:599`)).toBe('599');
  });

  it('rejects at once, not hangs, when Redis is unreachable', async () => {
    const down = new Redis({ port: await freePort(), host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null });
    down.on('error', () => {});
    const batch = createRedisBatch(down);
    const results = await Promise.allSettled([batch.call('set', 'k', '1'), batch.call('get', 'k')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    down.disconnect();
  });
});
