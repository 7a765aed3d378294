/**
 * The reminder engine at scale (part of `npm run bench`; prints figures, asserts nothing):
 *  (a) 10,000 reminders due at once — 8,000 DMs to 2,000 people (4 follow-ups each) and 2,000 channel
 *      reminders in 50 committee channels (40 meetings each) — with the sandbox enforcing Slack's limits:
 *      delivered, duplicates, lost, throughput against the limit, lag after the due instant;
 *  (b) the same while the worker process is SIGKILLed 10 times;
 *  (c) 100,000 reminders planned through the planner: time to plan, Redis memory before/after the worker
 *      sets the horizon's timers, the worker's RSS.
 * The 50 committees share one workspace, so its limits apply to all of them (distinct enterprise ids only
 * satisfy the one-committee-per-workspace key). Rows are seeded with Prisma `createMany`; the worker (`ROLE=worker`, `TEST_CLOCK=on`) is its own process
 * on a private redis-server; "due at once" is one move of the test clock. Each delivery run stops after
 * REMINDER_BENCH_SECONDS (default 600) and reports what was reached. `npx tsx bench/reminders.ts b` runs
 * only (b) (any of a, b, c). The worker runs with the V8 flags of `npm run start:worker`;
 * REMINDER_WORKER_FLAGS adds Node flags (a later flag wins: `--heap-growing-percent=0
 * --max-semi-space-size=0` for V8's defaults); with `--expose-gc` among them each memory sample is also
 * taken after a full GC ("live": what is still referenced), at the cost of that GC.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { openPostgres } from '../src/db/database.ts';
import { writeTestClock } from '../src/clock/clock-repository.ts';
import { createQueue, enqueueTick } from '../jobs/queue.ts';
import { replanSubject } from '../src/reminders/reminder-planner.ts';
import { deliveryInstant } from '../src/time/delivery.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { METHOD_LIMITS_PER_MINUTE } from '../src/sandbox/rate-limit/tiers.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/app.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import { startPrivateRedis } from '../test/support/private-redis.ts';
import globalSetup from '../test/support/global-setup.ts';
import { channelOf, COMMITTEES, DUE_AT, DUE_DATE, FOCAL_PER_ORG, ORGS_PER_COMMITTEE, seed, seedDueReminders, TEAM, ZONE } from './reminder-seed.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const FOLLOW_UPS_PER_ORG = 4; // × 5 focal points = 20 DMs per organization, 8,000 in all
const MEETINGS_PER_COMMITTEE = 40; // 2,000 channel reminders
const CAP_SECONDS = Number(process.env.REMINDER_BENCH_SECONDS ?? 600);
const KILLS = 10;
const LEASE_SECONDS = 5;
const PLANNED = 100_000;
/** Only the reminders this bench planned (the digests plan rows of their own). */
const OURS = { rule: { in: ['due-0', 'meeting-1'] } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Env {
  db: Awaited<ReturnType<typeof openPostgres>>;
  sandbox: Awaited<ReturnType<typeof startSandbox>>;
  redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  dbUrl: string;
  close(): Promise<void>;
}

async function environment(): Promise<Env> {
  const sandbox = await startSandbox({ port: 0, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
  sandbox.addWorkspace({ id: TEAM, name: 'Reminders', domain: 'reminders' });
  const redis = await startPrivateRedis();
  const database = await createTestDatabase();
  const db = await openPostgres(database.url);
  return {
    db,
    sandbox,
    redis,
    dbUrl: database.url,
    async close() {
      await db.close();
      await sandbox.close();
      await redis.close();
      await database.drop();
    },
  };
}

function startWorker(env: Env, lease = 60): ChildProcess {
  const vars = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    ROLE: 'worker',
    LOG_LEVEL: 'silent',
    TEST_CLOCK: 'on',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: env.sandbox.apiUrl,
    DATABASE_URL: env.dbUrl,
    REDIS_URL: env.redis.url,
    REDIS_PREFIX: 'concord-bench',
    DELIVERY_LEASE_SECONDS: String(lease),
  };
  // The worker as `npm run start:worker` runs it (its V8 flags), plus a sampler of its own process.memoryUsage() every 10 s (stderr).
  const flags = [...START_FLAGS, ...(process.env.REMINDER_WORKER_FLAGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', '--eval', MEMORY_SAMPLER, '--import', './src/main.ts'], { cwd: ROOT, env: vars, stdio: ['ignore', 'ignore', 'pipe'] });
  let buffered = '';
  child.stderr!.on('data', (d: Buffer) => {
    buffered += d.toString();
    for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      if (line.startsWith('MEM ')) workerMemory.push(JSON.parse(line.slice(4)) as Sample);
    }
  });
  return child;
}

/** The V8 flags of `npm run start:worker` (package.json): the bench measures the worker as it is run. */
const START_FLAGS: string[] = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start:worker']!.match(/--[a-z-]+=\d+/g) ?? [];
const MEMORY_SAMPLER = `setInterval(() => { const m = process.memoryUsage(); const c = process.cpuUsage(); m.cpu = c.user + c.system; if (globalThis.gc) { globalThis.gc(); m.live = process.memoryUsage().heapUsed; } process.stderr.write('MEM ' + JSON.stringify(m) + '\\n'); }, 10000).unref();`;
/** `cpu`: the worker's CPU time so far (µs; user + system), to weigh what a GC setting costs. */
type Sample = NodeJS.MemoryUsage & { live?: number; cpu?: number };
const workerMemory: Sample[] = [];
/** The largest of each figure the worker processes reported since the last call, in MB. */
function workerMemoryPeaks(): string {
  const peak = (k: keyof Sample) => Math.max(...workerMemory.map((m) => m[k] ?? 0)) / 1048576;
  const live = workerMemory.some((m) => m.live) ? `, heap live after GC ${peak('live').toFixed(0)} MB` : '';
  const out = workerMemory.length ? `worker memory, peaks of ${workerMemory.length} samples (every 10 s): rss ${peak('rss').toFixed(0)} MB, heap used ${peak('heapUsed').toFixed(0)} MB, heap total ${peak('heapTotal').toFixed(0)} MB, external ${peak('external').toFixed(0)} MB, arrayBuffers ${peak('arrayBuffers').toFixed(0)} MB${live}; CPU ${(Math.max(...workerMemory.map((m) => m.cpu ?? 0)) / 1e6).toFixed(0)} s so far; median rss ${(workerMemory.map((m) => m.rss).sort((a, b) => a - b)[Math.floor(workerMemory.length / 2)]! / 1048576).toFixed(0)} MB` : 'worker memory: no samples';
  workerMemory.length = 0;
  return out;
}
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
function rssMb(child: ChildProcess): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function runDelivery(kills: number): Promise<void> {
  const env = await environment();
  const p = env.db.prisma;
  const seeded = await seed(env.db, env.sandbox, { followUpsPerOrg: FOLLOW_UPS_PER_ORG, meetingsPerCommittee: MEETINGS_PER_COMMITTEE, dueDate: DUE_DATE });
  const { members, meetings } = seeded;
  const total = await seedDueReminders(env.db, seeded, MEETINGS_PER_COMMITTEE);
  await writeTestClock(p, new Date(DUE_AT.getTime() - 3600_000));

  const label = kills ? `(b) … while the worker is SIGKILLed ${kills}× (lease ${LEASE_SECONDS} s)` : '(a) 10,000 reminders due at once';
  console.log(`\nReminders ${label}: ${total} (${total - meetings.length} DMs to ${members.length} people, ${meetings.length} in ${COMMITTEES} channels); cap ${CAP_SECONDS} s`);
  let worker = startWorker(env, kills ? LEASE_SECONDS : 60);
  const producer = new Redis(env.redis.url, { maxRetriesPerRequest: 1 });
  const queue = createQueue(producer, 'concord-bench');
  await sleep(8000); // the worker is up and idle
  const t0 = Date.now();
  await writeTestClock(p, DUE_AT); // "due at once": one clock move, as POST /test/clock does it
  await enqueueTick(queue);

  const stopAt = t0 + CAP_SECONDS * 1000;
  const killEvery = (CAP_SECONDS * 1000 * 0.6) / Math.max(1, kills);
  let killed = 0;
  const killTimes: number[] = [];
  let nextKill = t0 + killEvery;
  let lastSent = t0;
  while (Date.now() < stopAt) {
    await sleep(1000);
    const sent = await p.reminder.count({ where: { ...OURS, status: 'sent' } });
    if (sent === total) break;
    if (killed < kills && Date.now() >= nextKill) {
      killTimes.push(Date.now());
      await kill(worker);
      worker = startWorker(env, LEASE_SECONDS);
      killed++;
      nextKill += killEvery;
    }
  }
  const seconds = (Date.now() - t0) / 1000;
  await kill(worker);

  // What reached the sandbox, by outbox row (every message carries its row id as metadata).
  const rows = await p.reminder.findMany({ where: OURS, select: { status: true, outboundId: true } });
  const wanted = new Set(rows.map((r) => r.outboundId).filter(Boolean) as string[]);
  const posted = new Map<string, number>();
  const times: number[] = [];
  const postTimes = new Map<string, number[]>();
  const scan = (list: ReturnType<typeof env.sandbox.messages>) => {
    for (const m of list) {
      const id = (m.metadata?.event_payload as { outbound_id?: string } | undefined)?.outbound_id;
      if (!id || !wanted.has(id)) continue;
      posted.set(id, (posted.get(id) ?? 0) + 1);
      postTimes.set(id, [...(postTimes.get(id) ?? []), Number(m.ts) * 1000]);
      if (posted.get(id) === 1) times.push(Number(m.ts) * 1000);
    }
  };
  for (let c = 0; c < COMMITTEES; c++) scan(env.sandbox.messages(channelOf(c)));
  for (const m of members) scan(env.sandbox.directMessages(m.slackUserId));
  const delivered = posted.size;
  const duplicates = [...posted.values()].reduce((a, n) => a + n - 1, 0);
  const byStatus = rows.reduce<Record<string, number>>((a, r) => ((a[r.status] = (a[r.status] ?? 0) + 1), a), {});
  const sentWithoutMessage = rows.filter((r) => r.status === 'sent' && !posted.has(r.outboundId!)).length;
  const lost = (byStatus.failed ?? 0) + (byStatus.skipped ?? 0) + (byStatus.cancelled ?? 0) + sentWithoutMessage;
  times.sort((a, b) => a - b);
  lastSent = times.at(-1) ?? t0;
  const window = (lastSent - t0) / 1000;
  const perMinute = METHOD_LIMITS_PER_MINUTE['chat.postMessage']!;
  const possible = Math.min(total, perMinute + (perMinute / 60) * window);
  const lags = times.map((t) => (t - t0) / 1000);
  console.log(`delivered ${delivered}/${total} in ${seconds.toFixed(0)} s${delivered < total ? ` (cap reached; ${total - delivered} not yet sent)` : ''}; duplicates ${duplicates}; lost ${lost}; reminder rows ${JSON.stringify(byStatus)}${kills ? `; worker killed ${killed}×` : ''}`);
  console.log(`throughput ${(delivered / Math.max(window, 1)).toFixed(2)} msg/s over ${window.toFixed(0)} s; the workspace limit (chat.postMessage ${perMinute}/min, a minute's burst, then ${perMinute / 60}/s) allows ${possible.toFixed(0)} in that time → ${((100 * delivered) / possible).toFixed(1)} %`);
  console.log(`lag (posted − due, due = the clock move): p50 ${pct(lags, 50).toFixed(1)} s, p99 ${pct(lags, 99).toFixed(1)} s, max ${(lags.at(-1) ?? NaN).toFixed(1)} s; conversations.open calls ${env.sandbox.calls('conversations.open').length} (${env.sandbox.calls('conversations.open').filter((c) => c.status === 429).length} refused 429)`);
  // Each duplicate: the row's attempts, and the kill between its posts (a post that reached Slack
  // but was not recorded before the kill, whose row the restarted worker then found unsettled).
  for (const [id, n] of posted) {
    if (n < 2) continue;
    const row = await p.outboundMessage.findUnique({ where: { id }, select: { attempts: true, outcomeUnknown: true, status: true } });
    const [first, second] = postTimes.get(id)!.sort((a, b) => a - b);
    const between = killTimes.filter((k) => k >= first! - 1000 && k <= second!);
    console.log(`duplicate ${id}: posted ${n}×, ${((second! - first!) / 1000).toFixed(1)} s apart; row attempts ${row?.attempts}, status ${row?.status}; kills between the posts: ${between.map((k) => `${((k - t0) / 1000).toFixed(1)} s`).join(', ') || 'none'}`);
  }
  console.log(workerMemoryPeaks());
  console.log(`chat.postMessage calls ${env.sandbox.calls('chat.postMessage').length} (${env.sandbox.calls('chat.postMessage').filter((c) => c.status === 429).length} refused 429)${kills ? `; kills at ${killTimes.map((k) => ((k - t0) / 1000).toFixed(0)).join(', ')} s` : ''}`);
  await queue.close();
  producer.disconnect();
  await env.close();
}

async function runPlanning(): Promise<void> {
  const env = await environment();
  const p = env.db.prisma;
  // 6 reminders per focal point per part (due-7, due-1, due-0, 3 overdue chases), 5 focal points per part.
  const perPart = 6 * FOCAL_PER_ORG;
  const followUpsPerOrg = Math.ceil(PLANNED / perPart / (COMMITTEES * ORGS_PER_COMMITTEE));
  const dueDate = '2027-06-30';
  const { parts } = await seed(env.db, env.sandbox, { followUpsPerOrg, meetingsPerCommittee: 0, dueDate });
  const now = new Date(deliveryInstant('2027-06-23', ZONE).getTime() - 3600_000); // an hour before the due-7 reminders
  await writeTestClock(p, now);
  console.log(`\n(c) ${parts.length} follow-up parts × ${perPart} reminders planned through the planner (replanSubject, one transaction per subject)`);
  const t0 = performance.now();
  for (const part of parts) await p.$transaction((tx) => replanSubject(tx, { kind: 'followup', id: part.id }, now));
  const planMs = performance.now() - t0;
  const planned = await p.reminder.count({ where: { subjectKind: 'followup' } });
  console.log(`planned ${planned} reminders in ${(planMs / 1000).toFixed(1)} s (${((planMs * 1000) / planned).toFixed(0)} µs per reminder)`);

  const redis = new Redis(env.redis.url);
  const used = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]) / 1024 / 1024;
  const before = await used();
  const worker = startWorker(env);
  let timers = 0;
  for (let i = 0; i < 120 && timers === 0; i++) {
    await sleep(1000);
    timers = await redis.zcard('concord-bench:concord:delayed');
  }
  await sleep(15_000); // the first reconcile is over; a memory sample or more taken
  timers = await redis.zcard('concord-bench:concord:delayed');
  const inHorizon = await p.reminder.count({ where: { subjectKind: 'followup', status: 'pending', dueAt: { lte: new Date(now.getTime() + 6 * 3600_000) } } });
  console.log(`Redis used_memory ${before.toFixed(1)} MB before → ${(await used()).toFixed(1)} MB with ${timers} delayed timers (${inHorizon} reminders fall in the 6-hour horizon)`);
  console.log(`worker RSS ${rssMb(worker).toFixed(0)} MB after start-up and the first reconcile`);
  console.log(workerMemoryPeaks());
  // Then the due-7 reminders come due at once: the sweep queues them and the worker starts delivering.
  const queue = createQueue(redis, 'concord-bench');
  const dueAt = new Date(now.getTime() + 3600_000);
  await writeTestClock(p, dueAt);
  await enqueueTick(queue);
  const t1 = performance.now();
  let queued = 0;
  for (let i = 0; i < 300; i++) {
    await sleep(1000);
    queued = await p.reminder.count({ where: { subjectKind: 'followup', status: { in: ['sending', 'sent'] } } });
    if (queued >= inHorizon) break;
  }
  const sweepSeconds = (performance.now() - t1) / 1000;
  await sleep(30_000);
  console.log(`then ${queued} reminders due at once queued in ${sweepSeconds.toFixed(0)} s; worker RSS ${rssMb(worker).toFixed(0)} MB 30 s later (delivering)`);
  console.log(workerMemoryPeaks());
  await queue.close();
  await kill(worker);
  redis.disconnect();
  await env.close();
}

// `npx tsx bench/reminders.ts [a|b|c…]` runs some of them (default all); each uses its own sandbox,
// database and redis-server, so two processes may run (a) and (b) side by side.
const which = process.argv[2] ?? 'abc';
const teardown = await globalSetup();
try {
  if (which.includes('a')) await runDelivery(0);
  if (which.includes('b')) await runDelivery(KILLS);
  if (which.includes('c')) await runPlanning();
} finally {
  await teardown();
}
