/**
 * The BullMQ worker: job name → handler. A reconciler re-enqueues every channel's undelivered head and
 * takes over messages whose worker died mid-post — at start, after every Redis reconnect, on an
 * in-process timer (which an emptied Redis cannot lose) and on a BullMQ job scheduler — so an emptied or
 * replaced Redis loses nothing.
 */
import { Worker, type Job, type Queue } from 'bullmq';
import { WebClient } from '@slack/web-api';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/database.ts';
import { rowStamp } from '../src/db/row-stamp.ts';
import { describeError, type Logger } from '../src/logger.ts';
import { pendingHeads, recoverExpiredClaims } from '../src/outbox/outbox-repository.ts';
import { settledWithin } from '../src/util/timeout.ts';
import { createRedis, reportRedisState } from './connection.ts';
import { createQueue, enqueueDeliveries, enqueueReminderTimers, JOB, QUEUE_NAME } from './queue.ts';
import { sendDueReminders } from './send-reminders.ts';
import { settleDeliveredReminders, upcomingInstants } from '../src/reminders/reminder-repository.ts';
import { ensureDigestsPlanned } from '../src/reminders/digest-repository.ts';
import type { Clock } from '../src/clock/clock.ts';
import { deliverMessage } from './deliver-message.ts';

const CLOSE_GRACE_MS = 10_000;
/** The reconciler's cadence: the in-process timer and the Redis job scheduler. */
export const RECONCILE_EVERY_MS = 30_000;
const SCHEDULER_ID = 'reconcile-outbox';

export interface RunningWorker {
  queue: Queue;
  /** Re-enqueues what is undelivered now (also runs on its own; see above). Returns how many channels. */
  reconcile(): Promise<number>;
  close(): Promise<void>;
}

/** Instants within this horizon at which reminders come due have timers in Redis (one each); later ones are added by the reconciler. */
const REMINDER_HORIZON_MS = 6 * 3600_000;

export async function startWorker(opts: { config: Config; logger: Logger; db: Db; clock: Clock }): Promise<RunningWorker> {
  const { config, db, clock } = opts;
  const logger = opts.logger.child({ component: 'worker' });
  const connection = createRedis(config.redisUrl, 'worker');
  const queue = createQueue(connection, config.redisPrefix);
  // Jobs handle 429s themselves (re-scheduled with Retry-After), so the client never waits inside a job;
  // a call gives up well within the lease, so a live worker never loses a message to another.
  const client = new WebClient(config.slackBotToken, {
    slackApiUrl: config.slackApiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: Math.floor(config.deliveryLeaseMs / 3),
  });

  const dispatch = (ids: string[]) => enqueueDeliveries(queue, ids);
  /** Sends what is due now and sets timers for what comes due within the horizon. */
  const sendDue = async (): Promise<number> => {
    await clock.sync?.();
    const now = clock.now();
    const queued = await sendDueReminders({ db, logger, dispatch, commandName: config.slackCommand }, now);
    // The next Monday's digests always exist (after a week's digest went out, or when a committee changed).
    await ensureDigestsPlanned(db, now);
    const instants = await upcomingInstants(db, new Date(now.getTime() + REMINDER_HORIZON_MS));
    await enqueueReminderTimers(queue, instants.map((dueAt) => ({ id: 'at', dueAt })), now);
    return queued;
  };

  const reconcile = async (): Promise<number> => {
    await sendDue();
    const recovered = await recoverExpiredClaims(db, new Date(rowStamp().getTime() - config.deliveryLeaseMs));
    if (recovered) logger.warn({ recovered }, 'took over messages whose worker stopped mid-delivery');
    const settled = await settleDeliveredReminders(db);
    if (settled) logger.warn({ settled }, 'recorded reminders whose message had been delivered as sent');
    await queue.upsertJobScheduler(SCHEDULER_ID, { every: RECONCILE_EVERY_MS }, { name: JOB.reconcile, data: {} });
    const heads = await pendingHeads(db);
    await enqueueDeliveries(queue, heads);
    return heads.length;
  };
  const reconcileQuietly = (why: string) =>
    reconcile().catch((err: unknown) => logger.warn({ why, ...describeError(err) }, 'reconcile failed; will try again'));

  const handlers: Record<string, (job: Job, token?: string) => Promise<unknown>> = {
    [JOB.deliver]: (job, token) => deliverMessage({ db, redis: connection, queue, keyPrefix: config.redisPrefix, client, logger }, job, token),
    [JOB.reconcile]: () => reconcile(),
    [JOB.remind]: () => sendDue(),
    [JOB.tick]: () => sendDue(),
  };

  const worker = new Worker(
    QUEUE_NAME,
    async (job, token) => {
      const handler = handlers[job.name];
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      return handler(job, token);
    },
    { connection, prefix: config.redisPrefix, concurrency: 4 },
  );
  worker.on('failed', (job, err) => logger.warn({ jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, ...describeError(err) }, 'job failed'));
  // Redis going away makes every client report errors many times a second: one line per state change.
  const redisState = reportRedisState(connection, logger);
  const unlessRedisDown = (what: string) => (err: Error) => {
    if (!redisState.isDown() && connection.status === 'ready') logger.error({ ...describeError(err) }, what);
  };
  worker.on('error', unlessRedisDown('worker error'));
  queue.on('error', unlessRedisDown('queue error'));
  // A Redis that comes back may have come back empty: restore the scheduler and every lost job.
  let reconnecting = false;
  connection.on('reconnecting', () => (reconnecting = true));
  connection.on('ready', () => {
    if (!reconnecting) return;
    reconnecting = false;
    void reconcileQuietly('redis reconnected');
  });
  // Not in Redis, so an emptied Redis cannot lose it.
  const timer = setInterval(() => void reconcileQuietly('timer'), RECONCILE_EVERY_MS);
  timer.unref();

  const requeued = await reconcile();
  logger.info({ channels: requeued }, 'worker started');

  return {
    queue,
    reconcile,
    async close() {
      clearInterval(timer);
      // Waits for in-flight jobs; if Redis is gone they cannot finish cleanly, so give up after a while.
      const graceful = await settledWithin(worker.close(), CLOSE_GRACE_MS);
      if (!graceful) await settledWithin(worker.close(true), 1000);
      await settledWithin(queue.close(), 1000);
      connection.disconnect();
    },
  };
}
