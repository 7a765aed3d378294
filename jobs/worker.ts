/**
 * The BullMQ worker: job name → handler. On start and every 5 minutes a reconciler re-enqueues every
 * undelivered outbox row, so an emptied or replaced Redis loses nothing.
 */
import { Worker, type Job, type Queue } from 'bullmq';
import { WebClient } from '@slack/web-api';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/database.ts';
import { describeError, type Logger } from '../src/logger.ts';
import { undeliveredIds } from '../src/outbox/outbox-repository.ts';
import { createRedis } from './connection.ts';
import { createQueue, enqueueDeliveries, JOB, QUEUE_NAME } from './queue.ts';
import { deliverMessage } from './deliver-message.ts';

const CLOSE_GRACE_MS = 10_000;

/** true if `p` settled within `ms`. */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([p.then(() => true, () => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))]);
  clearTimeout(timer);
  return done;
}

export interface RunningWorker {
  queue: Queue;
  /** Re-enqueues undelivered rows now (also runs on a 5-minute schedule). */
  reconcile(): Promise<number>;
  close(): Promise<void>;
}

export async function startWorker(opts: { config: Config; logger: Logger; db: Db }): Promise<RunningWorker> {
  const { config, db } = opts;
  const logger = opts.logger.child({ component: 'worker' });
  const connection = createRedis(config.redisUrl, 'worker');
  const queue = createQueue(connection, config.redisPrefix);
  // Jobs handle 429s themselves (re-scheduled with Retry-After), so the client never waits inside a job.
  const client = new WebClient(config.slackBotToken, { slackApiUrl: config.slackApiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });

  const reconcile = async (): Promise<number> => {
    const ids = await undeliveredIds(db, new Date(Date.now() - 5 * 60_000));
    await enqueueDeliveries(queue, ids);
    return ids.length;
  };

  const handlers: Record<string, (job: Job, token?: string) => Promise<unknown>> = {
    [JOB.deliver]: (job, token) => deliverMessage({ db, redis: connection, keyPrefix: config.redisPrefix, client, logger }, job, token),
    [JOB.reconcile]: () => reconcile(),
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
  worker.on('error', (err) => logger.error({ ...describeError(err) }, 'worker error'));

  await queue.upsertJobScheduler('reconcile-outbox', { every: 5 * 60_000 }, { name: JOB.reconcile, data: {} });
  const requeued = await reconcile();
  logger.info({ requeued }, 'worker started');

  return {
    queue,
    reconcile,
    async close() {
      // Waits for in-flight jobs; if Redis is gone they cannot finish cleanly, so give up after a while.
      const graceful = await within(worker.close(), CLOSE_GRACE_MS);
      if (!graceful) await within(worker.close(true), 1000);
      await within(queue.close(), 1000);
      connection.disconnect();
    },
  };
}
