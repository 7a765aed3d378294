/**
 * Pure builder: the App Home tab. The viewer's organization's open follow-ups (overdue first, each with
 * Done / Snooze / Add update), meetings and deadlines of the next 90 days, and for the chair and the
 * secretariat the committee's open follow-ups and the roll-up per organization (open, overdue, snoozed).
 * Always under Slack's 100 blocks: each list is cut short with a pointer to the command that shows all.
 */
import type { HomeView } from '@slack/types';
import type { HomeOverview } from '../../followups/followup-overview.ts';
import type { LatestSnooze, OrganizationCounts } from '../../followups/followup-overview-repository.ts';
import { isOverdue, rollUp, type Assignment, type FollowUp } from '../../followups/followup-rules.ts';
import type { Meeting } from '../../meetings/meeting-rules.ts';
import { formatLocalDate } from '../../time/format.ts';
import type { LocalDate } from '../../time/local-date.ts';
import { FOLLOWUP_ACTIONS, HOME } from '../ids.ts';
import { escapeMrkdwn, inlineCode, truncate } from '../text.ts';
import { deadlineLine, type DeadlineRow } from './deadlines.ts';
import { dueText, followUpName, partButtons } from './followup-notices.ts';
import { addedBy, meetingLine } from './meetings.ts';
import { context, divider, header, section, type Block } from './reply.ts';

/** Slack's limit for a Home tab. */
export const HOME_MAX_BLOCKS = 100;
/** Rows per list: with the fixed blocks, the Home stays far under the limit. */
export const HOME_LIST_ROWS = 10;

export interface HomeInput {
  committeeName: string;
  commandName: string;
  /** The viewer's local date (what is overdue, "in 3 days"). */
  today: LocalDate;
  now: Date;
  /** The viewer is a committee member (else: how to become one). */
  member: boolean;
  overview: HomeOverview;
  meetings: Meeting[];
  deadlines: DeadlineRow[];
}

function snoozeText(a: Assignment, snoozes: Map<string, LatestSnooze>, today: LocalDate): string {
  if (a.snoozeCount === 0) return '';
  const last = snoozes.get(a.id);
  const active = a.snoozedUntil && a.snoozedUntil >= today ? ` until ${formatLocalDate(a.snoozedUntil)}` : '';
  const reason = last?.reason ? `: “${escapeMrkdwn(truncate(last.reason, 200))}”` : '';
  return `😴 ${escapeMrkdwn(a.organization.code)} snoozed${active} (${a.snoozeCount}×)${last ? ` by ${addedBy(last.actorId)}` : ''}${reason}`;
}

/** "*F-1* Submit … — due … · ⚠️ overdue · 1/2 done (open: WHO)" plus snooze lines. */
function followUpText(f: FollowUp, today: LocalDate, snoozes: Map<string, LatestSnooze>): string {
  const { done, total } = rollUp(f);
  const overdue = isOverdue(f, today) ? ' · ⚠️ *overdue*' : '';
  const open = f.assignments.filter((a) => a.status === 'open').map((a) => escapeMrkdwn(a.organization.code));
  const parts = f.assignments.map((a) => snoozeText(a, snoozes, today)).filter((s) => s !== '');
  return [`${followUpName(f)}`, `${dueText(f, today)}${overdue} · *${done}/${total} done*${open.length ? ` · open: ${open.join(', ')}` : ''}`, ...parts].join('\n');
}

function seeAll(shown: number, total: number, command: string): Block {
  const more = total > shown ? `${total - shown} more not shown. ` : '';
  return context(`${more}${inlineCode(command)} shows them all.`);
}

function mineBlocks(input: HomeInput): Block[] {
  const mine = input.overview.mine;
  if (!mine) return [];
  const code = escapeMrkdwn(mine.organization.code);
  const blocks: Block[] = [header(`Open follow-ups of ${mine.organization.code} (${mine.total})`)];
  if (mine.followUps.length === 0) return [...blocks, section(`${code} has nothing open. 🎉`)];
  for (const f of mine.followUps.slice(0, HOME_LIST_ROWS)) {
    blocks.push(section(followUpText(f, input.today, input.overview.snoozes)));
    const part = f.assignments.find((a) => a.organization.id === mine.organization.id && a.status === 'open');
    // block_ids must be unique in a view: one actions block per follow-up shown.
    if (part) blocks.push({ ...partButtons(part.id), block_id: `${FOLLOWUP_ACTIONS.blockId}_${f.number}` });
  }
  blocks.push(seeAll(Math.min(mine.followUps.length, HOME_LIST_ROWS), mine.total, `${input.commandName} followups mine`));
  return blocks;
}

