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
import { createRedis, connectOrExplain } from '../jobs/connection.ts';
import { startWorker, type RunningWorker } from '../jobs/worker.ts';
import { createWebServer, listen, type Route } from './web/server.ts';
import { healthHandler } from './web/health.ts';
import { calendarFeedRoute } from './web/calendar-route.ts';
import { ConcordHttpReceiver } from './slack/http-receiver.ts';
import { createReplayGuard } from './slack/replay-guard.ts';
import { buildSlackApp } from './slack/app.ts';
import { createUserZones } from './slack/user-zone.ts';
import { createQueue, enqueueDeliveries } from '../jobs/queue.ts';
import type { Dispatch } from './outbox/announcer.ts';

export interface RunningConcord {
  /** Port of the HTTP server (web role), else undefined. */
  port?: number;
  database: Database;
  /** The worker (ROLE all or worker), e.g. to reconcile now. */
  worker?: RunningWorker;
  close(): Promise<void>;
}

export async function startConcord(config: Config, logger: Logger): Promise<RunningConcord> {
  const redis = createRedis(config.redisUrl, 'producer');
  await connectOrExplain(redis, config.redisUrl);
  const database = await openDatabase(config);
  const closers: Array<() => Promise<unknown>> = [];
  try {
    const applied = await applyPendingMigrations(database);
    logger.info({ applied, database: database.kind }, applied.length ? 'applied migrations' : 'database schema is up to date');

    let worker: RunningWorker | undefined;
    if (config.role !== 'web') {
      worker = await startWorker({ config, logger, db: database.prisma });
      closers.push(() => worker!.close());
    }

    let port: number | undefined;
    if (config.role !== 'worker') {
      const web = await startWeb(config, logger, database, redis);
      port = web.port;
      closers.unshift(...web.closers);
    }

    return {
      port,
      database,
      worker,
      async close() {
        for (const close of closers) await close().catch((err: unknown) => logger.warn({ ...describeError(err) }, 'error while closing'));
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
): Promise<{ port: number; closers: Array<() => Promise<unknown>> }> {
  const closers: Array<() => Promise<unknown>> = [];
  const queue = createQueue(redis, config.redisPrefix);
  closers.push(() => Promise.race([queue.close(), new Promise((r) => setTimeout(r, 1000))]));
  // A failed enqueue loses nothing: the row is in the database and the worker's reconciler finds it.
  const dispatch: Dispatch = (ids) =>
    enqueueDeliveries(queue, ids).catch((err: unknown) => logger.warn({ ...describeError(err), count: ids.length }, 'enqueue failed; the reconciler will deliver'));
  const deps = {
    db: database.prisma,
    logger,
    dispatch,
    userZones: createUserZones(),
    commandName: config.slackCommand,
    publicUrl: config.publicUrl,
    now: () => new Date(),
  };
  const routes: Route[] = [
    { method: 'GET', path: '/healthz', handler: healthHandler({ db: () => pingDatabase(database.prisma), redis: () => redis.ping() }) },
    calendarFeedRoute(database.prisma, logger),
  ];
  const socketMode = Boolean(config.slackAppToken);
  const receiver = socketMode
    ? undefined
    : new ConcordHttpReceiver({ signingSecret: config.slackSigningSecret!, replayGuard: createReplayGuard(redis, config.redisPrefix), logger });
  const app = buildSlackApp({ config, logger, deps, receiver });
  if (receiver) routes.push({ method: 'POST', path: '/slack/events', handler: (req, res) => receiver.handle(req, res) });
  else {
    await app.start();
    closers.push(() => app.stop());
  }
  const server = createWebServer(routes, logger);
  const port = await listen(server, config.port);
  closers.unshift(() => closeServer(server));
  logger.info({ port, mode: socketMode ? 'socket' : 'http' }, 'web side listening');
  return { port, closers };
}

/** Stops taking requests, lets in-flight ones finish. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
