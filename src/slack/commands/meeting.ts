/** `meeting add|new|show|move|cancel`, `meetings [DAYS|all] [body:"Name"]` */
import { resolveScope } from '../../committees/scope.ts';
import { addMeeting, assertMayAddMeeting, DuplicateMeetingError, listCommitteeMeetings, type MeetingWindow } from '../../meetings/meeting-service.ts';
import { cancelMeeting, moveMeeting, showMeeting } from '../../deadlines/meeting-deadlines.ts';
import { KIND_LABELS, shortMeetingId, type Meeting } from '../../meetings/meeting-rules.ts';
import { shortDeadlineId } from '../../deadlines/deadline-rules.ts';
import { formatLocalDate } from '../../time/format.ts';
import { asText, expectEnd, orThrow, parseShortId, takeOptions, takeText, takeWord, UsageError } from './args.ts';
import type { CommandContext, CommandHandler, Reply } from './context.ts';
import { infoReply, successReply } from '../blocks/reply.ts';
import { meetingDetailBlocks, meetingListBlocks, meetingWhen } from '../blocks/meetings.ts';
import { meetingModalView } from '../blocks/meeting-modal.ts';
import { channelMention, escapeMrkdwn } from '../text.ts';
import { joinWords, readDateRange, readDays, readKind, readTimeOption } from './calendar-args.ts';
import { changeEnv } from './calendar-env.ts';
import type { ValueToken } from './tokenize.ts';
import { cachedRead, quarterHour } from '../../cache/attach.ts';

const scopeOf = (ctx: CommandContext) => resolveScope(ctx.deps.db, ctx.key, ctx.userId);

const text = (token: ValueToken | undefined, what: string) => (token ? orThrow(asText(token, what)).value : undefined);

function meetingNumber(ctx: CommandContext) {
  const id = orThrow(takeWord(ctx.args, 'a meeting id (e.g. M-4)'));
  return { number: orThrow(parseShortId(id.value, 'M')).value, rest: id.rest };
}

function summary(m: Meeting): string {
  const where = m.venue ? `, ${escapeMrkdwn(m.venue)}` : '';
  return `*${shortMeetingId(m.number)}* · ${escapeMrkdwn(m.title)}: ${meetingWhen(m)}${where} (${KIND_LABELS[m.kind]})`;
}

function announced(channelId: string | null): string {
  return channelId ? ` Announced in ${channelMention(channelId)}.` : '';
}

const add: CommandHandler = async (ctx) => {
  const { options, rest } = orThrow(takeOptions(ctx.args, ['time', 'tz', 'at', 'body', 'kind', 'url', 'doc']));
  const title = orThrow(takeText(rest, 'the title in quotes, e.g. "13MSP"'));
  const last = title.rest.at(-1);
  const force = last?.kind === 'word' && last.text.toLowerCase() === 'force';
  const scope = await scopeOf(ctx);
  const zone = await ctx.deps.userZones.zoneOf(ctx.client, ctx.userId, scope.committee.timeZone);
  const range = readDateRange(joinWords(force ? title.rest.slice(0, -1) : title.rest, 'the date or range, e.g. 2028-09-12..2028-09-15'), zone, ctx.deps.now());
  const time = options.time ? readTimeOption(text(options.time, 'a time such as 14:00')!) : undefined;
  const kind = text(options.kind, 'a kind such as governing-body');
  const { meeting, note, past } = await addMeeting(
    scope,
    {
      refuseDuplicate: !force,
      title: title.value,
      startDate: range.start,
      endDate: range.end,
      startTime: time?.startTime ?? null,
      endTime: time?.endTime ?? null,
      timeZone: text(options.tz, 'a time zone such as Europe/Zurich'),
      venue: text(options.at, 'a venue in quotes'),
      body: text(options.body, 'a body name in quotes'),
      kind: kind === undefined ? undefined : readKind(kind),
      url: text(options.url, 'a web address'),
      documentSymbol: text(options.doc, 'a document symbol such as UNEP/CHW.17/1'),
    },
    changeEnv(ctx.deps),
  ).catch((err: unknown) => {
    if (err instanceof DuplicateMeetingError) {
      throw new UsageError(`${err.message} Nothing was added. If this is really another meeting, run the same command with force at the end.`);
    }
    throw err;
  });
  const history = past
    ? `\nNote: that meeting is in the past (it ended ${formatLocalDate(meeting.endDate)}): it is kept as history and shown by \`${ctx.deps.commandName} meetings all\`. If you meant a future date, fix it with \`${ctx.deps.commandName} meeting move ${shortMeetingId(meeting.number)} DATE\`.`
    : '';
  return successReply(`Added ${summary(meeting)}.${note ? ` ${escapeMrkdwn(note)}` : ''}${announced(scope.committee.channelId)}${history}`);
};

