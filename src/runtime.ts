/**
 * Starts Concord: database (migrated), Redis, and — by ROLE — the web side (Slack endpoint, health,
 * calendar feeds) and the worker. Returns a handle whose close() shuts down gracefully.
 */
import type { Config } from './config.ts';
import { describeError, type Logger } from './logger.ts';
import { openDatabase, type Database } from './db/database.ts';
import { applyPendingMigrations } from './db/migrate.ts';
import { createRedis, connectOrExplain } from '../jobs/connection.ts';
import { startWorker, type RunningWorker } from '../jobs/worker.ts';
import { systemClock, useClock, type Clock } from './clock/clock.ts';
import { startTestClock } from './clock/test-clock.ts';
import { createRedisInvalidation } from '../jobs/redis-invalidation.ts';
import { createCommitteeCache } from './cache/committee-cache.ts';
import { attachCommitteeCache, detachCommitteeCache } from './cache/attach.ts';

/** How long shutdown waits for in-flight HTTP requests before closing the connections still open. */

type Closer = () => Promise<unknown>;

export interface RunningConcord {
  /** Port of the HTTP server (web role), else undefined. */
  port?: number;
  database: Database;
  /** The clock every time-dependent path reads (the test clock with TEST_CLOCK=on). */
  clock: Clock;
  /** The worker (ROLE all or worker), e.g. to reconcile now. */
  worker?: RunningWorker;
  close(): Promise<void>;
}

export async function startConcord(config: Config, logger: Logger): Promise<RunningConcord> {
  const redis = createRedis(config.redisUrl, 'producer');
  await connectOrExplain(redis, config.redisUrl);
  const database = await openDatabase(config);
  const closers: Closer[] = [];
  try {
    const applied = await applyPendingMigrations(database);
    logger.info({ applied, database: database.kind }, applied.length ? 'applied migrations' : 'database schema is up to date');
    const testClock = config.testClock ? await startTestClock(database.prisma) : undefined;
    if (testClock) {
      closers.push(async () => testClock.close());
      logger.warn({ now: testClock.now().toISOString() }, 'TEST CLOCK: time only moves through POST /test/clock');
    }
    const clock: Clock = testClock ?? systemClock;
    useClock(clock);
    // Scope and list views without a query; every process drops its copy when any process changes a committee.
    const invalidation = createRedisInvalidation(redis, config.redisPrefix, logger);
    attachCommitteeCache(database.prisma, createCommitteeCache(invalidation));
    closers.push(async () => {
      detachCommitteeCache(database.prisma);
      await invalidation.close();
    });

    let worker: RunningWorker | undefined;
    if (config.role !== 'web') {
      worker = await startWorker({ config, logger, db: database.prisma, clock });
      closers.push(() => worker!.close());
    }

    let port: number | undefined;
    if (config.role !== 'worker') {
      // Imported only here: a worker process never loads Bolt, the commands and the web server.
      const { startWeb } = await import('./web-side.ts');
      const web = await startWeb(config, logger, database, redis, clock, testClock, config.shutdownGraceMs);
      port = web.port;
      // The web side and the worker wind down side by side, so shutdown takes the longer grace, not the sum.
      closers.unshift(() => inOrder(web.closers, logger));
    }

    return {
      port,
      database,
      clock,
      worker,
      async close() {
        await Promise.all(closers.map((close) => inOrder([close], logger))); // web side ∥ worker
        await database.close();
        redis.disconnect();
      },
    };
  } catch (err) {
    for (const close of closers) await close().catch(() => {});
    await database.close();
    redis.disconnect();
    throw err;
  }
}

/** Runs closers one after another; a failing one is logged and the rest still run. */
async function inOrder(closers: Closer[], logger: Logger): Promise<void> {
  for (const close of closers) await close().catch((err: unknown) => logger.warn({ ...describeError(err) }, 'error while closing'));
}
