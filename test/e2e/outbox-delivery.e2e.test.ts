/**
 * Announcements reach Slack through the outbox: at most one message per second per channel, HTTP 429
 * waits Retry-After, nothing lost and nothing sent twice — even when Redis is emptied.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { addOutbound } from '../../src/outbox/outbox-repository.ts';
import { enqueueDeliveries } from '../../jobs/queue.ts';
import { startConcord } from '../../src/runtime.ts';
import { createLogger } from '../../src/logger.ts';

let t: TestApp;
let committeeId: string;
beforeAll(async () => {
  t = await startTestApp();
  await concord(t, t.iomc.secretariat, 'setup "IOCC"');
  committeeId = (await t.db.committee.findFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

const posts = (text: RegExp) => t.sandbox.calls('chat.postMessage').filter((c) => c.status === 200 && text.test(String(c.args.text)) && (c.result as { ok?: boolean }).ok);

/** Empties this instance's part of Redis (the shared server holds other test files' keys too). */
async function emptyRedis(): Promise<void> {
  const redis = new Redis(t.config.redisUrl);
  const keys = await redis.keys(`${t.config.redisPrefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

async function until(probe: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('outbox delivery', () => {
  it('spaces messages to one channel by ≥ 1 s and rides out a 429 storm, sending each exactly once', { timeout: 30_000 }, async () => {
    t.sandbox.faults.rateLimitStorm('chat.postMessage', { count: 2, retryAfter: 1 });
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push(await addOutbound(t.db, { committeeId, channelId: t.iomc.channelId, text: `Storm test ${i}` }));
    await t.running.worker!.reconcile();
    await until(async () => (await t.db.outboundMessage.count({ where: { id: { in: ids }, status: 'sent' } })) === 3);

    const ok = posts(/^Storm test/);
    expect(ok.map((c) => c.args.text).sort()).toEqual(['Storm test 1', 'Storm test 2', 'Storm test 3']);
    const times = ok.map((c) => c.time).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(950);
    const limited = t.sandbox.calls('chat.postMessage').filter((c) => c.status === 429);
    expect(limited.length).toBe(2);
    expect(t.sandbox.messages(t.iomc.channelId).filter((m) => m.text.startsWith('Storm test'))).toHaveLength(3);
    const rows = await t.db.outboundMessage.findMany({ where: { id: { in: ids } } });
    for (const r of rows) expect(r.slackTs).toMatch(/^\d+\.\d+$/);
  });

  it('delivers a queued message whose job was lost when Redis was emptied, once the reconciler runs', { timeout: 30_000 }, async () => {
    // The job is queued and parked (Slack said: retry in 30 s), then Redis loses it.
    const limited = () => t.sandbox.calls('chat.postMessage').filter((c) => c.status === 429).length;
    const limitedBefore = limited();
    t.sandbox.faults.rateLimitStorm('chat.postMessage', { count: 1, retryAfter: 30 });
    const id = await addOutbound(t.db, { committeeId, channelId: t.iomc.channelId, text: 'Survives an empty Redis' });
    await enqueueDeliveries(t.running.worker!.queue, [id]);
    await until(() => limited() > limitedBefore);
    await until(async () => (await (await t.running.worker!.queue.getJob(`deliver-${id}`))?.getState()) === 'delayed');
    await emptyRedis();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await t.db.outboundMessage.findUniqueOrThrow({ where: { id } })).status).toBe('pending');
    expect(posts(/^Survives an empty Redis$/)).toHaveLength(0);

    await t.running.worker!.reconcile();
    await until(async () => (await t.db.outboundMessage.findUniqueOrThrow({ where: { id } })).status === 'sent', 10_000);
    expect(posts(/^Survives an empty Redis$/)).toHaveLength(1);
  });

  it('posts a channel\'s messages in the order their changes committed, with two workers', { timeout: 60_000 }, async () => {
    const second = await startConcord({ ...t.config, role: 'worker' }, createLogger('silent'));
    try {
      expect((await concord(t, t.iomc.secretariat, 'meeting add "Order test" 2027-09-13 tz:Europe/Zurich')).text).toMatch(/✅/);
      const m = (await t.db.meeting.findFirstOrThrow({ where: { title: 'Order test' } })).number;
      for (let day = 1; day <= 8; day++) {
        expect((await concord(t, t.iomc.secretariat, `meeting move M-${m} 2027-10-0${day}`)).text).toMatch(/✅/);
      }
      await until(async () => (await t.db.outboundMessage.count({ where: { text: { contains: 'Order test' }, status: 'sent' } })) === 9, 40_000);
      const seen = t.sandbox.messages(t.iomc.channelId).filter((msg) => msg.text.includes('Order test')).map((msg) => msg.text);
      expect(seen).toHaveLength(9);
      expect(seen[0]).toMatch(/added/);
      // Each move names its new date; they must arrive 1 → 8 October, so the channel's last word is 8 Oct.
      const days = seen.slice(1).map((text) => Number(text.split('→')[1]?.match(/(\d{1,2}) Oct 2027/)?.[1]));
      expect(days).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      await second.close();
    }
  });

  it('marks a message Slack refuses for good (unknown channel) as failed, without retrying it', { timeout: 30_000 }, async () => {
    const id = await addOutbound(t.db, { committeeId, channelId: 'C0GONE', text: 'Nowhere to go' });
    await t.running.worker!.reconcile();
    await until(async () => (await t.db.outboundMessage.findUniqueOrThrow({ where: { id } })).status === 'failed');
    const row = await t.db.outboundMessage.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).toBe('channel_not_found');
    expect(row.attempts).toBe(1);
  });
});
