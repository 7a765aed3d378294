/** Follow-ups, their per-organization parts, history and the DMs sent about them: the only Prisma user of the folder. */
import type { DbClient } from '../db/transaction.ts';
import type { Assignment, FollowUp, FollowUpEvent, FollowUpEventKind, FollowUpStatus } from './followup-rules.ts';

const ORG = { select: { id: true, code: true, acronym: true, timeZone: true, channelId: true } } as const;
const INCLUDE = { assignments: { include: { organization: ORG } } } as const;

type Row = NonNullable<Awaited<ReturnType<typeof rowById>>>;

function rowById(db: DbClient, id: string) {
  return db.followUp.findUnique({ where: { id }, include: INCLUDE });
}

function byCode(a: Assignment, b: Assignment): number {
  return a.organization.code < b.organization.code ? -1 : a.organization.code > b.organization.code ? 1 : 0;
}

function toFollowUp(row: Row): FollowUp {
  const { assignments, ...rest } = row;
  return {
    ...rest,
    status: rest.status as FollowUpStatus,
    assignments: assignments.map((a) => ({ ...a, status: a.status as FollowUpStatus })).sort(byCode),
  };
}

export interface FollowUpData {
  title: string;
  dueDate: string | null;
  timeZone: string;
  meetingId: string | null;
}

export async function createFollowUp(
  db: DbClient,
  committeeId: string,
  number: number,
  createdBy: string,
  data: FollowUpData,
  organizationIds: string[],
): Promise<FollowUp> {
  const row = await db.followUp.create({
    data: { committeeId, number, createdBy, ...data, assignments: { create: organizationIds.map((organizationId) => ({ committeeId, organizationId })) } },
    include: INCLUDE,
  });
  return toFollowUp(row);
}

export async function findFollowUp(db: DbClient, committeeId: string, number: number): Promise<FollowUp | null> {
  const row = await db.followUp.findUnique({ where: { committeeId_number: { committeeId, number } }, include: INCLUDE });
  return row ? toFollowUp(row) : null;
}

/** The follow-up a part belongs to (a button carries the assignment id), scoped to the committee. */
export async function findFollowUpByAssignment(db: DbClient, committeeId: string, assignmentId: string): Promise<FollowUp | null> {
  const a = await db.followUpAssignment.findFirst({ where: { id: assignmentId, committeeId }, select: { followUpId: true } });
  if (!a) return null;
  const row = await rowById(db, a.followUpId);
  return row ? toFollowUp(row) : null;
}

export async function reloadFollowUp(db: DbClient, id: string): Promise<FollowUp> {
  return toFollowUp((await rowById(db, id))!);
}

export async function lastFollowUpNumber(db: DbClient, committeeId: string): Promise<number | null> {
  const row = await db.followUp.findFirst({ where: { committeeId }, orderBy: { number: 'desc' }, select: { number: true } });
  return row?.number ?? null;
}

export interface AssignmentChange {
  status?: FollowUpStatus;
  note?: string | null;
  doneBy?: string | null;
  doneAt?: Date | null;
  snoozedUntil?: string | null;
  snoozeCount?: number;
  organizationId?: string;
}

export async function updateAssignment(db: DbClient, id: string, data: AssignmentChange): Promise<void> {
  await db.followUpAssignment.update({ where: { id }, data });
}

export async function cancelOpenAssignments(db: DbClient, followUpId: string): Promise<void> {
  await db.followUpAssignment.updateMany({ where: { followUpId, status: 'open' }, data: { status: 'cancelled' } });
}

export async function setFollowUpStatus(db: DbClient, id: string, status: FollowUpStatus, cancelled?: { by: string; at: Date }): Promise<void> {
  await db.followUp.update({ where: { id }, data: { status, ...(cancelled ? { cancelledBy: cancelled.by, cancelledAt: cancelled.at } : {}) } });
}

export interface EventInput {
  committeeId: string;
  followUpId: string;
  assignmentId: string | null;
  kind: FollowUpEventKind;
  actorId: string;
  text?: string | null;
  until?: string | null;
  at: Date;
}

export async function addEvent(db: DbClient, e: EventInput): Promise<void> {
  await db.followUpEvent.create({
    data: {
      committeeId: e.committeeId,
      followUpId: e.followUpId,
      assignmentId: e.assignmentId,
      kind: e.kind,
      actorId: e.actorId,
      text: e.text ?? null,
      until: e.until ?? null,
      createdAt: e.at,
    },
  });
}