const newMeeting: CommandHandler = async (ctx) => {
  orThrow(expectEnd(ctx.args));
  const scope = await scopeOf(ctx);
  await assertMayAddMeeting(scope);
  // views.open must use the trigger inside this request (it expires after 3 s): never queued.
  await ctx.client.views.open({
    trigger_id: ctx.command.trigger_id,
    view: meetingModalView({ committeeZone: scope.committee.timeZone, metadata: { channelId: ctx.channelId } }),
  });
  return null; // a modal was opened: empty ack
};

const show: CommandHandler = async (ctx) => {
  const { number, rest } = meetingNumber(ctx);
  orThrow(expectEnd(rest));
  const { meeting, deadlines } = await showMeeting(await scopeOf(ctx), number);
  return meetingDetailBlocks(meeting, deadlines, ctx.deps.now());
};

const move: CommandHandler = async (ctx) => {
  const { options, rest } = orThrow(takeOptions(ctx.args, ['time']));
  const id = orThrow(takeWord(rest, 'a meeting id (e.g. M-4)'));
  const number = orThrow(parseShortId(id.value, 'M')).value;
  const scope = await scopeOf(ctx);
  const zone = await ctx.deps.userZones.zoneOf(ctx.client, ctx.userId, scope.committee.timeZone);
  const dates = joinWords(id.rest, 'the new date or range, e.g. 2028-09-13..2028-09-16');
  const range = readDateRange(dates, zone, ctx.deps.now());
  const isRange = /\.\./.test(dates) || range.end !== range.start;
  const time = options.time ? readTimeOption(text(options.time, 'a time such as 14:00')!, true) : undefined;
  const result = await moveMeeting(
    scope,
    number,
    { startDate: range.start, ...(isRange ? { endDate: range.end } : {}), ...(time ? { startTime: time.startTime, endTime: time.endTime } : {}) },
    changeEnv(ctx.deps),
  );
  if (!result.changed) return infoReply(`${summary(result.meeting)} is already on those dates; nothing changed.`);
  const moved = result.deadlines.map(
    (d) => `• *${shortDeadlineId(d.deadline.number)}* ${escapeMrkdwn(d.deadline.title)}: ${formatLocalDate(d.from)} → ${formatLocalDate(d.to)}`,
  );
  const follow = moved.length ? `\nDeadlines that moved with it:\n${moved.join('\n')}` : '';
  return successReply(`Moved ${summary(result.meeting)}.${result.note ? ` ${escapeMrkdwn(result.note)}` : ''}${announced(scope.committee.channelId)}${follow}`);
};

const cancel: CommandHandler = async (ctx) => {
  const { number, rest } = meetingNumber(ctx);
  orThrow(expectEnd(rest));
  const scope = await scopeOf(ctx);
  const { meeting, orphaned } = await cancelMeeting(scope, number, changeEnv(ctx.deps));
  const list = orphaned.map((d) => `• *${shortDeadlineId(d.number)}* ${escapeMrkdwn(d.title)} (due ${formatLocalDate(d.effectiveDue)})`);
  const left = list.length
    ? `\nThese deadlines were set relative to it and now have no meeting — cancel them with \`${ctx.deps.commandName} deadline cancel D-n\` or add them again on a date:\n${list.join('\n')}`
    : '';
  return successReply(`Cancelled *${shortMeetingId(meeting.number)}* · ${escapeMrkdwn(meeting.title)}.${announced(scope.committee.channelId)}${left}`);
};

export const meetingCommands: Record<string, CommandHandler> = { add, new: newMeeting, show, move, cancel };

export const meetingsCommand: CommandHandler = async (ctx) => {
  const { options, rest } = orThrow(takeOptions(ctx.args, ['body']));
  const [first, ...more] = rest;
  orThrow(expectEnd(more));
  let window: MeetingWindow = { kind: 'upcoming' };
  if (first) {
    const word = orThrow(takeWord([first], 'a number of days or all')).value.toLowerCase();
    if (word === 'all') window = { kind: 'all' };
    else if (/^\d+$/.test(word)) window = { kind: 'upcoming', days: readDays(word) };
    else throw new UsageError(`“${word}” is not a number of days or all.`, /^a/.test(word) ? 'meetings all' : undefined);
  }
  const body = text(options.body, 'a body name in quotes');
  const scope = await scopeOf(ctx);
  const now = ctx.deps.now();
  // Which meetings are past depends on each venue's day: the same for every `now` in one quarter hour.
  const key = `meetings:${JSON.stringify(window)}:${body ?? ''}:${quarterHour(now)}`;
  // So do the countdowns ("in 3 days"): the rendered reply is the same for the whole quarter hour.
  return cachedRead(scope, key, async () => {
    const list = await listCommitteeMeetings(scope, window, body ? { now, body } : { now });
    return meetingListBlocks({ committeeName: scope.committee.name, ...list, window, ...(body ? { body } : {}), now, commandName: ctx.deps.commandName });
  });
};
