/** Reading what is planned: pending reminders of a committee (by subject or recipient), each with a label for its subject. */
import type { DbClient } from '../db/transaction.ts';
import type { SubjectKind } from './reminder-subjects.ts';
import { DIGEST_KIND } from './digest-repository.ts';

export type PlannedFilter =
  | { kind: 'all' }
  | { kind: 'recipient'; userId: string }
  | { kind: 'subjects'; subjectKind: SubjectKind | 'record'; ids: string[] };

export interface PlannedReminder {
  id: string;
  subjectKind: string;
  rule: string;
  recipient: string;
  recipientKind: 'user' | 'channel';
  zone: string;
  dueAt: Date;
  /** What it is about: `F-3` + the organization, `M-2`, `D-1`, or the digest's organization. */
  subject: { id: string; title: string; organization?: string };
}

/** Pending reminders, soonest first (at most `take`), and how many are pending in all. */
export async function plannedReminders(db: DbClient, committeeId: string, filter: PlannedFilter, take: number): Promise<{ rows: PlannedReminder[]; total: number }> {
  const where = {
    committeeId,
    status: 'pending' as const,
    ...(filter.kind === 'recipient' ? { recipient: filter.userId } : {}),
    ...(filter.kind === 'subjects' ? { subjectKind: filter.subjectKind, subjectId: { in: filter.ids } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.reminder.findMany({ where, orderBy: [{ dueAt: 'asc' }, { rule: 'asc' }, { recipient: 'asc' }], take, select: { id: true, subjectKind: true, subjectId: true, rule: true, recipient: true, recipientKind: true, zone: true, dueAt: true } }),
    db.reminder.count({ where }),
  ]);
  const labels = await subjectLabels(db, committeeId, rows);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      subjectKind: r.subjectKind,
      rule: r.rule,
      recipient: r.recipient,
      recipientKind: r.recipientKind === 'channel' ? 'channel' : 'user',
      zone: r.zone,
      dueAt: r.dueAt,
      subject: labels.get(`${r.subjectKind}:${r.subjectId}`) ?? { id: '?', title: '(removed)' },
    })),
    total,
  };
}

async function subjectLabels(db: DbClient, committeeId: string, rows: Array<{ subjectKind: string; subjectId: string }>) {
  const ids = (kind: string) => [...new Set(rows.filter((r) => r.subjectKind === kind).map((r) => r.subjectId))];
  const [parts, meetings, deadlines, orgs, committee, records] = await Promise.all([
    db.followUpAssignment.findMany({ where: { id: { in: ids('followup') } }, select: { id: true, organization: { select: { code: true } }, followUp: { select: { number: true, title: true } } } }),
    db.meeting.findMany({ where: { id: { in: ids('meeting') } }, select: { id: true, number: true, title: true } }),
    db.deadline.findMany({ where: { id: { in: ids('deadline') } }, select: { id: true, number: true, title: true } }),
    db.organization.findMany({ where: { id: { in: ids(DIGEST_KIND) } }, select: { id: true, code: true } }),
    db.committee.findUnique({ where: { id: committeeId }, select: { name: true } }),
    db.summaryRecord.findMany({ where: { id: { in: ids('record') } }, select: { id: true, number: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { title: true } } } }),
  ]);
  const out = new Map<string, PlannedReminder['subject']>();
  for (const p of parts) out.set(`followup:${p.id}`, { id: `F-${p.followUp.number}`, title: p.followUp.title, organization: p.organization.code });
  for (const m of meetings) out.set(`meeting:${m.id}`, { id: `M-${m.number}`, title: m.title });
  for (const d of deadlines) out.set(`deadline:${d.id}`, { id: `D-${d.number}`, title: d.title });
  for (const r of records) out.set(`record:${r.id}`, { id: `R-${r.number}`, title: r.versions[0]?.title ?? '' });
  for (const o of orgs) out.set(`${DIGEST_KIND}:${o.id}`, { id: 'Digest', title: 'Weekly digest', organization: o.code });
  out.set(`${DIGEST_KIND}:${committeeId}`, { id: 'Digest', title: `Weekly digest · ${committee?.name ?? ''}` });
  return out;
}
