/**
 * Pure builder: the committee-channel messages announcing calendar changes (meeting added, moved,
 * cancelled; deadline added, cancelled; feed link reset). Handed to the calendar services as their renderer.
 */
import type { RenderedAnnouncement } from '../../meetings/announcements.ts';
import type { CalendarAnnouncement, RenderAnnouncement } from '../../deadlines/announcements.ts';
import { shortMeetingId, type Meeting } from '../../meetings/meeting-rules.ts';
import { describeOffset, shortDeadlineId, type Deadline } from '../../deadlines/deadline-rules.ts';
import { formatLocalDate } from '../../time/format.ts';
import { RECORD_ACTIONS } from '../ids.ts';
import { escapeMrkdwn, inlineCode, plain, truncate } from '../text.ts';
import { reply, sections, type Block } from './reply.ts';
import { addedBy, meetingWhen, meetingWhenPlain } from './meetings.ts';
import { responsible } from './deadlines.ts';

const MAX_LINES = 20;

function name(m: Meeting): string {
  return `*${shortMeetingId(m.number)}* ${escapeMrkdwn(truncate(m.title, 150))}`;
}

function where(m: Meeting): string {
  return m.venue ? `, ${escapeMrkdwn(truncate(m.venue, 150))}` : '';
}

function bullets<T>(items: T[], line: (item: T) => string): string {
  const shown = items.slice(0, MAX_LINES).map((i) => `• ${line(i)}`);
  if (items.length > shown.length) shown.push(`…and ${items.length - shown.length} more`);
  return shown.join('\n');
}

function deadlineName(d: Deadline): string {
  return `*${shortDeadlineId(d.number)}* ${escapeMrkdwn(truncate(d.title, 100))}`;
}

function render(a: CalendarAnnouncement, commandName: string): string {
  switch (a.type) {
    case 'meeting.added':
      return `📅 ${name(a.meeting)} added: ${meetingWhen(a.meeting)}${where(a.meeting)}${a.meeting.body ? ` (${escapeMrkdwn(a.meeting.body)})` : ''} — by ${addedBy(a.actorId)}`;
    case 'meeting.moved': {
      const head = `📅 ${name(a.meeting)} moved: ${meetingWhenPlain(a.before)} → ${meetingWhen(a.meeting)}${where(a.meeting)} — by ${addedBy(a.actorId)}`;
      if (a.deadlines.length === 0) return head;
      const moved = bullets(a.deadlines, (d) => `${deadlineName(d.deadline)} (${describeOffset(d.deadline)}): ${formatLocalDate(d.from)} → *${formatLocalDate(d.to)}*`);
      return `${head}\nDeadlines that moved with it:\n${moved}`;
    }
    case 'meeting.cancelled': {
      const head = `🚫 ${name(a.meeting)} (${meetingWhenPlain(a.meeting)}${where(a.meeting)}) is cancelled — by ${addedBy(a.actorId)}`;
      if (a.orphaned.length === 0) return head;
      const orphaned = bullets(a.orphaned, (d) => `${deadlineName(d)} (${describeOffset(d)}), due ${formatLocalDate(d.effectiveDue)}`);
      return `${head}\nThese deadlines were set relative to it and now have no meeting; cancel them with ${inlineCode(`${commandName} deadline cancel D-n`)} or add them again on a date:\n${orphaned}`;
    }
    case 'deadline.added': {
      const d = a.deadline;
      const rule = a.meeting ? ` (${describeOffset(d)} ${name(a.meeting)})` : d.rrule ? ' (every year)' : '';
      return `⏰ ${deadlineName(d)} added: due *${formatLocalDate(d.effectiveDue)}*${rule} · for ${responsible(d)} — by ${addedBy(a.actorId)}`;
    }
    case 'deadline.cancelled':
      return `🗑️ ${deadlineName(a.deadline)} (due ${formatLocalDate(a.deadline.effectiveDue)}) is cancelled — by ${addedBy(a.actorId)}`;
    case 'calendar.reset':
      return `🔒 The calendar feed link was reset by ${addedBy(a.actorId)}: the old link no longer works. Get the new one with ${inlineCode(`${commandName} calendar`)}.`;
  }
}

/** *Post summary record* under a meeting's announcement: opens the record modal for it (chair, secretariat). */
function postRecordButton(m: Meeting): Block {
  return {
    type: 'actions',
    block_id: RECORD_ACTIONS.meetingBlockId,
    elements: [{ type: 'button', action_id: RECORD_ACTIONS.postRecord, text: plain('Post summary record', 75), value: m.id }],
  };
}

/** The renderer the calendar services get, for a configured slash command (e.g. `/concord`). */
export function calendarAnnouncer(commandName: string): RenderAnnouncement {
  return (a): RenderedAnnouncement => {
    const md = render(a, commandName);
    const blocks: Block[] = sections(md);
    if (a.type === 'meeting.added' || a.type === 'meeting.moved') blocks.push(postRecordButton(a.meeting));
    const message = reply(md, blocks);
    return { text: message.text, blocks: message.blocks };
  };
}
