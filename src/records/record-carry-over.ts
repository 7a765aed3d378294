/**
 * On adoption, what the record decided about the open follow-ups of earlier meetings (the modal's
 * "carried over" / "closed" choice). "Closed": each organization part still open becomes done, with the note
 * "Closed by R-n", done by the person who adopted the record (by silence: who circulated it) at adoption;
 * the follow-up is done once no part is open; a history and an audit event are written. Changing the parts
 * re-plans their reminders in the same transaction (the caller's committee write, or `adoptBySilence`), so
 * nothing more is reminded. "Carried over" leaves the follow-up open. Both are listed in the annex.
 */
import type { Tx } from '../db/transaction.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { addEvent, reloadFollowUp, setFollowUpStatus, updateAssignment } from '../followups/followup-repository.ts';
import { derivedStatus, shortFollowUpId } from '../followups/followup-rules.ts';
import { annexFollowUps } from './record-document-repository.ts';
import { shortRecordId, type CarryOver } from './record-rules.ts';

export const closedNote = (recordNumber: number) => `Closed by ${shortRecordId(recordNumber)}`;

/** Closes the follow-ups `carryOver` marks closed; returns the numbers of those it changed. */
export async function closeMarkedFollowUps(
  tx: Tx,
  committeeId: string,
  recordNumber: number,
  carryOver: readonly CarryOver[],
  by: { userId: string; bySilence: boolean },
  now: Date,
): Promise<number[]> {
  const marked = carryOver.filter((c) => c.choice === 'closed').map((c) => c.followUpId);
  const note = `${closedNote(recordNumber)}${by.bySilence ? ' (adopted by the silence procedure)' : ''}`;
  const closed: number[] = [];
  for (const f of await annexFollowUps(tx, committeeId, marked)) {
    const open = f.assignments.filter((a) => a.status === 'open');
    if (f.status !== 'open' || !open.length) continue;
    const before = await reloadFollowUp(tx, f.id);
    for (const part of open) {
      await updateAssignment(tx, part.id, { status: 'done', note, doneBy: by.userId, doneAt: now, snoozedUntil: null });
      await addEvent(tx, { committeeId, followUpId: f.id, assignmentId: part.id, kind: 'done', actorId: by.userId, text: note, at: now });
    }
    const after = await reloadFollowUp(tx, f.id);
    if (derivedStatus(after) === 'done') await setFollowUpStatus(tx, f.id, 'done');
    await recordAudit(tx, {
      committeeId,
      actorId: by.userId,
      action: 'followup.close',
      subject: shortFollowUpId(f.number),
      before,
      after: { ...after, status: derivedStatus(after), closedBy: shortRecordId(recordNumber), organizations: open.map((p) => p.code) },
    });
    closed.push(f.number);
  }
  return closed;
}
