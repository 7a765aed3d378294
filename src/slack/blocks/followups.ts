/**
 * Pure builders: the follow-up list (`followups …`) and one follow-up (`followup F-n`) with each
 * organization's status, who marked it and when, notes, updates, snoozes with their reasons, and the
 * roll-up. Due dates are local dates, counted from the reader's today.
 */
import type { FollowUpDetail, FollowUpList } from '../../followups/followup-queries.ts';
import { isOverdue, rollUp, shortFollowUpId, type Assignment, type FollowUp, type FollowUpEvent } from '../../followups/followup-rules.ts';
import { formatLocalDate } from '../../time/format.ts';
import type { LocalDate } from '../../time/local-date.ts';
import { dateToken, escapeMrkdwn, inlineCode, truncate } from '../text.ts';
import { context, divider, header, reply, section, type Block, type Reply } from './reply.ts';
import { addedBy, MAX_LIST_ROWS } from './meetings.ts';
import { dueText, followUpName, meetingRef } from './followup-notices.ts';

const STATUS_MARK = { open: '⏳ open', done: '✅ done', cancelled: '🚫 cancelled' } as const;

function snoozes(a: Assignment): string {
  if (a.snoozeCount === 0) return '';
  const until = a.snoozedUntil ? ` until ${formatLocalDate(a.snoozedUntil)}` : '';
  return ` · 😴 snoozed${until} (${a.snoozeCount}×)`;
}

function whenDone(a: Assignment, zone: string): string {
  return a.doneBy && a.doneAt ? ` by ${addedBy(a.doneBy)} ${dateToken(a.doneAt, zone)}` : '';
}

/** "1/2 done · open: WHO (😴 2×)" */
function rollUpLine(f: FollowUp): string {
  const { done, total } = rollUp(f);
  const open = f.assignments.filter((a) => a.status === 'open').map((a) => `${escapeMrkdwn(a.organization.code)}${a.snoozeCount ? ` (😴 ${a.snoozeCount}×)` : ''}`);
  if (f.status === 'cancelled') return 'cancelled';
  return `${done}/${total} done${open.length ? ` · open: ${open.join(', ')}` : ''}`;
}

function listLine(f: FollowUp, today: LocalDate, meetings: FollowUpList['meetings']): string {
  const overdue = isOverdue(f, today) ? ' · ⚠️ *overdue*' : '';
  const meeting = f.meetingId && meetings.get(f.meetingId) ? ` · ${meetingRef(meetings.get(f.meetingId)!)}` : '';
  const title = f.status === 'cancelled' ? `~${followUpName(f)}~` : followUpName(f);
  return `${title}\n${dueText(f, today)}${overdue} · ${rollUpLine(f)}${meeting}`;
}

function listTitle(list: FollowUpList): string {
  const n = list.followUps.length;
  switch (list.filter.kind) {
    case 'mine':
    case 'org':
      return `Open follow-ups of ${list.organization?.code ?? ''} (${n})`;
    case 'overdue':
      return `Overdue follow-ups (${n})`;
    case 'all':
      return `All follow-ups (${n})`;
  }
}

function emptyText(list: FollowUpList, cmd: string): string {
  switch (list.filter.kind) {
    case 'mine':
    case 'org':
      return `${escapeMrkdwn(list.organization?.code ?? '')} has no open follow-ups. ${inlineCode(`${cmd} followups all`)} lists every follow-up.`;
    case 'overdue':
      return `Nothing is overdue. ${inlineCode(`${cmd} followups all`)} lists every follow-up.`;
    case 'all':
      return `No follow-ups yet. The chair or the secretariat creates one with ${inlineCode(`${cmd} assign UNEP,WHO "Action" due in 3 weeks`)}.`;
  }
}

