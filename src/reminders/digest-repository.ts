/**
 * Digest rows and the data a digest is written from (repository reads and writes only). The next Monday's
 * digests are planned as Reminder rows (subject kind `digest`), so they share the reminders' guarantees:
 * never lost (the database is the truth), never doubled (one row per week and recipient), caught up after
 * downtime (the sweep sends only the latest missed one).
 */
import type { Db } from '../db/database.ts';
import { inTransaction, type DbClient } from '../db/transaction.ts';
import { addDays, type LocalDate } from '../time/local-date.ts';
import { CALENDAR_DAYS, digestPlan, type DigestAudience, type DigestEvent, type DigestPart, type PlannedDigest } from './digest-rules.ts';
import { effectiveDue } from './reminder-rules.ts';

export const DIGEST_KIND = 'digest';

/** Who gets a digest in these committees (all of them without ids): the channel and each organization's focal points. */
export async function digestAudiences(db: DbClient, committeeIds?: string[]): Promise<DigestAudience[]> {
  const committees = await db.committee.findMany({
    where: committeeIds ? { id: { in: committeeIds } } : {},
    select: {
      id: true,
      channelId: true,
      timeZone: true,
      organizations: { select: { id: true, timeZone: true, members: { where: { kind: 'focal' }, select: { slackUserId: true, slackTz: true }, orderBy: { slackUserId: 'asc' } } }, orderBy: { code: 'asc' } },
    },
    orderBy: { id: 'asc' },
  });
  return committees.map((c) => ({
    committeeId: c.id,
    channelId: c.channelId,
    committeeZone: c.timeZone,
    organizations: c.organizations.map((o) => ({ id: o.id, zone: o.timeZone || null, focalPoints: o.members.map((m) => ({ userId: m.slackUserId, zone: m.slackTz })) })),
  }));
}

type Change =
  | { op: 'create'; committeeId: string; plan: PlannedDigest }
  | { op: 'retime'; id: string; plan: PlannedDigest }
  | { op: 'cancel'; id: string };

const keyOf = (r: { subjectId: string; rule: string; recipient: string }) => `${r.subjectId}\u0000${r.rule}\u0000${r.recipient}`;

/** What must change so that exactly the next Monday's digests are pending (past-due pending rows stay: the sweep sends them). */
async function digestChanges(db: DbClient, audiences: DigestAudience[], now: Date): Promise<Change[]> {
  if (!audiences.length) return [];
  const wanted = new Map<string, { committeeId: string; plan: PlannedDigest }>();
  for (const a of audiences) for (const plan of digestPlan(a, now)) wanted.set(keyOf(plan), { committeeId: a.committeeId, plan });
  const rules = [...new Set([...wanted.values()].map((w) => w.plan.rule))];
  const existing = await db.reminder.findMany({
    where: { subjectKind: DIGEST_KIND, committeeId: { in: audiences.map((a) => a.committeeId) }, OR: [{ status: 'pending' }, { rule: { in: rules } }] },
    select: { id: true, subjectId: true, rule: true, recipient: true, status: true, dueAt: true },
  });
  const changes: Change[] = [];
  for (const r of existing) {
    const want = wanted.get(keyOf(r));
    wanted.delete(keyOf(r));
    if (want) {
      if (r.status === 'cancelled' || (r.status === 'pending' && r.dueAt.getTime() !== want.plan.dueAt.getTime())) changes.push({ op: 'retime', id: r.id, plan: want.plan });
    } else if (r.status === 'pending' && r.dueAt.getTime() > now.getTime()) {
      changes.push({ op: 'cancel', id: r.id });
    }
  }
  for (const w of wanted.values()) changes.push({ op: 'create', committeeId: w.committeeId, plan: w.plan });
  return changes;
}

async function applyChanges(db: DbClient, changes: Change[]): Promise<void> {
  const fresh = changes.flatMap((c) => (c.op === 'create' ? [c] : []));
  for (const c of changes) {
    if (c.op === 'retime') await db.reminder.update({ where: { id: c.id }, data: { status: 'pending', reason: null, dueAt: c.plan.dueAt, zone: c.plan.zone } });
    if (c.op === 'cancel') await db.reminder.updateMany({ where: { id: c.id, status: 'pending' }, data: { status: 'cancelled', reason: 'no longer planned (the committee, organization or focal point changed)' } });
  }
  if (fresh.length) {
    await db.reminder.createMany({
      data: fresh.map(({ committeeId, plan: p }) => ({ committeeId, subjectKind: DIGEST_KIND, subjectId: p.subjectId, rule: p.rule, recipient: p.recipient, recipientKind: p.recipientKind, zone: p.zone, dueAt: p.dueAt })),
      skipDuplicates: true,
    });
  }
}

