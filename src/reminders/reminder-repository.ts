/** Reminder rows and the subject data their plans are computed from (repository reads only). */
import type { DbClient } from '../db/transaction.ts';
import { recipientZone, type DeadlineSubject, type FollowUpPart, type MeetingSubject, type Person, type Planned } from './reminder-rules.ts';

export type SubjectKind = 'followup' | 'meeting' | 'deadline';

export interface Subject {
  kind: SubjectKind;
  id: string;
}

async function organizationPeople(db: DbClient, organizationIds: string[], kinds: Array<'focal' | 'alternate'>, committeeZone: string) {
  if (!organizationIds.length) return [];
  const members = await db.member.findMany({
    where: { organizationId: { in: organizationIds }, kind: { in: kinds } },
    select: { slackUserId: true, kind: true, slackTz: true, organization: { select: { timeZone: true } } },
    orderBy: { slackUserId: 'asc' },
  });
  return members.map((m) => ({ userId: m.slackUserId, kind: m.kind, zone: recipientZone(m.slackTz, m.organization?.timeZone, committeeZone) }));
}

export interface SubjectState {
  committeeId: string;
  plan: { kind: 'followup'; part: FollowUpPart } | { kind: 'meeting'; meeting: MeetingSubject } | { kind: 'deadline'; deadline: DeadlineSubject };
  /** The subject's own date (due date, meeting start, deadline): "before" reminders stop being useful after it. */
  date: string | null;
}

/** What a subject looks like now, for planning and for the check at send time; undefined if it is gone. */
export async function subjectState(db: DbClient, s: Subject): Promise<SubjectState | undefined> {
  if (s.kind === 'followup') {
    const a = await db.followUpAssignment.findUnique({
      where: { id: s.id },
      select: { committeeId: true, status: true, snoozedUntil: true, organizationId: true, followUp: { select: { dueDate: true, status: true } }, committee: { select: { timeZone: true } } },
    });
    if (!a) return undefined;
    const people = await organizationPeople(db, [a.organizationId], ['focal', 'alternate'], a.committee.timeZone);
    const pick = (kind: string): Person[] => people.filter((p) => p.kind === kind).map(({ userId, zone }) => ({ userId, zone }));
    return {
      committeeId: a.committeeId,
      date: a.followUp.dueDate,
      plan: { kind: 'followup', part: { dueDate: a.followUp.dueDate, snoozedUntil: a.snoozedUntil, open: a.status === 'open' && a.followUp.status === 'open', focalPoints: pick('focal'), alternates: pick('alternate') } },
    };
  }
  if (s.kind === 'meeting') {
    const m = await db.meeting.findUnique({ where: { id: s.id }, select: { committeeId: true, startDate: true, status: true, committee: { select: { channelId: true, timeZone: true } } } });
    if (!m) return undefined;
    return {
      committeeId: m.committeeId,
      date: m.startDate,
      plan: { kind: 'meeting', meeting: { startDate: m.startDate, scheduled: m.status === 'scheduled', channelId: m.committee.channelId, committeeZone: m.committee.timeZone } },
    };
  }
  const d = await db.deadline.findUnique({
    where: { id: s.id },
    select: { committeeId: true, effectiveDue: true, status: true, organizations: { select: { organizationId: true } }, committee: { select: { channelId: true, timeZone: true } } },
  });
  if (!d) return undefined;
  const people = await organizationPeople(db, d.organizations.map((o) => o.organizationId), ['focal'], d.committee.timeZone);
  return {
    committeeId: d.committeeId,
    date: d.effectiveDue,
    plan: {
      kind: 'deadline',
      deadline: { due: d.effectiveDue, active: d.status === 'active', people: people.map(({ userId, zone }) => ({ userId, zone })), channelId: d.committee.channelId, committeeZone: d.committee.timeZone },
    },
  };
}

/**
 * Makes the subject's pending reminders exactly `plan`: new ones added, moved ones re-timed, the rest
 * cancelled. A reminder whose time is already past is never added (it never applied); one already pending
 * stays (the sweep sends or skips it).
 */
export async function applyPlan(db: DbClient, committeeId: string, s: Subject, plan: Planned[], now: Date, reason: string): Promise<void> {
  const existing = await db.reminder.findMany({ where: { subjectKind: s.kind, subjectId: s.id }, select: { id: true, rule: true, recipient: true, status: true, dueAt: true } });
  const key = (r: { rule: string; recipient: string }) => `${r.rule}\u0000${r.recipient}`;
  const wanted = new Map(plan.map((p) => [key(p), p]));
  for (const r of existing) {
    const want = wanted.get(key(r));
    wanted.delete(key(r));
    if (r.status !== 'pending' && r.status !== 'cancelled') continue; // sent, skipped, failed, sending: history
    if (!want) {
      if (r.status === 'pending') await db.reminder.update({ where: { id: r.id }, data: { status: 'cancelled', reason } });
    } else if (want.dueAt.getTime() <= now.getTime() && (r.status === 'cancelled' || r.dueAt.getTime() !== want.dueAt.getTime())) {
      if (r.status === 'pending') await db.reminder.update({ where: { id: r.id }, data: { status: 'cancelled', reason } });
    } else if (r.status === 'cancelled' || r.dueAt.getTime() !== want.dueAt.getTime()) {
      await db.reminder.update({ where: { id: r.id }, data: { status: 'pending', reason: null, dueAt: want.dueAt, zone: want.zone } });
    }
  }
  const fresh = [...wanted.values()].filter((p) => p.dueAt.getTime() > now.getTime());
  if (fresh.length) {
    await db.reminder.createMany({
      data: fresh.map((p) => ({ committeeId, subjectKind: s.kind, subjectId: s.id, rule: p.rule, recipient: p.recipient, recipientKind: p.recipientKind, zone: p.zone, dueAt: p.dueAt })),
      skipDuplicates: true,
    });
  }
}

