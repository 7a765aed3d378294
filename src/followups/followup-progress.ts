/**
 * What an organization reports on its part of a follow-up: done (with a note), snooze (until a date, with
 * a reason; counted), update (a progress note without closing). Allowed to that organization's focal
 * points, alternates and members, the secretariat and the chair: a member of FAO may not report on WHO's
 * part, and the refusal names who may. Marking a done part done again changes nothing and says so.
 */
import type { Tx } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { Scope } from '../committees/scope.ts';
import { committeeWrite } from '../committees/committee-write.ts';
import { usersWithRoles } from '../committees/member-repository.ts';
import { mayActFor, OrganizationPermissionError, type Actor } from '../committees/permissions.ts';
import { checkText } from '../meetings/meeting-rules.ts';
import { announce } from '../meetings/announcements.ts';
import { addDays, todayInZone, type LocalDate } from '../time/local-date.ts';
import { formatLocalDate } from '../time/format.ts';
import type { FollowUpEnv } from './announcements.ts';
import { requireFollowUp, requirePart } from './followup-lookup.ts';
import { addEvent, organizationPeople, reloadFollowUp, setFollowUpStatus, updateAssignment } from './followup-repository.ts';
import { choosePart, derivedStatus, NOTE_MAX, shortFollowUpId, SNOOZE_MAX_DAYS, type Assignment, type FollowUp } from './followup-rules.ts';

/** Which organization's part: by code, else the caller's own, else the only one. */
export interface PartInput {
  code?: string;
}

async function authorizePart(tx: Tx, committeeId: string, actor: Actor, part: Assignment, what: string): Promise<void> {
  if (mayActFor(actor, part.organization.id)) return;
  const holders = [...new Set([...(await organizationPeople(tx, committeeId, part.organization.id)), ...(await usersWithRoles(tx, committeeId, ['secretariat', 'chair']))])];
  throw new OrganizationPermissionError('followup.report', part.organization.code, what, holders);
}

/** The follow-up (not cancelled) and the part the caller may report on, inside the change's transaction. */
async function reportable(tx: Tx, committeeId: string, actor: Actor, number: number, code: string | undefined, verb: string, what: (code: string) => string) {
  const followUp = await requireFollowUp(tx, committeeId, number);
  if (followUp.status === 'cancelled') throw new UserError(`${shortFollowUpId(number)} (${followUp.title}) is cancelled: there is nothing to ${verb}.`);
  const part = requirePart(followUp, code, actor.organizationId, verb);
  await authorizePart(tx, committeeId, actor, part, what(part.organization.code));
  if (part.status === 'cancelled') throw new UserError(`${part.organization.code}'s part of ${shortFollowUpId(number)} is cancelled.`);
  return { followUp, part };
}

export type DoneResult =
  | { changed: true; followUp: FollowUp; assignment: Assignment; /** The last open part was this one: the whole follow-up is done. */ completed: boolean }
  | { changed: false; followUp: FollowUp; assignment: Assignment };

export async function markDone(scope: Scope, number: number, input: PartInput & { note?: string }, env: FollowUpEnv): Promise<DoneResult> {
  const result = await committeeWrite(scope, 'followup.report', async (tx, { committee, actor }) => {
    const id = shortFollowUpId(number);
    const { followUp: before, part } = await reportable(tx, committee.id, actor, number, input.code, 'done', (c) => `mark ${c}'s part of ${id} done`);
    if (part.status === 'done') return { changed: false as const, followUp: before, assignment: part, ids: [] as string[] };
    const note = input.note === undefined ? null : checkText('note', input.note, 1, NOTE_MAX);
    await updateAssignment(tx, part.id, { status: 'done', note, doneBy: actor.userId, doneAt: env.now, snoozedUntil: null });
    await addEvent(tx, { committeeId: committee.id, followUpId: before.id, assignmentId: part.id, kind: 'done', actorId: actor.userId, text: note, at: env.now });
    const after = await reloadFollowUp(tx, before.id);
    const completed = derivedStatus(after) === 'done';
    if (completed) await setFollowUpStatus(tx, before.id, 'done');
    const followUp = completed ? { ...after, status: 'done' as const } : after;
    const assignment = followUp.assignments.find((a) => a.id === part.id)!;
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'followup.done', subject: `${id} ${part.organization.code}`, before: part, after: assignment });
    const ids = completed ? await announce(tx, committee, env, { type: 'followup.completed', followUp, actorId: actor.userId }) : [];
    return { changed: true as const, followUp, assignment, completed, ids };
  });
  await env.dispatch(result.ids);
  const { ids: _ids, ...rest } = result;
  return rest;
}

