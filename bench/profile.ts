/**
 * `npx tsx bench/profile.ts [SCENARIO] [PER_CLIENT] [embedded|postgres]`: where the CPU of one request
 * goes, in Concord and in the bare Bolt app under the same load. Both run with `--cpu-prof`; only the
 * samples taken while the measured load ran count (the profile's clock is CLOCK_MONOTONIC, as is
 * `process.hrtime`). Prints CPU ms per request by package or source folder, and the top functions by self
 * time. SCENARIO: help (default), org list, meetings all, followups overdue, home.
 *
 * Long tasks: both apps also run with `bench/loop-watch.mjs`, which records every event-loop turn that
 * kept a 1 ms timer waiting 30 ms or more and every GC of 10 ms or more; the turns that fall in the measured
 * run are listed with what the profile's samples in them were doing (functions by self time, ours and
 * Bolt's inclusive) — what makes the p99 tail. BENCH_KEEP_PROFILES=1 keeps the .cpuprofile files (path printed).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/app.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import globalSetup from '../test/support/global-setup.ts';
import { loadIomcWorkspace, startSandbox } from '../src/sandbox/index.ts';
import { CLIENTS, concordReady, freePort, load, startConcord, stop, waitUntil, type MakeRequest } from './harness.ts';
import { requests, seededDatabase } from './bench-data.ts';
import { spawn } from 'node:child_process';

const SCENARIO = process.argv[2] ?? 'help';
const PER_CLIENT = Number(process.argv[3] ?? 40);
const KIND = (process.argv[4] ?? 'postgres') as 'embedded' | 'postgres';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame belongs: a package, a folder of ours, or V8's own (GC, program, idle). */
function owner(url: string, fn: string): string {
  if (!url) return `(${fn || 'native'})`;
  const pkg = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const ours = url.match(/\/(src|jobs|bench)\/((?:[^/]+\/)?)/);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return url;
}

interface Watch {
  blocks: { from: number; to: number }[];
  gcs: { from: number; ms: number; kind: number }[];
}

