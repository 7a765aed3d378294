/**
 * Opening the summary-record modal and keeping a half-filled one: what the form offers (meetings,
 * organizations, open follow-ups of earlier meetings), and the person's draft, saved in the database on
 * "Add another matter", on close and on "save as draft" (never in the view's private_metadata).
 */
import { authorize } from '../committees/permissions.ts';
import type { Scope } from '../committees/scope.ts';
import { UserError } from '../errors.ts';
import { organizationCodes } from '../organizations/organization-repository.ts';
import { deleteDraft, findRecord, findVersion, loadDraft, saveDraft } from './record-repository.ts';
import { shortRecordId } from './record-rules.ts';
import type { RecordVersion } from './record-repository.ts';

export interface RecordFormData {
  meetings: Array<{ number: number; title: string }>;
  organizations: string[];
  openFollowUps: Array<{ id: string; number: number; title: string; organizations: string[] }>;
  /** The saved draft's values (as typed), if any and for the same record. */
  draft: Record<string, unknown> | null;
  /** Amending: the current version to start from. */
  current: RecordVersion | null;
}

export async function prepareRecordForm(scope: Scope, opts: { recordNumber?: number; meetingNumber?: number }): Promise<RecordFormData> {
  await authorize(scope.actor, 'record.write', scope.holdersOf);
  const { db, committee } = scope;
  let current: RecordVersion | null = null;
  let recordId: string | null = null;
  if (opts.recordNumber !== undefined) {
    const record = await findRecord(db, committee.id, opts.recordNumber);
    if (!record) throw new UserError(`There is no ${shortRecordId(opts.recordNumber)}: \`records\` lists them.`);
    if (record.status === 'adopted') throw new UserError(`${shortRecordId(record.number)} is adopted and locked: it cannot be changed.`);
    recordId = record.id;
    current = await findVersion(db, record.id, record.currentVersion);
  }
  if (opts.meetingNumber !== undefined && !(await db.meeting.count({ where: { committeeId: committee.id, number: opts.meetingNumber } }))) {
    throw new UserError(`There is no M-${opts.meetingNumber}: \`meetings all\` lists them.`);
  }
  const [meetings, organizations, open, saved] = await Promise.all([
    db.meeting.findMany({ where: { committeeId: committee.id }, orderBy: { startsAt: 'desc' }, take: 100, select: { number: true, title: true } }),
    organizationCodes(db, committee.id),
    db.followUp.findMany({
      where: { committeeId: committee.id, status: 'open', meetingId: { not: null }, ...(opts.meetingNumber !== undefined ? { meeting: { number: { not: opts.meetingNumber } } } : {}) },
      orderBy: { number: 'asc' },
      take: 50,
      select: { id: true, number: true, title: true, assignments: { select: { organization: { select: { code: true } } } } },
    }),
    loadDraft(db, committee.id, scope.actor.userId),
  ]);
  return {
    meetings,
    organizations,
    openFollowUps: open.map((f) => ({ id: f.id, number: f.number, title: f.title, organizations: f.assignments.map((a) => a.organization.code) })),
    draft: saved && saved.recordId === recordId ? saved.values : null,
    current,
  };
}

/** Keeps what the person has typed so far. */
export async function keepRecordDraft(scope: Scope, recordNumber: number | undefined, values: Record<string, unknown>): Promise<void> {
  await authorize(scope.actor, 'record.write', scope.holdersOf);
  const record = recordNumber !== undefined ? await findRecord(scope.db, scope.committee.id, recordNumber) : null;
  await saveDraft(scope.db, scope.committee.id, scope.actor.userId, record?.id ?? null, values);
}

export async function dropRecordDraft(scope: Scope): Promise<void> {
  await deleteDraft(scope.db, scope.committee.id, scope.actor.userId);
}