export interface SnoozeInput extends PartInput {
  until: LocalDate;
  reason: string;
  /** The caller's zone, for "today". Default: the committee's. */
  zone?: string;
}

export async function snoozeFollowUp(scope: Scope, number: number, input: SnoozeInput, env: FollowUpEnv): Promise<{ followUp: FollowUp; assignment: Assignment }> {
  return committeeWrite(scope, 'followup.report', async (tx, { committee, actor }) => {
    const id = shortFollowUpId(number);
    const { followUp: before, part } = await reportable(tx, committee.id, actor, number, input.code, 'snooze', (c) => `snooze ${c}'s part of ${id}`);
    if (part.status === 'done') throw new UserError(`${part.organization.code}'s part of ${id} is already done: there is nothing to snooze.`);
    const reason = checkText('reason', input.reason, 1, NOTE_MAX);
    const today = todayInZone(env.now, input.zone ?? committee.timeZone);
    if (input.until <= today) throw new UserError(`Snooze until a date after today (${formatLocalDate(today)}); ${formatLocalDate(input.until)} is not. Which date did you mean?`);
    if (input.until > addDays(today, SNOOZE_MAX_DAYS)) throw new UserError(`A snooze lasts at most a year (until ${formatLocalDate(addDays(today, SNOOZE_MAX_DAYS))}).`);
    await updateAssignment(tx, part.id, { snoozedUntil: input.until, snoozeCount: part.snoozeCount + 1 });
    await addEvent(tx, { committeeId: committee.id, followUpId: before.id, assignmentId: part.id, kind: 'snooze', actorId: actor.userId, text: reason, until: input.until, at: env.now });
    const followUp = await reloadFollowUp(tx, before.id);
    const assignment = followUp.assignments.find((a) => a.id === part.id)!;
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'followup.snooze', subject: `${id} ${part.organization.code}`, before: part, after: { ...assignment, reason } });
    return { followUp, assignment };
  });
}

/**
 * A progress note. On one organization's part (by code, the caller's own, or the only one); an officer
 * who names none on a follow-up of several organizations adds it to the follow-up as a whole.
 */
export async function addUpdate(
  scope: Scope,
  number: number,
  input: PartInput & { text: string },
  env: FollowUpEnv,
): Promise<{ followUp: FollowUp; assignment: Assignment | null }> {
  return committeeWrite(scope, 'followup.report', async (tx, { committee, actor }) => {
    const id = shortFollowUpId(number);
    const probe = await requireFollowUp(tx, committee.id, number);
    const officer = actor.role === 'secretariat' || actor.role === 'chair';
    const whole = officer && input.code === undefined && !choosePart(probe, undefined, actor.organizationId).ok;
    let part: Assignment | null = null;
    if (whole) {
      if (probe.status === 'cancelled') throw new UserError(`${id} (${probe.title}) is cancelled: there is nothing to update.`);
    } else {
      part = (await reportable(tx, committee.id, actor, number, input.code, 'update', (c) => `add updates to ${c}'s part of ${id}`)).part;
    }
    const text = checkText('update', input.text, 1, NOTE_MAX);
    await addEvent(tx, { committeeId: committee.id, followUpId: probe.id, assignmentId: part?.id ?? null, kind: 'update', actorId: actor.userId, text, at: env.now });
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'followup.update', subject: part ? `${id} ${part.organization.code}` : id, after: { text } });
    return { followUp: probe, assignment: part };
  });
}