/** Subjects of a committee changed at or after `since` (inside the current transaction): what to re-plan. */
export async function touchedSubjects(db: DbClient, committeeId: string, since: Date): Promise<Subject[]> {
  const [parts, followUps, meetings, deadlines, members] = await Promise.all([
    db.followUpAssignment.findMany({ where: { committeeId, updatedAt: { gte: since } }, select: { id: true } }),
    db.followUp.findMany({ where: { committeeId, updatedAt: { gte: since } }, select: { assignments: { select: { id: true } } } }),
    db.meeting.findMany({ where: { committeeId, updatedAt: { gte: since } }, select: { id: true } }),
    db.deadline.findMany({ where: { committeeId, updatedAt: { gte: since } }, select: { id: true } }),
    db.member.findMany({ where: { committeeId, updatedAt: { gte: since }, organizationId: { not: null } }, select: { organizationId: true } }),
  ]);
  // A person added to or removed from an organization changes who its open parts and deadlines remind.
  const orgIds = [...new Set(members.map((m) => m.organizationId!))];
  const [orgParts, orgDeadlines] = orgIds.length
    ? await Promise.all([
        db.followUpAssignment.findMany({ where: { committeeId, organizationId: { in: orgIds }, status: 'open' }, select: { id: true } }),
        db.deadlineOrganization.findMany({ where: { organizationId: { in: orgIds }, deadline: { status: 'active' } }, select: { deadlineId: true } }),
      ])
    : [[], []];
  const out = new Map<string, Subject>();
  const add = (kind: SubjectKind, id: string) => out.set(`${kind}:${id}`, { kind, id });
  for (const p of [...parts, ...orgParts, ...followUps.flatMap((f) => f.assignments)]) add('followup', p.id);
  for (const m of meetings) add('meeting', m.id);
  for (const d of [...deadlines.map((x) => ({ deadlineId: x.id })), ...orgDeadlines]) add('deadline', d.deadlineId);
  return [...out.values()];
}

/** Due now: pending reminders whose time has come, oldest first. */
export function dueReminders(db: DbClient, now: Date, take = 200) {
  return db.reminder.findMany({ where: { status: 'pending', dueAt: { lte: now } }, orderBy: { dueAt: 'asc' }, take });
}

/** Pending reminders due before `until`, for the timers in Redis. */
export function upcomingReminders(db: DbClient, until: Date, take = 5000) {
  return db.reminder.findMany({ where: { status: 'pending', dueAt: { lte: until } }, orderBy: { dueAt: 'asc' }, take, select: { id: true, dueAt: true } });
}

export function nextReminderAt(db: DbClient): Promise<Date | undefined> {
  return db.reminder.findFirst({ where: { status: 'pending' }, orderBy: { dueAt: 'asc' }, select: { dueAt: true } }).then((r) => r?.dueAt);
}

/** Claims a due reminder (pending → sending); false if another worker has it. */
export async function claimReminder(db: DbClient, id: string): Promise<boolean> {
  return (await db.reminder.updateMany({ where: { id, status: 'pending' }, data: { status: 'sending' } })).count === 1;
}

export function settleReminder(db: DbClient, id: string, data: { status: 'skipped' | 'cancelled' | 'sending'; reason?: string; outboundId?: string }) {
  return db.reminder.update({ where: { id }, data });
}

/** A reminder that acted without a message of its own to wait for (a record's silence period ended). */
export function markReminderDone(db: DbClient, id: string, outboundId: string | null) {
  return db.reminder.update({ where: { id }, data: { status: 'sent', outboundId } });
}

/** The outbox delivered (or gave up on) the message of these reminders. */
export function markRemindersDelivered(db: DbClient, outboundId: string, slackChannel: string, slackTs: string) {
  return db.reminder.updateMany({ where: { outboundId, status: 'sending' }, data: { status: 'sent', slackChannel, slackTs } });
}

export function markRemindersFailed(db: DbClient, outboundId: string, reason: string) {
  return db.reminder.updateMany({ where: { outboundId, status: 'sending' }, data: { status: 'failed', reason } });
}

export type ReminderTopic =
  | { kind: 'followup'; number: number; title: string; dueDate: string | null; organization: string; assignmentId: string; fallbackChannelId: string | null }
  | { kind: 'meeting'; number: number; title: string; startDate: string; endDate: string; venue: string }
  | { kind: 'deadline'; number: number; title: string; due: string; fallbackChannelId: string | null };

/** What a reminder message says about its subject. */
export async function reminderTopic(db: DbClient, s: Subject): Promise<ReminderTopic | undefined> {
  if (s.kind === 'followup') {
    const a = await db.followUpAssignment.findUnique({
      where: { id: s.id },
      select: { id: true, followUp: { select: { number: true, title: true, dueDate: true } }, organization: { select: { code: true, channelId: true } }, committee: { select: { channelId: true } } },
    });
    return a ? { kind: 'followup', ...a.followUp, organization: a.organization.code, assignmentId: a.id, fallbackChannelId: a.organization.channelId ?? a.committee.channelId } : undefined;
  }
  if (s.kind === 'meeting') {
    const m = await db.meeting.findUnique({ where: { id: s.id }, select: { number: true, title: true, startDate: true, endDate: true, venue: true } });
    return m ? { kind: 'meeting', ...m } : undefined;
  }
  const d = await db.deadline.findUnique({ where: { id: s.id }, select: { number: true, title: true, effectiveDue: true, committee: { select: { channelId: true } } } });
  return d ? { kind: 'deadline', number: d.number, title: d.title, due: d.effectiveDue, fallbackChannelId: d.committee.channelId } : undefined;
}
