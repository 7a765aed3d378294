/**
 * The sweep alone (`jobs/send-reminders.ts`): how fast due reminders become outbox rows, without Redis,
 * Slack or a worker process. `npx tsx bench/reminder-sweep.ts [FOLLOW_UPS_PER_ORG] [MEETINGS_PER_COMMITTEE]`
 * (defaults 1 and 4: 2,000 DMs and 200 channel reminders, all due at once). Prints figures, asserts nothing.
 */
import { openPostgres } from '../src/db/database.ts';
import { createLogger } from '../src/logger.ts';
import { sendDueReminders } from '../jobs/send-reminders.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import globalSetup from '../test/support/global-setup.ts';
import { DUE_AT, DUE_DATE, seed, seedDueReminders } from './reminder-seed.ts';

const followUpsPerOrg = Number(process.argv[2] ?? 1);
const meetingsPerCommittee = Number(process.argv[3] ?? 4);

const teardown = await globalSetup();
const database = await createTestDatabase();
const db = await openPostgres(database.url);
try {
  const seeded = await seed(db, undefined, { followUpsPerOrg, meetingsPerCommittee, dueDate: DUE_DATE });
  const total = await seedDueReminders(db, seeded, meetingsPerCommittee);
  let queued = 0;
  let sweeps = 0;
  const deps = { db: db.prisma, logger: createLogger('silent'), dispatch: async () => {} };
  const t0 = performance.now();
  for (;;) {
    const n = await sendDueReminders(deps, DUE_AT);
    sweeps++;
    if (!n) break;
    queued += n;
  }
  const s = (performance.now() - t0) / 1000;
  const rows = await db.prisma.reminder.groupBy({ by: ['status'], _count: true });
  console.log(`sweep: ${total} reminders due → ${queued} outbox rows in ${s.toFixed(1)} s (${(queued / s).toFixed(0)} reminders/s, ${sweeps} sweeps); reminder rows ${JSON.stringify(Object.fromEntries(rows.map((r) => [r.status, r._count])))}`);
} finally {
  await db.close();
  await database.drop();
  await teardown();
}
