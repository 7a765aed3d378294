/** The one BullMQ queue and its typed producers. Payloads carry ids only. */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export const QUEUE_NAME = 'concord';

export const JOB = {
  deliver: 'deliver-message',
  reconcile: 'reconcile',
} as const;

export function createQueue(connection: Redis, prefix: string): Queue {
  return new Queue(QUEUE_NAME, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}

/**
 * One job per row to deliver. A delivery job drives its channel forward by one message (the channel's
 * head, whichever row it was created for), so any job of a channel can unblock it. Finished jobs are
 * removed at once: a job id exists only while its job can still run, so every re-queue takes effect,
 * and adding an id that is waiting or running is harmlessly ignored.
 */
export async function enqueueDeliveries(queue: Queue, ids: string[], opts: { after?: string; delayMs?: number } = {}): Promise<void> {
  if (ids.length === 0) return;
  await queue.addBulk(
    ids.map((id) => ({
      name: JOB.deliver,
      data: { outboundId: id },
      opts: {
        // After a send, the next head gets an id of its own: its earlier job may still be finishing.
        jobId: opts.after ? `deliver-${id}-after-${opts.after}` : `deliver-${id}`,
        removeOnComplete: true,
        removeOnFail: true,
        ...(opts.delayMs ? { delay: opts.delayMs } : {}),
      },
    })),
  );
}
