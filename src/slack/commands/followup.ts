/**
 * `assign`, `followups [mine|overdue|CODE|all]`, `followup F-n`, `cancel F-n`, `reassign F-n FROM TO`,
 * `reopen F-n CODE`. Dates are read in the caller's Slack zone.
 */
import { resolveScope, type Scope } from '../../committees/scope.ts';
import { cachedRead } from '../../cache/attach.ts';
import { UserError } from '../../errors.ts';
import type { FollowUpEnv } from '../../followups/announcements.ts';
import { assignFollowUp, cancelFollowUp, reassignFollowUp, reopenFollowUp } from '../../followups/followup-service.ts';
import { listFollowUps, showFollowUp, type ListFilter } from '../../followups/followup-queries.ts';
import { rollUp, type FollowUp } from '../../followups/followup-rules.ts';
import { parseUserDate } from '../../time/parse-date.ts';
import { todayInZone } from '../../time/local-date.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { asText, describeToken, expectEnd, orThrow, parseOrgCode, parseShortId, takeOptions, takeOrgCodes, takeText, takeWord, UsageError } from './args.ts';
import type { CommandContext, CommandDeps, CommandHandler } from './context.ts';
import { successReply } from '../blocks/reply.ts';
import { dueText, followUpName, followUpNotices, meetingRef } from '../blocks/followup-notices.ts';
import { followUpDetailBlocks, followUpListBlocks } from '../blocks/followups.ts';
import { channelMention, escapeMrkdwn } from '../text.ts';
import { joinWords } from './calendar-args.ts';
import type { Token } from './tokenize.ts';

export function followUpEnv(deps: Pick<CommandDeps, 'now' | 'dispatch'>): FollowUpEnv {
  return { now: deps.now(), dispatch: deps.dispatch, render: followUpNotices() };
}

export const scopeOf = (ctx: CommandContext) => resolveScope(ctx.deps.db, ctx.key, ctx.userId);

export async function zoneOf(ctx: CommandContext, scope: Scope): Promise<string> {
  return ctx.deps.userZones.zoneOf(ctx.client, ctx.userId, scope.committee.timeZone);
}

/** `F-12` (or `12`) from the front of the arguments. */
export function takeFollowUpId(tokens: readonly Token[]): { number: number; rest: Token[] } {
  const id = orThrow(takeWord(tokens, 'a follow-up id (e.g. F-12)'));
  return { number: orThrow(parseShortId(id.value, 'F')).value, rest: id.rest };
}

/** A date typed in `zone` that must not be past; a past or unsure one comes back as a question. */
export function readFutureDate(text: string, zone: string, now: Date, what: string): string {
  const r = parseUserDate(text, { zone, now });
  if (r.ok) return r.date;
  throw new UsageError(r.reason === 'past' ? `${r.message} Which ${what} did you mean?` : r.message);
}

/** `[due DATE]` after the action: the rest of the words. */
function readDue(tokens: Token[], zone: string, now: Date): string | undefined {
  if (tokens.length === 0) return undefined;
  const [first, ...rest] = tokens;
  if (first!.kind !== 'word' || first!.text.toLowerCase() !== 'due') {
    throw new UsageError(`Unexpected ${describeToken(first!)} after the action: write \`due DATE\` (e.g. due 2027-03-01, due in 3 weeks) or meeting:M-n.`);
  }
  return readFutureDate(joinWords(rest, 'the due date after due (e.g. 2027-03-01 or in 3 weeks)'), zone, now, 'due date');
}

function announced(scope: Scope): string {
  return scope.committee.channelId ? ` Announced in ${channelMention(scope.committee.channelId)}.` : '';
}

function nobodyNotified(codes: string[]): string {
  return codes.map((c) => `\n🔕 ${escapeMrkdwn(c)} has no focal point or alternate: nobody was notified. Add one with \`member add @user ${escapeMrkdwn(c)} as:focal\`.`).join('');
}

export const assignCommand: CommandHandler = async (ctx) => {
  const { options, rest } = orThrow(takeOptions(ctx.args, ['meeting', 'due']));
  const orgs = orThrow(takeOrgCodes(rest));
  const title = orThrow(takeText(orgs.rest, 'the action in quotes, e.g. "Submit the GFC outcomes to UNEA"'));
  const scope = await scopeOf(ctx);
  const zone = await zoneOf(ctx, scope);
  const now = ctx.deps.now();
  let due = readDue(title.rest, zone, now);
  if (options.due) {
    if (due) throw new UsageError('Give the due date once.');
    due = readFutureDate(orThrow(asText(options.due, 'a due date such as 2027-03-01')).value, zone, now, 'due date');
  }
  const meetingNumber = options.meeting ? orThrow(parseShortId(orThrow(asText(options.meeting, 'a meeting id such as M-4')).value, 'M')).value : undefined;
  const r = await assignFollowUp(
    scope,
    { orgs: orgs.value.all ? 'all' : orgs.value.codes, title: title.value, ...(due ? { due } : {}), ...(meetingNumber ? { meetingNumber } : {}), zone },
    followUpEnv(ctx.deps),
  );
  const f = r.followUp;
  const meeting = r.meeting ? ` · from ${meetingRef(r.meeting)}` : '';
  const notified = r.notified ? ` ${r.notified} focal point${r.notified === 1 ? '' : 's'} and alternates were notified by DM.` : '';
  return successReply(
    `Created ${followUpName(f)} for ${f.assignments.map((a) => escapeMrkdwn(a.organization.code)).join(', ')}: ${dueText(f, todayInZone(now, zone))}${meeting}.${notified}${announced(scope)}${nobodyNotified(r.unnotified)}`,
  );
};

