/** What the summary-record modal offers, read for `record-drafts.ts` (Prisma only here). */
import type { DbClient } from '../db/transaction.ts';

export interface RecordableMeeting {
  id: string;
  number: number;
  title: string;
  status: string;
}

const MEETING_SELECT = { id: true, number: true, title: true, status: true } as const;

/** A meeting of the committee, by number or by id (another committee's id finds nothing). */
export function findRecordMeeting(db: DbClient, committeeId: string, by: { number: number } | { id: string }): Promise<RecordableMeeting | null> {
  return db.meeting.findFirst({ where: { committeeId, ...by }, select: MEETING_SELECT });
}

/** The meeting select: the newest 100 meetings. */
export function formMeetings(db: DbClient, committeeId: string): Promise<Array<{ number: number; title: string }>> {
  return db.meeting.findMany({ where: { committeeId }, orderBy: { startsAt: 'desc' }, take: 100, select: { number: true, title: true } });
}

export interface OpenFollowUp {
  id: string;
  number: number;
  title: string;
  organizations: string[];
}

/** Open follow-ups linked to a meeting other than `exceptMeetingNumber`: the chair carries each over or closes it. */
export async function openFollowUpsOfEarlierMeetings(db: DbClient, committeeId: string, exceptMeetingNumber?: number): Promise<OpenFollowUp[]> {
  const rows = await db.followUp.findMany({
    where: { committeeId, status: 'open', meetingId: { not: null }, ...(exceptMeetingNumber !== undefined ? { meeting: { number: { not: exceptMeetingNumber } } } : {}) },
    orderBy: { number: 'asc' },
    take: 50,
    select: { id: true, number: true, title: true, assignments: { select: { organization: { select: { code: true } } } } },
  });
  return rows.map((f) => ({ id: f.id, number: f.number, title: f.title, organizations: f.assignments.map((a) => a.organization.code) }));
}
