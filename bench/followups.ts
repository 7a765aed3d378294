/**
 * `npm run bench` (part): follow-up reads under load. 10,000 follow-ups across the nine organizations
 * (about a third overdue) seeded through SQL; Concord as its own process; 50 concurrent clients send
 * signed `/concord followups overdue` and signed `app_home_opened` event_callbacks; ack p50/p99 and
 * throughput — and, in the same run, the same load against a bare Bolt app acking the command with a
 * constant (`bench/bare-bolt.ts`). Then EXPLAIN (ANALYZE) of the reads behind both. Prints, asserts nothing.
 * The committee, the data and the requests are those of `bench/side-by-side.ts` (`bench/bench-data.ts`).
 */
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/app.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import globalSetup from '../test/support/global-setup.ts';
import { loadIomcWorkspace, startSandbox } from '../src/sandbox/index.ts';
import { openPostgres } from '../src/db/database.ts';
import { todayInZone } from '../src/time/local-date.ts';
import { CLIENTS, concordReady, freePort, load, startBareBolt, startConcord, stop, type MakeRequest, type Result } from './harness.ts';
import { FOLLOWUPS, requests, seedFollowUps, setUpCommittee } from './bench-data.ts';

const PER_CLIENT = Number(process.argv[2] ?? 40);

const line = (r: Result) =>
  `p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  max ${r.max.toFixed(0).padStart(5)} ms  ${r.rps.toFixed(0).padStart(5)} req/s${r.failures ? `  (${r.failures} not 200)` : ''}`;

const teardown = await globalSetup();
console.log(`\nFollow-ups under load — ${new Date().toISOString()}, Node ${process.version}, ${CLIENTS} clients × ${PER_CLIENT} requests\n`);
const sandbox = await startSandbox({ port: 0, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, rateLimits: false });
const iomc = loadIomcWorkspace(sandbox);
const database = await createTestDatabase();
const concordPort = await freePort();
// Web and worker in one process, as a single-process deployment runs it.
const concordProcess = startConcord({ DATABASE_URL: database.url, ROLE: 'all' }, concordPort, sandbox.apiUrl);
const bolt = await startBareBolt();
await concordReady(concordPort);
const concord = { name: 'Concord', url: `http://127.0.0.1:${concordPort}/slack/events` };
const bare = { name: 'bare Bolt', url: bolt.url };
sandbox.setAppUrl(concord.url);

// The committee through commands, the follow-ups through SQL.
await setUpCommittee(sandbox, iomc);
const db = await openPostgres(database.url);
const committeeId = (await db.prisma.committee.findFirstOrThrow()).id;
const today = todayInZone(new Date(), 'Europe/Zurich');
const t0 = performance.now();
const parts = await seedFollowUps(db, iomc.chair);
console.log(`seeded ${FOLLOWUPS} follow-ups (${parts} organization parts, a third overdue) through SQL in ${(performance.now() - t0).toFixed(0)} ms\n`);

const { command: commandOf, home } = requests(sandbox, iomc);
const command = commandOf('followups overdue');

// Warm both (JIT, connection pools, users.info cache), then the measured runs, interleaved.
await load(concord.url, command, PER_CLIENT);
await load(bare.url, command, PER_CLIENT);
for (const [label, make] of [['/concord followups overdue', command], ['app_home_opened', home]] as [string, MakeRequest][]) {
  for (const target of [concord, bare]) {
    const published0 = sandbox.calls('views.publish').length;
    const r = await load(target.url, make, PER_CLIENT);
    const published = sandbox.calls('views.publish').length - published0;
    console.log(`${label.padEnd(28)} ${target.name.padEnd(10)} ${line(r)}${target === concord && make === home ? `  (${published} views.publish while it ran)` : ''}`);
  }
}

// The reads behind `followups overdue` and the Home, as Prisma sends them, with their plans.
const explain = async (label: string, sql: string, ...params: unknown[]) => {
  const rows = await db.prisma.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql}`, ...params);
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  const seq = /Seq Scan on "FollowUp(Assignment)?"/.test(plan);
  console.log(`\n--- ${label}${seq ? '  ⚠️ sequential scan over follow-ups' : ''}\n${plan}`);
};
const unep = (await db.prisma.organization.findFirstOrThrow({ where: { committeeId, code: 'UNEP' } })).id;
await explain('followups overdue: open follow-ups due before today (oldest first, 200)',
  `SELECT id, number, title, "dueDate" FROM "FollowUp" WHERE "committeeId" = $1 AND status = 'open' AND "dueDate" < $2 ORDER BY "dueDate" ASC, number ASC LIMIT 200`, committeeId, today);
const shownIds = (await db.prisma.followUp.findMany({ where: { committeeId, status: 'open', dueDate: { lt: today } }, orderBy: [{ dueDate: 'asc' }, { number: 'asc' }], take: 200, select: { id: true } })).map((r) => r.id);
await explain('followups overdue / Home: the parts of the follow-ups shown (Prisma loads them by id list)',
  `SELECT a.*, o.code FROM "FollowUpAssignment" a JOIN "Organization" o ON o.id = a."organizationId" WHERE a."followUpId" = ANY($1::text[])`, shownIds);
await explain("Home: my organization's open follow-ups, overdue first (10)",
  `SELECT f.id FROM "FollowUp" f WHERE f."committeeId" = $1 AND f.status = 'open' AND EXISTS (SELECT 1 FROM "FollowUpAssignment" a WHERE a."followUpId" = f.id AND a."organizationId" = $2 AND a.status = 'open') ORDER BY f."dueDate" ASC NULLS LAST, f.number ASC LIMIT 10`, committeeId, unep);
await explain("Home: how many open follow-ups my organization has",
  `SELECT count(*) FROM "FollowUpAssignment" WHERE "committeeId" = $1 AND "organizationId" = $2 AND status = 'open'`, committeeId, unep);
await explain('Home (chair, secretariat): open and snoozed parts per organization',
  `SELECT "organizationId", COUNT(*), COUNT(*) FILTER (WHERE "snoozedUntil" >= $2) FROM "FollowUpAssignment" WHERE "committeeId" = $1 AND status = 'open' GROUP BY "organizationId"`, committeeId, today);
await explain('Home (chair, secretariat): overdue parts per organization',
  `SELECT a."organizationId", COUNT(*) FROM "FollowUp" f JOIN "FollowUpAssignment" a ON a."followUpId" = f.id AND a.status = 'open' WHERE f."committeeId" = $1 AND f.status = 'open' AND f."dueDate" < $2 GROUP BY a."organizationId"`, committeeId, today);
await explain('Home: latest snooze of each part shown',
  `SELECT DISTINCT ON ("assignmentId") "assignmentId", text FROM "FollowUpEvent" WHERE "assignmentId" = ANY($1::text[]) AND kind = 'snooze' ORDER BY "assignmentId", seq DESC`, (await db.prisma.followUpAssignment.findMany({ take: 10, select: { id: true } })).map((r) => r.id));

await stop(concordProcess);
await stop(bolt.child);
await db.close();
await sandbox.close();
await database.drop();
await teardown();