/** Inside a committee write (its row already locked): plans the committee's next digests. */
export async function planCommitteeDigests(tx: DbClient, committeeId: string, now: Date): Promise<void> {
  await applyChanges(tx, await digestChanges(tx, await digestAudiences(tx, [committeeId]), now));
}

/**
 * At every sweep: makes sure every committee's next digests are planned. Cheap when nothing changed (two
 * reads); a committee that needs changes is re-planned under its row lock, like a committee write.
 * Returns how many committees were re-planned.
 */
export async function ensureDigestsPlanned(db: Db, now: Date): Promise<number> {
  const changes = await digestChanges(db, await digestAudiences(db), now);
  if (!changes.length) return 0;
  const ids = new Set<string>();
  const owners = await db.reminder.findMany({ where: { id: { in: changes.flatMap((c) => (c.op === 'create' ? [] : [c.id])) } }, select: { committeeId: true } });
  for (const c of changes) if (c.op === 'create') ids.add(c.committeeId);
  for (const o of owners) ids.add(o.committeeId);
  for (const id of ids) {
    await inTransaction(db, async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Committee" WHERE id = ${id} FOR UPDATE`;
      await planCommitteeDigests(tx, id, now);
    });
  }
  return ids.size;
}

// ——— what a digest says, read at send time ———

/** Open parts (of open follow-ups) of the committee, or of one organization. */
export async function openParts(db: DbClient, committeeId: string, organizationId?: string): Promise<DigestPart[]> {
  const rows = await db.followUpAssignment.findMany({
    where: { committeeId, status: 'open', followUp: { status: 'open' }, ...(organizationId ? { organizationId } : {}) },
    select: { id: true, snoozedUntil: true, organization: { select: { code: true } }, followUp: { select: { number: true, title: true, dueDate: true } } },
  });
  const escalated = new Set(
    (
      await db.reminder.findMany({
        where: { subjectKind: 'followup', subjectId: { in: rows.map((r) => r.id) }, rule: 'overdue-3', status: { in: ['sending', 'sent'] } },
        select: { subjectId: true },
      })
    ).map((r) => r.subjectId),
  );
  return rows.map((r) => ({
    number: r.followUp.number,
    title: r.followUp.title,
    organization: r.organization.code,
    due: effectiveDue({ dueDate: r.followUp.dueDate, snoozedUntil: r.snoozedUntil }),
    escalated: escalated.has(r.id),
  }));
}

/** Scheduled meetings and active deadlines from `today` for the calendar window; deadlines of one organization (and everyone's) with `organizationId`. */
export async function upcomingEvents(db: DbClient, committeeId: string, today: LocalDate, organizationId?: string): Promise<DigestEvent[]> {
  const until = addDays(today, CALENDAR_DAYS);
  const [meetings, deadlines] = await Promise.all([
    organizationId
      ? Promise.resolve([])
      : db.meeting.findMany({ where: { committeeId, status: 'scheduled', startDate: { gte: today, lte: until } }, select: { number: true, title: true, startDate: true, endDate: true } }),
    db.deadline.findMany({
      where: {
        committeeId,
        status: 'active',
        effectiveDue: { gte: today, lte: until },
        ...(organizationId ? { OR: [{ organizations: { some: { organizationId } } }, { organizations: { none: {} } }] } : {}),
      },
      select: { number: true, title: true, effectiveDue: true, organizations: { select: { organization: { select: { code: true } } } } },
    }),
  ]);
  return [
    ...meetings.map((m) => ({ kind: 'meeting' as const, number: m.number, title: m.title, date: m.startDate, endDate: m.endDate })),
    ...deadlines.map((d) => ({ kind: 'deadline' as const, number: d.number, title: d.title, date: d.effectiveDue, organizations: d.organizations.map((o) => o.organization.code).sort() })),
  ];
}

export interface DigestSubject {
  committeeId: string;
  committeeName: string;
  committeeZone: string;
  channelId: string | null;
  organization?: { id: string; code: string; channelId: string | null; focalPoints: string[] };
}

/** The committee or organization a digest row is about, as it is now; undefined when gone. */
export async function digestSubject(db: DbClient, committeeId: string, subjectId: string): Promise<DigestSubject | undefined> {
  const committee = await db.committee.findUnique({ where: { id: committeeId }, select: { id: true, name: true, timeZone: true, channelId: true } });
  if (!committee) return undefined;
  const base = { committeeId: committee.id, committeeName: committee.name, committeeZone: committee.timeZone, channelId: committee.channelId };
  if (subjectId === committeeId) return base;
  const org = await db.organization.findFirst({
    where: { id: subjectId, committeeId },
    select: { id: true, code: true, channelId: true, members: { where: { kind: 'focal' }, select: { slackUserId: true } } },
  });
  return org ? { ...base, organization: { id: org.id, code: org.code, channelId: org.channelId, focalPoints: org.members.map((m) => m.slackUserId) } } : undefined;
}
