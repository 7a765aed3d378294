/**
 * The reminder sweep on real PostgreSQL (jobs/send-reminders.ts): a batch claimed at once is still
 * claimed by one sweep only, re-checked against its subject, and written to the outbox in per-channel
 * commit order — also when another transaction is writing to a recipient's channel at that moment.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../../src/db/database.ts';
import { createLogger } from '../../../src/logger.ts';
import { addDirectMessage } from '../../../src/outbox/outbox-repository.ts';
import { sendDueReminders } from '../../../jobs/send-reminders.ts';
import { settleDeliveredReminders } from '../../../src/reminders/reminder-repository.ts';
import { deliveryInstant } from '../../../src/time/delivery.ts';
import { createTestDatabase } from '../../support/postgres.ts';

const ZONE = 'Europe/Zurich';
const DUE = '2027-03-24';
const DUE_AT = deliveryInstant(DUE, ZONE);
const FOCAL = ['U0SWEEP1', 'U0SWEEP2', 'U0SWEEP3'];
const CHANNEL = 'C0SWEEP';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Awaited<ReturnType<typeof openPostgres>>;
let committeeId: string;
let parts: string[];
let meetings: string[];

const deps = (dispatched: string[] = []) => ({ db: db.prisma, logger: createLogger('silent'), dispatch: async (ids: string[]) => void dispatched.push(...ids) });

beforeAll(async () => {
  database = await createTestDatabase();
  db = await openPostgres(database.url);
  const p = db.prisma;
  committeeId = (await p.committee.create({ data: { teamId: 'T0SWEEP', enterpriseId: '', name: 'Sweep', channelId: CHANNEL, timeZone: ZONE } })).id;
  const org = await p.organization.create({ data: { committeeId, code: 'ORG', acronym: 'ORG', name: 'Organization', timeZone: ZONE } });
  await p.member.createMany({ data: FOCAL.map((slackUserId) => ({ committeeId, organizationId: org.id, slackUserId, kind: 'focal' as const })) });
  parts = [];
  for (let k = 1; k <= 4; k++) {
    const f = await p.followUp.create({ data: { committeeId, number: k, title: `Sweep follow-up ${k}`, dueDate: DUE, timeZone: ZONE, createdBy: 'U0BENCH' } });
    parts.push((await p.followUpAssignment.create({ data: { committeeId, followUpId: f.id, organizationId: org.id } })).id);
  }
  const start = '2027-03-25';
  meetings = [];
  for (let k = 1; k <= 3; k++) {
    meetings.push((await p.meeting.create({ data: { committeeId, number: k, title: `Sweep meeting ${k}`, startDate: start, endDate: start, timeZone: ZONE, startsAt: new Date(`${start}T00:00:00Z`), createdBy: 'U0BENCH' } })).id);
  }
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});
beforeEach(async () => {
  await db.prisma.reminder.deleteMany({});
  await db.prisma.outboundMessage.deleteMany({});
  await db.prisma.followUpAssignment.updateMany({ data: { status: 'open' } });
  // due-0 of each part to each focal point (12 DMs) and meeting-1 of each meeting in the channel (3).
  await db.prisma.reminder.createMany({
    data: [
      ...parts.flatMap((subjectId) => FOCAL.map((recipient) => ({ committeeId, subjectKind: 'followup', subjectId, rule: 'due-0', recipient, recipientKind: 'user', zone: ZONE, dueAt: DUE_AT }))),
      ...meetings.map((subjectId) => ({ committeeId, subjectKind: 'meeting', subjectId, rule: 'meeting-1', recipient: CHANNEL, recipientKind: 'channel', zone: ZONE, dueAt: DUE_AT })),
    ],
  });
});


/** A promise and the function that resolves it (one side of a test waits for the other). */
function latch(): [Promise<void>, () => void] {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return [opened, open];
}

