/**
 * What an organization reports on its part of a follow-up: `done F-n [CODE] ["note"]`,
 * `snooze F-n (DURATION|DATE) "reason" [org:CODE]`, `update F-n "text" [org:CODE]`.
 * Without a code, the part is the caller's own organization's (or the only one).
 */
import { markDone, snoozeFollowUp, addUpdate } from '../../followups/followup-progress.ts';
import { rollUp } from '../../followups/followup-rules.ts';
import { parseDuration } from '../../time/parse-duration.ts';
import { addDuration } from '../../time/calendar-math.ts';
import { todayInZone } from '../../time/local-date.ts';
import { formatLocalDate } from '../../time/format.ts';
import { asText, orThrow, parseOrgCode, takeOptions, UsageError } from './args.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { infoReply, successReply } from '../blocks/reply.ts';
import { followUpName } from '../blocks/followup-notices.ts';
import { addedBy } from '../blocks/meetings.ts';
import { channelMention, dateToken, escapeMrkdwn } from '../text.ts';
import { joinWords } from './calendar-args.ts';
import { followUpEnv, readFutureDate, scopeOf, takeFollowUpId, zoneOf } from './followup.ts';
import type { Token } from './tokenize.ts';
import type { Scope } from '../../committees/scope.ts';
import { describeError } from '../../logger.ts';
import { editPartDms } from '../actions/follow-through.ts';
import { refreshHomes } from '../home/home-publisher.ts';

/**
 * As after a button click: the part's DMs are edited in place (queued now, through the outbox) and the
 * Homes concerned republished after the reply (Slack calls never hold it back; a failure is logged).
 */
async function followThrough(ctx: CommandContext, scope: Scope, number: number, assignmentId: string): Promise<void> {
  const organizationId = await editPartDms(ctx.deps, scope, number, assignmentId);
  if (!organizationId) return;
  void refreshHomes(ctx.deps, ctx.client, ctx.key, scope.committee.id, organizationId).catch((err: unknown) =>
    ctx.deps.logger.warn({ followUp: number, ...describeError(err) }, 'could not refresh the Home tabs after a change'),
  );
}

/** `org:CODE`, when given. */
function orgOption(ctx: CommandContext): { code?: string; rest: Token[] } {
  const { options, rest } = orThrow(takeOptions(ctx.args, ['org']));
  if (!options.org) return { rest };
  return { code: orThrow(parseOrgCode(orThrow(asText(options.org, 'an organization code such as WHO')).value)).value, rest };
}

export const doneCommand: CommandHandler = async (ctx) => {
  const { number, rest } = takeFollowUpId(ctx.args);
  let code: string | undefined;
  let tail = rest;
  if (tail[0]?.kind === 'word') {
    code = orThrow(parseOrgCode(tail[0].text)).value;
    tail = tail.slice(1);
  }
  const note = tail.length ? joinWords(tail, 'a note in quotes') : undefined;
  const scope = await scopeOf(ctx);
  const r = await markDone(scope, number, { ...(code ? { code } : {}), ...(note !== undefined ? { note } : {}) }, followUpEnv(ctx.deps));
  const org = escapeMrkdwn(r.assignment.organization.code);
  if (!r.changed) {
    const by = r.assignment.doneBy && r.assignment.doneAt ? ` by ${addedBy(r.assignment.doneBy)} at ${dateToken(r.assignment.doneAt, await zoneOf(ctx, scope))}` : '';
    return infoReply(`ℹ️ ${org}'s part of ${followUpName(r.followUp)} is already done${by}: nothing changed.`);
  }
  await followThrough(ctx, scope, number, r.assignment.id);
  const { done, total } = rollUp(r.followUp);
  const all = r.completed
    ? ` Every organization is done (${done}/${total})${scope.committee.channelId ? `: announced in ${channelMention(scope.committee.channelId)}` : ''}.`
    : ` ${done}/${total} done.`;
  return successReply(`${org}'s part of ${followUpName(r.followUp)} is done.${all}`);
};

export const snoozeCommand: CommandHandler = async (ctx) => {
  const { code, rest } = orgOption(ctx);
  const id = takeFollowUpId(rest);
  const last = id.rest.at(-1);
  if (!last || last.kind !== 'quoted' || id.rest.length < 2) {
    throw new UsageError('Give how long (e.g. 2 weeks) or until when (e.g. 2027-03-01), then the reason in quotes: a reason is required.');
  }
  const whenText = joinWords(id.rest.slice(0, -1), 'how long or until when').replace(/^until\s+/i, '');
  const scope = await scopeOf(ctx);
  const zone = await zoneOf(ctx, scope);
  const now = ctx.deps.now();
  const duration = parseDuration(whenText);
  const until = duration.ok ? addDuration(todayInZone(now, zone), duration.duration) : readFutureDate(whenText, zone, now, 'date');
  const r = await snoozeFollowUp(scope, id.number, { ...(code ? { code } : {}), until, reason: last.text, zone }, followUpEnv(ctx.deps));
  await followThrough(ctx, scope, id.number, r.assignment.id);
  const count = r.assignment.snoozeCount;
  return successReply(
    `😴 ${escapeMrkdwn(r.assignment.organization.code)}'s part of ${followUpName(r.followUp)} is snoozed until *${formatLocalDate(until)}* (snoozed ${count} time${count === 1 ? '' : 's'}; the chair sees the count and your reason).`,
  );
};

export const updateCommand: CommandHandler = async (ctx) => {
  const { code, rest } = orgOption(ctx);
  const id = takeFollowUpId(rest);
  const text = joinWords(id.rest, 'the update in quotes, e.g. "Draft sent to the Bureau"');
  const scope = await scopeOf(ctx);
  const r = await addUpdate(scope, id.number, { ...(code ? { code } : {}), text }, followUpEnv(ctx.deps));
  if (r.assignment) await followThrough(ctx, scope, id.number, r.assignment.id);
  const where = r.assignment ? `${escapeMrkdwn(r.assignment.organization.code)}'s part of ` : '';
  return successReply(`📝 Update added to ${where}${followUpName(r.followUp)}. It stays open; \`followup F-${r.followUp.number}\` shows the history.`);
};
