/**
 * `npm run bench` (part): follow-up reads under load. 10,000 follow-ups across the nine organizations
 * (about a third overdue) seeded through SQL; Concord as its own process; 50 concurrent clients send
 * signed `/concord followups overdue` and signed `app_home_opened` event_callbacks; ack p50/p99 and
 * throughput — and, in the same run, the same load against a bare Bolt app acking the command with a
 * constant (`bench/bare-bolt.ts`). Then EXPLAIN (ANALYZE) of the reads behind both. Prints, asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/app.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import globalSetup from '../test/support/global-setup.ts';
import { loadIomcWorkspace, startSandbox } from '../src/sandbox/index.ts';
import { signRequest } from '../src/sandbox/driver/sign.ts';
import { openPostgres } from '../src/db/database.ts';
import { todayInZone } from '../src/time/local-date.ts';

const FOLLOWUPS = 10_000;
const CLIENTS = 50;
const PER_CLIENT = Number(process.argv[2] ?? 40);
const ORGS = ['FAO', 'ILO', 'UNDP', 'UNEP', 'UNIDO', 'UNITAR', 'WHO', 'WB', 'OECD'];

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });

async function waitUntil(ok: () => Promise<boolean>): Promise<void> {
  for (;;) {
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;

interface Target {
  name: string;
  url: string;
}

function signed(url: string, body: string, contentType: string): RequestInit & { url: string } {
  const ts = Math.floor(Date.now() / 1000);
  return { url, method: 'POST', body, headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signRequest(SIGNING_SECRET, ts, body) } };
}

/** 50 clients, each sending PER_CLIENT requests one after another; every body is unique (no replay refusals). */
async function load(target: Target, make: (i: number) => { body: string; contentType: string }): Promise<string> {
  const latencies: number[] = [];
  let failures = 0;
  let n = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let k = 0; k < PER_CLIENT; k++) {
        const { body, contentType } = make(n++);
        const { url, ...init } = signed(target.url, body, contentType);
        const t0 = performance.now();
        const res = await fetch(url, init);
        await res.text();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures++;
      }
    }),
  );
  const secs = (performance.now() - started) / 1000;
  const s = latencies.sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(1).padStart(6)} ms  p99 ${pct(s, 99).toFixed(1).padStart(7)} ms  max ${s.at(-1)!.toFixed(0).padStart(5)} ms  ${(s.length / secs).toFixed(0).padStart(5)} req/s${failures ? `  (${failures} not 200)` : ''}`;
}

const teardown = await globalSetup();
console.log(`\nFollow-ups under load — ${new Date().toISOString()}, Node ${process.version}, ${CLIENTS} clients × ${PER_CLIENT} requests\n`);
const sandbox = await startSandbox({ port: 0, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, rateLimits: false });
const iomc = loadIomcWorkspace(sandbox);
const database = await createTestDatabase();
const [concordPort, boltPort] = [await freePort(), await freePort()];
const env = { PATH: process.env.PATH, SLACK_SIGNING_SECRET: SIGNING_SECRET, LOG_LEVEL: 'silent' };
const children: ChildProcess[] = [
  spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...env, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: sandbox.apiUrl, DATABASE_URL: database.url, PORT: String(concordPort), REDIS_PREFIX: `concord-bench-${concordPort}` },
    stdio: 'inherit',
  }),
  spawn(process.execPath, ['--import', 'tsx', 'bench/bare-bolt.ts'], { env: { ...env, PORT: String(boltPort) }, stdio: ['ignore', 'ignore', 'inherit'] }),
];
await waitUntil(async () => (await fetch(`http://127.0.0.1:${concordPort}/healthz`)).ok);
await waitUntil(async () => (await fetch(`http://127.0.0.1:${boltPort}/slack/events`, { method: 'POST' })).status > 0);
const concord: Target = { name: 'Concord', url: `http://127.0.0.1:${concordPort}/slack/events` };
const bolt: Target = { name: 'bare Bolt', url: `http://127.0.0.1:${boltPort}/slack/events` };
sandbox.setAppUrl(concord.url);