function countsLine(c: OrganizationCounts): string {
  const flags = [c.overdue ? `⚠️ ${c.overdue} overdue` : '', c.snoozed ? `😴 ${c.snoozed} snoozed` : ''].filter(Boolean).join(' · ');
  return `*${escapeMrkdwn(c.code)}* — ${c.open} open${flags ? ` · ${flags}` : ''}`;
}

function committeeBlocks(input: HomeInput): Block[] {
  const all = input.overview.committee;
  if (!all) return [];
  const totalOpen = all.counts.reduce((n, c) => n + c.open, 0);
  const blocks: Block[] = [header('Committee roll-up'), section(all.counts.length ? all.counts.slice(0, 40).map(countsLine).join('\n') : 'No organizations yet.')];
  if (all.counts.length > 40) blocks.push(context(`${all.counts.length - 40} more organizations: ${inlineCode(`${input.commandName} followups all`)}.`));
  blocks.push(context(`${totalOpen} open part${totalOpen === 1 ? '' : 's'} in all.`));
  if (all.followUps.length === 0) return blocks;
  blocks.push(header('Open follow-ups (overdue first)'));
  for (const f of all.followUps.slice(0, HOME_LIST_ROWS)) blocks.push(section(followUpText(f, input.today, input.overview.snoozes)));
  blocks.push(context(`${inlineCode(`${input.commandName} followups overdue`)} or ${inlineCode(`${input.commandName} followups all`)} shows them all; ${inlineCode(`${input.commandName} followup F-n`)} one with its history.`));
  return blocks;
}

function calendarBlocks(input: HomeInput): Block[] {
  const blocks: Block[] = [header('Next 90 days')];
  const meetings = input.meetings.slice(0, HOME_LIST_ROWS);
  blocks.push(section(meetings.length ? meetings.map((m) => meetingLine(m, input.now)).join('\n\n') : 'No meetings in the next 90 days.'));
  if (input.meetings.length > meetings.length) blocks.push(seeAll(meetings.length, input.meetings.length, `${input.commandName} meetings 90`));
  const deadlines = input.deadlines.slice(0, HOME_LIST_ROWS);
  blocks.push(section(deadlines.length ? deadlines.map((d) => deadlineLine(d, input.today)).join('\n\n') : 'No deadlines in the next 90 days.'));
  if (input.deadlines.length > deadlines.length) blocks.push(seeAll(deadlines.length, input.deadlines.length, `${input.commandName} deadlines 90`));
  return blocks;
}

export function homeView(input: HomeInput): HomeView {
  const intro = input.member
    ? `*${escapeMrkdwn(truncate(input.committeeName, 200))}* · ${inlineCode(`${input.commandName} help`)} lists every command.`
    : `You are not a member of *${escapeMrkdwn(truncate(input.committeeName, 200))}* yet: the secretariat adds you with ${inlineCode(`${input.commandName} member add`)}.`;
  let blocks: Block[] = [section(intro), ...mineBlocks(input), ...committeeBlocks(input), divider, ...calendarBlocks(input)];
  if (blocks.length > HOME_MAX_BLOCKS) blocks = [...blocks.slice(0, HOME_MAX_BLOCKS - 1), context(`More in ${inlineCode(`${input.commandName} followups all`)}.`)];
  return { type: 'home', callback_id: HOME.callbackId, blocks };
}

/** The Home of a workspace with no committee yet. */
export function homeWithoutCommittee(commandName: string): HomeView {
  return { type: 'home', callback_id: HOME.callbackId, blocks: [section(`No committee is set up in this workspace yet. The secretariat runs ${inlineCode(`${commandName} setup "Committee name"`)} in the committee's channel.`)] };
}
