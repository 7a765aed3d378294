/** The silence deadline of a circulated record as one `Reminder` row, subject kind `record` (Prisma only here). */
import type { DbClient } from '../db/transaction.ts';

export const RECORD_KIND = 'record';
export const SILENCE_RULE = 'silence';

/** Plans (or moves) the record's silence deadline. */
export async function planSilence(db: DbClient, committee: { id: string; channelId: string | null; timeZone: string }, recordId: string, dueAt: Date): Promise<void> {
  const recipient = committee.channelId ?? committee.id;
  await db.reminder.updateMany({ where: { subjectKind: RECORD_KIND, subjectId: recordId, status: 'pending' }, data: { status: 'cancelled', reason: 'its silence period changed' } });
  await db.reminder.upsert({
    where: { subjectKind_subjectId_rule_recipient: { subjectKind: RECORD_KIND, subjectId: recordId, rule: SILENCE_RULE, recipient } },
    create: { committeeId: committee.id, subjectKind: RECORD_KIND, subjectId: recordId, rule: SILENCE_RULE, recipient, recipientKind: 'channel', zone: committee.timeZone, dueAt },
    update: { status: 'pending', reason: null, dueAt, zone: committee.timeZone },
  });
}

export async function cancelSilence(db: DbClient, recordId: string, reason: string): Promise<void> {
  await db.reminder.updateMany({ where: { subjectKind: RECORD_KIND, subjectId: recordId, status: 'pending' }, data: { status: 'cancelled', reason } });
}

