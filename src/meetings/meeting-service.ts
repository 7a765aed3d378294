/**
 * Meetings: add, move (relative deadlines follow in the same transaction), cancel, list, show.
 * Every change: permission check, one transaction, an audit event, an announcement in the channel.
 */
import { inTransaction } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { Scope } from '../committees/scope.ts';
import { authorize } from '../committees/permissions.ts';
import { nextNumber } from '../committees/committee-repository.ts';
import { validateZone } from '../committees/validate.ts';
import { inferMeetingKind } from '../calendar/meeting-kind.ts';
import { addDays, todayInZone, type LocalDate } from '../time/local-date.ts';
import { followMeeting, deadlinesOfMeeting } from '../deadlines/deadline-service.ts';
import type { Deadline } from '../deadlines/deadline-rules.ts';
import { createMeeting, listMeetings, updateMeeting, type MeetingData } from './meeting-repository.ts';
import { requireMeeting } from './meeting-lookup.ts';
import { announce, type ChangeEnv, type MovedDeadline } from './announcements.ts';
import {
  BODY_MAX,
  checkText,
  checkUrl,
  meetingLength,
  resolveSchedule,
  shortMeetingId,
  SYMBOL_MAX,
  TITLE_MAX,
  VENUE_MAX,
  type Meeting,
  type MeetingKind,
} from './meeting-rules.ts';

export interface MeetingInput {
  title: string;
  startDate: LocalDate;
  endDate: LocalDate;
  startTime?: string | null;
  endTime?: string | null;
  /** IANA zone of the venue (aliases and near misses get "did you mean"); default: the committee's. */
  timeZone?: string;
  venue?: string;
  body?: string;
  /** Default: guessed from body and title (IOCC → coordination, COP/MSP → governing body, …). */
  kind?: MeetingKind;
  url?: string;
  documentSymbol?: string;
}

/** Validates everything that needs no database: the meeting's data, ready to write. */
export function meetingData(input: MeetingInput, committeeZone: string): { data: MeetingData; note?: string } {
  const title = checkText('title', input.title, 1, TITLE_MAX);
  const body = checkText('body', input.body ?? '', 0, BODY_MAX);
  const timeZone = input.timeZone === undefined ? committeeZone : validateZone(input.timeZone);
  const schedule = resolveSchedule({
    startDate: input.startDate,
    endDate: input.endDate,
    startTime: input.startTime ?? null,
    endTime: input.endTime ?? null,
    timeZone,
  });
  const data: MeetingData = {
    title,
    body,
    kind: input.kind ?? inferMeetingKind(body, title),
    startDate: schedule.startDate,
    endDate: schedule.endDate,
    startTime: schedule.startTime,
    endTime: schedule.endTime,
    timeZone,
    startsAt: schedule.startsAt,
    venue: checkText('venue', input.venue ?? '', 0, VENUE_MAX),
    status: 'scheduled',
    url: input.url ? checkUrl(input.url) : null,
    documentSymbol: input.documentSymbol ? checkText('document symbol', input.documentSymbol, 1, SYMBOL_MAX) : null,
  };
  return schedule.note ? { data, note: schedule.note } : { data };
}

/** Refuses early (e.g. before opening the form) when the actor may not add meetings. */
export function assertMayAddMeeting(scope: Scope): Promise<void> {
  return authorize(scope.actor, 'meeting.add', scope.holdersOf);
}

export async function addMeeting(scope: Scope, input: MeetingInput, env: ChangeEnv): Promise<{ meeting: Meeting; note?: string }> {
  await authorize(scope.actor, 'meeting.add', scope.holdersOf);
  const { data, note } = meetingData(input, scope.committee.timeZone);
  const { committee, actor } = scope;
  const result = await inTransaction(scope.db, async (tx) => {
    const number = await nextNumber(tx, committee.id, 'meeting');
    const meeting = await createMeeting(tx, committee.id, number, actor.userId, data);
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'meeting.add', subject: shortMeetingId(number), after: meeting });
    const ids = await announce(tx, committee, env, { type: 'meeting.added', meeting, actorId: actor.userId });
    return { meeting, ids };
  });
  await env.dispatch(result.ids);
  return note ? { meeting: result.meeting, note } : { meeting: result.meeting };
}

export interface MoveInput {
  startDate: LocalDate;
  /** Omitted: the meeting keeps its length. */
  endDate?: LocalDate;
  /** Omitted: keeps its time; null: becomes date-only. */
  startTime?: string | null;
  endTime?: string | null;
}

export interface MoveResult {
  meeting: Meeting;
  before: Meeting;
  deadlines: MovedDeadline[];
  changed: boolean;
  note?: string;
}

