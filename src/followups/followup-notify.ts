/**
 * Telling an organization it has a part in a follow-up: each focal point and alternate gets a DM (with
 * Done / Snooze / Add update buttons) through the outbox, inside the change's transaction, and each DM
 * is recorded (`FollowUpMessage`) so that later changes can edit it in place. Where Slack refuses the DM
 * (an external user, …), the outbox posts it in the organization's channel, else the committee's, with a
 * mention.
 */
import type { Tx } from '../db/transaction.ts';
import type { Committee } from '../committees/scope.ts';
import { addDirectMessage } from '../outbox/outbox-repository.ts';
import type { Meeting } from '../meetings/meeting-rules.ts';
import { todayInZone } from '../time/local-date.ts';
import type { FollowUpEnv } from './announcements.ts';
import { notifiablePeople, recordMessage } from './followup-repository.ts';
import type { Assignment, FollowUp } from './followup-rules.ts';

export interface Notified {
  /** Outbox ids to dispatch after commit. */
  ids: string[];
  /** Codes of the organizations that have no focal point or alternate: nobody was told. */
  unnotified: string[];
}

export async function notifyAssignments(
  tx: Tx,
  committee: Committee,
  env: FollowUpEnv,
  followUp: FollowUp,
  assignments: Assignment[],
  meeting: Meeting | null,
  actorId: string,
): Promise<Notified> {
  const people = await notifiablePeople(tx, committee.id, assignments.map((a) => a.organization.id));
  const ids: string[] = [];
  const unnotified: string[] = [];
  for (const assignment of assignments) {
    const org = assignment.organization;
    const recipients = people.filter((p) => p.organizationId === org.id);
    if (recipients.length === 0) unnotified.push(org.code);
    // The member's own Slack zone is not stored; the organization's duty station is the best we know
    // here (it defaults to the committee's zone). Reminders, sent later, may refine it with Slack's `tz`.
    const zone = org.timeZone || committee.timeZone;
    for (const { slackUserId } of recipients) {
      const message = env.render({
        type: 'followup.assignment-dm',
        followUp,
        assignment,
        meeting,
        recipientId: slackUserId,
        zone,
        today: todayInZone(env.now, zone),
        actorId,
      });
      const fallback = org.channelId ?? committee.channelId ?? undefined;
      const id = await addDirectMessage(tx, {
        committeeId: committee.id,
        userId: slackUserId,
        text: message.text,
        blocks: message.blocks,
        ...(fallback ? { fallbackChannelId: fallback } : {}),
      });
      await recordMessage(tx, { committeeId: committee.id, assignmentId: assignment.id, recipientUserId: slackUserId, outboundId: id });
      ids.push(id);
    }
  }
  return { ids, unnotified };
}
