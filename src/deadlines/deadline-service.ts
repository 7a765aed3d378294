/**
 * Deadlines: on a date, relative to a meeting (moving with it), or yearly; for some organizations or the
 * whole committee. Every change: permission check, one transaction, an audit event, an announcement.
 */
import type { DbClient, Tx } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { Committee, Scope } from '../committees/scope.ts';
import { committeeWrite } from '../committees/committee-write.ts';
import { nextNumber } from '../committees/committee-repository.ts';
import { requireOrganization } from '../organizations/organization-service.ts';
import { addDays, todayInZone, type LocalDate } from '../time/local-date.ts';
import { shiftLocalDate } from '../time/calendar-math.ts';
import { toYearlyRule } from '../time/recurrence.ts';
import { formatLocalDate } from '../time/format.ts';
import { requireMeeting } from '../meetings/meeting-lookup.ts';
import { meetingsByIds } from '../meetings/meeting-repository.ts';
import { checkText, shortMeetingId, TITLE_MAX, type Meeting } from '../meetings/meeting-rules.ts';
import { announce } from '../meetings/announcements.ts';
import type { ChangeEnv, MovedDeadline } from './announcements.ts';
import {
  activeDeadlinesFrom,
  createDeadline,
  findDeadline,
  lastDeadlineNumber,
  relativeDeadlinesOf,
  setDeadlineStatus,
  setEffectiveDue,
  type DeadlineData,
} from './deadline-repository.ts';
import {
  describeOffset,
  effectiveDue,
  MAX_OFFSET,
  shortDeadlineId,
  type Deadline,
  type DeadlineDirection,
  type DeadlineUnit,
} from './deadline-rules.ts';

export type DueInput =
  | { kind: 'date'; date: LocalDate; yearly: boolean }
  | { kind: 'relative'; amount: number; unit: DeadlineUnit; direction: DeadlineDirection; meetingNumber: number };

export interface DeadlineInput {
  title: string;
  due: DueInput;
  /** Responsible organizations' codes; empty = the whole committee. */
  orgCodes: string[];
  /** The caller's zone: "today" for the past-date check. Default: the committee's zone. */
  zone?: string;
}

/** D-n of the committee, or a clear "there is none". */
async function requireDeadline(db: DbClient, committeeId: string, number: number): Promise<Deadline> {
  const found = await findDeadline(db, committeeId, number);
  if (found) return found;
  const last = await lastDeadlineNumber(db, committeeId);
  if (last === null) throw new UserError(`There is no ${shortDeadlineId(number)}: no deadline has been added yet.`);
  throw new UserError(`There is no ${shortDeadlineId(number)}; the last deadline is ${shortDeadlineId(last)}. See \`deadlines\`.`);
}

async function resolveOrganizations(tx: Tx, committee: Committee, codes: string[]) {
  const orgs = [];
  for (const code of [...new Set(codes.map((c) => c.toUpperCase()))]) orgs.push(await requireOrganization(tx, committee, code));
  return orgs;
}

function checkOffset(due: Extract<DueInput, { kind: 'relative' }>): void {
  if (!Number.isInteger(due.amount) || due.amount < 0 || due.amount > MAX_OFFSET[due.unit]) {
    throw new UserError(`The offset must be a whole number of ${due.unit}s from 0 to ${MAX_OFFSET[due.unit]}.`);
  }
}

