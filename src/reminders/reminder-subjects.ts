/**
 * What reminders are about — follow-up parts, meetings, deadlines — as the planner and the sweep need them:
 * each subject's state (its plan's inputs and its date) and what its message says. Loaded for many subjects
 * at once (the sweep checks a whole batch in a few queries); the single-subject forms are the same code.
 */
import type { DbClient } from '../db/transaction.ts';
import { recipientZone, type DeadlineSubject, type FollowUpPart, type MeetingSubject, type Person } from './reminder-rules.ts';

export type SubjectKind = 'followup' | 'meeting' | 'deadline';

export interface Subject {
  kind: SubjectKind;
  id: string;
}

export const subjectKey = (s: Subject) => `${s.kind}:${s.id}`;

export interface SubjectState {
  committeeId: string;
  plan: { kind: 'followup'; part: FollowUpPart } | { kind: 'meeting'; meeting: MeetingSubject } | { kind: 'deadline'; deadline: DeadlineSubject };
  /** The subject's own date (due date, meeting start, deadline): "before" reminders stop being useful after it. */
  date: string | null;
}

export type ReminderTopic =
  | { kind: 'followup'; number: number; title: string; dueDate: string | null; organization: string; assignmentId: string; fallbackChannelId: string | null }
  | { kind: 'meeting'; number: number; title: string; startDate: string; endDate: string; venue: string }
  | { kind: 'deadline'; number: number; title: string; due: string; fallbackChannelId: string | null };

const idsOf = (subjects: Subject[], kind: SubjectKind) => [...new Set(subjects.filter((s) => s.kind === kind).map((s) => s.id))];

/** Focal points and alternates of these organizations, by user id; each person's zone is resolved by the caller's committee. */
async function organizationPeople(db: DbClient, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  return db.member.findMany({
    where: { organizationId: { in: organizationIds }, kind: { in: ['focal', 'alternate'] } },
    select: { slackUserId: true, kind: true, slackTz: true, organizationId: true, organization: { select: { timeZone: true } } },
    orderBy: { slackUserId: 'asc' },
  });
}

type OrgPerson = Awaited<ReturnType<typeof organizationPeople>>[number];

function peopleOf(all: OrgPerson[], organizationIds: string[], kind: 'focal' | 'alternate', committeeZone: string): Person[] {
  const orgs = new Set(organizationIds);
  return all
    .filter((m) => m.kind === kind && m.organizationId !== null && orgs.has(m.organizationId))
    .map((m) => ({ userId: m.slackUserId, zone: recipientZone(m.slackTz, m.organization?.timeZone, committeeZone) }));
}

/** What these subjects look like now, for planning and for the check at send time; a subject that is gone is absent. */
export async function subjectStates(db: DbClient, subjects: Subject[]): Promise<Map<string, SubjectState>> {
  const [parts, meetings, deadlines] = await Promise.all([
    idsOf(subjects, 'followup').length
      ? db.followUpAssignment.findMany({
          where: { id: { in: idsOf(subjects, 'followup') } },
          select: { id: true, committeeId: true, status: true, snoozedUntil: true, organizationId: true, followUp: { select: { dueDate: true, status: true } }, committee: { select: { timeZone: true } } },
        })
      : [],
    idsOf(subjects, 'meeting').length
      ? db.meeting.findMany({ where: { id: { in: idsOf(subjects, 'meeting') } }, select: { id: true, committeeId: true, startDate: true, status: true, committee: { select: { channelId: true, timeZone: true } } } })
      : [],
    idsOf(subjects, 'deadline').length
      ? db.deadline.findMany({
          where: { id: { in: idsOf(subjects, 'deadline') } },
          select: { id: true, committeeId: true, effectiveDue: true, status: true, organizations: { select: { organizationId: true } }, committee: { select: { channelId: true, timeZone: true } } },
        })
      : [],
  ]);
  const people = await organizationPeople(db, [...new Set([...parts.map((a) => a.organizationId), ...deadlines.flatMap((d) => d.organizations.map((o) => o.organizationId))])]);
  const out = new Map<string, SubjectState>();
  for (const a of parts) {
    const zone = a.committee.timeZone;
    out.set(subjectKey({ kind: 'followup', id: a.id }), {
      committeeId: a.committeeId,
      date: a.followUp.dueDate,
      plan: {
        kind: 'followup',
        part: {
          dueDate: a.followUp.dueDate,
          snoozedUntil: a.snoozedUntil,
          open: a.status === 'open' && a.followUp.status === 'open',
          focalPoints: peopleOf(people, [a.organizationId], 'focal', zone),
          alternates: peopleOf(people, [a.organizationId], 'alternate', zone),
        },
      },
    });
  }
  for (const m of meetings) {
    out.set(subjectKey({ kind: 'meeting', id: m.id }), {
      committeeId: m.committeeId,
      date: m.startDate,
      plan: { kind: 'meeting', meeting: { startDate: m.startDate, scheduled: m.status === 'scheduled', channelId: m.committee.channelId, committeeZone: m.committee.timeZone } },
    });
  }
  for (const d of deadlines) {
    const orgIds = d.organizations.map((o) => o.organizationId);
    out.set(subjectKey({ kind: 'deadline', id: d.id }), {
      committeeId: d.committeeId,
      date: d.effectiveDue,
      plan: {
        kind: 'deadline',
        deadline: { due: d.effectiveDue, active: d.status === 'active', people: peopleOf(people, orgIds, 'focal', d.committee.timeZone), channelId: d.committee.channelId, committeeZone: d.committee.timeZone },
      },
    });
  }
  return out;
}

/** What one subject looks like now; undefined if it is gone. */
export async function subjectState(db: DbClient, s: Subject): Promise<SubjectState | undefined> {
  return (await subjectStates(db, [s])).get(subjectKey(s));
}

/** What reminder messages say about these subjects; a subject that is gone is absent. */
export async function reminderTopics(db: DbClient, subjects: Subject[]): Promise<Map<string, ReminderTopic>> {
  const [parts, meetings, deadlines] = await Promise.all([
    idsOf(subjects, 'followup').length
      ? db.followUpAssignment.findMany({
          where: { id: { in: idsOf(subjects, 'followup') } },
          select: { id: true, followUp: { select: { number: true, title: true, dueDate: true } }, organization: { select: { code: true, channelId: true } }, committee: { select: { channelId: true } } },
        })
      : [],
    idsOf(subjects, 'meeting').length
      ? db.meeting.findMany({ where: { id: { in: idsOf(subjects, 'meeting') } }, select: { id: true, number: true, title: true, startDate: true, endDate: true, venue: true } })
      : [],
    idsOf(subjects, 'deadline').length
      ? db.deadline.findMany({ where: { id: { in: idsOf(subjects, 'deadline') } }, select: { id: true, number: true, title: true, effectiveDue: true, committee: { select: { channelId: true } } } })
      : [],
  ]);
  const out = new Map<string, ReminderTopic>();
  for (const a of parts) {
    out.set(subjectKey({ kind: 'followup', id: a.id }), { kind: 'followup', ...a.followUp, organization: a.organization.code, assignmentId: a.id, fallbackChannelId: a.organization.channelId ?? a.committee.channelId });
  }
  for (const { id, ...m } of meetings) out.set(subjectKey({ kind: 'meeting', id }), { kind: 'meeting', ...m });
  for (const d of deadlines) out.set(subjectKey({ kind: 'deadline', id: d.id }), { kind: 'deadline', number: d.number, title: d.title, due: d.effectiveDue, fallbackChannelId: d.committee.channelId });
  return out;
}
