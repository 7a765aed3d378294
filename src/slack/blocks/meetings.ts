/**
 * Pure builders: meeting list (`meetings`) and detail (`meeting show`). Date-only meetings are shown as
 * their local dates (a Nairobi 8–12 Dec meeting is 8–12 Dec for everyone); timed ones in the venue's
 * time and, through Slack's `<!date>` token, in each viewer's own time. Always within Block Kit limits.
 */
import type { Meeting } from '../../meetings/meeting-rules.ts';
import { KIND_LABELS, shortMeetingId } from '../../meetings/meeting-rules.ts';
import type { Deadline } from '../../deadlines/deadline-rules.ts';
import { describeOffset, shortDeadlineId } from '../../deadlines/deadline-rules.ts';
import { daysUntil, formatDateRange, formatLocalDate, zoneAbbreviation } from '../../time/format.ts';
import { dateToken, escapeMrkdwn, inlineCode, mrkdwn, truncate, userMention } from '../text.ts';
import { context, divider, header, reply, section, type Block, type Reply } from './reply.ts';
import type { Reply as Message } from '../commands/context.ts';

/** Rows shown at most in one list (header, dividers and the hint stay well under 50 blocks). */
export const MAX_LIST_ROWS = 40;

/** "Tue 16 Sep 2025, 10:00–12:00 CEST" — the start in the venue's zone. */
function venueTime(m: Meeting): string {
  const day = formatLocalDate(m.startDate);
  const times = m.endTime && m.endDate === m.startDate ? `${m.startTime}–${m.endTime}` : m.startTime;
  return `${day}, ${times} ${zoneAbbreviation(m.startsAt, m.timeZone)}`;
}

/**
 * When, as safe mrkdwn: "16–19 Sep 2025" (date-only), or "Tue 16 Sep 2025, 10:00 CEST (Europe/Zurich) ·
 * your time: <!date^…|…>" (timed; the fallback is the venue's time).
 */
export function meetingWhen(m: Meeting): string {
  if (m.startTime === null) return formatDateRange(m.startDate, m.endDate);
  const until = m.endDate !== m.startDate ? `, until ${formatDateRange(m.endDate, m.endDate)}` : '';
  return `${venueTime(m)} (${m.timeZone})${until} · your time: ${dateToken(m.startsAt, m.timeZone)}`;
}

/** Plain-text "when" for notifications and fallbacks (no date token). */
export function meetingWhenPlain(m: Meeting): string {
  if (m.startTime === null) return formatDateRange(m.startDate, m.endDate);
  return `${venueTime(m)} (${m.timeZone})`;
}

function statusMark(m: Meeting): string {
  if (m.status === 'cancelled') return ' · *cancelled*';
  if (m.status === 'postponed') return ' · _postponed_';
  return '';
}

function countdown(m: Meeting, now: Date): string {
  if (m.status === 'cancelled') return '';
  const start = daysUntil(m.startDate, m.timeZone, now);
  const end = daysUntil(m.endDate, m.timeZone, now);
  if (start > 1) return ` · in ${start} days`;
  if (start === 1) return ' · tomorrow';
  if (start === 0) return ' · today';
  if (end >= 0) return ' · under way';
  return '';
}

/** "*M-4* · *13MSP* — CCM MSP\n16–19 Sep 2025 · Palais des Nations, Geneva · in 12 days". */
export function meetingLine(m: Meeting, now: Date): string {
  const name = `*${escapeMrkdwn(truncate(m.title, 200))}*`;
  const title = `*${shortMeetingId(m.number)}* · ${m.status === 'cancelled' ? `~${name}~` : name}${m.body ? ` — ${escapeMrkdwn(truncate(m.body, 100))}` : ''}${statusMark(m)}`;
  const where = m.venue ? ` · ${escapeMrkdwn(truncate(m.venue, 200))}` : '';
  return `${title}\n${meetingWhen(m)}${where}${countdown(m, now)}`;
}

export interface MeetingListInput {
  committeeName: string;
  upcoming: Meeting[];
  past: Meeting[];
  /** "the next 90 days", "all", or undefined (every upcoming one). */
  window: { kind: 'upcoming'; days?: number } | { kind: 'all' };
  body?: string;
  now: Date;
  commandName: string;
}

/** Only meetings that will take place count: "Upcoming meetings (4 + 1 cancelled)". */
function listTitle(input: MeetingListInput, meetings: Meeting[]): string {
  const cancelled = meetings.filter((m) => m.status === 'cancelled').length;
  const count = cancelled ? `${meetings.length - cancelled} + ${cancelled} cancelled` : `${meetings.length}`;
  const filter = input.body ? ` matching “${input.body}”` : '';
  if (input.window.kind === 'all') return `All meetings${filter} (${count})`;
  if (input.window.days !== undefined) return `Meetings in the next ${input.window.days} days${filter} (${count})`;
  return `Upcoming meetings${filter} (${count})`;
}

