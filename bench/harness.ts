/**
 * What the side-by-side benches share: free ports, Concord and the bare Bolt app as child processes, the
 * load generator (CLIENTS concurrent clients, each sending its requests one after another, every body
 * signed and unique so none is refused as a replay), percentiles and a process's CPU time from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { SIGNING_SECRET, BOT_TOKEN } from '../test/support/app.ts';
import { signRequest } from '../src/sandbox/driver/sign.ts';

export const CLIENTS = 50;
const TICKS = 100; // clock ticks per second (/proc/<pid>/stat)

export const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function waitUntil(ok: () => Promise<boolean>): Promise<void> {
  while (!(await ok().catch(() => false))) await sleep(50);
}
/** The p-th percentile of an ascending array. */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
export function cpuOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) the Redis server has used so far (`INFO cpu`). */
export async function redisCpu(url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'): Promise<number> {
  const redis = new Redis(url);
  try {
    const info = await redis.info('cpu');
    const field = (name: string) => Number(info.match(new RegExp(`^${name}:([\\d.]+)`, 'm'))?.[1] ?? 0);
    return field('used_cpu_user') + field('used_cpu_sys');
  } finally {
    redis.disconnect();
  }
}

export interface Result {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  failures: number;
  /** CPU ms per request of this (the load-generating) process: on 2 cores it competes with the app. */
  clientCpu: number;
}

export type MakeRequest = (i: number) => { body: string; contentType: string };

/** CLIENTS clients, each sending `perClient` signed requests one after another; the ack time the client sees. */
export async function load(url: string, make: MakeRequest, perClient: number): Promise<Result> {
  const latencies: number[] = [];
  let failures = 0;
  let n = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let k = 0; k < perClient; k++) {
        const { body, contentType } = make(n++);
        const ts = Math.floor(Date.now() / 1000);
        const t0 = performance.now();
        const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signRequest(SIGNING_SECRET, ts, body) } });
        // Every byte of the reply is read (the ack is complete), not decoded: Concord's replies are up to
        // 40 KB against bare Bolt's 40 bytes, and decoding them is the client's work, not the app's.
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  const s = latencies.sort((a, b) => a - b);
  return { rps: s.length / ((performance.now() - started) / 1000), p50: pct(s, 50), p99: pct(s, 99), max: s.at(-1)!, failures, clientCpu: (cpu.user + cpu.system) / 1000 / s.length };
}

/**
 * Concord (`src/main.ts`) as its own process, silent; `nodeOptions` e.g. `--cpu-prof`, and any of the
 * environment's BENCH_CONCORD_FLAGS (space-separated Node/V8 flags, to try one without editing a bench).
 */
export function startConcord(env: Record<string, string>, port: number, apiUrl: string, nodeOptions: string[] = []): ChildProcess {
  const extra = (process.env.BENCH_CONCORD_FLAGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...extra, ...nodeOptions, '--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH, ROLE: 'web', LOG_LEVEL: 'silent', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: apiUrl, PORT: String(port), REDIS_PREFIX: `concord-bench-${port}`, ...env },
    stdio: 'inherit',
  });
}
export async function concordReady(port: number): Promise<void> {
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok);
}

/** The bare Bolt app of `bench/bare-bolt.ts`; resolves with its URL once it answers. */
export async function startBareBolt(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-bolt.ts'], { env: { PATH: process.env.PATH, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}/slack/events`;
  await waitUntil(async () => (await fetch(url, { method: 'POST' })).status > 0);
  return { child, url };
}

/** SIGTERM, then wait for the exit (at once if it already exited). */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
