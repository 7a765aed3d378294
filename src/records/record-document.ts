/**
 * A record as a document (for the channel post and the Markdown/DOCX exports): title, header lines,
 * matters by section (bold topics kept as **…**), decisions, follow-ups, and the annex "Status of action
 * points from previous meetings".
 */
import type { DbClient } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { formatDateRange } from '../time/format.ts';
import { findRecord, findVersion, linkedFollowUpNumbers, type RecordVersion } from './record-repository.ts';
import { annexFollowUps, committeeName, recordMeeting } from './record-document-repository.ts';
import { matterTopic, SECTION_HEADINGS, shortRecordId, type CarryChoice, type MatterSection, type RecordHeader, type RecordStatus } from './record-rules.ts';

export interface RecordDocument {
  number: number;
  version: number;
  status: RecordStatus;
  committeeName: string;
  title: string;
  meeting: { number: number; title: string; dates: string; venue: string } | null;
  header: Array<{ label: string; value: string }>;
  sections: Array<{ heading: string; matters: Array<{ topic: string | null; text: string }> }>;
  decisions: string[];
  followUps: Array<{ ref: string | null; action: string; organizations: string[]; due: string | null }>;
  /** Follow-ups of earlier meetings: `carried` over (still open) or `closed` by this record on adoption. */
  annex: Array<{ ref: string; action: string; due: string | null; decision: CarryChoice; organizations: Array<{ code: string; status: string }> }>;
}

const HEADER_LABELS: Array<[keyof RecordHeader, string]> = [
  ['meetingNumber', 'Meeting number'],
  ['dates', 'Dates'],
  ['venue', 'Venue'],
  ['host', 'Host organization'],
  ['chair', 'Chair'],
  ['rapporteur', 'Rapporteur'],
  ['present', 'Organizations present'],
  ['observers', 'Observers'],
  ['apologies', 'Apologies'],
  ['agenda', 'Agenda'],
  ['nextMeeting', 'Next meeting'],
];

/** Header lines with a value, in the modal's order. */
export function headerLines(header: RecordHeader): Array<{ label: string; value: string }> {
  return HEADER_LABELS.map(([key, label]) => ({ label, value: Array.isArray(header[key]) ? (header[key] as string[]).join(', ') : String(header[key] ?? '') }))
    .filter((l) => l.value.trim() !== '');
}

export function documentSections(v: Pick<RecordVersion, 'matters'>): RecordDocument['sections'] {
  return (['specific', 'general'] as MatterSection[]).map((section) => ({
    heading: SECTION_HEADINGS[section],
    matters: v.matters.filter((m) => m.section === section && m.text.trim()).map((m) => ({ topic: matterTopic(m.text), text: m.text })),
  }));
}

/** Builds R-n (its current version, or `version`) as a document. */
export async function recordDocument(db: DbClient, committeeId: string, number: number, version?: number): Promise<RecordDocument> {
  const record = await findRecord(db, committeeId, number);
  if (!record) throw new UserError(`There is no ${shortRecordId(number)}.`);
  const v = await findVersion(db, record.id, version ?? record.currentVersion);
  if (!v) throw new UserError(`${shortRecordId(number)} has no version ${version} (it has ${record.currentVersion}).`);
  const meetingRow = record.meetingId ? await recordMeeting(db, committeeId, record.meetingId) : null;
  const refs = record.status === 'adopted' && v.version === record.currentVersion ? await linkedFollowUpNumbers(db, record.id) : [];
  const decisions = new Map(v.carryOver.filter((c) => c.choice === 'carried' || c.choice === 'closed').map((c) => [c.followUpId, c.choice]));
  const annexRows = await annexFollowUps(db, committeeId, [...decisions.keys()]);
  return {
    number: record.number,
    version: v.version,
    status: record.status,
    committeeName: await committeeName(db, committeeId),
    title: v.title,
    meeting: meetingRow
      ? { number: meetingRow.number, title: meetingRow.title, dates: formatDateRange(meetingRow.startDate, meetingRow.endDate), venue: meetingRow.venue }
      : null,
    header: headerLines(v.header),
    sections: documentSections(v),
    decisions: v.decisions,
    followUps: v.followUps.map((f, i) => ({ ref: refs[i] !== undefined ? `F-${refs[i]}` : null, action: f.action, organizations: f.codes, due: f.due })),
    annex: annexRows.map((f) => ({
      ref: `F-${f.number}`,
      action: f.title,
      due: f.dueDate,
      decision: decisions.get(f.id)!,
      organizations: f.assignments.map((a) => ({ code: a.code, status: a.status })),
    })),
  };
}
