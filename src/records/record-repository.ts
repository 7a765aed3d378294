/** Summary records, their versions, objections, drafts and the follow-ups they created (Prisma only here). */
import type { DbClient } from '../db/transaction.ts';
import type { CarryOver, FollowUpLine, Matter, RecordContent, RecordHeader, RecordStatus } from './record-rules.ts';

export interface RecordVersion extends RecordContent {
  version: number;
  title: string;
  bodyText: string;
  createdBy: string;
  createdAt: Date;
}

export interface SummaryRecord {
  id: string;
  committeeId: string;
  number: number;
  meetingId: string | null;
  status: RecordStatus;
  silenceEndsAt: Date | null;
  currentVersion: number;
  createdBy: string;
  circulatedBy: string | null;
  circulatedAt: Date | null;
  adoptedBy: string | null;
  adoptedAt: Date | null;
}

type VersionRow = { version: number; title: string; header: unknown; matters: unknown; decisions: unknown; followUps: unknown; carryOver: unknown; bodyText: string; createdBy: string; createdAt: Date };

export function toVersion(row: VersionRow): RecordVersion {
  return {
    version: row.version,
    title: row.title,
    header: row.header as RecordHeader,
    matters: row.matters as Matter[],
    decisions: row.decisions as string[],
    followUps: row.followUps as FollowUpLine[],
    carryOver: row.carryOver as CarryOver[],
    bodyText: row.bodyText,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

const RECORD_SELECT = {
  id: true, committeeId: true, number: true, meetingId: true, status: true, silenceEndsAt: true, currentVersion: true,
  createdBy: true, circulatedBy: true, circulatedAt: true, adoptedBy: true, adoptedAt: true,
} as const;

export function findRecord(db: DbClient, committeeId: string, number: number): Promise<SummaryRecord | null> {
  return db.summaryRecord.findUnique({ where: { committeeId_number: { committeeId, number } }, select: RECORD_SELECT });
}

export function findRecordById(db: DbClient, id: string): Promise<SummaryRecord | null> {
  return db.summaryRecord.findUnique({ where: { id }, select: RECORD_SELECT });
}

export function listRecords(db: DbClient, committeeId: string) {
  return db.summaryRecord.findMany({
    where: { committeeId },
    orderBy: { number: 'desc' },
    take: 50,
    select: { ...RECORD_SELECT, versions: { orderBy: { version: 'desc' }, take: 1, select: { title: true } }, objections: { where: { resolvedAt: null }, select: { id: true } } },
  });
}

export async function findVersion(db: DbClient, recordId: string, version: number): Promise<RecordVersion | null> {
  const row = await db.summaryRecordVersion.findUnique({ where: { recordId_version: { recordId, version } } });
  return row ? toVersion(row) : null;
}

export async function listVersions(db: DbClient, recordId: string): Promise<RecordVersion[]> {
  return (await db.summaryRecordVersion.findMany({ where: { recordId }, orderBy: { version: 'asc' } })).map(toVersion);
}

export async function createRecord(db: DbClient, data: { committeeId: string; number: number; meetingId: string | null; createdBy: string }): Promise<SummaryRecord> {
  return db.summaryRecord.create({ data, select: RECORD_SELECT });
}

export async function addVersion(db: DbClient, committeeId: string, recordId: string, version: number, v: Omit<RecordVersion, 'version' | 'createdAt'>): Promise<void> {
  await db.summaryRecordVersion.create({
    data: {
      committeeId, recordId, version, title: v.title, header: v.header as object, matters: v.matters as object[], decisions: v.decisions,
      followUps: v.followUps as object[], carryOver: v.carryOver as object[], bodyText: v.bodyText, createdBy: v.createdBy,
    },
  });
}

export function updateRecord(db: DbClient, id: string, data: Partial<Pick<SummaryRecord, 'status' | 'silenceEndsAt' | 'currentVersion' | 'circulatedBy' | 'circulatedAt' | 'adoptedBy' | 'adoptedAt' | 'meetingId'>>) {
  return db.summaryRecord.update({ where: { id }, data, select: RECORD_SELECT });
}

export function openObjections(db: DbClient, recordId: string) {
  return db.recordObjection.findMany({ where: { recordId, resolvedAt: null }, orderBy: { createdAt: 'asc' } });
}

export function allObjections(db: DbClient, recordId: string) {
  return db.recordObjection.findMany({ where: { recordId }, orderBy: { createdAt: 'asc' } });
}

export function addObjection(db: DbClient, data: { committeeId: string; recordId: string; version: number; userId: string; reason: string }) {
  return db.recordObjection.create({ data });
}

export function resolveObjections(db: DbClient, recordId: string, by: string, at: Date) {
  return db.recordObjection.updateMany({ where: { recordId, resolvedAt: null }, data: { resolvedBy: by, resolvedAt: at } });
}

export function linkFollowUps(db: DbClient, committeeId: string, recordId: string, followUpIds: string[]) {
  return db.recordFollowUp.createMany({ data: followUpIds.map((followUpId) => ({ committeeId, recordId, followUpId })), skipDuplicates: true });
}

export async function linkedFollowUpNumbers(db: DbClient, recordId: string): Promise<number[]> {
  const rows = await db.recordFollowUp.findMany({ where: { recordId }, select: { followUpId: true } });
  if (!rows.length) return [];
  const fus = await db.followUp.findMany({ where: { id: { in: rows.map((r) => r.followUpId) } }, select: { number: true }, orderBy: { number: 'asc' } });
  return fus.map((f) => f.number);
}

// Drafts: one per person and committee.
export async function loadDraft(db: DbClient, committeeId: string, userId: string): Promise<{ recordId: string | null; values: Record<string, unknown> } | null> {
  const row = await db.recordDraft.findUnique({ where: { committeeId_userId: { committeeId, userId } } });
  return row ? { recordId: row.recordId, values: row.values as Record<string, unknown> } : null;
}

export async function saveDraft(db: DbClient, committeeId: string, userId: string, recordId: string | null, values: Record<string, unknown>): Promise<void> {
  await db.recordDraft.upsert({
    where: { committeeId_userId: { committeeId, userId } },
    create: { committeeId, userId, recordId, values: values as object },
    update: { recordId, values: values as object },
  });
}

export async function deleteDraft(db: DbClient, committeeId: string, userId: string): Promise<void> {
  await db.recordDraft.deleteMany({ where: { committeeId, userId } });
}
