/**
 * Redis stopped and restarted empty while Concord runs: announcements made during the outage reach the
 * channel once Redis is back (the worker reconciles on reconnect), without restarting Concord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.ts';

let redis: PrivateRedis;
let t: TestApp;
beforeAll(async () => {
  redis = await startPrivateRedis();
  t = await startTestApp({ REDIS_URL: redis.url });
  expect((await concord(t, t.iomc.secretariat, 'setup "IOCC" tz:Europe/Zurich')).text).toMatch(/✅/);
});
afterAll(async () => {
  await t?.close();
  await redis?.close();
});

describe('an emptied Redis', () => {
  it('never strands announcements made while it was down: they go out when it comes back', { timeout: 60_000 }, async () => {
    await redis.stop();
    const replies = [];
    for (const text of ['meeting add "Outage one" 2027-10-05', 'meeting add "Outage two" 2027-10-06', 'meeting add "Outage three" 2027-10-07', 'meeting move M-1 2027-10-12']) {
      replies.push((await concord(t, t.iomc.secretariat, text)).text);
    }
    for (const r of replies) expect(r).toMatch(/Announced in/);

    await redis.start(); // empty: no jobs, no scheduler
    const channel = t.iomc.channelId;
    await t.sandbox.waitForMessage(channel, (m) => /Outage one/.test(m.text) && /moved/i.test(m.text), 20_000);
    const outage = t.sandbox.messages(channel).filter((m) => /Outage/.test(m.text));
    expect(outage.map((m) => m.text.match(/Outage \w+/)![0])).toEqual(['Outage one', 'Outage two', 'Outage three', 'Outage one']);
    await expect.poll(() => t.db.outboundMessage.count({ where: { status: { not: 'sent' } } }), { timeout: 5000 }).toBe(0);
  });
});
