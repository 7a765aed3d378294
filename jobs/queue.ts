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

/** Deterministic jobId: enqueueing the same message twice schedules it once. */
export async function enqueueDeliveries(queue: Queue, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await queue.addBulk(ids.map((id) => ({ name: JOB.deliver, data: { outboundId: id }, opts: { jobId: `deliver-${id}` } })));
}
