/**
 * Pure builder: reminder messages. A follow-up reminder carries its part's Done / Snooze / Add update
 * buttons; meeting and deadline reminders are a line each.
 */
import type { KnownBlock } from '@slack/types';
import type { ReminderTopic } from '../../reminders/reminder-repository.ts';
import { formatDateRange, formatLocalDate } from '../../time/format.ts';
import { escapeMrkdwn, truncate } from '../text.ts';
import { section } from './reply.ts';
import { partButtons } from './followup-notices.ts';

/** `due-7` → "in 7 days", `overdue-2` → "overdue (2nd reminder)", `meeting-1` → "tomorrow". */
export function reminderWhen(rule: string): string {
  const [kind, nRaw] = rule.split('-');
  const n = Number(nRaw);
  if (kind === 'overdue') return `overdue (reminder ${n} of 3)`;
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  return `in ${n} days`;
}

export function reminderMessage(rule: string, topic: ReminderTopic): { text: string; blocks: KnownBlock[] } {
  const title = escapeMrkdwn(truncate(topic.title, 300));
  const when = reminderWhen(rule);
  switch (topic.kind) {
    case 'followup': {
      const due = topic.dueDate ? formatLocalDate(topic.dueDate) : 'no due date';
      const head = rule.startsWith('overdue')
        ? `⏰ *F-${topic.number}* ${title} — ${escapeMrkdwn(topic.organization)}'s part is ${when}; it was due ${due}.`
        : `⏰ *F-${topic.number}* ${title} — ${escapeMrkdwn(topic.organization)}'s part is due ${when} (${due}).`;
      return { text: head.replace(/\*/g, ''), blocks: [section(head), partButtons(topic.assignmentId)] };
    }
    case 'meeting': {
      const where = topic.venue ? `, ${escapeMrkdwn(truncate(topic.venue, 200))}` : '';
      const line = `📅 *M-${topic.number}* ${title} starts ${when}: ${formatDateRange(topic.startDate, topic.endDate)}${where}.`;
      return { text: line.replace(/\*/g, ''), blocks: [section(line)] };
    }
    case 'deadline': {
      const line = `⏳ *D-${topic.number}* ${title} is due ${when} (${formatLocalDate(topic.due)}).`;
      return { text: line.replace(/\*/g, ''), blocks: [section(line)] };
    }
  }
}

/** To the secretariat: a reminder Slack refused for good (a deactivated account, an archived channel, …). */
export function reminderFailedNotice(recipient: string, isUser: boolean, reason: string): { text: string; blocks: KnownBlock[] } {
  const who = isUser ? `<@${recipient}>` : `<#${recipient}>`;
  const line = `⚠️ A reminder to ${who} could not be delivered: Slack answered \`${escapeMrkdwn(reason)}\`. Please check the member or channel.`;
  return { text: line, blocks: [section(line)] };
}
