/**
 * Pure builder: a follow-up DM as it reads after its part changed, for `chat.update` through the outbox.
 * Done (or cancelled): the buttons go and the message says "✅ Done by @x at 14:02" (Slack shows the time
 * in the recipient's zone; the fallback is the organization's). Snoozed or updated: the buttons stay and
 * the latest snooze (with its reason) or update is added.
 */
import type { KnownBlock } from '@slack/types';
import type { RenderedAnnouncement } from '../../meetings/announcements.ts';
import type { Meeting } from '../../meetings/meeting-rules.ts';
import type { Assignment, FollowUp, FollowUpEvent } from '../../followups/followup-rules.ts';
import { shortFollowUpId } from '../../followups/followup-rules.ts';
import { formatLocalDate } from '../../time/format.ts';
import type { LocalDate } from '../../time/local-date.ts';
import { dateToken, escapeMrkdwn, truncate } from '../text.ts';
import { context } from './reply.ts';
import { followUpNotices } from './followup-notices.ts';
import { addedBy } from './meetings.ts';

export interface PartDmInput {
  followUp: FollowUp;
  assignment: Assignment;
  meeting: Meeting | null;
  /** The part's history, oldest first. */
  events: FollowUpEvent[];
  recipientId: string;
  /** The zone the DM was told in (the organization's), for fallbacks. */
  zone: string;
  today: LocalDate;
}

const quote = (text: string | null) => (text ? `: “${escapeMrkdwn(truncate(text, 500))}”` : '');

function statusLine(input: PartDmInput): string | null {
  const { assignment: a, zone } = input;
  const org = escapeMrkdwn(a.organization.code);
  if (a.status === 'done') {
    const when = a.doneAt ? ` at ${dateToken(a.doneAt, zone, '{time} on {date_short}')}` : '';
    return `✅ ${org}'s part is done — Done by ${a.doneBy ? addedBy(a.doneBy) : 'someone'}${when}${quote(a.note)}`;
  }
  if (a.status === 'cancelled' || input.followUp.status === 'cancelled') return `🚫 ${org}'s part of ${shortFollowUpId(input.followUp.number)} is cancelled.`;
  const mine = input.events.filter((e) => e.assignmentId === a.id);
  const snooze = [...mine].reverse().find((e) => e.kind === 'snooze');
  const update = [...mine].reverse().find((e) => e.kind === 'update');
  const lines: string[] = [];
  if (snooze && a.snoozedUntil) lines.push(`😴 Snoozed until *${formatLocalDate(a.snoozedUntil)}* by ${addedBy(snooze.actorId)} (${a.snoozeCount}×)${quote(snooze.text)}`);
  if (update) lines.push(`📝 Latest update by ${addedBy(update.actorId)} ${dateToken(update.createdAt, zone)}${quote(update.text)}`);
  return lines.length ? lines.join('\n') : null;
}

export function partDmEdit(input: PartDmInput): RenderedAnnouncement {
  const base = followUpNotices()({
    type: 'followup.assignment-dm',
    followUp: input.followUp,
    assignment: input.assignment,
    meeting: input.meeting,
    recipientId: input.recipientId,
    zone: input.zone,
    today: input.today,
    actorId: input.followUp.createdBy,
  });
  const line = statusLine(input);
  const closed = input.assignment.status !== 'open' || input.followUp.status === 'cancelled';
  const blocks = ((base.blocks ?? []) as KnownBlock[]).filter((b) => !(closed && b.type === 'actions'));
  if (line) blocks.splice(1, 0, context(line));
  const head = line ? `${line.split('\n')[0]} — ` : '';
  return { text: `${head}${base.text}`.slice(0, 3900), blocks };
}
