/** `deadline add|cancel`, `deadlines [DAYS]` */
import { resolveScope } from '../../committees/scope.ts';
import { addDeadline, cancelDeadline, listUpcomingDeadlines, type DueInput } from '../../deadlines/deadline-service.ts';
import { describeOffset, shortDeadlineId } from '../../deadlines/deadline-rules.ts';
import { shortMeetingId } from '../../meetings/meeting-rules.ts';
import { formatLocalDate } from '../../time/format.ts';
import { todayInZone } from '../../time/local-date.ts';
import { asText, expectEnd, orThrow, parseOrgCodes, parseShortId, takeOptions, takeText, takeWord, UsageError } from './args.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { cachedRead } from '../../cache/attach.ts';
import { successReply } from '../blocks/reply.ts';
import { deadlineListBlocks, responsible } from '../blocks/deadlines.ts';
import { channelMention, escapeMrkdwn } from '../text.ts';
import { joinWords, readDate, readDays } from './calendar-args.ts';
import { changeEnv } from './calendar-env.ts';

const scopeOf = (ctx: CommandContext) => resolveScope(ctx.deps.db, ctx.key, ctx.userId);

/** Without DAYS, `deadlines` looks this far ahead (as the App Home does). */
const DEFAULT_DEADLINE_DAYS = 90;

const RELATIVE = /^(\d{1,5})\s+(days?|weeks?|months?|years?)\s+(before|after|from)\s+(\S+)$/i;

/** `6 weeks before M-4` → relative; anything else is a date read in the caller's zone. */
function readDue(text: string, yearly: boolean, zone: string, now: Date): DueInput {
  const m = RELATIVE.exec(text.trim());
  if (!m) return { kind: 'date', date: readDate(text, zone, now, yearly), yearly };
  const unit = m[2]!.toLowerCase().replace(/s$/, '');
  if (unit !== 'day' && unit !== 'week') throw new UsageError(`Count in days or weeks before or after a meeting (e.g. 8 weeks before M-4), not ${unit}s.`);
  const direction = m[3]!.toLowerCase();
  if (direction === 'from') throw new UsageError('Say before or after the meeting, e.g. 60 days before M-4.');
  if (yearly) throw new UsageError('every:year goes with a date (e.g. 2028-04-30 every:year), not with a meeting.');
  const meetingNumber = orThrow(parseShortId(m[4]!, 'M')).value;
  return { kind: 'relative', amount: Number(m[1]), unit, direction: direction as 'before' | 'after', meetingNumber };
}

function readEvery(text: string): boolean {
  if (/^(year|yearly|annually|annual)$/i.test(text.trim())) return true;
  throw new UsageError(`Only every:year is supported (got every:${text.trim()}).`, 'every:year');
}

function announced(channelId: string | null): string {
  return channelId ? ` Announced in ${channelMention(channelId)}.` : '';
}

const add: CommandHandler = async (ctx) => {
  const { options, rest } = orThrow(takeOptions(ctx.args, ['orgs', 'every']));
  const title = orThrow(takeText(rest, 'the title in quotes, e.g. "ISU work plan circulated"'));
  const yearly = options.every ? readEvery(orThrow(asText(options.every, 'year')).value) : false;
  const orgs = options.orgs ? orThrow(parseOrgCodes(orThrow(asText(options.orgs, 'organization codes, e.g. UNEP,WHO')).value)).value : { all: true as const };
  const scope = await scopeOf(ctx);
  const zone = await ctx.deps.userZones.zoneOf(ctx.client, ctx.userId, scope.committee.timeZone);
  const now = ctx.deps.now();
  const due = readDue(joinWords(title.rest, 'the due date (e.g. 2028-04-30) or N days|weeks before M-n'), yearly, zone, now);
  const { deadline, meeting, alreadyPast } = await addDeadline(
    scope,
    { title: title.value, due, orgCodes: orgs.all ? [] : orgs.codes, zone },
    changeEnv(ctx.deps),
  );
  const rule = meeting ? ` (${describeOffset(deadline)} *${shortMeetingId(meeting.number)}* ${escapeMrkdwn(meeting.title)}; it moves if the meeting moves)` : deadline.rrule ? ' (every year)' : '';
  const where = announced(scope.committee.channelId);
  // every:year with a date already past this year: the first one due is next year's — say so.
  const rolled = due.kind === 'date' && due.date < deadline.effectiveDue ? ` Note: ${formatLocalDate(due.date)} has already passed, so the first one is due ${formatLocalDate(deadline.effectiveDue)}.` : '';
  return successReply(
    `Added *${shortDeadlineId(deadline.number)}* · ${escapeMrkdwn(deadline.title)}: due *${formatLocalDate(deadline.effectiveDue)}*${rule}, for ${responsible(deadline)}.${alreadyPast ? ' Note: that date is already past.' : ''}${rolled}${where}`,
  );
};

const cancel: CommandHandler = async (ctx) => {
  const id = orThrow(takeWord(ctx.args, 'a deadline id (e.g. D-3)'));
  orThrow(expectEnd(id.rest));
  const number = orThrow(parseShortId(id.value, 'D')).value;
  const scope = await scopeOf(ctx);
  const deadline = await cancelDeadline(scope, number, changeEnv(ctx.deps));
  return successReply(`Cancelled *${shortDeadlineId(deadline.number)}* · ${escapeMrkdwn(deadline.title)} (was due ${formatLocalDate(deadline.effectiveDue)}).${announced(scope.committee.channelId)}`);
};

export const deadlineCommands: Record<string, CommandHandler> = { add, cancel };

export const deadlinesCommand: CommandHandler = async (ctx) => {
  const [first, ...more] = ctx.args;
  orThrow(expectEnd(more));
  const days = first ? readDays(orThrow(takeWord([first], 'a number of days, e.g. 30')).value) : DEFAULT_DEADLINE_DAYS;
  const scope = await scopeOf(ctx);
  const zone = await ctx.deps.userZones.zoneOf(ctx.client, ctx.userId, scope.committee.timeZone);
  const today = todayInZone(ctx.deps.now(), zone);
  return cachedRead(scope, `deadlines:${today}:${days}`, async () => deadlineListBlocks({ rows: await listUpcomingDeadlines(scope, { today, days }), days, today, commandName: ctx.deps.commandName }));
};
