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

/** Per organization of the committee: open parts, of which overdue (due before `today`) and snoozed (until ≥ today). */
export async function organizationCounts(db: DbClient, committeeId: string, today: LocalDate): Promise<OrganizationCounts[]> {
  const rows = await db.$queryRaw<Array<{ organizationId: string; code: string; open: bigint; overdue: bigint; snoozed: bigint }>>`
    SELECT o.id AS "organizationId", o.code,
           COUNT(a.id) AS open,
           COUNT(a.id) FILTER (WHERE f."dueDate" < ${today}) AS overdue,
           COUNT(a.id) FILTER (WHERE a."snoozedUntil" >= ${today}) AS snoozed
    FROM "Organization" o
    LEFT JOIN "FollowUpAssignment" a ON a."organizationId" = o.id AND a.status = 'open' AND a."committeeId" = ${committeeId}
    LEFT JOIN "FollowUp" f ON f.id = a."followUpId" AND f.status = 'open'
    WHERE o."committeeId" = ${committeeId}
    GROUP BY o.id, o.code
    ORDER BY o.code`;
  return rows.map((r) => ({ organizationId: r.organizationId, code: r.code, open: Number(r.open), overdue: Number(r.overdue), snoozed: Number(r.snoozed) }));
}

/** How many open follow-ups have an open part for the organization. */
export function countOpenForOrganization(db: DbClient, committeeId: string, organizationId: string): Promise<number> {
  return db.followUpAssignment.count({ where: { committeeId, organizationId, status: 'open', followUp: { status: 'open' } } });
}

/** Whose Home shows a change of this organization's part: its members and the officers. */
export async function homeAudience(db: DbClient, committeeId: string, organizationId: string): Promise<string[]> {
  const rows = await db.member.findMany({
    where: { committeeId, OR: [{ organizationId }, { role: { in: ['secretariat', 'chair'] } }] },
    select: { slackUserId: true },
  });
  return [...new Set(rows.map((r) => r.slackUserId))];
}
