import type { DbClient, Tx } from '../db/transaction.ts';
import type { MeetingKind as DbMeetingKind, Meeting as MeetingRow } from '../../prisma/generated/client.ts';
import type { Meeting, MeetingKind, MeetingStatus } from './meeting-rules.ts';

const TO_DB: Record<MeetingKind, DbMeetingKind> = {
  coordination: 'coordination',
  'governing-body': 'governing_body',
  bureau: 'bureau',
  'working-group': 'working_group',
  other: 'other',
};
const FROM_DB = Object.fromEntries(Object.entries(TO_DB).map(([k, v]) => [v, k])) as Record<DbMeetingKind, MeetingKind>;

function toMeeting(row: MeetingRow): Meeting {
  return { ...row, kind: FROM_DB[row.kind], status: row.status as MeetingStatus };
}

/** Fields a meeting is written with (the id, number and committee are set apart). */
export type MeetingData = Pick<
  Meeting,
  'title' | 'body' | 'kind' | 'startDate' | 'endDate' | 'startTime' | 'endTime' | 'timeZone' | 'startsAt' | 'venue' | 'status' | 'url' | 'documentSymbol'
>;

function toRow(data: Partial<MeetingData>) {
  const { kind, ...rest } = data;
  return kind === undefined ? rest : { ...rest, kind: TO_DB[kind] };
}

export async function findMeeting(db: DbClient, committeeId: string, number: number): Promise<Meeting | null> {
  const row = await db.meeting.findUnique({ where: { committeeId_number: { committeeId, number } } });
  return row ? toMeeting(row) : null;
}

/** Reads a meeting and locks its row until the transaction ends (concurrent moves queue up). */
export async function lockMeeting(tx: Tx, committeeId: string, number: number): Promise<Meeting | null> {
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE "committeeId" = ${committeeId} AND "number" = ${number} FOR UPDATE`;
  return findMeeting(tx, committeeId, number);
}

export async function lastMeetingNumber(db: DbClient, committeeId: string): Promise<number | null> {
  const row = await db.meeting.findFirst({ where: { committeeId }, orderBy: { number: 'desc' }, select: { number: true } });
  return row?.number ?? null;
}

export async function createMeeting(
  db: DbClient,
  committeeId: string,
  number: number,
  createdBy: string,
  data: MeetingData & { externalKey?: string | null },
): Promise<Meeting> {
  const { kind, ...rest } = data;
  const row = await db.meeting.create({ data: { committeeId, number, createdBy, ...rest, kind: TO_DB[kind] } });
  return toMeeting(row);
}

/** Updates and bumps the revision (the ICS SEQUENCE). */
export async function updateMeeting(db: DbClient, id: string, data: Partial<MeetingData>): Promise<Meeting> {
  const row = await db.meeting.update({ where: { id }, data: { ...toRow(data), revision: { increment: 1 } } });
  return toMeeting(row);
}

/** Meetings of a committee starting on `startDate` and not cancelled, to spot a meeting added twice. */
export async function scheduledMeetingsOn(db: DbClient, committeeId: string, startDate: string): Promise<Meeting[]> {
  const rows = await db.meeting.findMany({ where: { committeeId, startDate, status: { not: 'cancelled' } }, orderBy: { number: 'asc' } });
  return rows.map(toMeeting);
}

export interface MeetingQuery {
  /** Only meetings ending on or after this date (ISO compare). */
  endingFrom?: string;
  /** Only meetings starting on or before this date. */
  startingBy?: string;
  /** Case-insensitive part of the body (or the title). */
  body?: string;
  take?: number;
}

export async function listMeetings(db: DbClient, committeeId: string, q: MeetingQuery = {}): Promise<Meeting[]> {
  const rows = await db.meeting.findMany({
    where: {
      committeeId,
      ...(q.endingFrom ? { endDate: { gte: q.endingFrom } } : {}),
      ...(q.startingBy ? { startDate: { lte: q.startingBy } } : {}),
      ...(q.body
        ? { OR: [{ body: { contains: q.body, mode: 'insensitive' as const } }, { title: { contains: q.body, mode: 'insensitive' as const } }] }
        : {}),
    },
    orderBy: [{ startsAt: 'asc' }, { number: 'asc' }],
    ...(q.take ? { take: q.take } : {}),
  });
  return rows.map(toMeeting);
}

/** Meetings of a committee by import key, for idempotent re-import. */
export async function meetingsByExternalKey(db: DbClient, committeeId: string, keys: string[]): Promise<Map<string, Meeting>> {
  const rows = await db.meeting.findMany({ where: { committeeId, externalKey: { in: keys } } });
  return new Map(rows.map((r) => [r.externalKey!, toMeeting(r)]));
}

export async function meetingsByIds(db: DbClient, committeeId: string, ids: string[]): Promise<Map<string, Meeting>> {
  if (ids.length === 0) return new Map();
  const rows = await db.meeting.findMany({ where: { committeeId, id: { in: ids } } });
  return new Map(rows.map((r) => [r.id, toMeeting(r)]));
}

/** Every committee, oldest first: the targets a calendar import can choose from. */
export function importTargets(db: DbClient) {
  return db.committee.findMany({ select: { id: true, teamId: true, enterpriseId: true, name: true, timeZone: true }, orderBy: { createdAt: 'asc' } });
}
