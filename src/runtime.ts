/**
 * Starts Concord: database (migrated), Redis, and — by ROLE — the web side (Slack endpoint, health,
 * calendar feeds) and the worker. Returns a handle whose close() shuts down gracefully.
 */
import type { Server } from 'node:http';
import type { Redis } from 'ioredis';
import type { Config } from './config.ts';
import { describeError, type Logger } from './logger.ts';
import { openDatabase, pingDatabase, type Database } from './db/database.ts';
import { applyPendingMigrations } from './db/migrate.ts';
import { createRedis, connectOrExplain, reportRedisState } from '../jobs/connection.ts';
import { startWorker, type RunningWorker } from '../jobs/worker.ts';
import { closeServer, createWebServer, listen, type Route } from './web/server.ts';
import { healthHandler } from './web/health.ts';
import { calendarFeedRoute } from './web/calendar-route.ts';
import { ConcordHttpReceiver } from './slack/http-receiver.ts';
import { createReplayGuard } from './slack/replay-guard.ts';
import { createInteractionGuard } from './slack/interaction-guard.ts';
import { createPublishedHomes } from './slack/home/published-homes.ts';
import { buildSlackApp } from './slack/app.ts';
import { createUserZones } from './slack/user-zone.ts';
import { recordProfileZone } from './members/profile-zone.ts';
import { createQueue, enqueueDeliveries, enqueueTick } from '../jobs/queue.ts';
import { systemClock, useClock, type Clock } from './clock/clock.ts';
import { startTestClock, type TestClock } from './clock/test-clock.ts';
import { testClockRoutes } from './web/test-clock-route.ts';
import { nextReminderAt } from './reminders/reminder-repository.ts';
import type { Dispatch } from './outbox/announcer.ts';
import { settledWithin } from './util/timeout.ts';
import { createRedisInvalidation } from '../jobs/redis-invalidation.ts';
import { createCommitteeCache } from './cache/committee-cache.ts';
import { attachCommitteeCache, detachCommitteeCache } from './cache/attach.ts';

/** How long shutdown waits for in-flight HTTP requests before closing the connections still open. */
export const SHUTDOWN_GRACE_MS = 10_000;

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
      const web = await startWeb(config, logger, database, redis, clock, testClock);
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

/** The web side: Slack's endpoint (or Socket Mode), /healthz, the calendar feeds, and the queue producer. */
async function startWeb(
  config: Config,
  logger: Logger,
  database: Database,
  redis: Redis,
  clock: Clock,
  testClock: TestClock | undefined,
): Promise<{ port: number; closers: Closer[] }> {
  const closers: Closer[] = [];
  const redisState = reportRedisState(redis, logger.child({ component: 'web' }));
  const queue = createQueue(redis, config.redisPrefix);
  // BullMQ repeats every connection error here; the outage itself is logged once by reportRedisState.
  queue.on('error', (err) => {
    if (!redisState.isDown() && redis.status === 'ready') logger.error({ ...describeError(err) }, 'queue error');
  });
  closers.push(() => settledWithin(queue.close(), 1000));
  // A failed enqueue loses nothing: the row is in the database and the worker's reconciler finds it.
  const dispatch: Dispatch = (ids) =>
    enqueueDeliveries(queue, ids).catch((err: unknown) => logger.warn({ ...describeError(err), count: ids.length }, 'enqueue failed; the reconciler will deliver'));
  const deps = {
    db: database.prisma,
    logger,
    dispatch,
    // A profile zone learned for a command also moves the person's reminders (members/profile-zone.ts).
    userZones: createUserZones({
      nowMs: () => clock.now().getTime(),
      learned: (userId, zone) =>
        recordProfileZone(database.prisma, userId, zone).then(
          () => undefined,
          (err: unknown) => logger.warn({ ...describeError(err) }, 'could not store a Slack profile zone; kept the previous one'),
        ),
    }),
    commandName: config.slackCommand,
    publicUrl: config.publicUrl,
    now: () => clock.now(),
    interactions: createInteractionGuard(redis, config.redisPrefix),
    homes: createPublishedHomes(redis, config.redisPrefix),
  };
  const routes: Route[] = [
    { method: 'GET', path: '/healthz', handler: healthHandler({ db: () => pingDatabase(database.prisma), redis: () => redis.ping() }) },
    calendarFeedRoute(database.prisma, logger),
    // After a move everything that came due is sent at once (a worker picks the tick up).
    ...(testClock ? testClockRoutes(testClock, () => enqueueTick(queue), () => nextReminderAt(database.prisma)) : []),
  ];
  const socketMode = Boolean(config.slackAppToken);
  const receiver = socketMode
    ? undefined
    : new ConcordHttpReceiver({ signingSecret: config.slackSigningSecret!, replayGuard: createReplayGuard(redis, config.redisPrefix), logger });
  const app = buildSlackApp({ config, logger, deps, receiver });
  if (receiver) routes.push({ method: 'POST', path: '/slack/events', handler: (req, res, _params, body) => receiver.handle(req, res, body) });
  else {
    await app.start();
    closers.push(() => app.stop());
  }
  const server = createWebServer(routes, logger);
  const port = await listen(server, config.port);
  closers.unshift(() => closeServer(server, SHUTDOWN_GRACE_MS));
  logger.info({ port, mode: socketMode ? 'socket' : 'http' }, 'web side listening');
  return { port, closers };
}

/** Runs closers one after another; a failing one is logged and the rest still run. */
async function inOrder(closers: Closer[], logger: Logger): Promise<void> {
  for (const close of closers) await close().catch((err: unknown) => logger.warn({ ...describeError(err) }, 'error while closing'));
}
