/**
 * Pure builder: what follow-up changes say — the committee-channel announcements (assigned, all done,
 * cancelled) and the DM each focal point and alternate gets, with Done / Snooze / Add update buttons
 * (action ids from `ids.ts`, value = the assignment id). Handed to the follow-up services as their renderer.
 */
import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { RenderedAnnouncement } from '../../meetings/announcements.ts';
import type { FollowUpNotice } from '../../followups/announcements.ts';
import { rollUp, shortFollowUpId, type FollowUp } from '../../followups/followup-rules.ts';
import { shortMeetingId, type Meeting } from '../../meetings/meeting-rules.ts';
import { daysBetween, type LocalDate } from '../../time/local-date.ts';
import { formatLocalDate } from '../../time/format.ts';
import { FOLLOWUP_ACTIONS } from '../ids.ts';
import { escapeMrkdwn, plain, truncate } from '../text.ts';
import { context, section } from './reply.ts';
import { addedBy } from './meetings.ts';

/** `*F-3* Submit the GFC outcomes to UNEA` */
export function followUpName(f: Pick<FollowUp, 'number' | 'title'>): string {
  return `*${shortFollowUpId(f.number)}* ${escapeMrkdwn(truncate(f.title, 300))}`;
}

/** `in 21 days`, `today`, `3 days ago`, from `today` (a local date in the reader's zone). */
export function relativeDays(due: LocalDate, today: LocalDate): string {
  const n = daysBetween(today, due);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}

/** `due *Mon 1 Mar 2027* (in 21 days)` or `no due date`. */
export function dueText(f: Pick<FollowUp, 'dueDate'>, today: LocalDate): string {
  return f.dueDate ? `due *${formatLocalDate(f.dueDate)}* (${relativeDays(f.dueDate, today)})` : 'no due date';
}

export function meetingRef(m: Meeting): string {
  return `*${shortMeetingId(m.number)}* ${escapeMrkdwn(truncate(m.title, 150))}`;
}

function codes(f: FollowUp): string {
  return f.assignments.filter((a) => a.status !== 'cancelled').map((a) => escapeMrkdwn(a.organization.code)).join(', ');
}

/** The three buttons of one organization's part. */
export function partButtons(assignmentId: string): ActionsBlock {
  return {
    type: 'actions',
    block_id: FOLLOWUP_ACTIONS.blockId,
    elements: [
      { type: 'button', action_id: FOLLOWUP_ACTIONS.done, text: plain('Done'), style: 'primary', value: assignmentId },
      { type: 'button', action_id: FOLLOWUP_ACTIONS.snooze, text: plain('Snooze'), value: assignmentId },
      { type: 'button', action_id: FOLLOWUP_ACTIONS.update, text: plain('Add update'), value: assignmentId },
    ],
  };
}

function message(text: string, blocks?: KnownBlock[]): RenderedAnnouncement {
  return blocks ? { text, blocks } : { text };
}

function render(n: FollowUpNotice): RenderedAnnouncement {
  switch (n.type) {
    case 'followup.assigned': {
      const due = n.followUp.dueDate ? `due *${formatLocalDate(n.followUp.dueDate)}*` : 'no due date';
      const meeting = n.meeting ? ` · from ${meetingRef(n.meeting)}` : '';
      return message(`📌 ${followUpName(n.followUp)} assigned to ${codes(n.followUp)}: ${due}${meeting} — by ${addedBy(n.actorId)}`);
    }
    case 'followup.assignment-dm': {
      const { followUp: f, assignment: a } = n;
      const org = escapeMrkdwn(a.organization.code);
      const meeting = n.meeting ? `\nAgreed at ${meetingRef(n.meeting)}` : '';
      const others = f.assignments.length > 1 ? `\nAlso assigned to ${f.assignments.filter((x) => x.id !== a.id).map((x) => escapeMrkdwn(x.organization.code)).join(', ')}; each organization reports its own part.` : '';
      const head = `📌 New follow-up for *${org}*: ${followUpName(f)}`;
      const body = `${head}\n${dueText(f, n.today)}${f.dueDate ? ` — ${escapeMrkdwn(n.zone)} time` : ''}${meeting}${others}`;
      const blocks: KnownBlock[] = [section(body), partButtons(a.id), context(`Assigned by ${addedBy(n.actorId)}. Done, Snooze and Add update act for ${org}.`)];
      return message(`${head} — ${dueText(f, n.today)}`, blocks);
    }
    case 'followup.completed': {
      const { done, total } = rollUp(n.followUp);
      return message(`✅ ${followUpName(n.followUp)} is done by every organization (${done}/${total}) — last part by ${addedBy(n.actorId)}`);
    }
    case 'followup.cancelled':
      return message(`🗑️ ${followUpName(n.followUp)} is cancelled — by ${addedBy(n.actorId)}`);
  }
}

/** The renderer the follow-up services take. */
export function followUpNotices(): (n: FollowUpNotice) => RenderedAnnouncement {
  return render;
}