// The committee through commands, the follow-ups through SQL.
const say = (userId: string, text: string) => sandbox.driver.slashCommand({ userId, channelId: iomc.channelId, text });
await say(iomc.secretariat, 'setup "IOCC" tz:Europe/Zurich');
await say(iomc.secretariat, `role <@${iomc.chair}> chair`);
for (const code of ORGS) {
  await say(iomc.secretariat, `org add ${code} "${code} full name"`);
  await say(iomc.secretariat, `member add <@${iomc.focalPoints[code as keyof typeof iomc.focalPoints]}> ${code} as:focal`);
}
const db = await openPostgres(database.url);
const committeeId = (await db.prisma.committee.findFirstOrThrow()).id;
const today = todayInZone(new Date(), 'Europe/Zurich');
let t0 = performance.now();
await db.prisma.$executeRaw`
  INSERT INTO "FollowUp" (id, "committeeId", number, title, "dueDate", "timeZone", status, "createdBy", "createdAt", "updatedAt")
  SELECT gen_random_uuid()::text, ${committeeId}, i, 'Bench action ' || i,
         CASE WHEN i % 3 = 0 THEN to_char(${today}::date - (1 + i % 60), 'YYYY-MM-DD') ELSE to_char(${today}::date + (1 + i % 120), 'YYYY-MM-DD') END,
         'Europe/Zurich', (CASE WHEN i % 10 = 9 THEN 'done' ELSE 'open' END)::"FollowUpStatus", ${iomc.chair}, now(), now()
  FROM generate_series(1, ${FOLLOWUPS}) AS i`;
// One to three organizations each.
await db.prisma.$executeRaw`
  INSERT INTO "FollowUpAssignment" (id, "committeeId", "followUpId", "organizationId", status, "snoozedUntil", "snoozeCount", "createdAt", "updatedAt")
  SELECT gen_random_uuid()::text, f."committeeId", f.id, o.id, f.status,
         CASE WHEN (f.number + o.rn) % 7 = 0 THEN to_char(${today}::date + 14, 'YYYY-MM-DD') END,
         CASE WHEN (f.number + o.rn) % 7 = 0 THEN 1 ELSE 0 END, now(), now()
  FROM "FollowUp" f
  JOIN (SELECT id, (row_number() OVER (ORDER BY code))::int - 1 AS rn FROM "Organization" WHERE "committeeId" = ${committeeId}) o
    ON o.rn IN (f.number % 9, (f.number * 7 + 3) % 9, CASE WHEN f.number % 2 = 0 THEN (f.number + 4) % 9 END)
  WHERE f."committeeId" = ${committeeId}`;
// As autovacuum leaves a table at rest: statistics and the visibility map (index-only scans).
await db.prisma.$executeRawUnsafe('VACUUM ANALYZE');
const parts = await db.prisma.followUpAssignment.count();
console.log(`seeded ${FOLLOWUPS} follow-ups (${parts} organization parts, a third overdue) through SQL in ${(performance.now() - t0).toFixed(0)} ms\n`);

const ws = sandbox.workspaces().find((w) => w.id === 'T0IOMC')!;
const users = [iomc.chair, iomc.secretariat, ...ORGS.map((c) => iomc.focalPoints[c as keyof typeof iomc.focalPoints])];
const command = (i: number) => ({
  contentType: 'application/x-www-form-urlencoded',
  body: new URLSearchParams({
    token: 'verification-token', team_id: ws.id, team_domain: ws.domain, channel_id: iomc.channelId, channel_name: 'iocc',
    user_id: users[i % users.length]!, user_name: 'bench', command: '/concord', text: 'followups overdue', api_app_id: 'A0CONCORD',
    is_enterprise_install: 'false', response_url: sandbox.mintResponseUrl({ teamId: ws.id, userId: users[i % users.length]!, channelId: iomc.channelId, source: 'command' }),
    trigger_id: `${i}.${randomUUID()}`,
  }).toString(),
});
const home = (i: number) => ({
  contentType: 'application/json',
  body: JSON.stringify({
    token: 'verification-token', team_id: ws.id, api_app_id: 'A0CONCORD', type: 'event_callback', event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`, event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user: users[i % users.length]!, channel: 'D0BENCH', tab: 'home', event_ts: `${Date.now() / 1000}` },
    authorizations: [{ enterprise_id: null, team_id: ws.id, user_id: 'U0CONCORD', is_bot: true, is_enterprise_install: false }],
  }),
});

// Warm both (JIT, connection pools, users.info cache), then the measured runs, interleaved.
await load(concord, command);
await load(bolt, command);
for (const [label, make] of [['/concord followups overdue', command], ['app_home_opened', home]] as const) {
  for (const target of [concord, bolt]) console.log(`${label.padEnd(28)} ${target.name.padEnd(10)} ${await load(target, make)}`);
}
const published = sandbox.calls('views.publish').length;
console.log(`\n(Concord published ${published} Home tabs after acking, while the load ran.)`);

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

for (const child of children) child.kill('SIGTERM');
await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))));
await db.close();
await sandbox.close();
await database.drop();
await teardown();
