/**
 * `npm run bench`: prints figures, asserts nothing. Needs PostgreSQL and Redis like the tests.
 * - ack latency of /concord commands over signed HTTP (p50/p95/p99/max), reads and writes
 * - throughput of malformed commands (the fuzz corpus)
 * - memory (RSS, heap) after thousands of commands
 * - start-up: migrations on a fresh embedded database
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEmbedded } from '../src/db/database.ts';
import { applyPendingMigrations } from '../src/db/migrate.ts';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/app.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import { loadIomcWorkspace, startSandbox, type Sandbox } from '../src/sandbox/index.ts';
import { fuzzCorpus } from '../test/support/fuzz-corpus.ts';
import globalSetup from '../test/support/global-setup.ts';
import { openPostgres } from '../src/db/database.ts';
import { runImport } from '../src/cli/import-run.ts';

const N = Number(process.argv[2] ?? 500);

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function line(label: string, ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const f = (v: number) => v.toFixed(1).padStart(7);
  return `${label.padEnd(28)} n=${String(s.length).padStart(5)}  p50 ${f(pct(s, 50))} ms  p95 ${f(pct(s, 95))} ms  p99 ${f(pct(s, 99))} ms  max ${f(s[s.length - 1]!)} ms`;
}

async function timeCommands(t: { sandbox: Sandbox; iomc: ReturnType<typeof loadIomcWorkspace> }, user: string, texts: (i: number) => string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await t.sandbox.driver.slashCommand({ userId: user, channelId: t.iomc.channelId, text: texts(i) });
    if (r.status !== 200) throw new Error(`status ${r.status}`);
    out.push(r.latencyMs);
  }
  return out;
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

const teardown = await globalSetup();
console.log(`Concord benchmarks — ${new Date().toISOString()}, Node ${process.version}, N=${N}\n`);

// Start-up: migrations on a fresh embedded database.
const dir = mkdtempSync(path.join(tmpdir(), 'concord-bench-'));
let t0 = performance.now();
const embedded = await openEmbedded(dir);
const opened = performance.now() - t0;
t0 = performance.now();
await applyPendingMigrations(embedded);
const migrated = performance.now() - t0;
await embedded.close();
rmSync(dir, { recursive: true, force: true });
console.log(`embedded database: create ${opened.toFixed(0)} ms, apply all migrations ${migrated.toFixed(0)} ms`);

// Concord as its own process (as `npm start` runs it) against the sandbox, so its memory can be read alone.
const sandbox = await startSandbox({ port: 0, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, rateLimits: false });
const iomc = loadIomcWorkspace(sandbox);
const database = await createTestDatabase();
const port = await new Promise<number>((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const p = (srv.address() as { port: number }).port;
    srv.close(() => resolve(p));
  });
});
t0 = performance.now();
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: sandbox.apiUrl, DATABASE_URL: database.url, PORT: String(port), REDIS_PREFIX: `concord-bench-${port}`, LOG_LEVEL: 'silent' },
  stdio: 'inherit',
});
for (;;) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 50));
  }
}
console.log(`app start (separate process, PostgreSQL, migrations up to date, web + worker, until /healthz is 200): ${(performance.now() - t0).toFixed(0)} ms\n`);
sandbox.setAppUrl(`http://127.0.0.1:${port}/slack/events`);
const t = { sandbox, iomc };
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const sec = t.iomc.secretariat;
await timeCommands(t, sec, () => 'setup "IOCC"', 1);
for (const code of ['FAO', 'ILO', 'UNDP', 'UNEP', 'UNIDO', 'UNITAR', 'WHO', 'WB', 'OECD']) await timeCommands(t, sec, () => `org add ${code} "${code} full name"`, 1);

const rssBefore = rss();
console.log(line('help', await timeCommands(t, t.iomc.chair, () => 'help', N)));
console.log(line('org list (9 organizations)', await timeCommands(t, t.iomc.chair, () => 'org list', N)));
console.log(line('whoami', await timeCommands(t, t.iomc.focalPoints.UNEP, () => 'whoami', N)));
console.log(line('org add (write + audit)', await timeCommands(t, sec, (i) => `org add B${i} "Bench organization ${i}" tz:Europe/Zurich`, N)));
console.log(line('refused org add (member)', await timeCommands(t, t.iomc.focalPoints.FAO, (i) => `org add X${i} "Nope"`, N)));

// The calendar: the 35 real meetings imported, then the list and the ICS feed.
const direct = await openPostgres(database.url);
t0 = performance.now();
await runImport(direct.prisma, { file: 'prisma/seed-data/meetings.json' });
console.log(`\nimport of 35 meetings (one transaction): ${(performance.now() - t0).toFixed(0)} ms`);
await direct.close();
console.log(line('meetings all (35 meetings)', await timeCommands(t, t.iomc.chair, () => 'meetings all', Math.ceil(N / 5))));
const feedPath = /\/calendar\/[A-Za-z0-9_-]+\.ics/.exec(JSON.stringify((await t.sandbox.driver.slashCommand({ userId: sec, channelId: iomc.channelId, text: 'calendar' })).body))![0];
const feedTimes: number[] = [];
for (let i = 0; i < Math.ceil(N / 5); i++) {
  const s = performance.now();
  await (await fetch(`http://127.0.0.1:${port}${feedPath}`)).text();
  feedTimes.push(performance.now() - s);
}
console.log(line('GET ICS feed (35 meetings)', feedTimes));

const corpus = fuzzCorpus(N * 4, 7);
t0 = performance.now();
const fuzz = await timeCommands(t, t.iomc.focalPoints.WHO, (i) => corpus[i]!, corpus.length);
const secs = (performance.now() - t0) / 1000;
console.log(line('malformed texts (fuzz corpus)', fuzz));
console.log(`fuzz throughput (one client, sequential): ${(corpus.length / secs).toFixed(0)} commands/s`);

console.log(`\nConcord process memory: RSS ${mb(rssBefore)} after start-up → ${mb(rss())} after ${N * 5 + corpus.length} commands`);
child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
await sandbox.close();
await database.drop();
await teardown();
