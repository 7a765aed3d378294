/**
 * Reads behind the App Home: a page of open follow-ups (one organization's, or the committee's), the
 * latest snooze of each part, the per-organization roll-up (open, overdue, snoozed) and who to refresh.
 * Each is one indexed query, bounded by `take`.
 */
import type { DbClient } from '../db/transaction.ts';
import type { LocalDate } from '../time/local-date.ts';
import type { FollowUp, FollowUpStatus } from './followup-rules.ts';

const ORG = { select: { id: true, code: true, acronym: true, timeZone: true, channelId: true } } as const;
const INCLUDE = { assignments: { include: { organization: ORG } } } as const;

type Row = Awaited<ReturnType<typeof pageRows>>[number];

function pageRows(db: DbClient, committeeId: string, organizationId: string | null, take: number) {
  return db.followUp.findMany({
    where: { committeeId, status: 'open', ...(organizationId ? { assignments: { some: { organizationId, status: 'open' } } } : {}) },
    include: INCLUDE,
    // Overdue ones have the earliest due dates: they come first.
    orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
    take,
  });
}

function toFollowUp(row: Row): FollowUp {
  const { assignments, ...rest } = row;
  return {
    ...rest,
    status: rest.status as FollowUpStatus,
    assignments: assignments
      .map((a) => ({ ...a, status: a.status as FollowUpStatus }))
      .sort((a, b) => (a.organization.code < b.organization.code ? -1 : a.organization.code > b.organization.code ? 1 : 0)),
  };
}

/** Open follow-ups (with an open part for `organizationId` when given), soonest due first, at most `take`. */
export async function openFollowUpsPage(db: DbClient, committeeId: string, organizationId: string | null, take: number): Promise<FollowUp[]> {
  return (await pageRows(db, committeeId, organizationId, take)).map(toFollowUp);
}

export interface LatestSnooze {
  actorId: string;
  reason: string | null;
  until: string | null;
  at: Date;
}

/** The latest snooze of each of these parts. */
export async function latestSnoozes(db: DbClient, assignmentIds: string[]): Promise<Map<string, LatestSnooze>> {
  if (assignmentIds.length === 0) return new Map();
  const rows = await db.followUpEvent.findMany({
    where: { assignmentId: { in: assignmentIds }, kind: 'snooze' },
    orderBy: [{ assignmentId: 'asc' }, { seq: 'desc' }],
    distinct: ['assignmentId'],
    select: { assignmentId: true, actorId: true, text: true, until: true, createdAt: true },
  });
  return new Map(rows.map((r) => [r.assignmentId!, { actorId: r.actorId, reason: r.text, until: r.until, at: r.createdAt }]));
}

export interface OrganizationCounts {
  organizationId: string;
  code: string;
  open: number;
  overdue: number;
  snoozed: number;
}

/**
 * Per organization of the committee: open parts, of which overdue (due before `today`) and snoozed
 * (until ≥ today). An open part belongs to an open follow-up (cancelling or finishing one closes its
 * parts), so open and snoozed parts are counted on the parts alone (an index-only scan); overdue ones
 * walk only the overdue follow-ups (the due-date index) to their parts.
 */
export async function organizationCounts(db: DbClient, committeeId: string, today: LocalDate): Promise<OrganizationCounts[]> {
  const orgs = await db.organization.findMany({ where: { committeeId }, select: { id: true, code: true }, orderBy: { code: 'asc' } });
  const open = await db.$queryRaw<Array<{ organizationId: string; open: bigint; snoozed: bigint }>>`
    SELECT "organizationId", COUNT(*) AS open, COUNT(*) FILTER (WHERE "snoozedUntil" >= ${today}) AS snoozed
    FROM "FollowUpAssignment" WHERE "committeeId" = ${committeeId} AND status = 'open' GROUP BY "organizationId"`;
  const overdue = await db.$queryRaw<Array<{ organizationId: string; overdue: bigint }>>`
    SELECT a."organizationId", COUNT(*) AS overdue
    FROM "FollowUp" f JOIN "FollowUpAssignment" a ON a."followUpId" = f.id AND a.status = 'open'
    WHERE f."committeeId" = ${committeeId} AND f.status = 'open' AND f."dueDate" < ${today}
    GROUP BY a."organizationId"`;
  const openBy = new Map(open.map((r) => [r.organizationId, r]));
  const overdueBy = new Map(overdue.map((r) => [r.organizationId, Number(r.overdue)]));
  return orgs.map((o) => ({
    organizationId: o.id,
    code: o.code,
    open: Number(openBy.get(o.id)?.open ?? 0),
    overdue: overdueBy.get(o.id) ?? 0,
    snoozed: Number(openBy.get(o.id)?.snoozed ?? 0),
  }));
}

/** How many open follow-ups have an open part for the organization (an open part means an open follow-up). */
export function countOpenForOrganization(db: DbClient, committeeId: string, organizationId: string): Promise<number> {
  return db.followUpAssignment.count({ where: { committeeId, organizationId, status: 'open' } });
}

/** Whose Home shows a change of this organization's part: its members and the officers. */
export async function homeAudience(db: DbClient, committeeId: string, organizationId: string): Promise<string[]> {
  const rows = await db.member.findMany({
    where: { committeeId, OR: [{ organizationId }, { role: { in: ['secretariat', 'chair'] } }] },
    select: { slackUserId: true },
  });
  return [...new Set(rows.map((r) => r.slackUserId))];
}
