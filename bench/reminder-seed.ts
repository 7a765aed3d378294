/**
 * The reminder benches' data (bench/reminders.ts, bench/reminder-sweep.ts): 50 committees sharing one
 * workspace, each with one channel and 8 organizations of 5 focal points (2,000 people), follow-up parts
 * and meetings, seeded with Prisma `createMany`; and the due reminders for them.
 */
import type { openPostgres } from '../src/db/database.ts';
import type { startSandbox } from '../src/sandbox/index.ts';
import { deliveryInstant } from '../src/time/delivery.ts';

export const TEAM = 'T0REMIND';
export const ZONE = 'Europe/Zurich';
export const COMMITTEES = 50; // one channel each
export const ORGS_PER_COMMITTEE = 8;
export const FOCAL_PER_ORG = 5; // 50 × 8 × 5 = 2,000 people
export const DUE_DATE = '2027-03-24'; // a Wednesday (no Monday digests); meetings start the next day
export const DUE_AT = deliveryInstant(DUE_DATE, ZONE); // 09:00 CET = 08:00 UTC: due-0 and meeting-1 alike
export const channelOf = (committee: number) => `C0R${String(committee).padStart(4, '0')}`;

type Db = Awaited<ReturnType<typeof openPostgres>>;
type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** Committees, channels, organizations, 2,000 focal points (sandbox users too, when a sandbox is given) and the subjects. */
export async function seed(db: Db, sandbox: Sandbox | undefined, opts: { followUpsPerOrg: number; meetingsPerCommittee: number; dueDate: string }) {
  const p = db.prisma;
  const committees = Array.from({ length: COMMITTEES }, (_, c) => ({ id: crypto.randomUUID(), teamId: TEAM, enterpriseId: `E0R${c}`, name: `Committee ${c}`, channelId: channelOf(c), timeZone: ZONE }));
  for (const c of committees) sandbox?.addChannel({ id: c.channelId, teamId: TEAM, name: c.channelId.toLowerCase(), members: [sandbox.bot.userId] });
  await p.committee.createMany({ data: committees });
  const orgs = committees.flatMap((c) => Array.from({ length: ORGS_PER_COMMITTEE }, (_, o) => ({ id: crypto.randomUUID(), committeeId: c.id, code: `ORG${o}`, acronym: `ORG${o}`, name: `Organization ${o}`, timeZone: ZONE })));
  await p.organization.createMany({ data: orgs });
  const members = orgs.flatMap((o, oi) =>
    Array.from({ length: FOCAL_PER_ORG }, (_, f) => ({ committeeId: o.committeeId, organizationId: o.id, slackUserId: `U0R${String(oi * FOCAL_PER_ORG + f).padStart(5, '0')}`, kind: 'focal' as const })),
  );
  for (const m of members) sandbox?.addUser({ id: m.slackUserId, teamId: TEAM, name: m.slackUserId.toLowerCase(), tz: ZONE });
  await p.member.createMany({ data: members });
  const followUps = orgs.flatMap((o, oi) =>
    Array.from({ length: opts.followUpsPerOrg }, (_, k) => ({ id: crypto.randomUUID(), committeeId: o.committeeId, number: (oi % ORGS_PER_COMMITTEE) * opts.followUpsPerOrg + k + 1, title: `Bench follow-up ${oi}-${k}`, dueDate: opts.dueDate, timeZone: ZONE, createdBy: 'U0BENCH', orgId: o.id })),
  );
  for (let i = 0; i < followUps.length; i += 5000) await p.followUp.createMany({ data: followUps.slice(i, i + 5000).map(({ orgId: _o, ...f }) => f) });
  const parts = followUps.map((f) => ({ id: crypto.randomUUID(), committeeId: f.committeeId, followUpId: f.id, organizationId: f.orgId }));
  for (let i = 0; i < parts.length; i += 5000) await p.followUpAssignment.createMany({ data: parts.slice(i, i + 5000) });
  const meetingDate = new Date(Date.parse(`${opts.dueDate}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const meetings = committees.flatMap((c, ci) =>
    Array.from({ length: opts.meetingsPerCommittee }, (_, k) => ({ id: crypto.randomUUID(), committeeId: c.id, number: k + 1, title: `Bench meeting ${ci}-${k}`, startDate: meetingDate, endDate: meetingDate, timeZone: ZONE, startsAt: new Date(`${meetingDate}T00:00:00Z`), createdBy: 'U0BENCH' })),
  );
  if (meetings.length) await p.meeting.createMany({ data: meetings });
  return { committees, members, parts, meetings };
}

/** The due-0 reminder of every part to each focal point, and the meeting-1 reminder of every meeting in its channel, all at DUE_AT. */
export async function seedDueReminders(db: Db, seeded: Awaited<ReturnType<typeof seed>>, meetingsPerCommittee: number): Promise<number> {
  const { members, parts, meetings } = seeded;
  const focalOf = new Map<string, string[]>();
  for (const m of members) focalOf.set(m.organizationId, [...(focalOf.get(m.organizationId) ?? []), m.slackUserId]);
  const reminders = [
    ...parts.flatMap((part) => focalOf.get(part.organizationId)!.map((userId) => ({ committeeId: part.committeeId, subjectKind: 'followup', subjectId: part.id, rule: 'due-0', recipient: userId, recipientKind: 'user', zone: ZONE, dueAt: DUE_AT }))),
    ...meetings.map((m, i) => ({ committeeId: m.committeeId, subjectKind: 'meeting', subjectId: m.id, rule: 'meeting-1', recipient: channelOf(Math.floor(i / meetingsPerCommittee)), recipientKind: 'channel', zone: ZONE, dueAt: DUE_AT })),
  ];
  for (let i = 0; i < reminders.length; i += 5000) await db.prisma.reminder.createMany({ data: reminders.slice(i, i + 5000) });
  return reminders.length;
}
