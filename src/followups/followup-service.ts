/**
 * Follow-ups as the chair and the secretariat manage them: assign (F-n, one part per organization,
 * each notified), cancel, reassign one part, reopen one part. Every change: permission check and lock
 * (`committeeWrite`), one transaction, an audit event, a history event, messages through the outbox.
 */
import type { Tx } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { Committee, Scope } from '../committees/scope.ts';
import { committeeWrite } from '../committees/committee-write.ts';
import { nextNumber } from '../committees/committee-repository.ts';
import { requireOrganization } from '../organizations/organization-service.ts';
import { listOrganizations } from '../organizations/organization-repository.ts';
import { requireMeeting } from '../meetings/meeting-lookup.ts';
import { meetingsByIds } from '../meetings/meeting-repository.ts';
import { checkText, shortMeetingId, type Meeting } from '../meetings/meeting-rules.ts';
import { announce } from '../meetings/announcements.ts';
import { todayInZone, type LocalDate } from '../time/local-date.ts';
import { formatLocalDate } from '../time/format.ts';
import type { FollowUpEnv } from './announcements.ts';
import { requireFollowUp, requirePart } from './followup-lookup.ts';
import { notifyAssignments } from './followup-notify.ts';
import {
  addEvent,
  cancelOpenAssignments,
  createFollowUp,
  openAssignmentFor,
  reloadFollowUp,
  setFollowUpStatus,
  updateAssignment,
} from './followup-repository.ts';
import { ACTION_MAX, derivedStatus, shortFollowUpId, type Assignment, type FollowUp } from './followup-rules.ts';

export interface AssignInput {
  /** Organization codes, or 'all' (every organization of the committee). */
  orgs: string[] | 'all';
  title: string;
  /** Local date, read in `zone`. */
  due?: LocalDate;
  meetingNumber?: number;
  /** The caller's zone: the due date is meant in it, and "today" for the past-date check. Default: the committee's. */
  zone?: string;
}

export interface AssignResult {
  followUp: FollowUp;
  meeting: Meeting | null;
  /** How many DMs were queued. */
  notified: number;
  /** Organizations with no focal point or alternate: nobody was notified. */
  unnotified: string[];
}

async function resolveOrganizations(tx: Tx, committee: Committee, orgs: string[] | 'all') {
  if (orgs === 'all') {
    const every = await listOrganizations(tx, committee.id);
    if (every.length === 0) throw new UserError(`${committee.name} has no organizations yet: add them with \`org add\`.`);
    return every;
  }
  const found = [];
  for (const code of [...new Set(orgs.map((c) => c.toUpperCase()))]) found.push(await requireOrganization(tx, committee, code));
  if (found.length === 0) throw new UserError('Give at least one organization code (e.g. UNEP,WHO) or all.');
  return found;
}

export async function assignFollowUp(scope: Scope, input: AssignInput, env: FollowUpEnv): Promise<AssignResult> {
  const result = await committeeWrite(scope, 'followup.assign', async (tx, { committee, actor }) => {
    const title = checkText('action', input.title, 1, ACTION_MAX);
    const zone = input.zone ?? committee.timeZone;
    const today = todayInZone(env.now, zone);
    if (input.due !== undefined && input.due < today) {
      throw new UserError(`${formatLocalDate(input.due)} is in the past (today is ${formatLocalDate(today)}). Which due date did you mean?`);
    }
    const orgs = await resolveOrganizations(tx, committee, input.orgs);
    let meeting: Meeting | null = null;
    if (input.meetingNumber !== undefined) {
      meeting = await requireMeeting(tx, committee.id, input.meetingNumber);
      if (meeting.status === 'cancelled') {
        throw new UserError(`${shortMeetingId(meeting.number)} (${meeting.title}) is cancelled: link the follow-up to another meeting, or to none.`);
      }
    }
    const number = await nextNumber(tx, committee.id, 'followup');
    const data = { title, dueDate: input.due ?? null, timeZone: zone, meetingId: meeting?.id ?? null };
    const followUp = await createFollowUp(tx, committee.id, number, actor.userId, data, orgs.map((o) => o.id));
    const id = shortFollowUpId(number);
    await addEvent(tx, { committeeId: committee.id, followUpId: followUp.id, assignmentId: null, kind: 'assign', actorId: actor.userId, at: env.now });
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'followup.assign', subject: id, after: followUp });
    const dms = await notifyAssignments(tx, committee, env, followUp, followUp.assignments, meeting, actor.userId);
    const channel = await announce(tx, committee, env, { type: 'followup.assigned', followUp, meeting, actorId: actor.userId });
    return { followUp, meeting, notified: dms.ids.length, unnotified: dms.unnotified, ids: [...dms.ids, ...channel] };
  });
  await env.dispatch(result.ids);
  const { ids: _ids, ...rest } = result;
  return rest;
}

function refuseIfCancelled(f: FollowUp): void {
  if (f.status === 'cancelled') throw new UserError(`${shortFollowUpId(f.number)} (${f.title}) is cancelled.`);
}

