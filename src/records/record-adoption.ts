/**
 * Adoption, inside the transaction of whoever adopts (the chair's "adopt now", or the silence procedure):
 * the record is locked, its follow-ups are created and notified, the earlier follow-ups it marks closed are
 * closed, and the record is posted in the committee channel (a header message, the body in its thread).
 * The caller re-plans the reminders of what changed before it commits.
 */
import type { Tx } from '../db/transaction.ts';
import type { Committee } from '../committees/scope.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { addOutbound } from '../outbox/outbox-repository.ts';
import { findVersion, updateRecord, type SummaryRecord } from './record-repository.ts';
import { createRecordFollowUps } from './record-followups.ts';
import { closeMarkedFollowUps } from './record-carry-over.ts';
import { recordDocument } from './record-document.ts';
import { cancelSilence } from './record-silence-repository.ts';
import { shortRecordId } from './record-rules.ts';
import type { RecordEnv } from './record-notices.ts';

/** `actorId` null: adopted by the silence procedure. Returns the outbox ids to dispatch after commit. */
export async function adoptInside(tx: Tx, committee: Committee, record: SummaryRecord, actorId: string | null, env: RecordEnv): Promise<string[]> {
  const version = (await findVersion(tx, record.id, record.currentVersion))!;
  const by = actorId ?? 'silence-procedure';
  const adopted = await updateRecord(tx, record.id, { status: 'adopted', adoptedBy: by, adoptedAt: env.now, silenceEndsAt: null });
  await cancelSilence(tx, record.id, 'the record was adopted');
  const ids = await createRecordFollowUps(tx, committee, record, version.followUps, by, env.followUps);
  // By silence, the follow-ups are closed in the name of whoever circulated the record with that choice.
  const closer = { userId: actorId ?? record.circulatedBy ?? version.createdBy, bySilence: actorId === null };
  const closed = await closeMarkedFollowUps(tx, committee.id, record.number, version.carryOver, closer, env.now);
  await recordAudit(tx, { committeeId: committee.id, actorId: by, action: 'record.adopt', subject: shortRecordId(record.number), before: record, after: { ...adopted, closedFollowUps: closed } });
  ids.push(...(await postRecord(tx, committee, record.number, actorId, env)));
  return ids;
}

/** The adopted record in the channel: the first message there, the rest as replies in its thread. */
async function postRecord(tx: Tx, committee: Committee, number: number, actorId: string | null, env: RecordEnv): Promise<string[]> {
  if (!committee.channelId) return [];
  const document = await recordDocument(tx, committee.id, number);
  const [head, ...replies] = env.render({ type: 'record.adopted', document, actorId });
  if (!head) return [];
  const headId = await addOutbound(tx, { committeeId: committee.id, channelId: committee.channelId, ...head });
  const ids = [headId];
  for (const reply of replies) ids.push(await addOutbound(tx, { committeeId: committee.id, channelId: committee.channelId, threadOfId: headId, ...reply }));
  return ids;
}
