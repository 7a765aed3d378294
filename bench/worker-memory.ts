/**
 * Where a worker's memory goes (issue 11 (c)): RSS and `process.memoryUsage()` of separate processes —
 * bare Node, Node + tsx, + Concord's modules imported, and a worker started (`ROLE=worker`) on an empty
 * database and a private redis-server, sampled after start-up, with and without the V8 flags of
 * `npm run start:worker` (and, with WORKER_BUNDLE, the same worker
 * compiled into one file, run without tsx). Prints figures, asserts nothing.
 * `npx tsx bench/worker-memory.ts [node,tsx,import,worker,compiled]`
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase } from '../test/support/postgres.ts';
import { startPrivateRedis } from '../test/support/private-redis.ts';
import globalSetup from '../test/support/global-setup.ts';
import { BOT_TOKEN } from '../test/support/app.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const START_FLAGS: string[] = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start:worker']!.match(/--[a-z-]+=\d+/g) ?? [];
const MB = (n: number) => (n / 1024 / 1024).toFixed(0);

/** Runs `args` with a sampler loaded first; returns its last sample after `settleMs`. */
function sample(label: string, args: string[], env: Record<string, string>, settleMs: number): Promise<void> {
  const probe = `setTimeout(() => { globalThis.gc?.(); process.stderr.write('MEM ' + JSON.stringify(process.memoryUsage()) + '\\n'); process.exit(0); }, ${settleMs});`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--eval', probe, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', () => {
      const line = err.split('\n').find((l) => l.startsWith('MEM '));
      if (!line) console.log(`${label}: no sample (${err.slice(0, 300)})`);
      else {
        const m = JSON.parse(line.slice(4)) as NodeJS.MemoryUsage;
        console.log(`${label.padEnd(58)} rss ${MB(m.rss)} MB · heap used ${MB(m.heapUsed)} / total ${MB(m.heapTotal)} · external ${MB(m.external)} · arrayBuffers ${MB(m.arrayBuffers)}`);
      }
      resolve();
    });
  });
}

const teardown = await globalSetup();
const database = await createTestDatabase();
const redis = await startPrivateRedis();
try {
  const env = { ROLE: 'worker', LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: 'http://127.0.0.1:9/api/', DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_PREFIX: 'memprobe' };
  const variants = (process.argv[2] ?? 'node,tsx,import,worker').split(',');
  // --eval with an entry: the probe runs, then the module is imported through --import.
  if (variants.includes('node')) await sample('bare node', [], env, 1500);
  if (variants.includes('tsx')) await sample('node --import tsx', ['--import', 'tsx'], env, 2500);
  if (variants.includes('import')) await sample('node --import tsx, src/runtime.ts imported', ['--import', 'tsx', '--import', './src/runtime.ts'], env, 6000);
  if (variants.includes('worker')) await sample('ROLE=worker started (empty database), 10 s', ['--import', 'tsx', '--import', './src/main.ts'], env, 10_000);
  // The worker as `npm run start:worker` runs it: with that script's V8 flags.
  if (variants.includes('worker')) await sample('… with the V8 flags of npm run start:worker', [...START_FLAGS, '--import', 'tsx', '--import', './src/main.ts'], env, 10_000);
  // A compiled run for comparison: an esbuild bundle of src/main.ts (packages external), placed two levels
  // below a checkout so that prisma/migrations resolves, e.g. WORKER_BUNDLE=$PWD/.dist/a/main.mjs after
  // `npx esbuild src/main.ts --bundle --platform=node --format=esm --packages=external --outfile=.dist/a/main.mjs`.
  if (variants.includes('compiled') && process.env.WORKER_BUNDLE) await sample('ROLE=worker, compiled bundle without tsx, 10 s', ['--import', process.env.WORKER_BUNDLE], env, 10_000);
} finally {
  await redis.close();
  await database.drop();
  await teardown();
}