const KEYWORDS = ['mine', 'overdue', 'all'] as const;

export const followupsCommand: CommandHandler = async (ctx) => {
  const [first, ...more] = ctx.args;
  orThrow(expectEnd(more));
  const scope = await scopeOf(ctx);
  const word = first ? orThrow(takeWord([first], 'mine, overdue, all or an organization code')).value : undefined;
  const lower = word?.toLowerCase();
  let filter: ListFilter;
  if (lower === undefined) filter = scope.actor.organizationId ? { kind: 'mine' } : { kind: 'all' };
  else if (lower === 'mine' || lower === 'overdue' || lower === 'all') filter = { kind: lower };
  else {
    const code = parseOrgCode(word!);
    if (!code.ok) throw new UsageError(`“${word}” is neither mine, overdue, all nor an organization code.`, didYouMean(lower, KEYWORDS));
    filter = { kind: 'org', code: code.value };
  }
  const zone = await zoneOf(ctx, scope);
  const today = todayInZone(ctx.deps.now(), zone);
  try {
    // `mine` depends on the caller's organization; everything else only on the filter and the day.
    const key = `followups:${JSON.stringify(filter)}:${filter.kind === 'mine' ? scope.actor.organizationId : ''}:${today}`;
    return await cachedRead(scope, key, async () => followUpListBlocks(await listFollowUps(scope, filter, today), today, ctx.deps.commandName));
  } catch (err) {
    const keyword = filter.kind === 'org' ? didYouMean(lower!, KEYWORDS) : undefined;
    if (err instanceof UserError && keyword) throw new UsageError(`“${word}” is neither mine, overdue, all nor an organization code.`, `followups ${keyword}`);
    throw err;
  }
};

export const followupCommand: CommandHandler = async (ctx) => {
  const { number, rest } = takeFollowUpId(ctx.args);
  orThrow(expectEnd(rest));
  const scope = await scopeOf(ctx);
  const zone = await zoneOf(ctx, scope);
  return followUpDetailBlocks(await showFollowUp(scope, number), todayInZone(ctx.deps.now(), zone), zone);
};

function codesOf(f: FollowUp, status: 'open' | 'done' | 'cancelled'): string {
  return f.assignments.filter((a) => a.status === status).map((a) => escapeMrkdwn(a.organization.code)).join(', ');
}

export const cancelCommand: CommandHandler = async (ctx) => {
  const { number, rest } = takeFollowUpId(ctx.args);
  orThrow(expectEnd(rest));
  const scope = await scopeOf(ctx);
  const f = await cancelFollowUp(scope, number, followUpEnv(ctx.deps));
  const done = codesOf(f, 'done');
  return successReply(`Cancelled ${followUpName(f)} for every organization.${done ? ` Parts already done stay done (${done}).` : ''}${announced(scope)}`);
};

export const reassignCommand: CommandHandler = async (ctx) => {
  const { number, rest } = takeFollowUpId(ctx.args);
  const from = orThrow(takeWord(rest, 'the organization giving its part (e.g. UNEP)'));
  const to = orThrow(takeWord(from.rest, 'the organization taking it over (e.g. UNITAR)'));
  orThrow(expectEnd(to.rest));
  const fromCode = orThrow(parseOrgCode(from.value)).value;
  const toCode = orThrow(parseOrgCode(to.value)).value;
  const r = await reassignFollowUp(await scopeOf(ctx), number, fromCode, toCode, followUpEnv(ctx.deps));
  const told = r.unnotified ? nobodyNotified([r.to.organization.code]) : ` ${r.notified} of its focal points and alternates ${r.notified === 1 ? 'was' : 'were'} notified by DM.`;
  const { done, total } = rollUp(r.followUp);
  return successReply(`${escapeMrkdwn(r.to.organization.code)} takes over ${escapeMrkdwn(r.from.organization.code)}'s part of ${followUpName(r.followUp)} (${done}/${total} done).${told}`);
};

export const reopenCommand: CommandHandler = async (ctx) => {
  const { number, rest } = takeFollowUpId(ctx.args);
  const code = orThrow(takeWord(rest, 'the organization whose part to reopen (e.g. WHO)'));
  orThrow(expectEnd(code.rest));
  const r = await reopenFollowUp(await scopeOf(ctx), number, orThrow(parseOrgCode(code.value)).value, followUpEnv(ctx.deps));
  const { done, total } = rollUp(r.followUp);
  return successReply(`↩️ ${escapeMrkdwn(r.assignment.organization.code)}'s part of ${followUpName(r.followUp)} is open again (${done}/${total} done).`);
};