/** `meetings`: upcoming first, then (with `all`) past ones; at most 40 rows and a hint to narrow the list. */
export function meetingListBlocks(input: MeetingListInput): Reply {
  const total = input.upcoming.length + input.past.length;
  const cmd = input.commandName;
  if (total === 0) {
    // Never suggest the very command just typed: without body: when it was `all`, with `all` otherwise.
    const none = input.body
      ? `No ${input.window.kind === 'all' ? '' : 'upcoming '}meetings match body:“${escapeMrkdwn(input.body)}” (it is looked for in each meeting’s body and title). ${
          input.window.kind === 'all'
            ? `${inlineCode(`${cmd} meetings all`)} lists every meeting with its body.`
            : `Try ${inlineCode(`${cmd} meetings all body:"${input.body.replace(/"/g, '')}"`)} to include past ones.`
        }`
      : input.window.kind === 'all'
        ? `No meetings yet. Add one with ${inlineCode(`${cmd} meeting add "Title" 2028-03-06..2028-03-10 tz:Europe/Zurich`)} or ${inlineCode(`${cmd} meeting new`)}.`
        : `No upcoming meetings${input.window.days !== undefined ? ` in the next ${input.window.days} days` : ''}. ${inlineCode(`${cmd} meetings all`)} shows past ones too.`;
    return reply(none, [section(none)]);
  }
  const all = [...input.upcoming, ...input.past];
  const blocks: Block[] = [header(listTitle(input, all))];
  const upcoming = input.upcoming.slice(0, MAX_LIST_ROWS);
  const past = input.past.slice(0, MAX_LIST_ROWS - upcoming.length);
  for (const m of upcoming) blocks.push(section(meetingLine(m, input.now)));
  if (past.length > 0) {
    blocks.push(divider, context(`*Past meetings*, most recent first`));
    for (const m of past) blocks.push(section(meetingLine(m, input.now)));
  }
  const shown = upcoming.length + past.length;
  if (shown < total) {
    blocks.push(
      context(
        `Showing ${shown} of ${total} — narrow with ${inlineCode(`${cmd} meetings 30`)} or ${inlineCode(`${cmd} meetings all body:"…"`)}.`,
      ),
    );
  }
  const text = `${listTitle(input, all)}: ${[...upcoming, ...past].map((m) => `${shortMeetingId(m.number)} ${m.title} (${meetingWhenPlain(m)})`).join('; ')}`;
  return reply(escapeMrkdwn(text), blocks);
}

/** A Slack user as a mention; the import tool and other non-users by name. */
export function addedBy(actorId: string): string {
  return /^[UW][A-Z0-9]+$/.test(actorId) ? userMention(actorId) : escapeMrkdwn(actorId === 'import' ? 'the calendar import' : actorId);
}

function field(label: string, value: string) {
  return mrkdwn(`*${label}*\n${value}`, 2000);
}

function deadlineRow(d: Deadline): string {
  const cancelled = d.status === 'cancelled' ? ' (cancelled)' : '';
  return `• *${shortDeadlineId(d.number)}* ${escapeMrkdwn(truncate(d.title, 150))} — ${describeOffset(d)}: due ${formatLocalDate(d.effectiveDue)}${cancelled}`;
}

/** `meeting show M-n`: dates, venue, zone, status, links, and the deadlines that hang on it. */
export function meetingDetailBlocks(m: Meeting, deadlines: Deadline[], now: Date): Message {
  const fields = [
    field('When', meetingWhen(m)),
    field('Where', m.venue ? escapeMrkdwn(truncate(m.venue, 200)) : '—'),
    field('Body', m.body ? escapeMrkdwn(m.body) : '—'),
    field('Kind', KIND_LABELS[m.kind]),
    field('Status', `${m.status}${countdown(m, now)}`),
    field('Time zone', m.timeZone),
  ];
  if (m.documentSymbol) fields.push(field('Document', escapeMrkdwn(m.documentSymbol)));
  if (m.url) fields.push(field('Link', escapeMrkdwn(truncate(m.url, 1000))));
  const title = `${shortMeetingId(m.number)} · ${m.title}`;
  const blocks: Block[] = [header(title), { type: 'section', fields }];
  if (deadlines.length > 0) {
    const shown = deadlines.slice(0, 30);
    const more = deadlines.length > shown.length ? `\n…and ${deadlines.length - shown.length} more` : '';
    blocks.push(section(`*Deadlines set relative to it* (they move with it)\n${shown.map(deadlineRow).join('\n')}${more}`));
  }
  blocks.push(context(`Added by ${addedBy(m.createdBy)}${m.revision > 0 ? ` · changed ${m.revision} time${m.revision === 1 ? '' : 's'}` : ''}`));
  return { text: escapeMrkdwn(`${title} — ${meetingWhenPlain(m)}${m.venue ? `, ${m.venue}` : ''}`), blocks };
}
