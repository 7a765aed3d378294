/**
 * A delivery worker killed (SIGKILL) while chat.postMessage is in flight. Whether or not the post reached
 * Slack, the next worker delivers the message exactly once: the row is taken over when its lease expires,
 * the re-queue takes effect, and a post that did reach Slack is found in the channel's history (by its
 * message metadata) and recorded instead of posted again.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { killProcess, sharedEnv, startConcordProcess } from '../support/concord-process.ts';
import { startConcord, type RunningConcord } from '../../src/runtime.ts';
import { createLogger } from '../../src/logger.ts';

const LEASE_SECONDS = 3;

let t: TestApp;
const workers: ChildProcess[] = [];
const inProcess: RunningConcord[] = [];

/** A worker process (ROLE=worker) on the test's database, Redis prefix and sandbox. */
async function startWorkerProcess(): Promise<ChildProcess> {
  const env = { ...sharedEnv(t.config), ROLE: 'worker', LOG_LEVEL: 'warn', DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS) };
  const child = startConcordProcess(env).child;
  workers.push(child);
  return child;
}

const kill = killProcess;

async function rowFor(title: string) {
  return t.db.outboundMessage.findFirst({ where: { text: { contains: title } } });
}

beforeAll(async () => {
  t = await startTestApp({ ROLE: 'web', DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS) });
  expect((await concord(t, t.iomc.secretariat, 'setup "IOCC" tz:Europe/Zurich')).text).toMatch(/✅/);
});
afterEach(async () => {
  t.sandbox.faults.clear();
  await Promise.all(workers.splice(0).map(kill));
  await Promise.all(inProcess.splice(0).map((w) => w.close()));
});
afterAll(async () => {
  await t?.close();
});

async function killMidPost(title: string, carriedOut: boolean): Promise<void> {
  const first = await startWorkerProcess();
  t.sandbox.faults.stall('chat.postMessage', { carriedOut });
  expect((await concord(t, t.iomc.secretariat, `meeting add "${title}" 2027-10-05`)).text).toMatch(/Announced in/);
  await expect.poll(async () => (await rowFor(title))?.status, { timeout: 20_000, interval: 100 }).toBe('sending');
  await new Promise((r) => setTimeout(r, 300)); // the call is in flight at the sandbox
  await kill(first);
  // The dead worker's lease runs out; a new worker (in this process, to start fast) takes the message over.
  await new Promise((r) => setTimeout(r, LEASE_SECONDS * 1000));
  inProcess.push(await startConcord({ ...t.config, role: 'worker' }, createLogger('silent')));
  await expect.poll(async () => (await rowFor(title))?.status, { timeout: 30_000, interval: 200 }).toBe('sent');
}

describe('a worker killed mid-post', () => {
  it('delivers the message after restart when the post never reached Slack', { timeout: 90_000 }, async () => {
    await killMidPost('Killed before Slack', false);
    const posted = t.sandbox.messages(t.iomc.channelId).filter((m) => m.text.includes('Killed before Slack'));
    expect(posted).toHaveLength(1);
    expect((await rowFor('Killed before Slack'))?.slackTs).toBe(posted[0]!.ts);
  });

  it('does not post again when the post had reached Slack: it finds it in the channel and records its ts', { timeout: 90_000 }, async () => {
    await killMidPost('Killed after Slack', true);
    const posted = t.sandbox.messages(t.iomc.channelId).filter((m) => m.text.includes('Killed after Slack'));
    expect(posted).toHaveLength(1);
    expect((await rowFor('Killed after Slack'))?.slackTs).toBe(posted[0]!.ts);
  });

  it('does not post twice when the answer to a post is lost on the way back', { timeout: 60_000 }, async () => {
    inProcess.push(await startConcord({ ...t.config, role: 'worker' }, createLogger('silent')));
    t.sandbox.faults.loseResponse('chat.postMessage');
    expect((await concord(t, t.iomc.secretariat, 'meeting add "Answer lost" 2027-10-06')).text).toMatch(/Announced in/);
    await expect.poll(async () => (await rowFor('Answer lost'))?.status, { timeout: 30_000, interval: 200 }).toBe('sent');
    const posted = t.sandbox.messages(t.iomc.channelId).filter((m) => m.text.includes('Answer lost'));
    expect(posted).toHaveLength(1);
    expect((await rowFor('Answer lost'))?.slackTs).toBe(posted[0]!.ts);
  });
});