export async function eventsOf(db: DbClient, followUpId: string): Promise<FollowUpEvent[]> {
  const rows = await db.followUpEvent.findMany({
    where: { followUpId },
    orderBy: { seq: 'asc' },
    select: { id: true, assignmentId: true, kind: true, actorId: true, text: true, until: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, kind: r.kind as FollowUpEventKind }));
}

/** Focal points and alternates of these organizations: who is told of an assignment. */
export async function notifiablePeople(db: DbClient, committeeId: string, organizationIds: string[]) {
  return db.member.findMany({
    where: { committeeId, organizationId: { in: organizationIds }, kind: { in: ['focal', 'alternate'] } },
    select: { slackUserId: true, organizationId: true, kind: true },
    orderBy: [{ kind: 'asc' }, { createdAt: 'asc' }],
  });
}

/** Everyone who may act for the organization, its own people first: named in a refusal. */
export async function organizationPeople(db: DbClient, committeeId: string, organizationId: string): Promise<string[]> {
  const rows = await db.member.findMany({
    where: { committeeId, organizationId, role: 'member' },
    select: { slackUserId: true },
    orderBy: [{ kind: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map((r) => r.slackUserId);
}

export async function recordMessage(db: DbClient, m: { committeeId: string; assignmentId: string; recipientUserId: string; outboundId: string }): Promise<void> {
  await db.followUpMessage.create({ data: m });
}

/** The DMs sent about a part (to edit them in place after a change). */
export function messagesOf(db: DbClient, assignmentId: string) {
  return db.followUpMessage.findMany({ where: { assignmentId }, orderBy: { createdAt: 'asc' }, select: { recipientUserId: true, outboundId: true } });
}

const LIST_MAX = 200;

/** Open follow-ups with an open part for this organization, soonest due first (no due date last). */
export async function openForOrganization(db: DbClient, committeeId: string, organizationId: string, take = LIST_MAX): Promise<FollowUp[]> {
  const rows = await db.followUp.findMany({
    where: openForOrganizationWhere(committeeId, organizationId),
    include: INCLUDE,
    orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
    take,
  });
  return rows.map(toFollowUp);
}

const openForOrganizationWhere = (committeeId: string, organizationId: string) =>
  ({ committeeId, status: 'open', assignments: { some: { organizationId, status: 'open' } } }) as const;
const overdueWhere = (committeeId: string, today: string) => ({ committeeId, status: 'open', dueDate: { lt: today } }) as const;

/** How many rows a list has in all (it shows only the first few). */
export function countFollowUps(db: DbClient, committeeId: string, list: { kind: 'org'; organizationId: string } | { kind: 'overdue'; today: string } | { kind: 'all' }): Promise<number> {
  const where = list.kind === 'org' ? openForOrganizationWhere(committeeId, list.organizationId) : list.kind === 'overdue' ? overdueWhere(committeeId, list.today) : { committeeId };
  return db.followUp.count({ where });
}

/** Open follow-ups due before `today`, oldest due first. */
export async function overdueFollowUps(db: DbClient, committeeId: string, today: string, take = LIST_MAX): Promise<FollowUp[]> {
  const rows = await db.followUp.findMany({
    where: overdueWhere(committeeId, today),
    include: INCLUDE,
    orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
    take,
  });
  return rows.map(toFollowUp);
}

/** Every follow-up: open ones first (soonest due), then done and cancelled ones, latest first. */
export async function allFollowUps(db: DbClient, committeeId: string, take = LIST_MAX): Promise<FollowUp[]> {
  const open = await db.followUp.findMany({
    where: { committeeId, status: 'open' },
    include: INCLUDE,
    orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
    take,
  });
  const closed = await db.followUp.findMany({
    where: { committeeId, status: { not: 'open' } },
    include: INCLUDE,
    orderBy: { number: 'desc' },
    take: Math.max(0, take - open.length),
  });
  return [...open, ...closed].map(toFollowUp);
}

/** A new part for an organization (reassign), or that organization's cancelled part opened again. */
export async function openAssignmentFor(db: DbClient, committeeId: string, followUpId: string, organizationId: string): Promise<void> {
  await db.followUpAssignment.upsert({
    where: { followUpId_organizationId: { followUpId, organizationId } },
    create: { committeeId, followUpId, organizationId },
    update: { status: 'open', note: null, doneBy: null, doneAt: null, snoozedUntil: null },
  });
}

export function organizationRef(db: DbClient, committeeId: string, id: string) {
  return db.organization.findFirst({ where: { id, committeeId }, select: { id: true, code: true } });
}