/** Cancels the follow-up for every organization: open parts become cancelled, done parts stay done. */
export async function cancelFollowUp(scope: Scope, number: number, env: FollowUpEnv): Promise<FollowUp> {
  const result = await committeeWrite(scope, 'followup.cancel', async (tx, { committee, actor }) => {
    const before = await requireFollowUp(tx, committee.id, number);
    const id = shortFollowUpId(number);
    if (before.status === 'cancelled') throw new UserError(`${id} is already cancelled.`);
    if (before.status === 'done') throw new UserError(`${id} is done for every organization: there is nothing left to cancel.`);
    await cancelOpenAssignments(tx, before.id);
    await setFollowUpStatus(tx, before.id, 'cancelled', { by: actor.userId, at: env.now });
    await addEvent(tx, { committeeId: committee.id, followUpId: before.id, assignmentId: null, kind: 'cancel', actorId: actor.userId, at: env.now });
    const followUp = await reloadFollowUp(tx, before.id);
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'followup.cancel', subject: id, before, after: followUp });
    const ids = await announce(tx, committee, env, { type: 'followup.cancelled', followUp, actorId: actor.userId });
    return { followUp, ids };
  });
  await env.dispatch(result.ids);
  return result.followUp;
}

export interface ReassignResult {
  followUp: FollowUp;
  from: Assignment;
  to: Assignment;
  notified: number;
  /** True when the new organization has no focal point or alternate: nobody was notified. */
  unnotified: boolean;
}

/** Moves one organization's open part to another organization, which is notified as at assignment. */
export async function reassignFollowUp(scope: Scope, number: number, fromCode: string, toCode: string, env: FollowUpEnv): Promise<ReassignResult> {
  const result = await committeeWrite(scope, 'followup.reassign', async (tx, { committee, actor }) => {
    const before = await requireFollowUp(tx, committee.id, number);
    const id = shortFollowUpId(number);
    refuseIfCancelled(before);
    const from = requirePart(before, fromCode, null, 'reassign');
    if (from.status !== 'open') throw new UserError(`${from.organization.code}'s part of ${id} is ${from.status}: only an open part can be reassigned.`);
    const toOrg = await requireOrganization(tx, committee, toCode);
    if (toOrg.id === from.organization.id) throw new UserError(`${id} is already ${toOrg.code}'s: give two different organizations.`);
    const existing = before.assignments.find((a) => a.organization.id === toOrg.id);
    if (existing && existing.status !== 'cancelled') throw new UserError(`${toOrg.code} already has a part in ${id} (${existing.status}).`);
    await updateAssignment(tx, from.id, { status: 'cancelled' });
    await openAssignmentFor(tx, committee.id, before.id, toOrg.id);
    const followUp = await reloadFollowUp(tx, before.id);
    const to = followUp.assignments.find((a) => a.organization.id === toOrg.id)!;
    const event = { committeeId: committee.id, followUpId: before.id, kind: 'reassign' as const, actorId: actor.userId, at: env.now };
    await addEvent(tx, { ...event, assignmentId: from.id, text: `to ${toOrg.code}` });
    await addEvent(tx, { ...event, assignmentId: to.id, text: `from ${from.organization.code}` });
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'followup.reassign', subject: id, before, after: followUp });
    const meeting = followUp.meetingId ? await requireMeetingById(tx, committee.id, followUp) : null;
    const dms = await notifyAssignments(tx, committee, env, followUp, [to], meeting, actor.userId);
    return { followUp, from: followUp.assignments.find((a) => a.id === from.id)!, to, notified: dms.ids.length, unnotified: dms.unnotified.length > 0, ids: dms.ids };
  });
  await env.dispatch(result.ids);
  const { ids: _ids, ...rest } = result;
  return rest;
}

async function requireMeetingById(tx: Tx, committeeId: string, f: FollowUp): Promise<Meeting | null> {
  return (await meetingsByIds(tx, committeeId, [f.meetingId!])).get(f.meetingId!) ?? null;
}

/** Opens one organization's done (or cancelled) part again. */
export async function reopenFollowUp(scope: Scope, number: number, code: string, env: FollowUpEnv): Promise<{ followUp: FollowUp; assignment: Assignment }> {
  return committeeWrite(scope, 'followup.reopen', async (tx, { committee, actor }) => {
    const before = await requireFollowUp(tx, committee.id, number);
    const id = shortFollowUpId(number);
    refuseIfCancelled(before);
    const part = requirePart(before, code, null, 'reopen');
    if (part.status === 'open') throw new UserError(`${part.organization.code}'s part of ${id} is already open: nothing changed.`);
    await updateAssignment(tx, part.id, { status: 'open', doneBy: null, doneAt: null, note: null, snoozedUntil: null });
    const reopened = await reloadFollowUp(tx, before.id);
    const status = derivedStatus(reopened);
    if (status !== reopened.status) await setFollowUpStatus(tx, before.id, status);
    await addEvent(tx, { committeeId: committee.id, followUpId: before.id, assignmentId: part.id, kind: 'reopen', actorId: actor.userId, at: env.now });
    const followUp = await reloadFollowUp(tx, before.id);
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'followup.reopen', subject: `${id} ${part.organization.code}`, before: part, after: followUp });
    return { followUp, assignment: followUp.assignments.find((a) => a.id === part.id)! };
  });
}
