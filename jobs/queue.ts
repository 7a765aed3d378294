/** The one BullMQ queue and its typed producers. Payloads carry ids only. */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export const QUEUE_NAME = 'concord';

export const JOB = {
  deliver: 'deliver-message',
  reconcile: 'reconcile',
  /** A reminder's timer: sends everything due (the reminder itself and anything else due by then). */
  remind: 'remind',
  /** "Send what is due now" — after the test clock moved. */
  tick: 'tick',
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
 * One job per row to deliver. A delivery job moves its channel forward by one message when its row is
 * the channel's head, and then queues the next head; the job of a row waiting behind the head ends at once
 * (the reconciler queues any head left without a job). Finished
 * jobs are removed at once, so a job id exists only while its job can still run, and adding an id that is
 * waiting or running is harmlessly ignored. Ids are per attempt: a row taken over from a dead worker (its
 * job may still look active in Redis) or scheduled after the previous message gets a job of its own.
 */
export async function enqueueDeliveries(queue: Queue, rows: Array<string | { id: string; attempts: number }>, opts: { after?: string; delayMs?: number } = {}): Promise<void> {
  if (rows.length === 0) return;
  await queue.addBulk(
    rows.map((row) => {
      const { id, attempts } = typeof row === 'string' ? { id: row, attempts: 0 } : row;
      const jobId = opts.after ? `deliver-${id}-after-${opts.after}` : attempts > 0 ? `deliver-${id}-a${attempts}` : `deliver-${id}`;
      return {
        name: JOB.deliver,
        data: { outboundId: id },
        opts: { jobId, removeOnComplete: true, removeOnFail: true, ...(opts.delayMs ? { delay: opts.delayMs } : {}) },
      };
    }),
  );
}

/**
 * Timers for reminders due within the horizon: one delayed job per reminder and instant (the id holds both,
 * so planning twice adds one timer and a re-timed reminder gets a new one). A timer only wakes the sweep,
 * which reads the database: a stale or lost timer changes nothing.
 */
export async function enqueueReminderTimers(queue: Queue, reminders: Array<{ id: string; dueAt: Date }>, now: Date): Promise<void> {
  if (!reminders.length) return;
  await queue.addBulk(
    reminders.map((r) => ({
      name: JOB.remind,
      data: {},
      opts: { jobId: `remind-${r.id}-${r.dueAt.getTime()}`, delay: Math.max(0, r.dueAt.getTime() - now.getTime()), removeOnComplete: true, removeOnFail: true },
    })),
  );
}

/** Sends what is due now (the test clock moved). */
export async function enqueueTick(queue: Queue): Promise<void> {
  await queue.add(JOB.tick, {}, { removeOnComplete: true, removeOnFail: true });
}