export async function moveMeeting(scope: Scope, number: number, input: MoveInput, env: ChangeEnv): Promise<MoveResult> {
  await authorize(scope.actor, 'meeting.move', scope.holdersOf);
  const { committee, actor } = scope;
  const result = await inTransaction(scope.db, async (tx) => {
    const before = await requireMeeting(tx, committee.id, number, { tx });
    const m = shortMeetingId(number);
    if (before.status === 'cancelled') {
      throw new UserError(`${m} (${before.title}) is cancelled and cannot be moved. If it is back on, add it again with \`meeting add\`.`);
    }
    const startTime = input.startTime === undefined ? before.startTime : input.startTime;
    const endTime = input.startTime === undefined && input.endTime === undefined ? before.endTime : (input.endTime ?? null);
    const schedule = resolveSchedule({
      startDate: input.startDate,
      endDate: input.endDate ?? addDays(input.startDate, meetingLength(before) - 1),
      startTime,
      endTime: startTime === null ? null : endTime,
      timeZone: before.timeZone,
    });
    const { note, ...when } = schedule;
    const same =
      when.startDate === before.startDate && when.endDate === before.endDate && when.startTime === before.startTime && when.endTime === before.endTime;
    if (same && before.status === 'scheduled') return { meeting: before, before, deadlines: [], changed: false, ids: [] as string[], note };
    const meeting = await updateMeeting(tx, before.id, { ...when, status: 'scheduled' });
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'meeting.move', subject: m, before, after: meeting });
    const deadlines = await followMeeting(tx, committee.id, actor.userId, meeting, todayInZone(env.now, committee.timeZone));
    const ids = await announce(tx, committee, env, { type: 'meeting.moved', meeting, before, deadlines, actorId: actor.userId });
    return { meeting, before, deadlines, changed: true, ids, note };
  });
  await env.dispatch(result.ids);
  const { ids: _ids, note, ...rest } = result;
  return note ? { ...rest, note } : rest;
}

export async function cancelMeeting(scope: Scope, number: number, env: ChangeEnv): Promise<{ meeting: Meeting; orphaned: Deadline[] }> {
  await authorize(scope.actor, 'meeting.cancel', scope.holdersOf);
  const { committee, actor } = scope;
  const result = await inTransaction(scope.db, async (tx) => {
    const before = await requireMeeting(tx, committee.id, number, { tx });
    if (before.status === 'cancelled') throw new UserError(`${shortMeetingId(number)} (${before.title}) is already cancelled.`);
    const meeting = await updateMeeting(tx, before.id, { status: 'cancelled' });
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'meeting.cancel', subject: shortMeetingId(number), before, after: meeting });
    const hanging = await deadlinesOfMeeting(tx, meeting.id);
    const ids = await announce(tx, committee, env, { type: 'meeting.cancelled', meeting, orphaned: hanging, actorId: actor.userId });
    return { meeting, orphaned: hanging, ids };
  });
  await env.dispatch(result.ids);
  return { meeting: result.meeting, orphaned: result.orphaned };
}

export type MeetingWindow = { kind: 'upcoming'; days?: number } | { kind: 'all' };

export interface MeetingList {
  upcoming: Meeting[];
  /** Only with `all`: past meetings, most recent first. */
  past: Meeting[];
}

/** Upcoming meetings (still running or ahead, in their own zone) first; with `all`, then the past ones. */
export async function listCommitteeMeetings(scope: Scope, window: MeetingWindow, opts: { now: Date; body?: string }): Promise<MeetingList> {
  // A day of slack either side: "today" differs by zone; the exact cut is made per meeting below.
  const today = todayInZone(opts.now, 'UTC');
  const rows = await listMeetings(scope.db, scope.committee.id, {
    ...(window.kind === 'upcoming' ? { endingFrom: addDays(today, -1) } : {}),
    ...(window.kind === 'upcoming' && window.days !== undefined ? { startingBy: addDays(today, window.days + 1) } : {}),
    ...(opts.body ? { body: opts.body } : {}),
  });
  const upcoming: Meeting[] = [];
  const past: Meeting[] = [];
  for (const m of rows) {
    const local = todayInZone(opts.now, m.timeZone);
    if (m.endDate < local) past.push(m);
    else if (window.kind === 'all' || window.days === undefined || m.startDate <= addDays(local, window.days)) upcoming.push(m);
  }
  return { upcoming, past: window.kind === 'all' ? past.reverse() : [] };
}

export async function showMeeting(scope: Scope, number: number): Promise<{ meeting: Meeting; deadlines: Deadline[] }> {
  const meeting = await requireMeeting(scope.db, scope.committee.id, number);
  return { meeting, deadlines: await deadlinesOfMeeting(scope.db, meeting.id) };
}