export function followUpListBlocks(list: FollowUpList, today: LocalDate, commandName: string): Reply {
  if (list.followUps.length === 0) {
    const none = emptyText(list, commandName);
    return reply(none, [section(none)]);
  }
  const shown = list.followUps.slice(0, MAX_LIST_ROWS);
  const blocks: Block[] = [header(listTitle(list))];
  for (const f of shown) blocks.push(section(listLine(f, today, list.meetings)));
  const more = list.total - shown.length;
  blocks.push(context(`${more > 0 ? `${more} more not shown. ` : ''}${inlineCode(`${commandName} followup F-n`)} shows one with its history.`));
  const text = `${listTitle(list)}: ${shown.map((f) => `${shortFollowUpId(f.number)} ${f.title}`).join('; ')}`;
  return reply(escapeMrkdwn(text), blocks);
}

function eventLine(e: FollowUpEvent, zone: string): string | null {
  const who = `${addedBy(e.actorId)} ${dateToken(e.createdAt, zone)}`;
  const quoted = e.text ? `: “${escapeMrkdwn(truncate(e.text, 500))}”` : '';
  switch (e.kind) {
    case 'update':
      return `📝 Update by ${who}${quoted}`;
    case 'snooze':
      return `😴 Snoozed${e.until ? ` until ${formatLocalDate(e.until)}` : ''} by ${who}${quoted}`;
    case 'done':
      return `✅ Done by ${who}${quoted}`;
    case 'reopen':
      return `↩️ Reopened by ${who}`;
    case 'reassign':
      return `🔀 Reassigned ${escapeMrkdwn(e.text ?? '')} by ${who}`;
    case 'cancel':
      return `🗑️ Cancelled by ${who}`;
    case 'assign':
      return null;
  }
}

function partBlocks(a: Assignment, events: FollowUpEvent[], zone: string): Block[] {
  const note = a.status === 'done' && a.note ? ` · “${escapeMrkdwn(truncate(a.note, 500))}”` : '';
  const line = `*${escapeMrkdwn(a.organization.code)}* — ${STATUS_MARK[a.status]}${a.status === 'done' ? whenDone(a, zone) : ''}${note}${snoozes(a)}`;
  const history = events.filter((e) => e.assignmentId === a.id && e.kind !== 'done').map((e) => eventLine(e, zone)).filter((l): l is string => l !== null);
  return history.length ? [section(line), context(history.slice(-8).join('\n'))] : [section(line)];
}

/** `followup F-n`: the action, due date, meeting, roll-up, each organization's part with its history. */
export function followUpDetailBlocks(d: FollowUpDetail, today: LocalDate, viewerZone: string): Reply {
  const f = d.followUp;
  const status = f.status === 'cancelled' ? ` · 🗑️ cancelled${f.cancelledBy ? ` by ${addedBy(f.cancelledBy)}` : ''}` : f.status === 'done' ? ' · ✅ done' : '';
  const overdue = isOverdue(f, today) ? ' · ⚠️ *overdue*' : '';
  const meeting = d.meeting ? `\nAgreed at ${meetingRef(d.meeting)}` : '';
  const summary = `${followUpName(f)}\n${dueText(f, today)}${overdue} · *${d.done}/${d.total} done*${status}${meeting}\nAssigned by ${addedBy(f.createdBy)} ${dateToken(f.createdAt, viewerZone)}`;
  const blocks: Block[] = [header(`${shortFollowUpId(f.number)} · ${truncate(f.title, 120)}`), section(summary), divider];
  for (const a of f.assignments) blocks.push(...partBlocks(a, d.events, viewerZone));
  const general = d.events.filter((e) => e.assignmentId === null).map((e) => eventLine(e, viewerZone)).filter((l): l is string => l !== null);
  if (general.length) blocks.push(divider, context(general.slice(-8).join('\n')));
  const text = `${shortFollowUpId(f.number)} ${f.title}: ${d.done}/${d.total} done (${f.assignments.map((a) => `${a.organization.code} ${a.status}`).join(', ')})`;
  return reply(escapeMrkdwn(text), blocks);
}
