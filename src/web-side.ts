/**
 * The web side of a Concord process (ROLE all or web): Slack's endpoint (or Socket Mode), /healthz, the
 * calendar feeds, the test clock's routes, and the queue producer. Loaded by `runtime.ts` only for those
 * roles, so a worker process does not hold Bolt, the commands and the web server in memory.
 */
import type { Redis } from 'ioredis';
import type { Config } from './config.ts';
import { describeError, type Logger } from './logger.ts';
import { pingDatabase, type Database } from './db/database.ts';
import { connectOrExplain, createRedis, reportRedisState } from '../jobs/connection.ts';
import { createQueue, enqueueDeliveries, enqueueTick } from '../jobs/queue.ts';
import type { Clock } from './clock/clock.ts';
import type { TestClock } from './clock/test-clock.ts';
import { settledWithin } from './util/timeout.ts';
import { closeServer, createWebServer, listen, type Route } from './web/server.ts';
import { healthHandler } from './web/health.ts';
import { calendarFeedRoute } from './web/calendar-route.ts';
import { ConcordHttpReceiver } from './slack/http-receiver.ts';
import { createReplayGuard } from './slack/replay-guard.ts';
import { createRedisBatch } from './util/redis-batch.ts';
import { createInteractionGuard } from './slack/interaction-guard.ts';
import { createPublishedHomes } from './slack/home/published-homes.ts';
import { buildSlackApp } from './slack/app.ts';
import { createUserZones } from './slack/user-zone.ts';
import { recordProfileZone } from './members/profile-zone.ts';
import { testClockRoutes } from './web/test-clock-route.ts';
import { nextReminderAt } from './reminders/reminder-repository.ts';
import type { Dispatch } from './outbox/announcer.ts';

type Closer = () => Promise<unknown>;

/** The web side: Slack's endpoint (or Socket Mode), /healthz, the calendar feeds, and the queue producer. */
export async function startWeb(
  config: Config,
  logger: Logger,
  database: Database,
  redis: Redis,
  clock: Clock,
  testClock: TestClock | undefined,
  shutdownGraceMs: number,
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
  // Every request's own small Redis commands (replay marker, interaction claim, Home digest) go out together,
  // on a connection of their own: a pipeline copies every script of its connection, and BullMQ defines
  // dozens on the shared one.
  const batchRedis = createRedis(config.redisUrl, 'producer');
  await connectOrExplain(batchRedis, config.redisUrl);
  closers.push(async () => batchRedis.disconnect());
  const batch = createRedisBatch(batchRedis);
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
    interactions: createInteractionGuard(batch, config.redisPrefix),
    homes: createPublishedHomes(batch, config.redisPrefix),
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
    : new ConcordHttpReceiver({ signingSecret: config.slackSigningSecret!, replayGuard: createReplayGuard(batch, config.redisPrefix), logger });
  const app = buildSlackApp({ config, logger, deps, receiver });
  if (receiver) routes.push({ method: 'POST', path: '/slack/events', handler: (req, res, _params, body) => receiver.handle(req, res, body) });
  else {
    await app.start();
    closers.push(() => app.stop());
  }
  const server = createWebServer(routes, logger);
  const port = await listen(server, config.port);
  closers.unshift(() => closeServer(server, shutdownGraceMs));
  logger.info({ port, mode: socketMode ? 'socket' : 'http' }, 'web side listening');
  return { port, closers };
}