describe('the reminder sweep', () => {
  it('turns each due reminder into one outbox row, in its recipient\'s channel, with the subject\'s message', async () => {
    const dispatched: string[] = [];
    expect(await sendDueReminders(deps(dispatched), DUE_AT)).toBe(15);
    const rows = await db.prisma.outboundMessage.findMany({ orderBy: { seq: 'asc' } });
    expect(rows).toHaveLength(15);
    expect(new Set(dispatched)).toEqual(new Set(rows.map((r) => r.id)));
    const reminders = await db.prisma.reminder.findMany();
    expect(reminders.every((r) => r.status === 'sending' && r.outboundId)).toBe(true);
    const dm = rows.find((r) => r.id === reminders.find((x) => x.recipient === FOCAL[0] && x.subjectId === parts[0])!.outboundId)!;
    expect([dm.channelId, dm.recipientUserId, dm.fallbackChannelId]).toEqual([FOCAL[0], FOCAL[0], CHANNEL]);
    expect(dm.text).toMatch(/Sweep follow-up 1/);
    expect(rows.filter((r) => r.channelId === CHANNEL).map((r) => r.text.match(/Sweep meeting \d/)![0]).sort()).toEqual(['Sweep meeting 1', 'Sweep meeting 2', 'Sweep meeting 3']);
    expect(await sendDueReminders(deps(), DUE_AT)).toBe(0); // nothing sent twice
  });

  it('a reminder left sending after its message was delivered (worker killed in between) is recorded as sent by the reconcile', async () => {
    await sendDueReminders(deps(), DUE_AT);
    const reminder = await db.prisma.reminder.findFirstOrThrow({ where: { recipient: CHANNEL } });
    await db.prisma.outboundMessage.update({ where: { id: reminder.outboundId! }, data: { status: 'sent', slackTs: '1796000000.000100', postedChannelId: CHANNEL } });
    expect(await settleDeliveredReminders(db.prisma)).toBe(1);
    const after = await db.prisma.reminder.findUniqueOrThrow({ where: { id: reminder.id } });
    expect([after.status, after.slackChannel, after.slackTs]).toEqual(['sent', CHANNEL, '1796000000.000100']);
    expect(await db.prisma.reminder.count({ where: { status: 'sending' } })).toBe(14); // the others' messages are not sent yet
  });

  it('two sweeps at once claim each reminder once', async () => {
    const [a, b] = await Promise.all([sendDueReminders(deps(), DUE_AT), sendDueReminders(deps(), DUE_AT)]);
    expect(a + b).toBe(15);
    expect(await db.prisma.outboundMessage.count()).toBe(15);
  });

  it('skips, with the reason, a reminder whose subject changed after it was planned', async () => {
    await db.prisma.followUpAssignment.update({ where: { id: parts[1] }, data: { status: 'done' } });
    expect(await sendDueReminders(deps(), DUE_AT)).toBe(12);
    const skipped = await db.prisma.reminder.findMany({ where: { subjectId: parts[1] } });
    expect(skipped.map((r) => [r.status, r.reason, r.outboundId])).toEqual(FOCAL.map(() => ['skipped', 'no longer applies (its subject changed)', null]));
  });

  it('waits for a committee change under way without holding its claims: the change may cancel them (no deadlock)', async () => {
    const [released, release] = latch();
    const [isLocked, locked] = latch();
    // A committee write (committee locked for update) that will cancel the reminders of part 3.
    const write = db.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Committee" WHERE id = ${committeeId} FOR UPDATE`;
        locked();
        await released;
        await tx.reminder.updateMany({ where: { subjectId: parts[2], status: 'pending' }, data: { status: 'cancelled', reason: 'its subject changed' } });
      },
      { timeout: 20_000 },
    );
    await isLocked;
    const sweep = sendDueReminders(deps(), DUE_AT);
    await new Promise((r) => setTimeout(r, 1000)); // the sweep has met the locked committee
    expect(await db.prisma.outboundMessage.count()).toBe(0);
    release();
    await write;
    expect(await sweep).toBe(12);
    const cancelled = await db.prisma.reminder.findMany({ where: { subjectId: parts[2] } });
    expect(cancelled.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await db.prisma.reminder.count({ where: { status: 'sending' } })).toBe(12);
  });

  it('does not wait for a channel another transaction is writing to, and sends its reminders after that one commits, in commit order', async () => {
    const [released, release] = latch();
    const [isLocked, locked] = latch();
    // A committee write DMs the first focal point and is still open (holding the channel's lock).
    const write = db.prisma.$transaction(
      async (tx) => {
        await addDirectMessage(tx, { committeeId, userId: FOCAL[0]!, text: 'written first' });
        locked();
        await released;
      },
      { timeout: 20_000 },
    );
    await isLocked;
    const sweep = sendDueReminders(deps(), DUE_AT);
    // Everything else is queued while the write is open.
    await expect.poll(() => db.prisma.outboundMessage.count({ where: { channelId: { not: FOCAL[0] } } }), { timeout: 10_000 }).toBe(11);
    expect(await db.prisma.reminder.count({ where: { recipient: FOCAL[0], status: 'sending' } })).toBe(0);
    release();
    await write;
    expect(await sweep).toBe(15);
    const first = await db.prisma.outboundMessage.findMany({ where: { channelId: FOCAL[0] }, orderBy: { seq: 'asc' } });
    expect(first.map((r) => r.text.startsWith('written first') || /Sweep follow-up/.test(r.text))).toEqual([true, true, true, true, true]);
    expect(first[0]!.text).toBe('written first');
    expect(await db.prisma.reminder.count({ where: { status: 'sending' } })).toBe(15);
  });
});