export async function addDeadline(
  scope: Scope,
  input: DeadlineInput,
  env: ChangeEnv,
): Promise<{ deadline: Deadline; meeting: Meeting | null; alreadyPast: boolean }> {
  const due = input.due;
  const result = await committeeWrite(scope, 'deadline.add', async (tx, { committee, actor }) => {
    const title = checkText('title', input.title, 1, TITLE_MAX);
    const today = todayInZone(env.now, input.zone ?? committee.timeZone);
    if (due.kind === 'relative') checkOffset(due);
    const orgs = await resolveOrganizations(tx, committee, input.orgCodes);
    let meeting: Meeting | null = null;
    let data: DeadlineData;
    if (due.kind === 'relative') {
      meeting = await requireMeeting(tx, committee.id, due.meetingNumber, { tx });
      const m = shortMeetingId(meeting.number);
      if (meeting.status === 'cancelled') {
        throw new UserError(`${m} (${meeting.title}) is cancelled, so a deadline cannot be set relative to it. Give a date instead.`);
      }
      // Computed exactly from the meeting, so not a guess: a date already past is kept (the committee's
      // record of a past meeting's deadlines) and the reply says so. A typed past date is a question below.
      const date = shiftLocalDate(meeting.startDate, { amount: due.amount, unit: due.unit, direction: due.direction });
      data = {
        title,
        dueDate: null,
        meetingId: meeting.id,
        offsetAmount: due.amount,
        offsetUnit: due.unit,
        direction: due.direction,
        rrule: null,
        effectiveDue: date,
        timeZone: meeting.timeZone,
      };
    } else {
      if (!due.yearly && due.date < today) {
        throw new UserError(`${formatLocalDate(due.date)} is in the past (today is ${formatLocalDate(today)}). Which date did you mean?`);
      }
      const rrule = due.yearly ? toYearlyRule(due.date) : null;
      const rule = { dueDate: due.date, offsetAmount: null, offsetUnit: null, direction: null, rrule, effectiveDue: due.date };
      data = { title, dueDate: due.date, meetingId: null, offsetAmount: null, offsetUnit: null, direction: null, rrule, effectiveDue: effectiveDue(rule, null, today), timeZone: committee.timeZone };
    }
    const number = await nextNumber(tx, committee.id, 'deadline');
    const deadline = await createDeadline(tx, committee.id, number, actor.userId, data, orgs.map((o) => o.id));
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'deadline.add', subject: shortDeadlineId(number), after: deadline });
    const ids = await announce(tx, committee, env, { type: 'deadline.added', deadline, meeting, actorId: actor.userId });
    return { deadline, meeting, ids, alreadyPast: deadline.effectiveDue < today };
  });
  await env.dispatch(result.ids);
  return { deadline: result.deadline, meeting: result.meeting, alreadyPast: result.alreadyPast };
}

export async function cancelDeadline(scope: Scope, number: number, env: ChangeEnv): Promise<Deadline> {
  const result = await committeeWrite(scope, 'deadline.cancel', async (tx, { committee, actor }) => {
    const before = await requireDeadline(tx, committee.id, number);
    if (before.status === 'cancelled') throw new UserError(`${shortDeadlineId(number)} is already cancelled.`);
    const deadline = await setDeadlineStatus(tx, before.id, 'cancelled');
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'deadline.cancel', subject: shortDeadlineId(number), before, after: deadline });
    const ids = await announce(tx, committee, env, { type: 'deadline.cancelled', deadline, actorId: actor.userId });
    return { deadline, ids };
  });
  await env.dispatch(result.ids);
  return result.deadline;
}

/**
 * Inside a meeting's move (same transaction): recomputes every active deadline set relative to it,
 * stores the new due dates with an audit event each, and returns the ones that changed.
 */
export async function followMeeting(tx: Tx, committeeId: string, actorId: string, meeting: Meeting, today: LocalDate): Promise<MovedDeadline[]> {
  const moved: MovedDeadline[] = [];
  for (const d of await relativeDeadlinesOf(tx, meeting.id)) {
    const to = effectiveDue(d, meeting, today);
    if (to === d.effectiveDue) continue;
    const deadline = await setEffectiveDue(tx, d.id, to);
    await recordAudit(tx, {
      committeeId,
      actorId,
      action: 'deadline.move',
      subject: shortDeadlineId(d.number),
      before: { effectiveDue: d.effectiveDue, meeting: shortMeetingId(meeting.number) },
      after: { effectiveDue: to, meeting: shortMeetingId(meeting.number) },
    });
    moved.push({ deadline, from: d.effectiveDue, to });
  }
  return moved;
}

export interface UpcomingDeadline {
  deadline: Deadline;
  /** Due date in force today (the next occurrence for yearly ones). */
  due: LocalDate;
  meeting: Meeting | null;
}

/** Active deadlines due from `today` to `today + days`, soonest first. */
export async function listUpcomingDeadlines(scope: Scope, opts: { today: LocalDate; days: number }): Promise<UpcomingDeadline[]> {
  const until = addDays(opts.today, opts.days);
  const rows = await activeDeadlinesFrom(scope.db, scope.committee.id, opts.today);
  const meetings = await meetingsByIds(scope.db, scope.committee.id, [...new Set(rows.map((d) => d.meetingId).filter((id): id is string => id !== null))]);
  return rows
    .map((deadline) => {
      const meeting = deadline.meetingId ? (meetings.get(deadline.meetingId) ?? null) : null;
      return { deadline, meeting, due: effectiveDue(deadline, meeting, opts.today) };
    })
    .filter((u) => u.due >= opts.today && u.due <= until)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.deadline.number - b.deadline.number));
}
