/**
 * `npm run bench` (part), issue 14: Concord and a bare Bolt app (`bench/bare-bolt.ts`, acks a constant) under
 * the same load in the same run — 50 concurrent clients sending signed `help`, `org list`, `meetings all`
 * (35 meetings, through the import), `followups overdue` (10,000 follow-ups, seeded as `bench/followups.ts`
 * does) and `app_home_opened` — on the embedded database (no DATABASE_URL, DATA_DIR in a temp folder) and
 * on PostgreSQL. Per scenario: throughput and ack p50/p99 of both, Concord's CPU per request
 * (/proc/<pid>/stat utime+stime), and on PostgreSQL the server's CPU per request (the backends serving
 * Concord's database, from /proc) and SQL statements per command (pg_stat_database.xact_commit: every
 * statement of a read runs in autocommit, so each is one transaction). Prints, asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/app.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import globalSetup from '../test/support/global-setup.ts';
import { loadIomcWorkspace, startSandbox } from '../src/sandbox/index.ts';
import { signRequest } from '../src/sandbox/driver/sign.ts';
import { openEmbedded, openPostgres, type Database } from '../src/db/database.ts';
import { runImport } from '../src/cli/import-run.ts';
import { todayInZone } from '../src/time/local-date.ts';

const FOLLOWUPS = 10_000;
const CLIENTS = 50;
const PER_CLIENT = Number(process.argv[2] ?? 40);
const ORGS = ['FAO', 'ILO', 'UNDP', 'UNEP', 'UNIDO', 'UNITAR', 'WHO', 'WB', 'OECD'];
const TICKS = 100; // clock ticks per second (/proc/<pid>/stat)

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitUntil(ok: () => Promise<boolean>): Promise<void> {
  while (!(await ok().catch(() => false))) await sleep(50);
}
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
/** CPU seconds (user + system) a process has used so far. */
function cpuOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch {
    return 0;
  }
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

/** 50 clients, each sending PER_CLIENT requests one after another; every body is unique (no replay refusals). */
async function load(url: string, make: (i: number) => { body: string; contentType: string }): Promise<Result> {
  const latencies: number[] = [];
  let failures = 0;
  let n = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let k = 0; k < PER_CLIENT; k++) {
        const { body, contentType } = make(n++);
        const ts = Math.floor(Date.now() / 1000);
        const t0 = performance.now();
        const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signRequest(SIGNING_SECRET, ts, body) } });
        await res.text();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures++;
      }
    }),
  );
  const s = latencies.sort((a, b) => a - b);
  return { rps: s.length / ((performance.now() - started) / 1000), p50: pct(s, 50), p99: pct(s, 99), failures };
}

const teardown = await globalSetup();
const sandbox = await startSandbox({ port: 0, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, rateLimits: false });
const iomc = loadIomcWorkspace(sandbox);
const ws = sandbox.workspaces().find((w) => w.id === 'T0IOMC')!;
const users = [iomc.chair, iomc.secretariat, ...ORGS.map((c) => iomc.focalPoints[c as keyof typeof iomc.focalPoints])];
const command = (text: string) => (i: number) => ({
  contentType: 'application/x-www-form-urlencoded',
  body: new URLSearchParams({
    token: 'verification-token', team_id: ws.id, team_domain: ws.domain, channel_id: iomc.channelId, channel_name: 'iocc',
    user_id: users[i % users.length]!, user_name: 'bench', command: '/concord', text, api_app_id: 'A0CONCORD', is_enterprise_install: 'false',
    response_url: sandbox.mintResponseUrl({ teamId: ws.id, userId: users[i % users.length]!, channelId: iomc.channelId, source: 'command' }),
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
const SCENARIOS: [string, (i: number) => { body: string; contentType: string }][] = [
  ['help', command('help')],
  ['org list', command('org list')],
  ['meetings all (35)', command('meetings all')],
  ['followups overdue (10k)', command('followups overdue')],
  ['app_home_opened', home],
];

/** The follow-ups as `bench/followups.ts` seeds them, the meetings through the import. */
async function seed(db: Database): Promise<void> {
  await runImport(db.prisma, { file: 'prisma/seed-data/meetings.json' });
  const committeeId = (await db.prisma.committee.findFirstOrThrow()).id;
  const today = todayInZone(new Date(), 'Europe/Zurich');
  await db.prisma.$executeRaw`
    INSERT INTO "FollowUp" (id, "committeeId", number, title, "dueDate", "timeZone", status, "createdBy", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${committeeId}, i, 'Bench action ' || i,
           CASE WHEN i % 3 = 0 THEN to_char(${today}::date - (1 + i % 60), 'YYYY-MM-DD') ELSE to_char(${today}::date + (1 + i % 120), 'YYYY-MM-DD') END,
           'Europe/Zurich', (CASE WHEN i % 10 = 9 THEN 'done' ELSE 'open' END)::"FollowUpStatus", ${iomc.chair}, now(), now()
    FROM generate_series(1, ${FOLLOWUPS}) AS i`;
  await db.prisma.$executeRaw`
    INSERT INTO "FollowUpAssignment" (id, "committeeId", "followUpId", "organizationId", status, "snoozedUntil", "snoozeCount", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, f."committeeId", f.id, o.id, f.status,
           CASE WHEN (f.number + o.rn) % 7 = 0 THEN to_char(${today}::date + 14, 'YYYY-MM-DD') END,
           CASE WHEN (f.number + o.rn) % 7 = 0 THEN 1 ELSE 0 END, now(), now()
    FROM "FollowUp" f
    JOIN (SELECT id, (row_number() OVER (ORDER BY code))::int - 1 AS rn FROM "Organization" WHERE "committeeId" = ${committeeId}) o
      ON o.rn IN (f.number % 9, (f.number * 7 + 3) % 9, CASE WHEN f.number % 2 = 0 THEN (f.number + 4) % 9 END)
    WHERE f."committeeId" = ${committeeId}`;
  await db.prisma.$executeRawUnsafe('VACUUM ANALYZE');
}

function startConcord(env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH, ROLE: 'web', LOG_LEVEL: 'silent', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: sandbox.apiUrl, PORT: String(port), REDIS_PREFIX: `concord-bench-${port}`, ...env },
    stdio: 'inherit',
  });
}
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
}

