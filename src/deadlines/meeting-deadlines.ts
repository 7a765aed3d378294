/**
 * A meeting together with the deadlines set relative to it: moving the meeting moves them in the same
 * transaction, cancelling it leaves them without a meeting (listed), showing it lists them. These live with
 * the deadlines because deadlines stand on meetings, never the other way round.
 */
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { Scope } from '../committees/scope.ts';
import { committeeWrite } from '../committees/committee-write.ts';
import { addDays, todayInZone, type LocalDate } from '../time/local-date.ts';
import { updateMeeting } from '../meetings/meeting-repository.ts';
import { requireMeeting } from '../meetings/meeting-lookup.ts';
import { meetingLength, resolveSchedule, shortMeetingId, type Meeting } from '../meetings/meeting-rules.ts';
import { announce } from '../meetings/announcements.ts';
import type { ChangeEnv, MovedDeadline } from './announcements.ts';
import { relativeDeadlinesOf } from './deadline-repository.ts';
import { followMeeting } from './deadline-service.ts';
import type { Deadline } from './deadline-rules.ts';

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
  const result = await committeeWrite(scope, 'meeting.move', async (tx, { committee, actor }) => {
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
  const result = await committeeWrite(scope, 'meeting.cancel', async (tx, { committee, actor }) => {
    const before = await requireMeeting(tx, committee.id, number, { tx });
    if (before.status === 'cancelled') throw new UserError(`${shortMeetingId(number)} (${before.title}) is already cancelled.`);
    const meeting = await updateMeeting(tx, before.id, { status: 'cancelled' });
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'meeting.cancel', subject: shortMeetingId(number), before, after: meeting });
    const hanging = await relativeDeadlinesOf(tx, meeting.id);
    const ids = await announce(tx, committee, env, { type: 'meeting.cancelled', meeting, orphaned: hanging, actorId: actor.userId });
    return { meeting, orphaned: hanging, ids };
  });
  await env.dispatch(result.ids);
  return { meeting: result.meeting, orphaned: result.orphaned };
}

/** M-n with the deadlines set relative to it (`meeting show`). */
export async function showMeeting(scope: Scope, number: number): Promise<{ meeting: Meeting; deadlines: Deadline[] }> {
  const meeting = await requireMeeting(scope.db, scope.committee.id, number);
  return { meeting, deadlines: await relativeDeadlinesOf(scope.db, meeting.id) };
}
