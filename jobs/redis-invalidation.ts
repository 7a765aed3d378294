/**
 * Cache invalidation over Redis pub/sub: `publish` on the shared producer connection, and a connection of
 * its own in subscriber mode (a subscribed connection can run nothing else). The channel is under the
 * deployment's prefix. While the subscriber is not subscribed, the cache is told it is not live and serves
 * nothing; a failed publish is logged and the change stands (the other processes drop their copies within
 * the cache's TTL, or at once if their own subscriber was cut too).
 */
import type { Redis } from 'ioredis';
import type { Invalidation } from '../src/cache/invalidation.ts';
import { describeError, type Logger } from '../src/logger.ts';
import { withTimeout } from '../src/util/timeout.ts';

const PUBLISH_TIMEOUT_MS = 500;

export interface RedisInvalidation extends Invalidation {
  close(): Promise<void>;
}

/** The channel of a deployment (REDIS_PREFIX): every Concord process listens, tools that change data publish. */
export function invalidationChannel(prefix: string): string {
  return `${prefix}:cache-invalidation`;
}

export function createRedisInvalidation(producer: Redis, prefix: string, logger: Logger): RedisInvalidation {
  const channel = invalidationChannel(prefix);
  const subscriber = producer.duplicate({ lazyConnect: true, enableOfflineQueue: true, maxRetriesPerRequest: null });
  subscriber.on('error', () => {}); // the outage is reported by the producer connection's state lines
  let closing = false;
  return {
    async publish(key) {
      try {
        await withTimeout(producer.publish(channel, key), PUBLISH_TIMEOUT_MS);
      } catch (err) {
        logger.warn({ ...describeError(err), committeeId: key }, 'cache invalidation not published; other processes catch up within the cache TTL');
      }
    },
    subscribe(onKey, onLive) {
      subscriber.on('message', (ch: string, key: string) => {
        if (ch === channel) onKey(key);
      });
      const subscribe = () => {
        subscriber.subscribe(channel).then(
          () => onLive(true),
          () => {}, // retried on the next 'ready'
        );
      };
      subscriber.on('ready', () => {
        // ioredis re-subscribes by itself on reconnect; subscribing again is harmless and tells us when it holds.
        if (!closing) subscribe();
      });
      subscriber.on('close', () => onLive(false));
      subscriber.connect().catch(() => {});
    },
    async close() {
      closing = true;
      subscriber.disconnect();
    },
  };
}