function summarize(label: string, file: string, fromUs: number, toUs: number, requests: number, watchFile?: string): void {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const watch = watchFile ? (JSON.parse(readFileSync(watchFile, 'utf8')) as Watch) : undefined;
  const blocks = (watch?.blocks ?? []).filter((b) => b.to >= fromUs && b.from <= toUs);
  const inBlock = (t: number) => blocks.some((b) => t >= b.from && t <= b.to);
  const blockFn = new Map<string, number>();
  const blockInclusive = new Map<string, number>();
  let blockTotal = 0;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, number>();
  let t = p.startTime;
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i]!;
    const dt = p.timeDeltas[i + 1] ?? 0;
    if (t < fromUs || t > toUs) continue;
    const n = byId.get(p.samples[i]!)!;
    const { functionName, url } = n.callFrame;
    if (functionName === '(idle)') continue;
    total += dt;
    const o = owner(url, functionName);
    byOwner.set(o, (byOwner.get(o) ?? 0) + dt);
    byFn.set(frameName(n), (byFn.get(frameName(n)) ?? 0) + dt);
    const blocked = inBlock(t);
    if (blocked) {
      blockTotal += dt;
      blockFn.set(frameName(n), (blockFn.get(frameName(n)) ?? 0) + dt);
    }
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const name = frameName(byId.get(id)!);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
      if (blocked) blockInclusive.set(name, (blockInclusive.get(name) ?? 0) + dt);
    }
  }
  const ms = (us: number) => (us / 1000 / requests).toFixed(3).padStart(7);
  console.log(`\n${label}: ${ms(total)} ms busy CPU per request (${requests} requests)`);
  for (const [o, us] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${ms(us)}  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${o}`);
  console.log('  top functions (self time):');
  for (const [f, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms(us)}  ${f}`);
  console.log('  top functions of ours and of Bolt (inclusive):');
  const mine = [...inclusive].filter(([f]) => /^\S+ (src|jobs|node_modules\/@slack)\//.test(f));
  for (const [f, us] of mine.sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${ms(us)}  ${f}`);
  if (!watch) return;
  const gcs = watch.gcs.filter((g) => g.from >= fromUs && g.from <= toUs);
  const span = (b: { from: number; to: number }) => (b.to - b.from) / 1000;
  console.log(`  event-loop turns of 30 ms or more: ${blocks.length}, ${blocks.reduce((s, b) => s + span(b), 0).toFixed(0)} ms in all, longest ${Math.max(0, ...blocks.map(span)).toFixed(0)} ms: ${blocks.map((b) => `+${((b.from - fromUs) / 1000).toFixed(0)} ms ${span(b).toFixed(0)}`).join(', ')}`);
  console.log(`  GCs of 10 ms or more: ${gcs.length}, ${gcs.reduce((s, g) => s + g.ms, 0).toFixed(0)} ms in all: ${gcs.map((g) => `+${((g.from - fromUs) / 1000).toFixed(0)} ms ${g.ms} (kind ${g.kind})`).join(', ')}`);
  if (blockTotal === 0) return;
  const whole = (us: number) => `${(us / 1000).toFixed(1).padStart(7)} ms`;
  console.log(`  in those turns, ${whole(blockTotal)} of samples; top functions (self time):`);
  for (const [f, us] of [...blockFn].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${whole(us)}  ${f}`);
  console.log('  in those turns, ours and Bolt\'s (inclusive):');
  const mineBlocked = [...blockInclusive].filter(([f]) => /^\S+ (src|jobs|node_modules\/)/.test(f));
  for (const [f, us] of mineBlocked.sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${whole(us)}  ${f}`);
}

function frameName(n: Node): string {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|src|jobs|bench)\//, '$1/')}:${lineNumber + 1}` : ''}`;
}

const teardown = await globalSetup();
const sandbox = await startSandbox({ port: 0, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, rateLimits: false });
const iomc = loadIomcWorkspace(sandbox);
const { command, home } = requests(sandbox, iomc);
const make: MakeRequest = SCENARIO === 'home' ? home : command(SCENARIO);
const profDir = mkdtempSync(path.join(tmpdir(), 'concord-prof-'));
const dataDir = mkdtempSync(path.join(tmpdir(), 'concord-prof-data-'));
const pg = KIND === 'postgres' ? await createTestDatabase() : undefined;
const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : { DATA_DIR: dataDir };

const port = await freePort();
const url = `http://127.0.0.1:${port}/slack/events`;
await (await seededDatabase(sandbox, iomc, env, port)).close();

const watchArgs = ['--import', './bench/loop-watch.mjs'];
const watchOf = (app: string) => path.join(profDir, `${app}-loop.json`);
const concord = startConcord({ ...env, LOOP_WATCH_FILE: watchOf('concord') }, port, sandbox.apiUrl, ['--cpu-prof', `--cpu-prof-dir=${path.join(profDir, 'concord')}`, ...watchArgs]);
await concordReady(port);
const boltPort = await freePort();
const bolt = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${path.join(profDir, 'bolt')}`, ...watchArgs, '--import', 'tsx', 'bench/bare-bolt.ts'], {
  env: { PATH: process.env.PATH, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(boltPort), LOOP_WATCH_FILE: watchOf('bolt') },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const boltUrl = `http://127.0.0.1:${boltPort}/slack/events`;
await waitUntil(async () => (await fetch(boltUrl, { method: 'POST' })).status > 0);

const us = () => Number(process.hrtime.bigint() / 1000n);
await load(url, make, PER_CLIENT); // warm-up
await load(boltUrl, make, PER_CLIENT);
const c0 = us();
const c = await load(url, make, PER_CLIENT);
const c1 = us();
const b = await load(boltUrl, make, PER_CLIENT);
const b1 = us();
await stop(concord);
await stop(bolt);
const n = CLIENTS * PER_CLIENT;
console.log(`\nProfile of "${SCENARIO}" on ${KIND}, ${CLIENTS} clients × ${PER_CLIENT}: Concord ${c.rps.toFixed(0)} req/s p50 ${c.p50.toFixed(1)} p99 ${c.p99.toFixed(1)}; bare Bolt ${b.rps.toFixed(0)} req/s p50 ${b.p50.toFixed(1)} p99 ${b.p99.toFixed(1)}`);
const profileIn = (dir: string) => path.join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!);
summarize('Concord', profileIn(path.join(profDir, 'concord')), c0, c1, n, watchOf('concord'));
summarize('bare Bolt', profileIn(path.join(profDir, 'bolt')), c1, b1, n, watchOf('bolt'));

await sandbox.close();
await pg?.drop();
if (process.env.BENCH_KEEP_PROFILES) console.log(`profiles kept in ${profDir}`);
else rmSync(profDir, { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
await teardown();