const boltPort = await freePort();
const bolt = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-bolt.ts'], { env: { PATH: process.env.PATH, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(boltPort) }, stdio: ['ignore', 'ignore', 'inherit'] });
const boltUrl = `http://127.0.0.1:${boltPort}/slack/events`;
await waitUntil(async () => (await fetch(boltUrl, { method: 'POST' })).status > 0);

console.log(`\nSide by side with a bare Bolt app — ${new Date().toISOString()}, Node ${process.version}, ${CLIENTS} clients × ${PER_CLIENT} requests, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const kind of ['embedded', 'postgres'] as const) {
  const dir = mkdtempSync(path.join(tmpdir(), 'concord-side-'));
  const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
  const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : { DATA_DIR: dir };
  const open = () => (pg ? openPostgres(pg.url) : openEmbedded(dir));
  // The committee through commands, then (Concord stopped: the embedded database has one owner) the data.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/slack/events`;
  let concord = startConcord(env, port);
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok);
  sandbox.setAppUrl(url);
  const say = (userId: string, text: string) => sandbox.driver.slashCommand({ userId, channelId: iomc.channelId, text });
  await say(iomc.secretariat, 'setup "IOCC" tz:Europe/Zurich');
  await say(iomc.secretariat, `role <@${iomc.chair}> chair`);
  for (const code of ORGS) {
    await say(iomc.secretariat, `org add ${code} "${code} full name"`);
    await say(iomc.secretariat, `member add <@${iomc.focalPoints[code as keyof typeof iomc.focalPoints]}> ${code} as:focal`);
  }
  await stop(concord);
  const db = await open();
  await seed(db);
  if (kind === 'embedded') await db.close();
  concord = startConcord(env, port);
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok);
  const dbName = pg ? new URL(pg.url).pathname.slice(1) : '';
  const backends = async () => (pg ? (await db.prisma.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = ${dbName} AND pid <> pg_backend_pid()`).map((r) => r.pid) : []);
  const commits = async () => {
    if (!pg) return 0;
    await sleep(1200); // backends report their counters at most once a second
    await db.prisma.$executeRawUnsafe('SELECT pg_stat_clear_snapshot()');
    return Number((await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = ${dbName}`)[0]!.n);
  };

  console.log(`\n${kind === 'embedded' ? 'Embedded database (PGlite in the Concord process)' : 'PostgreSQL'}`);
  console.log(`${'scenario'.padEnd(24)} ${'Concord req/s  p50  p99'.padEnd(28)} ${'bare Bolt req/s  p50  p99'.padEnd(28)}  thr×   p99×   CPU ms/req${pg ? '  PG CPU ms/req  SQL/cmd' : ''}`);
  for (const [label, make] of SCENARIOS) {
    await load(url, make); // warm-up: JIT, pools, caches
    await load(boltUrl, make);
    const pids = await backends();
    const pgBefore = new Map(pids.map((p) => [p, cpuOf(p)]));
    const c0 = await commits();
    const cpu0 = cpuOf(concord.pid!);
    const c = await load(url, make);
    const cpu = cpuOf(concord.pid!) - cpu0;
    const pgCpu = (await backends()).reduce((s, p) => s + cpuOf(p) - (pgBefore.get(p) ?? 0), 0);
    const statements = (await commits()) - c0;
    const b = await load(boltUrl, make);
    const n = CLIENTS * PER_CLIENT;
    const f = (r: Result) => `${r.rps.toFixed(0).padStart(6)} ${r.p50.toFixed(1).padStart(6)} ${r.p99.toFixed(1).padStart(6)}${r.failures ? ` (${r.failures}!)` : ''}`;
    const thr = c.rps / b.rps;
    const p99 = c.p99 / b.p99;
    const miss = thr < 1 || p99 > 1.5 ? '  ← missed' : '';
    console.log(
      `${label.padEnd(24)} ${f(c).padEnd(28)} ${f(b).padEnd(28)} ${thr.toFixed(2).padStart(5)} ${p99.toFixed(2).padStart(6)} ${((cpu * 1000) / n).toFixed(2).padStart(10)}${pg ? `${((pgCpu * 1000) / n).toFixed(2).padStart(15)} ${(statements / n).toFixed(2).padStart(8)}` : ''}${miss}`,
    );
  }
  await stop(concord);
  if (kind === 'postgres') await db.close();
  await pg?.drop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nload average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores, shared with other runs)`);
await stop(bolt);
await sandbox.close();
await teardown();
