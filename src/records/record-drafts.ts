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
import { findRecordMeeting, formMeetings, openFollowUpsOfEarlierMeetings, type OpenFollowUp } from './record-form-repository.ts';
import type { RecordVersion } from './record-repository.ts';

export interface RecordFormData {
  meetings: Array<{ number: number; title: string }>;
  organizations: string[];
  openFollowUps: OpenFollowUp[];
  /** The meeting the record is of, when the form was opened for one. */
  meetingNumber?: number;
  /** The saved draft's values (as typed), if any and for the same record. */
  draft: Record<string, unknown> | null;
  /** Amending: the current version to start from. */
  current: RecordVersion | null;
}

export interface RecordFormRequest {
  recordNumber?: number;
  meetingNumber?: number;
  /** A meeting by id (the *Post summary record* button on its announcement). */
  meetingId?: string;
  /** Only to leave that meeting's own follow-ups out of the carry-over list (a form growing, its meeting chosen). */
  listedFor?: number;
}

/** The meeting a record is opened for: it must exist in the committee and not be cancelled. */
async function recordableMeeting(scope: Scope, opts: RecordFormRequest): Promise<number | undefined> {
  if (opts.meetingId === undefined && opts.meetingNumber === undefined) return undefined;
  const by = opts.meetingId !== undefined ? { id: opts.meetingId } : { number: opts.meetingNumber! };
  const meeting = await findRecordMeeting(scope.db, scope.committee.id, by);
  if (!meeting) {
    throw new UserError(opts.meetingId !== undefined ? 'This meeting no longer exists in your committee: `meetings all` lists them.' : `There is no M-${opts.meetingNumber}: \`meetings all\` lists them.`);
  }
  if (meeting.status === 'cancelled') throw new UserError(`M-${meeting.number} (${meeting.title}) is cancelled: it has no summary record. \`meetings all\` lists the others.`);
  return meeting.number;
}

export async function prepareRecordForm(scope: Scope, opts: RecordFormRequest): Promise<RecordFormData> {
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
  const meetingNumber = await recordableMeeting(scope, opts);
  const [meetings, organizations, openFollowUps, saved] = await Promise.all([
    formMeetings(db, committee.id),
    organizationCodes(db, committee.id),
    openFollowUpsOfEarlierMeetings(db, committee.id, meetingNumber ?? opts.listedFor),
    loadDraft(db, committee.id, scope.actor.userId),
  ]);
  return {
    meetings,
    organizations,
    openFollowUps,
    ...(meetingNumber !== undefined ? { meetingNumber } : {}),
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
