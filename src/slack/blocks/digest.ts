/**
 * Pure builders: the weekly digests (the committee channel's and an organization's, in its focal points'
 * DMs), and the `/concord digest` preview, which shows the committee's exactly as it will be sent. Lists are
 * capped so that a section stays under 3000 characters and a message under 50 blocks.
 */
import type { KnownBlock } from '@slack/types';
import type { CommitteeDigest, DigestEvent, DigestPart, OrganizationDigest } from '../../reminders/digest-rules.ts';
import { CALENDAR_DAYS, DUE_SOON_DAYS, isEmptyCommitteeDigest, isOverdue } from '../../reminders/digest-rules.ts';
import { formatDateRange, formatLocalDate } from '../../time/format.ts';
import type { LocalDate } from '../../time/local-date.ts';
import { escapeMrkdwn, inlineCode, truncate } from '../text.ts';
import { context, divider, header, reply, section, type Reply } from './reply.ts';

/** Lines per list before "and N more". */
export const DIGEST_LIST_MAX = 12;
const TITLE_MAX = 120;

const title = (t: string) => escapeMrkdwn(truncate(t, TITLE_MAX));

function partLine(p: DigestPart, today: LocalDate, withOrg: boolean): string {
  const org = withOrg ? ` — ${escapeMrkdwn(p.organization)}` : '';
  const due = p.due ? (isOverdue(p, today) ? `was due ${formatLocalDate(p.due)}` : `due ${formatLocalDate(p.due)}`) : 'no due date';
  return `• *F-${p.number}* ${title(p.title)}${org} · ${due}`;
}

function eventLine(e: DigestEvent): string {
  if (e.kind === 'meeting') return `• *M-${e.number}* ${title(e.title)} · ${formatDateRange(e.date, e.endDate ?? e.date)}`;
  const who = e.organizations?.length ? escapeMrkdwn(e.organizations.join(', ')) : 'everyone';
  return `• *D-${e.number}* ${title(e.title)} · due ${formatLocalDate(e.date)} · ${who}`;
}

/** A titled list of at most DIGEST_LIST_MAX lines, then "and N more — `command`". */
function list(heading: string, lines: string[], more: string): KnownBlock {
  const shown = lines.slice(0, DIGEST_LIST_MAX);
  const rest = lines.length - shown.length;
  const tail = rest > 0 ? `\n_and ${rest} more — ${inlineCode(more)}_` : '';
  return section(`*${heading}*\n${shown.join('\n')}${tail}`);
}

/** Overdue parts grouped by organization: "*WHO*" then its lines. */
function overdueLines(parts: DigestPart[], today: LocalDate): string[] {
  const lines: string[] = [];
  let org = '';
  for (const p of parts) {
    if (p.organization !== org) lines.push(`*${escapeMrkdwn(p.organization)}*`);
    org = p.organization;
    lines.push(partLine(p, today, false));
  }
  return lines;
}

export function committeeDigestMessage(d: CommitteeDigest, today: LocalDate, commandName: string): Reply {
  const cmd = (s: string) => `${commandName} ${s}`;
  const blocks: KnownBlock[] = [header(`Weekly digest · ${d.committeeName}`), context(`Week of ${formatLocalDate(d.monday)}`)];
  const counts = `${d.overdue.length} overdue, ${d.dueSoon.length} due in ${DUE_SOON_DAYS} days, ${d.meetings.length} meetings and ${d.deadlines.length} deadlines in ${CALENDAR_DAYS} days`;
  if (isEmptyCommitteeDigest(d)) {
    blocks.push(section(`Nothing overdue, nothing due in the next ${DUE_SOON_DAYS} days, and no meeting or deadline in the next ${CALENDAR_DAYS} days.`));
  } else {
    if (d.overdue.length) blocks.push(list(`🔴 Overdue (${d.overdue.length})`, overdueLines(d.overdue, today), cmd('followups overdue')));
    if (d.dueSoon.length) blocks.push(list(`Due in the next ${DUE_SOON_DAYS} days (${d.dueSoon.length})`, d.dueSoon.map((p) => partLine(p, today, true)), cmd('followups all')));
    if (d.meetings.length) blocks.push(list(`📆 Meetings in the next ${CALENDAR_DAYS} days`, d.meetings.map(eventLine), cmd('meetings')));
    if (d.deadlines.length) blocks.push(list(`Deadlines in the next ${CALENDAR_DAYS} days`, d.deadlines.map(eventLine), cmd(`deadlines ${CALENDAR_DAYS}`)));
    if (d.escalations.length) {
      blocks.push(divider, list(`🔺 For the chair: reminded 3 times and still open (${d.escalations.length})`, d.escalations.map((p) => partLine(p, today, true)), cmd('followups overdue')));
    }
  }
  blocks.push(context(`${inlineCode(cmd('digest'))} previews the next one · ${inlineCode(cmd('reminders'))} lists what is planned`));
  return reply(`Weekly digest for ${d.committeeName}: ${counts}.`, blocks);
}

export function organizationDigestMessage(d: OrganizationDigest, commandName: string): Reply {
  const overdue = d.parts.filter((p) => isOverdue(p, d.today));
  const blocks: KnownBlock[] = [header(`Weekly digest · ${d.organization}`), context(`Week of ${formatLocalDate(d.monday)} · your organization's open follow-ups and deadlines`)];
  if (d.parts.length) {
    const heading = overdue.length ? `Open follow-ups (${d.parts.length}, ${overdue.length} overdue)` : `Open follow-ups (${d.parts.length})`;
    blocks.push(list(heading, d.parts.map((p) => `${isOverdue(p, d.today) ? '🔴 ' : ''}${partLine(p, d.today, false)}`), `${commandName} followups mine`));
  }
  if (d.deadlines.length) blocks.push(list(`Deadlines in the next ${CALENDAR_DAYS} days`, d.deadlines.map(eventLine), `${commandName} deadlines ${CALENDAR_DAYS}`));
  blocks.push(context(`${inlineCode(`${commandName} done F-n`)} when a follow-up is done · ${inlineCode(`${commandName} reminders mine`)} lists your reminders`));
  return reply(`Weekly digest for ${d.organization}: ${d.parts.length} open follow-ups (${overdue.length} overdue), ${d.deadlines.length} deadlines in ${CALENDAR_DAYS} days.`, blocks);
}

/** `/concord digest`: when the next one goes out (in the viewer's and the committee's zone), then the digest itself. */
export function digestPreview(message: Reply, when: { viewer: string; committee: string; channelId: string | null }): Reply {
  const where = when.channelId ? `in <#${when.channelId}>` : 'nowhere yet: the committee has no channel (`setup` in the channel binds it)';
  const intro = section(`*Preview of the next weekly digest* — it goes out ${when.viewer} your time (${when.committee} committee time) ${where}. It is written again when it goes out.`);
  return reply(`Preview: ${message.text}`, [intro, divider, ...message.blocks]);
}
