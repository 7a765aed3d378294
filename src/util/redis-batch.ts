/**
 * Small Redis commands of many requests, sent together: the commands issued within `windowMs` of each
 * other go out as one pipeline — one socket write and one read for all of them instead of one each.
 * On a busy web replica the write of each request's own command (a replay marker, a Home digest, an
 * interaction claim) was the largest single CPU cost of a cached command's ack (`bench/profile.ts`: the
 * loopback write wakes Redis, 0.06–0.12 ms per request). A command waits at most `windowMs` (2 ms) for
 * company, and never for more than `MAX_BATCH` others: 2 ms gave less CPU per request than 1 ms or
 * the end of the event loop's turn in `bench/profile.ts help`, and is nothing against Slack's 3 s.
 *
 * Each command gets its own result or error; a failed pipeline (Redis unreachable) rejects every command
 * in it, as the client would have rejected each one.
 *
 * @example
 *   const batch = createRedisBatch(redis);
 *   const set = await batch.call('set', key, '1', 'EX', 600, 'NX'); // 'OK' or null
 */
import type { Redis } from 'ioredis';

const MAX_BATCH = 256;

export interface RedisBatch {
  call(command: string, ...args: (string | number)[]): Promise<unknown>;
}

interface Queued {
  args: [string, ...(string | number)[]];
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export function createRedisBatch(redis: Redis, windowMs = 2): RedisBatch {
  let queue: Queued[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const sent = queue;
    queue = [];
    redis
      .pipeline(sent.map((q) => q.args))
      .exec()
      .then(
        (results) =>
          sent.forEach((q, i) => {
            const [err, value] = results?.[i] ?? [new Error('no reply from Redis')];
            if (err) q.reject(err);
            else q.resolve(value);
          }),
        (err: unknown) => sent.forEach((q) => q.reject(err)),
      );
  };

  return {
    call(command, ...args) {
      return new Promise((resolve, reject) => {
        queue.push({ args: [command, ...args], resolve, reject });
        if (queue.length >= MAX_BATCH) flush();
        else timer ??= setTimeout(flush, windowMs);
      });
    },
  };
}
