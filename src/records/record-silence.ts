/**
 * The silence deadline on the reminder engine: a circulated record has one `Reminder` row (subject kind
 * `record`) due at the end of its silence period. The sweep (`jobs/send-reminders.ts`) hands it to
 * `adoptBySilence`, which adopts the record if it is still circulated with no unresolved objection, and
 * re-plans, as a committee write does, the reminders of the follow-ups it created and closed.
 */
import type { Tx } from '../db/transaction.ts';
import { rowStamp } from '../db/row-stamp.ts';
import { lockCommittee } from '../committees/committee-repository.ts';
import { replanTouched } from '../reminders/reminder-planner.ts';
import { findRecordById, openObjections } from './record-repository.ts';
import { adoptInside } from './record-adoption.ts';
import type { RecordEnv } from './record-notices.ts';

export { RECORD_KIND } from './record-silence-repository.ts';

export type SilenceOutcome = { adopted: true; outboundIds: string[] } | { adopted: false; reason: string };

/** The silence period of `recordId` has ended at `now`: adopt it, unless something stands in the way. */
export async function adoptBySilence(tx: Tx, recordId: string, now: Date, env: RecordEnv): Promise<SilenceOutcome> {
  // What adoption touches is stamped at or after this (see committee-write.ts).
  const since = rowStamp();
  const first = await findRecordById(tx, recordId);
  if (!first) return { adopted: false, reason: 'its record was removed' };
  const committee = await lockCommittee(tx, first.committeeId);
  if (!committee) return { adopted: false, reason: 'its committee was removed' };
  const record = (await findRecordById(tx, recordId))!;
  if (record.status !== 'circulated') return { adopted: false, reason: `the record is ${record.status}` };
  if (!record.silenceEndsAt || record.silenceEndsAt.getTime() > now.getTime()) return { adopted: false, reason: 'its silence period has not ended' };
  if ((await openObjections(tx, record.id)).length) return { adopted: false, reason: 'an objection is unresolved' };
  const outboundIds = await adoptInside(tx, committee, record, null, env);
  await replanTouched(tx, committee.id, since, now);
  return { adopted: true, outboundIds };
}
