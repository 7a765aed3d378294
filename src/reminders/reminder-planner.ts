/**
 * Re-derives reminders from their subjects, inside the transaction of the change: every committee write
 * (see `committees/committee-write.ts`) re-plans the follow-up parts, meetings and deadlines it touched.
 */
import type { DbClient } from '../db/transaction.ts';
import { applyPlan, touchedSubjects } from './reminder-repository.ts';
import { subjectState, type Subject, type SubjectState } from './reminder-subjects.ts';
import { deadlinePlan, followUpPlan, meetingPlan, type Planned } from './reminder-rules.ts';
import { planCommitteeDigests } from './digest-repository.ts';

/** The full plan for a subject as it is now (past instants included; the caller decides what applies). */
export function planFor(state: SubjectState): Planned[] {
  switch (state.plan.kind) {
    case 'followup':
      return followUpPlan(state.plan.part);
    case 'meeting':
      return meetingPlan(state.plan.meeting);
    case 'deadline':
      return deadlinePlan(state.plan.deadline);
  }
}

export async function replanSubject(db: DbClient, subject: Subject, now: Date): Promise<void> {
  const state = await subjectState(db, subject);
  if (!state) {
    await db.reminder.updateMany({ where: { subjectKind: subject.kind, subjectId: subject.id, status: 'pending' }, data: { status: 'cancelled', reason: 'its subject was removed' } });
    return;
  }
  await applyPlan(db, state.committeeId, subject, planFor(state), now, 'its subject changed');
}

/** Re-plans everything of the committee changed since `since` (the start of the current write). */
export async function replanTouched(db: DbClient, committeeId: string, since: Date, now: Date): Promise<void> {
  for (const subject of await touchedSubjects(db, committeeId, since)) await replanSubject(db, subject, now);
  // The next digests follow the committee's channel and zone, its organizations' zones and focal points.
  await planCommitteeDigests(db, committeeId, now);
}
