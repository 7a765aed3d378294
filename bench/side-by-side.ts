/**
 * `npm run bench` (part), issue 14: Concord and a bare Bolt app (`bench/bare-bolt.ts`, acks a constant) under
 * the same load in the same run — 50 concurrent clients sending signed `help`, `org list`, `meetings all`
 * (35 meetings, through the import), `followups overdue` (10,000 follow-ups, `bench/bench-data.ts`) and
 * `app_home_opened` — on the embedded database (no DATABASE_URL, DATA_DIR in a temp folder) and on
 * PostgreSQL. Per scenario: throughput and ack p50/p99 of both, Concord's CPU per request
 * (/proc/<pid>/stat utime+stime), and on PostgreSQL the server's CPU per request (the backends serving
 * Concord's database, from /proc) and SQL statements per command (pg_stat_database.xact_commit: every
 * statement of a read runs in autocommit, so each is one transaction); for the Home, how many
 * `views.publish` calls Concord made. Redis's own CPU per request (INFO cpu) is printed too: Concord's
 * replay markers run on the same 2 cores, bare Bolt uses no Redis. "All CPU" adds up what the machine
 * spent per request on each side — the app, Redis and PostgreSQL for Concord, and the load generator
 * (which reads Concord's real replies against bare Bolt's 40-byte constant) — all on the same 2 cores.
 * Ends with a markdown table to paste into bench/README.md. Prints, asserts nothing.
 *
 * `npx tsx bench/side-by-side.ts [PER_CLIENT] [ROUNDS]`: ROUNDS (default 1) repeats each measured pair,
 * alternating which app goes first, and reports the round with the median throughput ratio (each round's
 * two runs are adjacent in time, so their ratio is steadier than either rate); every round's ratios are
 * printed on the console.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/app.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import globalSetup from '../test/support/global-setup.ts';
import { loadIomcWorkspace, startSandbox } from '../src/sandbox/index.ts';
import { CLIENTS, concordReady, cpuOf, redisCpu, freePort, load, sleep, startBareBolt, startConcord, stop, type MakeRequest, type Result } from './harness.ts';
import { requests, seededDatabase } from './bench-data.ts';

const PER_CLIENT = Number(process.argv[2] ?? 40);
const ROUNDS = Math.max(1, Number(process.argv[3] ?? 1));
const load1 = () => loadavg().map((l) => l.toFixed(1)).join(' ');

const teardown = await globalSetup();
const sandbox = await startSandbox({ port: 0, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, rateLimits: false });
const iomc = loadIomcWorkspace(sandbox);
const { command, home } = requests(sandbox, iomc);
const SCENARIOS: [string, MakeRequest][] = [
  ['help', command('help')],
  ['org list', command('org list')],
  ['meetings all (35)', command('meetings all')],
  ['followups overdue (10k)', command('followups overdue')],
  ['app_home_opened', home],
];
const bolt = await startBareBolt();

interface Row {
  kind: 'embedded' | 'postgres';
  label: string;
  c: Result;
  b: Result;
  cpu: number;
  boltCpu: number;
  pgCpu?: number;
  sql?: number;
  redisCpu: number;
  published?: number;
}
const rows: Row[] = [];
/** What the machine spent per request on each side: app + Redis + PostgreSQL + load generator, and app + load generator. */
const allCpu = (r: Row) => [r.cpu + r.redisCpu + (r.pgCpu ?? 0) + r.c.clientCpu, r.boltCpu + r.b.clientCpu] as const;
const started = new Date();
const loadAtStart = load1();
console.log(`\nSide by side with a bare Bolt app — ${started.toISOString()}, Node ${process.version}, ${CLIENTS} clients × ${PER_CLIENT} requests, ${ROUNDS} round(s), load average at start ${loadAtStart}`);
for (const kind of ['embedded', 'postgres'] as const) {
  const dir = mkdtempSync(path.join(tmpdir(), 'concord-side-'));
  const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
  const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : { DATA_DIR: dir };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/slack/events`;
  const db = await seededDatabase(sandbox, iomc, env, port);
  if (kind === 'embedded') await db.close();
  const concord = startConcord(env, port, sandbox.apiUrl);
  await concordReady(port);
  const dbName = pg ? new URL(pg.url).pathname.slice(1) : '';
  const backends = async () => (pg ? (await db.prisma.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = ${dbName} AND pid <> pg_backend_pid()`).map((r) => r.pid) : []);
  const commits = async () => {
    if (!pg) return 0;
    await sleep(1200); // backends report their counters at most once a second
    await db.prisma.$executeRawUnsafe('SELECT pg_stat_clear_snapshot()');
    return Number((await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = ${dbName}`)[0]!.n);
  };

  console.log(`\n${kind === 'embedded' ? 'Embedded database (PGlite in the Concord process)' : 'PostgreSQL'}`);
  console.log(`${'scenario'.padEnd(24)} ${'Concord req/s  p50  p99'.padEnd(28)} ${'bare Bolt req/s  p50  p99'.padEnd(28)}  thr×   p99×   CPU ms/req (Bolt)${pg ? '  PG CPU ms/req  SQL/cmd' : ''}`);
  for (const [label, make] of SCENARIOS) {
    await load(url, make, PER_CLIENT); // warm-up: JIT, pools, caches
    await load(bolt.url, make, PER_CLIENT);
    const rounds: Row[] = [];
    /** The bare app's run with its CPU per request. */
    const boltRun = async () => {
      const cpu0 = cpuOf(bolt.child.pid!);
      const result = await load(bolt.url, make, PER_CLIENT);
      return { result, cpu: cpuOf(bolt.child.pid!) - cpu0 };
    };
    for (let r = 0; r < ROUNDS; r++) {
      // Which app runs first alternates, so neither always gets the machine right after the other's load.
      let b = r % 2 === 1 ? await boltRun() : undefined;
      const pids = await backends();
      const pgBefore = new Map(pids.map((p) => [p, cpuOf(p)]));
      const c0 = await commits();
      const cpu0 = cpuOf(concord.pid!);
      const redis0 = await redisCpu();
      const published0 = sandbox.calls('views.publish').length;
      const c = await load(url, make, PER_CLIENT);
      const cpu = cpuOf(concord.pid!) - cpu0;
      const redis = (await redisCpu()) - redis0;
      await sleep(300); // Homes still being published after their acks
      const published = sandbox.calls('views.publish').length - published0;
      const pgCpu = (await backends()).reduce((s, p) => s + cpuOf(p) - (pgBefore.get(p) ?? 0), 0);
      const statements = (await commits()) - c0;
      b ??= await boltRun();
      const n = CLIENTS * PER_CLIENT;
      rounds.push({ kind, label, c, b: b.result, cpu: (cpu * 1000) / n, boltCpu: (b.cpu * 1000) / n, redisCpu: (redis * 1000) / n, ...(pg ? { pgCpu: (pgCpu * 1000) / n, sql: statements / n } : {}), ...(label === 'app_home_opened' ? { published } : {}) });
    }
    const ratio = (x: Row) => x.c.rps / x.b.rps;
    const spread = rounds.map((x) => `${ratio(x).toFixed(2)}/${(x.c.p99 / x.b.p99).toFixed(2)}`).join(' ');
    const row = [...rounds].sort((x, y) => ratio(x) - ratio(y))[Math.floor(rounds.length / 2)]!;
    rows.push(row);
    const f = (r: Result) => `${r.rps.toFixed(0).padStart(6)} ${r.p50.toFixed(1).padStart(6)} ${r.p99.toFixed(1).padStart(6)}${r.failures ? ` (${r.failures}!)` : ''}`;
    const thr = ratio(row);
    const p99 = row.c.p99 / row.b.p99;
    const miss = thr < 1 || p99 > 1.5 ? '  ← missed' : '';
    console.log(
      `${label.padEnd(24)} ${f(row.c).padEnd(28)} ${f(row.b).padEnd(28)} ${thr.toFixed(2).padStart(5)} ${p99.toFixed(2).padStart(6)} ${row.cpu.toFixed(2).padStart(10)} (${row.boltCpu.toFixed(2)})${pg ? `${row.pgCpu!.toFixed(2).padStart(15)} ${row.sql!.toFixed(2).padStart(8)}` : ''}${miss}${row.published !== undefined ? `  (${row.published} views.publish)` : ''}  [all CPU ${allCpu(row).map((v) => v.toFixed(2)).join(' vs ')}; Redis ${row.redisCpu.toFixed(2)}, load generator ${row.c.clientCpu.toFixed(2)} (Bolt ${row.b.clientCpu.toFixed(2)}) ms/req; rounds thr×/p99× ${spread}]`,
    );
  }
  await stop(concord);
  if (kind === 'postgres') await db.close();
  await pg?.drop();
  rmSync(dir, { recursive: true, force: true });
}
const loadAtEnd = load1();
console.log(`\nload average at end ${loadAtEnd} (2 cores)`);

// Ready to paste into bench/README.md.
const n = CLIENTS * PER_CLIENT;
console.log(`\n${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${CLIENTS} clients × ${PER_CLIENT} requests (${n} per row)${ROUNDS > 1 ? `, median of ${ROUNDS} rounds` : ''}, load average ${loadAtStart} at the start, ${loadAtEnd} at the end:\n`);
console.log('| scenario | Concord req/s · p50 · p99 | bare Bolt req/s · p50 · p99 | thr× | p99× | CPU ms/req Concord · Bolt | Redis CPU ms/req | PG CPU ms/req | SQL/cmd | all CPU ms/req Concord · Bolt |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const cell = (x: Result) => `${x.rps.toFixed(0)} · ${x.p50.toFixed(0)} · ${x.p99.toFixed(0)}${x.failures ? ` (${x.failures} not 200)` : ''}`;
  const thr = r.c.rps / r.b.rps;
  const p99 = r.c.p99 / r.b.p99;
  const mark = (ok: boolean, v: string) => (ok ? v : `**${v}**`);
  const first = r === rows.find((x) => x.kind === r.kind) ? `**${r.kind === 'embedded' ? 'embedded' : 'PostgreSQL'}** ${r.label}` : r.label;
  console.log(
    `| ${first}${r.published !== undefined ? ` (${r.published} publishes)` : ''} | ${cell(r.c)} | ${cell(r.b)} | ${mark(thr >= 1, thr.toFixed(2))} | ${mark(p99 <= 1.5, p99.toFixed(2))} | ${r.cpu.toFixed(2)} · ${r.boltCpu.toFixed(2)} | ${r.redisCpu.toFixed(2)} | ${r.pgCpu?.toFixed(2) ?? ''} | ${r.sql?.toFixed(2) ?? ''} | ${allCpu(r).map((v) => v.toFixed(2)).join(' · ')} |`,
  );
}
console.log('\n(bold: target missed — throughput below 1.0× or p99 above 1.5× bare Bolt\'s)');
await stop(bolt.child);
await sandbox.close();
await teardown();
