/** Words both export formats share: the record's status, a due date, the annex title, a file name. */
import { DateTime } from 'luxon';
import type { RecordDocument } from '../record-document.ts';

export const ANNEX_TITLE = 'Status of action points from previous meetings';

/** The annex's columns, in both formats. */
export const ANNEX_COLUMNS = ['Ref', 'Action', 'Organizations', 'Status', 'Due', 'Decision'] as const;

/** What the record decided about an earlier action point: carried over (still open), or closed on adoption. */
export function decisionLabel(row: RecordDocument['annex'][number]): string {
  return row.decision === 'closed' ? 'Closed' : 'Carried over';
}

const STATUS: Record<RecordDocument['status'], string> = { draft: 'Draft', circulated: 'Circulated for comments', adopted: 'Adopted' };

export function statusLabel(doc: RecordDocument): string {
  return `${STATUS[doc.status]} · version ${doc.version}`;
}

/** `2024-03-01` → `1 Mar 2024`; anything else as stored; none → `—`. */
export function dueLabel(due: string | null): string {
  if (!due) return '—';
  const d = DateTime.fromISO(due, { zone: 'UTC' });
  return d.isValid && /^\d{4}-\d{2}-\d{2}$/.test(due) ? d.toFormat('d LLL yyyy') : due;
}

/** An annex row's organizations in code order, whatever order they were read in. */
export function byCode<T extends { code: string }>(orgs: readonly T[]): T[] {
  return [...orgs].sort((a, b) => a.code.localeCompare(b.code));
}

/** `M-3 · 60th IOCC meeting · 21–22 Nov 2023 · ILO, Geneva`, or null without a meeting. */
export function meetingLine(doc: RecordDocument): string | null {
  const m = doc.meeting;
  if (!m) return null;
  return [`M-${m.number}`, m.title, m.dates, m.venue].filter((p) => p.trim() !== '').join(' · ');
}

/** `R-1-60th-iocc-meeting.docx`: the record id and its meeting (or title), ASCII only, at most 60 characters before the extension. */
export function exportFileName(doc: RecordDocument, ext: 'md' | 'docx'): string {
  const words = (doc.meeting?.title ?? doc.title)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  const base = `R-${doc.number}${words ? `-${words}` : ''}`.slice(0, 60).replace(/-+$/, '');
  return `${base}.${ext}`;
}
