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
      await worker.close(); // waits for in-flight jobs
      await queue.close();
      connection.disconnect();
    },
  };
}
