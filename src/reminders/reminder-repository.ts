/** Reminder rows and the subject data their plans are computed from (repository reads only). */
import type { DbClient } from '../db/transaction.ts';
import { rowStamp } from '../db/row-stamp.ts';
import type { Planned } from './reminder-rules.ts';
import type { Subject, SubjectKind } from './reminder-subjects.ts';

/**
 * Makes the subject's pending reminders exactly `plan`: new ones added, moved ones re-timed, the rest
 * cancelled. A reminder whose time is already past is never added (it never applied); one already pending
 * stays (the sweep sends or skips it).
 */
export async function applyPlan(db: DbClient, committeeId: string, s: Subject, plan: Planned[], now: Date, reason: string): Promise<void> {
  const existing = await db.reminder.findMany({ where: { subjectKind: s.kind, subjectId: s.id }, select: { id: true, rule: true, recipient: true, status: true, dueAt: true } });
  const key = (r: { rule: string; recipient: string }) => `${r.rule}\u0000${r.recipient}`;
  const wanted = new Map(plan.map((p) => [key(p), p]));
  for (const r of existing) {
    const want = wanted.get(key(r));
    wanted.delete(key(r));
    if (r.status !== 'pending' && r.status !== 'cancelled') continue; // sent, skipped, failed, sending: history
    if (!want) {
      if (r.status === 'pending') await db.reminder.update({ where: { id: r.id }, data: { status: 'cancelled', reason } });
    } else if (want.dueAt.getTime() <= now.getTime() && (r.status === 'cancelled' || r.dueAt.getTime() !== want.dueAt.getTime())) {
      if (r.status === 'pending') await db.reminder.update({ where: { id: r.id }, data: { status: 'cancelled', reason } });
    } else if (r.status === 'cancelled' || r.dueAt.getTime() !== want.dueAt.getTime()) {
      await db.reminder.update({ where: { id: r.id }, data: { status: 'pending', reason: null, dueAt: want.dueAt, zone: want.zone } });
    }
  }
  const fresh = [...wanted.values()].filter((p) => p.dueAt.getTime() > now.getTime());
  if (fresh.length) {
    await db.reminder.createMany({
      data: fresh.map((p) => ({ committeeId, subjectKind: s.kind, subjectId: s.id, rule: p.rule, recipient: p.recipient, recipientKind: p.recipientKind, zone: p.zone, dueAt: p.dueAt })),
      skipDuplicates: true,
    });
  }
}

/** Subjects of a committee changed at or after `since` (inside the current transaction): what to re-plan. */
export async function touchedSubjects(db: DbClient, committeeId: string, since: Date): Promise<Subject[]> {
  const [parts, followUps, meetings, deadlines, members] = await Promise.all([
    db.followUpAssignment.findMany({ where: { committeeId, updatedAt: { gte: since } }, select: { id: true } }),
    db.followUp.findMany({ where: { committeeId, updatedAt: { gte: since } }, select: { assignments: { select: { id: true } } } }),
    db.meeting.findMany({ where: { committeeId, updatedAt: { gte: since } }, select: { id: true } }),
    db.deadline.findMany({ where: { committeeId, updatedAt: { gte: since } }, select: { id: true } }),
    db.member.findMany({ where: { committeeId, updatedAt: { gte: since }, organizationId: { not: null } }, select: { organizationId: true } }),
  ]);
  // A person added to or removed from an organization changes who its open parts and deadlines remind.
  const orgIds = [...new Set(members.map((m) => m.organizationId!))];
  const [orgParts, orgDeadlines] = orgIds.length
    ? await Promise.all([
        db.followUpAssignment.findMany({ where: { committeeId, organizationId: { in: orgIds }, status: 'open' }, select: { id: true } }),
        db.deadlineOrganization.findMany({ where: { organizationId: { in: orgIds }, deadline: { status: 'active' } }, select: { deadlineId: true } }),
      ])
    : [[], []];
  const out = new Map<string, Subject>();
  const add = (kind: SubjectKind, id: string) => out.set(`${kind}:${id}`, { kind, id });
  for (const p of [...parts, ...orgParts, ...followUps.flatMap((f) => f.assignments)]) add('followup', p.id);
  for (const m of meetings) add('meeting', m.id);
  for (const d of [...deadlines.map((x) => ({ deadlineId: x.id })), ...orgDeadlines]) add('deadline', d.deadlineId);
  return [...out.values()];
}

/** Due now: pending reminders (of these subject kinds) whose time has come, oldest first. */
export function dueReminders(db: DbClient, now: Date, take = 200, kinds?: string[]) {
  return db.reminder.findMany({ where: { status: 'pending', dueAt: { lte: now }, ...(kinds ? { subjectKind: { in: kinds } } : {}) }, orderBy: { dueAt: 'asc' }, take });
}

export interface ClaimedReminder {
  id: string;
  committeeId: string;
  subjectKind: string;
  subjectId: string;
  rule: string;
  recipient: string;
  recipientKind: string;
  zone: string;
  dueAt: Date;
}

/**
 * Claims up to `take` due reminders of these subject kinds in one statement (pending → sending), oldest
 * first, passing over rows another worker is claiming at this moment (SKIP LOCKED): two workers never
 * take the same reminder, and neither waits for the other. Their committees are held as `holdCommittees`
 * does, in the same statement; a reminder whose committee is being changed at this moment is passed over
 * too (that change may re-plan it; the caller picks such reminders up one by one, waiting its turn).
 * Call inside the transaction that settles them.
 */
