/**
 * The App Home is published only when it changed: opening the Home tab again with nothing changed makes
 * no `views.publish` call (Tier 4, about 100 a minute per workspace), while a change made from a button,
 * a command or anywhere else is published (at once for the people a follow-up change concerns, on the
 * next open otherwise). With Redis unreachable every open publishes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { FOLLOWUP_ACTIONS } from '../../src/slack/ids.ts';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.ts';

const homeText = (t: TestApp, user: string) => JSON.stringify(t.sandbox.homeTab(user)?.definition.blocks ?? []);
const publishes = (t: TestApp, user: string) => t.sandbox.calls('views.publish').filter((c) => c.args.user_id === user && c.status === 200).length;
const settle = () => new Promise((r) => setTimeout(r, 1000));

async function committee(t: TestApp): Promise<void> {
  const sec = t.iomc.secretariat;
  expect((await concord(t, sec, 'setup "IOCC" tz:Europe/Zurich')).text).toMatch(/✅/);
  expect((await concord(t, sec, `role <@${t.iomc.chair}> chair`)).text).toMatch(/✅/);
  for (const code of ['UNEP', 'WHO'] as const) {
    expect((await concord(t, sec, `org add ${code} "${code} full name"`)).text).toMatch(/✅/);
    expect((await concord(t, sec, `member add <@${t.iomc.focalPoints[code]}> ${code} as:focal`)).text).toMatch(/✅/);
  }
}

describe('App Home publishing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await committee(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opening the Home twice publishes once; a follow-up change publishes the new Home; the next open publishes nothing', async () => {
    const unep = t.iomc.focalPoints.UNEP;
    const r = await concord(t, t.iomc.chair, 'assign UNEP "Publish once action" due in 2 weeks');
    expect(r.text).toMatch(/Created/);
    const dm = await t.sandbox.waitForDirectMessage(unep, (m) => m.text.includes('Publish once action'), 10_000);

    expect((await t.sandbox.driver.appHomeOpened({ userId: unep })).status).toBe(200);
    await expect.poll(() => publishes(t, unep), { timeout: 5000 }).toBe(1);
    expect(homeText(t, unep)).toContain('Publish once action');

    expect((await t.sandbox.driver.appHomeOpened({ userId: unep })).status).toBe(200);
    await settle();
    expect(publishes(t, unep)).toBe(1);

    // Done from the DM: the Home of UNEP's people is republished without the follow-up.
    await t.sandbox.driver.clickButton({ userId: unep, actionId: FOLLOWUP_ACTIONS.done, target: { channelId: dm.channel, messageTs: dm.ts } });
    await expect.poll(() => publishes(t, unep), { timeout: 10_000 }).toBe(2);
    expect(homeText(t, unep)).not.toContain('Publish once action');

    expect((await t.sandbox.driver.appHomeOpened({ userId: unep })).status).toBe(200);
    await settle();
    expect(publishes(t, unep)).toBe(2);
  });

  it('a change that republishes nobody (a new follow-up) shows on the next open', async () => {
    const who = t.iomc.focalPoints.WHO;
    await t.sandbox.driver.appHomeOpened({ userId: who });
    await expect.poll(() => publishes(t, who), { timeout: 5000 }).toBeGreaterThan(0);
    const before = publishes(t, who);
    expect(homeText(t, who)).not.toContain('Next open action');

    expect((await concord(t, t.iomc.chair, 'assign WHO "Next open action" due in 3 weeks')).text).toMatch(/Created/);
    await t.sandbox.driver.appHomeOpened({ userId: who });
    await expect.poll(() => publishes(t, who), { timeout: 5000 }).toBe(before + 1);
    expect(homeText(t, who)).toContain('Next open action');
  });

  it('each person has their own last Home: a focal point’s does not hold back the chair’s', async () => {
    const chair = t.iomc.chair;
    // The chair's Home was last published after UNEP's Done (officers see the roll-up); WHO's follow-up came since.
    const before = publishes(t, chair);
    await t.sandbox.driver.appHomeOpened({ userId: chair });
    await expect.poll(() => publishes(t, chair), { timeout: 5000 }).toBe(before + 1);
    expect(homeText(t, chair)).toContain('Next open action');
    await t.sandbox.driver.appHomeOpened({ userId: chair });
    await settle();
    expect(publishes(t, chair)).toBe(before + 1);
    expect(homeText(t, chair)).not.toBe(homeText(t, t.iomc.focalPoints.WHO));
  });
});

describe('App Home publishing with Redis unreachable', () => {
  let t: TestApp;
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    t = await startTestApp({ REDIS_URL: redis.url });
    await committee(t);
  });
  afterAll(async () => {
    await t?.close();
    await redis?.close();
  });

  it('publishes on every open (a Home too many, never one too few), and skips again once Redis is back', async () => {
    const unep = t.iomc.focalPoints.UNEP;
    await t.sandbox.driver.appHomeOpened({ userId: unep });
    await expect.poll(() => publishes(t, unep), { timeout: 5000 }).toBe(1);
    await redis.stop();
    for (const expected of [2, 3]) {
      expect((await t.sandbox.driver.appHomeOpened({ userId: unep })).status).toBe(200);
      await expect.poll(() => publishes(t, unep), { timeout: 5000 }).toBe(expected);
    }
    await redis.start();
    await expect.poll(async () => (await fetch(`${t.url}/healthz`)).status, { timeout: 10_000 }).toBe(200);
    // Redis came back empty: the first open publishes and is remembered, the second is skipped.
    await t.sandbox.driver.appHomeOpened({ userId: unep });
    await expect.poll(() => publishes(t, unep), { timeout: 5000 }).toBe(4);
    await t.sandbox.driver.appHomeOpened({ userId: unep });
    await settle();
    expect(publishes(t, unep)).toBe(4);
  });
});
