/** Pure builders: the deadline list (`deadlines [DAYS]`). Deadlines are dates: never shifted by zone. */
import type { Deadline } from '../../deadlines/deadline-rules.ts';
import { describeOffset, isRelative, shortDeadlineId } from '../../deadlines/deadline-rules.ts';
import type { Meeting } from '../../meetings/meeting-rules.ts';
import { shortMeetingId } from '../../meetings/meeting-rules.ts';
import { daysBetween, type LocalDate } from '../../time/local-date.ts';
import { formatLocalDate } from '../../time/format.ts';
import { escapeMrkdwn, inlineCode, truncate } from '../text.ts';
import { context, header, reply, section, type Block, type Reply } from './reply.ts';
import { MAX_LIST_ROWS } from './meetings.ts';

export interface DeadlineRow {
  deadline: Deadline;
  due: LocalDate;
  meeting: Meeting | null;
}

function inDays(due: LocalDate, today: LocalDate): string {
  const n = daysBetween(today, due);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  return `in ${n} days`;
}

/** Who is responsible: the organizations' codes, or the whole committee. */
export function responsible(d: Deadline): string {
  return d.organizations.length ? d.organizations.map((o) => escapeMrkdwn(o.code)).join(', ') : 'the whole committee';
}

/** How the due date comes about: "6 weeks before M-4 (GFC IC-1)", "every year". */
export function dueRule(d: Deadline, meeting: Meeting | null): string {
  const parts: string[] = [];
  if (isRelative(d) && meeting) {
    const cancelled = meeting.status === 'cancelled' ? ' — *that meeting is cancelled*' : '';
    parts.push(`${describeOffset(d)} ${shortMeetingId(meeting.number)} (${escapeMrkdwn(truncate(meeting.title, 100))})${cancelled}`);
  }
  if (d.rrule) parts.push('every year');
  return parts.join(' · ');
}

export function deadlineLine(row: DeadlineRow, today: LocalDate): string {
  const { deadline: d } = row;
  const rule = dueRule(d, row.meeting);
  return `*${shortDeadlineId(d.number)}* · *${escapeMrkdwn(truncate(d.title, 200))}* — due *${formatLocalDate(row.due)}* (${inDays(row.due, today)})\n${rule ? `${rule} · ` : ''}${responsible(d)}`;
}

/** `deadlines [DAYS]`: soonest first, at most 40 rows and a hint to narrow the window. */
export function deadlineListBlocks(input: { rows: DeadlineRow[]; days: number; today: LocalDate; commandName: string }): Reply {
  const { rows, days, today, commandName } = input;
  const title = `Deadlines in the next ${days} days (${rows.length})`;
  if (rows.length === 0) {
    const none = `No deadlines in the next ${days} days. ${inlineCode(`${commandName} deadlines 365`)} looks a year ahead.`;
    return reply(none, [section(none)]);
  }
  const shown = rows.slice(0, MAX_LIST_ROWS);
  const blocks: Block[] = [header(title), ...shown.map((r) => section(deadlineLine(r, today)))];
  if (shown.length < rows.length) {
    blocks.push(context(`Showing ${shown.length} of ${rows.length} — narrow with ${inlineCode(`${commandName} deadlines 30`)}.`));
  }
  const text = `${title}: ${shown.map((r) => `${shortDeadlineId(r.deadline.number)} ${r.deadline.title} (due ${formatLocalDate(r.due)})`).join('; ')}`;
  return reply(escapeMrkdwn(text), blocks);
}