export async function claimDueBatch(db: DbClient, now: Date, kinds: string[], take: number): Promise<ClaimedReminder[]> {
  const claimed = await db.$queryRaw<ClaimedReminder[]>`
    UPDATE "Reminder" SET status = 'sending', "updatedAt" = ${rowStamp()}
    WHERE id IN (
      SELECT r.id FROM "Reminder" r JOIN "Committee" c ON c.id = r."committeeId"
      WHERE r.status = 'pending' AND r."dueAt" <= ${now} AND r."subjectKind" = ANY(${kinds}::text[])
      ORDER BY r."dueAt" LIMIT ${take}::int
      FOR UPDATE OF r SKIP LOCKED
      FOR KEY SHARE OF c SKIP LOCKED)
    RETURNING id, "committeeId", "subjectKind", "subjectId", rule, recipient, "recipientKind", zone, "dueAt"`;
  // RETURNING has no order: oldest first, as claimed.
  return claimed.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Holds this committee against being changed until the transaction ends (FOR KEY SHARE), waiting for a
 * change under way; to be taken before claiming anything. A committee write holds its committee FOR UPDATE
 * and may re-plan reminders a sweep has claimed, while the sweep's next write to a claimed row (or an
 * outbox row) checks its foreign key with a KEY SHARE lock on the committee: a sweep that met the change
 * only then would deadlock with it.
 */
export async function holdCommittee(db: DbClient, id: string): Promise<void> {
  await db.$queryRaw`SELECT id FROM "Committee" WHERE id = ${id} FOR KEY SHARE`;
}

export type Settlement = { id: string; status: 'pending' | 'skipped' | 'sending'; reason?: string | null; outboundId?: string | null };

/** Settles claimed reminders in one statement: skipped (with the reason), sending (with its outbox row), or back to pending. */
export async function settleReminders(db: DbClient, settled: Settlement[]): Promise<void> {
  if (!settled.length) return;
  await db.$executeRaw`
    UPDATE "Reminder" AS r
    SET status = v.status::"ReminderStatus", reason = v.reason, "outboundId" = v.outbound, "updatedAt" = ${rowStamp()}
    FROM unnest(${settled.map((x) => x.id)}::text[], ${settled.map((x) => x.status)}::text[], ${settled.map((x) => x.reason ?? null)}::text[], ${settled.map((x) => x.outboundId ?? null)}::text[])
      AS v(id, status, reason, outbound)
    WHERE r.id = v.id`;
}

/**
 * The distinct instants at which pending reminders come due before `until`, earliest first, for the timers
 * in Redis: one timer per instant wakes the sweep, which sends every reminder due by then (09:00 in one
 * zone is one instant for all its recipients).
 */
export async function upcomingInstants(db: DbClient, until: Date, take = 1000): Promise<Date[]> {
  const rows = await db.reminder.groupBy({ by: ['dueAt'], where: { status: 'pending', dueAt: { lte: until } }, orderBy: { dueAt: 'asc' }, take });
  return rows.map((r) => r.dueAt);
}

export function nextReminderAt(db: DbClient): Promise<Date | undefined> {
  return db.reminder.findFirst({ where: { status: 'pending' }, orderBy: { dueAt: 'asc' }, select: { dueAt: true } }).then((r) => r?.dueAt);
}

/** Claims a due reminder (pending → sending); false if another worker has it. */
export async function claimReminder(db: DbClient, id: string): Promise<boolean> {
  return (await db.reminder.updateMany({ where: { id, status: 'pending' }, data: { status: 'sending' } })).count === 1;
}

export function settleReminder(db: DbClient, id: string, data: { status: 'skipped' | 'cancelled' | 'sending'; reason?: string; outboundId?: string }) {
  return db.reminder.update({ where: { id }, data });
}

/** A reminder that acted without a message of its own to wait for (a record's silence period ended). */
export function markReminderDone(db: DbClient, id: string, outboundId: string | null) {
  return db.reminder.update({ where: { id }, data: { status: 'sent', outboundId } });
}

/** The outbox delivered (or gave up on) the message of these reminders. */
export function markRemindersDelivered(db: DbClient, outboundId: string, slackChannel: string, slackTs: string) {
  return db.reminder.updateMany({ where: { outboundId, status: 'sending' }, data: { status: 'sent', slackChannel, slackTs } });
}

/**
 * Reminders left `sending` although their message was delivered (recorded in two steps before; a worker
 * killed between them): marked sent with where it was posted. Returns how many.
 */
export function settleDeliveredReminders(db: DbClient): Promise<number> {
  return db.$executeRaw`
    UPDATE "Reminder" AS r SET status = 'sent', "slackChannel" = o."postedChannelId", "slackTs" = o."slackTs", "updatedAt" = ${rowStamp()}
    FROM "OutboundMessage" AS o
    WHERE r."outboundId" = o.id AND r.status = 'sending' AND o.status = 'sent'`;
}

export function markRemindersFailed(db: DbClient, outboundId: string, reason: string) {
  return db.reminder.updateMany({ where: { outboundId, status: 'sending' }, data: { status: 'failed', reason } });
}

export type { ReminderTopic } from './reminder-subjects.ts';
