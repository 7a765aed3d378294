/**
 * Pure builder: `/concord reminders` — what is planned, to whom and when, in the recipient's zone (09:00
 * there) and in the viewer's.
 */
import type { PlannedReminder } from '../../reminders/reminder-list-repository.ts';
import { isDigestRule } from '../../reminders/digest-rules.ts';
import { channelMention, escapeMrkdwn, formatInZone, inlineCode, truncate, userMention } from '../text.ts';
import { context, reply, section, sections, type Reply } from './reply.ts';

/** `due-7` → "7 days before it is due", `overdue-2` → "overdue, chase 2 of 3", `meeting-1` → "1 day before". */
export function describeRule(rule: string): string {
  if (isDigestRule(rule)) return 'Monday digest';
  if (rule === 'silence') return 'end of the silence period: adopted unless an objection is open';
  const [kind, nRaw] = rule.split('-');
  const n = Number(nRaw);
  if (kind === 'overdue') return `overdue, chase ${n} of 3`;
  const subject = kind === 'due' ? 'its due date' : kind === 'meeting' ? 'the meeting' : 'the deadline';
  if (n === 0) return `on ${subject}`;
  return `${n} day${n === 1 ? '' : 's'} before ${subject}`;
}

function line(r: PlannedReminder, viewerZone: string): string {
  const org = r.subject.organization ? ` · ${escapeMrkdwn(r.subject.organization)}` : '';
  const to = r.recipientKind === 'channel' ? channelMention(r.recipient) : `${userMention(r.recipient)} (DM)`;
  const theirs = `${formatInZone(r.dueAt, r.zone)} (${r.zone})`;
  const yours = r.zone === viewerZone ? 'the same for you' : `${formatInZone(r.dueAt, viewerZone)} your time (${viewerZone})`;
  return `• *${escapeMrkdwn(r.subject.id)}* ${escapeMrkdwn(truncate(r.subject.title, 80))}${org} — ${describeRule(r.rule)} → ${to}\n      ${theirs} · ${yours}`;
}

export function reminderListReply(input: { heading: string; empty: string; rows: PlannedReminder[]; total: number; viewerZone: string; commandName: string }): Reply {
  const { rows, total, viewerZone, commandName } = input;
  if (!rows.length) return reply(input.empty, [section(input.empty), context(`${inlineCode(`${commandName} help reminders`)} shows the other lists.`)]);
  const more = total > rows.length ? ` ${total - rows.length} more after these.` : '';
  const head = `*${input.heading}* (${total})`;
  const body = rows.map((r) => line(r, viewerZone)).join('\n');
  const blocks = [section(head), ...sections(body), context(`Sent at 09:00 on a working day in each recipient's zone.${more} ${inlineCode(`${commandName} digest`)} previews the next digest.`)];
  return reply(`${input.heading} (${total})`, blocks);
}
