/**
 * Delivery under faults (part of `npm run bench`; prints figures, asserts nothing): 200 announcements
 * to 5 channels, written to the outbox and queued the way the web side does it, while the worker process
 * is SIGKILLed 5 times and Redis is emptied twice. Counts what reached the sandbox: delivered, duplicates,
 * lost, and whether each channel's messages arrived in commit order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import { openPostgres } from '../src/db/database.ts';
import { addOutbound } from '../src/outbox/outbox-repository.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { createQueue, enqueueDeliveries } from '../jobs/queue.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/app.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import { startPrivateRedis } from '../test/support/private-redis.ts';
import globalSetup from '../test/support/global-setup.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const MESSAGES = 200;
const CHANNELS = ['C0BENCH1', 'C0BENCH2', 'C0BENCH3', 'C0BENCH4', 'C0BENCH5'];
const KILLS = 5;
const FLUSHES = 2;
const LEASE_SECONDS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const teardown = await globalSetup();
const sandbox = await startSandbox({ port: 0, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
const team = sandbox.addWorkspace({ id: 'T0BENCH', name: 'Bench', domain: 'bench' });
for (const id of CHANNELS) sandbox.addChannel({ id, teamId: team.id, name: id.toLowerCase(), members: [sandbox.bot.userId] });
const redis = await startPrivateRedis();
const database = await createTestDatabase();
const db = await openPostgres(database.url);
const committee = await db.prisma.committee.create({ data: { teamId: team.id, name: 'Bench committee', channelId: CHANNELS[0]!, timeZone: 'Europe/Zurich' } });
const prefix = 'concord-bench';

function startWorker(): ChildProcess {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    ROLE: 'worker',
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: sandbox.apiUrl,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
  };
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: 'ignore' });
}
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

const producerRedis = new Redis(redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
producerRedis.on('error', () => {});
const queue = createQueue(producerRedis, prefix);

console.log(`\nDelivery under faults — ${MESSAGES} announcements to ${CHANNELS.length} channels; worker SIGKILLed ${KILLS}×, Redis emptied ${FLUSHES}× (lease ${LEASE_SECONDS} s)`);
let worker = startWorker();
const t0 = performance.now();

// Producer: 5 announcements a second, each written in its own transaction and queued (a failed enqueue
// is left to the reconciler, as on the web side).
const producing = (async () => {
  for (let i = 0; i < MESSAGES; i++) {
    const channelId = CHANNELS[i % CHANNELS.length]!;
    const id = await inTransaction(db.prisma, (tx) => addOutbound(tx, { committeeId: committee.id, channelId, text: `bench ${channelId} #${String(i).padStart(3, '0')}` }));
    await enqueueDeliveries(queue, [id]).catch(() => {});
    await sleep(200);
  }
})();

// Chaos: a kill every 7 s (the worker restarted at once), Redis emptied after the 2nd and 4th kill.
let flushes = 0;
for (let k = 1; k <= KILLS; k++) {
  await sleep(7000);
  await kill(worker);
  worker = startWorker();
  if (k % 2 === 0 && flushes < FLUSHES) {
    await producerRedis.flushall().catch(() => {});
    flushes++;
  }
}
await producing;

const deadline = Date.now() + 300_000;
while (Date.now() < deadline && (await db.prisma.outboundMessage.count({ where: { status: { not: 'sent' } } })) > 0) await sleep(500);
const seconds = (performance.now() - t0) / 1000;

const rows = await db.prisma.outboundMessage.findMany({ orderBy: { seq: 'asc' }, select: { text: true, channelId: true, status: true } });
let duplicates = 0;
let outOfOrder = 0;
let delivered = 0;
for (const channelId of CHANNELS) {
  const posted = sandbox.messages(channelId).map((m) => m.text);
  const expected = rows.filter((r) => r.channelId === channelId).map((r) => r.text);
  const firsts = posted.filter((text, i) => posted.indexOf(text) === i);
  duplicates += posted.length - firsts.length;
  delivered += expected.filter((text) => firsts.includes(text)).length;
  if (firsts.join('\n') !== expected.join('\n')) outOfOrder++;
}
console.log(`delivered ${delivered}/${MESSAGES}, lost ${MESSAGES - delivered}, duplicates ${duplicates}, channels out of order ${outOfOrder}/${CHANNELS.length}`);
console.log(`all delivered after ${seconds.toFixed(1)} s (the per-channel limit alone needs ≥ ${MESSAGES / CHANNELS.length} s; Redis emptied ${flushes}×)`);

await kill(worker);
await queue.close().catch(() => {});
producerRedis.disconnect();
await db.close();
await sandbox.close();
await redis.close();
await database.drop();
await teardown();
