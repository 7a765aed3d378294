/**
 * Announcements reach Slack through the outbox: at most one message per second per channel, HTTP 429
 * waits Retry-After, nothing lost and nothing sent twice — even when Redis is emptied.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { addOutbound } from '../../src/outbox/outbox-repository.ts';

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

  it('delivers what was pending after Redis is emptied, once the reconciler runs', { timeout: 30_000 }, async () => {
    const id = await addOutbound(t.db, { committeeId, channelId: t.iomc.channelId, text: 'Survives an empty Redis' });
    const redis = new Redis(t.config.redisUrl);
    const keys = await redis.keys(`${t.config.redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await t.running.worker!.reconcile();
    await until(async () => (await t.db.outboundMessage.findUniqueOrThrow({ where: { id } })).status === 'sent');
    expect(posts(/^Survives an empty Redis$/)).toHaveLength(1);
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
