import type { DbClient } from '../db/transaction.ts';
import type { Deadline, DeadlineDirection, DeadlineStatus, DeadlineUnit } from './deadline-rules.ts';

const INCLUDE = { organizations: { include: { organization: { select: { id: true, code: true } } } } } as const;

type DeadlineRow = NonNullable<Awaited<ReturnType<typeof rowById>>>;

function rowById(db: DbClient, id: string) {
  return db.deadline.findUnique({ where: { id }, include: INCLUDE });
}

function toDeadline(row: DeadlineRow): Deadline {
  const { organizations, ...rest } = row;
  return {
    ...rest,
    offsetUnit: rest.offsetUnit as DeadlineUnit | null,
    direction: rest.direction as DeadlineDirection | null,
    status: rest.status as DeadlineStatus,
    organizations: organizations.map((o) => o.organization).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  };
}

export interface DeadlineData {
  title: string;
  dueDate: string | null;
  meetingId: string | null;
  offsetAmount: number | null;
  offsetUnit: DeadlineUnit | null;
  direction: DeadlineDirection | null;
  rrule: string | null;
  effectiveDue: string;
  timeZone: string;
}

export async function createDeadline(
  db: DbClient,
  committeeId: string,
  number: number,
  createdBy: string,
  data: DeadlineData,
  organizationIds: string[],
): Promise<Deadline> {
  const row = await db.deadline.create({
    data: { committeeId, number, createdBy, ...data, organizations: { create: organizationIds.map((organizationId) => ({ organizationId })) } },
    include: INCLUDE,
  });
  return toDeadline(row);
}

export async function findDeadline(db: DbClient, committeeId: string, number: number): Promise<Deadline | null> {
  const row = await db.deadline.findUnique({ where: { committeeId_number: { committeeId, number } }, include: INCLUDE });
  return row ? toDeadline(row) : null;
}

export async function lastDeadlineNumber(db: DbClient, committeeId: string): Promise<number | null> {
  const row = await db.deadline.findFirst({ where: { committeeId }, orderBy: { number: 'desc' }, select: { number: true } });
  return row?.number ?? null;
}

/** Active deadlines that hang on a meeting (they move with it). */
export async function relativeDeadlinesOf(db: DbClient, meetingId: string): Promise<Deadline[]> {
  const rows = await db.deadline.findMany({ where: { meetingId, status: 'active' }, include: INCLUDE, orderBy: { number: 'asc' } });
  return rows.map(toDeadline);
}

/** Changes the due date in force; bumps the revision (ICS SEQUENCE). */
export async function setEffectiveDue(db: DbClient, id: string, effectiveDue: string): Promise<Deadline> {
  const row = await db.deadline.update({ where: { id }, data: { effectiveDue, revision: { increment: 1 } }, include: INCLUDE });
  return toDeadline(row);
}

export async function setDeadlineStatus(db: DbClient, id: string, status: DeadlineStatus): Promise<Deadline> {
  const row = await db.deadline.update({ where: { id }, data: { status, revision: { increment: 1 } }, include: INCLUDE });
  return toDeadline(row);
}

/**
 * Active deadlines that may fall in a window: stored due date from `from` on (a little slack is left to
 * the caller), and every yearly one (its next occurrence is computed by the caller).
 */
export async function activeDeadlinesFrom(db: DbClient, committeeId: string, from: string): Promise<Deadline[]> {
  const rows = await db.deadline.findMany({
    where: { committeeId, status: 'active', OR: [{ effectiveDue: { gte: from } }, { rrule: { not: null } }] },
    include: INCLUDE,
    orderBy: [{ effectiveDue: 'asc' }, { number: 'asc' }],
  });
  return rows.map(toDeadline);
}

/** Every deadline of a committee (the ICS feed). */
export async function allDeadlines(db: DbClient, committeeId: string): Promise<Deadline[]> {
  const rows = await db.deadline.findMany({ where: { committeeId }, include: INCLUDE, orderBy: { number: 'asc' } });
  return rows.map(toDeadline);
}
