/**
 * The follow-ups of an adopted record: one F-n per follow-up line, created as `assign` creates them (one
 * part per organization, a history event, an audit event, a DM to each focal point and alternate), linked
 * to the record and to its meeting.
 */
import type { Tx } from '../db/transaction.ts';
import type { Committee } from '../committees/scope.ts';
import { nextNumber } from '../committees/committee-repository.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { requireOrganization } from '../organizations/organization-service.ts';
import { addEvent, createFollowUp } from '../followups/followup-repository.ts';
import { notifyAssignments } from '../followups/followup-notify.ts';
import { shortFollowUpId } from '../followups/followup-rules.ts';
import type { FollowUpEnv } from '../followups/announcements.ts';
import { meetingsByIds } from '../meetings/meeting-repository.ts';
import { linkFollowUps } from './record-repository.ts';
import type { FollowUpLine } from './record-rules.ts';

/** Returns the outbox ids of the DMs to dispatch after commit. */
export async function createRecordFollowUps(
  tx: Tx,
  committee: Committee,
  record: { id: string; meetingId: string | null },
  lines: FollowUpLine[],
  actorId: string,
  env: FollowUpEnv,
): Promise<string[]> {
  const meeting = record.meetingId ? ((await meetingsByIds(tx, committee.id, [record.meetingId])).get(record.meetingId) ?? null) : null;
  const ids: string[] = [];
  const created: string[] = [];
  for (const line of lines) {
    const orgs = [];
    for (const code of line.codes) orgs.push(await requireOrganization(tx, committee, code));
    const number = await nextNumber(tx, committee.id, 'followup');
    const data = { title: line.action, dueDate: line.due, timeZone: committee.timeZone, meetingId: meeting?.id ?? null };
    const followUp = await createFollowUp(tx, committee.id, number, actorId, data, orgs.map((o) => o.id));
    await addEvent(tx, { committeeId: committee.id, followUpId: followUp.id, assignmentId: null, kind: 'assign', actorId, at: env.now });
    await recordAudit(tx, { committeeId: committee.id, actorId, action: 'followup.assign', subject: shortFollowUpId(number), after: followUp });
    ids.push(...(await notifyAssignments(tx, committee, env, followUp, followUp.assignments, meeting, actorId)).ids);
    created.push(followUp.id);
  }
  await linkFollowUps(tx, committee.id, record.id, created);
  return ids;
}
