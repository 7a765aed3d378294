/**
 * Meetings: add, list, show. Moving and cancelling one touch the deadlines set relative to it, so they
 * live with the deadlines (`src/deadlines/meeting-deadlines.ts`), which stand on meetings.
 * Every change: permission check and lock (`committeeWrite`), one transaction, an audit event, an
 * announcement in the channel.
 */
import { recordAudit } from '../audit/audit-repository.ts';
import type { Scope } from '../committees/scope.ts';
import { authorize } from '../committees/permissions.ts';
import { committeeWrite } from '../committees/committee-write.ts';
import { nextNumber } from '../committees/committee-repository.ts';
import { validateZone } from '../committees/validate.ts';
import { inferMeetingKind } from './meeting-kind.ts';
import { addDays, todayInZone, type LocalDate } from '../time/local-date.ts';
import { createMeeting, listMeetings, scheduledMeetingsOn, type MeetingData } from './meeting-repository.ts';
import { UserError } from '../errors.ts';
import { formatLocalDate } from '../time/format.ts';
import { announce, type AnnounceEnv, type MeetingAnnouncement } from './announcements.ts';
import {
  BODY_MAX,
  checkText,
  checkUrl,
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
  /** Refuse a meeting with the same title (any case) starting the same day as one not cancelled. */
  refuseDuplicate?: boolean;
}

/** Refused: the committee already has this meeting; says which, and how to add it anyway. */
export class DuplicateMeetingError extends UserError {
  constructor(readonly existing: Meeting) {
    super(`${shortMeetingId(existing.number)} “${existing.title}” already starts on ${formatLocalDate(existing.startDate)}.`);
  }
}

const sameTitle = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');

/** Validates everything that needs no database: the meeting's data, ready to write. */
function meetingData(input: MeetingInput, committeeZone: string): { data: MeetingData; note?: string } {
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

export async function addMeeting(
  scope: Scope,
  input: MeetingInput,
  env: AnnounceEnv<MeetingAnnouncement>,
): Promise<{ meeting: Meeting; note?: string; past: boolean }> {
  const result = await committeeWrite(scope, 'meeting.add', async (tx, { committee, actor }) => {
    const { data, note } = meetingData(input, committee.timeZone);
    if (input.refuseDuplicate) {
      const twin = (await scheduledMeetingsOn(tx, committee.id, data.startDate)).find((m) => sameTitle(m.title, data.title));
      if (twin) throw new DuplicateMeetingError(twin);
    }
    const number = await nextNumber(tx, committee.id, 'meeting');
    const meeting = await createMeeting(tx, committee.id, number, actor.userId, data);
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'meeting.add', subject: shortMeetingId(number), after: meeting });
    const ids = await announce<MeetingAnnouncement>(tx, committee, env, { type: 'meeting.added', meeting, actorId: actor.userId });
    return { meeting, ids, note };
  });
  await env.dispatch(result.ids);
  // Importing history is fine; a past date typed by accident should not pass unnoticed.
  const past = result.meeting.endDate < todayInZone(env.now, result.meeting.timeZone);
  return result.note ? { meeting: result.meeting, note: result.note, past } : { meeting: result.meeting, past };
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
