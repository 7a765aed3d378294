/**
 * Preload for a benched process (`node --import ./bench/loop-watch.mjs …`, used by `bench/profile.ts`):
 * records every turn of the event loop that kept a 1 ms timer waiting LOOP_WATCH_MS (default 30) or more,
 * and every garbage collection of 10 ms or more, and on exit writes them as JSON to LOOP_WATCH_FILE.
 * Times are microseconds of CLOCK_MONOTONIC (`process.hrtime`), the clock of a `--cpu-prof` profile, so
 * the blocks can be matched with the profile's samples. Plain JavaScript: it loads before tsx.
 */
import { writeFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';

const file = process.env.LOOP_WATCH_FILE;
const threshold = Number(process.env.LOOP_WATCH_MS ?? 30) * 1000;
const us = () => Number(process.hrtime.bigint() / 1000n);
/** performance.now() (ms since timeOrigin) → hrtime µs. */
const originUs = us() - performance.now() * 1000;

const blocks = [];
const gcs = [];
let last = us();
setInterval(() => {
  const t = us();
  if (t - last - 1000 >= threshold) blocks.push({ from: last, to: t });
  last = t;
}, 1).unref();

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.duration >= 10) gcs.push({ from: Math.round(originUs + e.startTime * 1000), ms: Number(e.duration.toFixed(1)), kind: e.detail?.kind ?? e.kind });
  }
}).observe({ entryTypes: ['gc'] });

process.on('exit', () => {
  if (file) writeFileSync(file, JSON.stringify({ blocks, gcs }));
});
