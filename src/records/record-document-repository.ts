/**
 * What a record's document shows besides its own text — the committee's name, its meeting, and the
 * follow-ups of earlier meetings it carries over or closes (the annex) — read for `record-document.ts`
 * and `record-carry-over.ts` (Prisma only here).
 */
import type { DbClient } from '../db/transaction.ts';

export async function committeeName(db: DbClient, committeeId: string): Promise<string> {
  return (await db.committee.findUniqueOrThrow({ where: { id: committeeId }, select: { name: true } })).name;
}

export function recordMeeting(db: DbClient, committeeId: string, meetingId: string) {
  return db.meeting.findFirst({ where: { id: meetingId, committeeId }, select: { number: true, title: true, startDate: true, endDate: true, venue: true } });
}

export interface AnnexFollowUp {
  id: string;
  number: number;
  title: string;
  dueDate: string | null;
  status: string;
  assignments: Array<{ id: string; status: string; code: string }>;
}

/** The committee's follow-ups among `ids`, by number, each with its parts (organization code and status). */
export async function annexFollowUps(db: DbClient, committeeId: string, ids: string[]): Promise<AnnexFollowUp[]> {
  if (!ids.length) return [];
  const rows = await db.followUp.findMany({
    where: { committeeId, id: { in: ids } },
    orderBy: { number: 'asc' },
    select: { id: true, number: true, title: true, dueDate: true, status: true, assignments: { select: { id: true, status: true, organization: { select: { code: true } } } } },
  });
  return rows.map((f) => ({ ...f, assignments: f.assignments.map((a) => ({ id: a.id, status: a.status, code: a.organization.code })) }));
}
