/**
 * Follow-up buttons, modals and the App Home over signed HTTP against the sandbox: Done from the Home tab,
 * Add update through its modal, refusals before any modal opens, one completion announcement, and
 * idempotency — a double click, a repeated view_submission, a retried app_home_opened and a delivery job
 * run twice each make one change and one message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { enqueueDeliveries } from '../../jobs/queue.ts';
import { FOLLOWUP_ACTIONS, FOLLOWUP_UPDATE_MODAL } from '../../src/slack/ids.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const sec = t.iomc.secretariat;
  expect((await concord(t, sec, 'setup "IOCC" tz:Europe/Zurich')).text).toMatch(/✅/);
  expect((await concord(t, sec, `role <@${t.iomc.chair}> chair`)).text).toMatch(/✅/);
  for (const [code, tz] of [['UNEP', 'Africa/Nairobi'], ['WHO', 'Europe/Zurich'], ['FAO', 'Europe/Rome']] as const) {
    expect((await concord(t, sec, `org add ${code} "${code} full name" tz:${tz}`)).text).toMatch(/✅/);
    expect((await concord(t, sec, `member add <@${t.iomc.focalPoints[code]}> ${code} as:focal`)).text).toMatch(/✅/);
  }
});
afterAll(async () => {
  await t?.close();
});

async function assign(orgs: string, title: string) {
  const r = await concord(t, t.iomc.chair, `assign ${orgs} "${title}" due in 2 weeks`);
  expect(r.text).toMatch(/Created/);
  const n = Number(r.text.match(/F-(\d+)/)![1]);
  return { n, dm: (user: string) => t.sandbox.waitForDirectMessage(user, (m) => m.text.includes(title), 10_000) };
}

const updatesOf = (ts: string) => t.sandbox.calls('chat.update').filter((c) => c.args.ts === ts && c.status === 200);
const events = (n: number, kind: string) => t.db.followUpEvent.count({ where: { kind: kind as never, followUp: { number: n } } });

describe('buttons', () => {
  it('a double-clicked Done makes one change, one DM edit and one completion announcement', async () => {
    const f = await assign('UNEP', 'Double click action');
    const dm = await f.dm(t.iomc.focalPoints.UNEP);
    const target = { channelId: dm.channel, messageTs: dm.ts };
    const clicks = await Promise.all([0, 1].map(() => t.sandbox.driver.clickButton({ userId: t.iomc.focalPoints.UNEP, actionId: FOLLOWUP_ACTIONS.done, target })));
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);
    await expect.poll(() => updatesOf(dm.ts).length, { timeout: 10_000 }).toBe(1);
    await t.sandbox.waitForMessage(t.iomc.channelId, (m) => m.text.includes('Double click action') && /done by every organization/.test(m.text), 10_000);
    await t.sandbox.waitForEphemeral(t.iomc.focalPoints.UNEP, (e) => /already done/.test(e.text), 5000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await events(f.n, 'done')).toBe(1);
    expect(updatesOf(dm.ts)).toHaveLength(1);
    expect(t.sandbox.messages(t.iomc.channelId).filter((m) => m.text.includes('Double click action') && /done by every organization/.test(m.text))).toHaveLength(1);
  });

  it('refuses Snooze and Add update for another organization before any modal opens, changing nothing', async () => {
    const f = await assign('WHO', 'Refused snooze action');
    const dm = await f.dm(t.iomc.focalPoints.WHO);
    const fao = t.iomc.focalPoints.FAO;
    for (const actionId of [FOLLOWUP_ACTIONS.snooze, FOLLOWUP_ACTIONS.update]) {
      await t.sandbox.driver.clickButton({ userId: fao, actionId, target: { channelId: dm.channel, messageTs: dm.ts } });
    }
    await expect.poll(() => t.sandbox.ephemerals(fao).filter((e) => /Only WHO's focal points/.test(e.text)).length, { timeout: 5000 }).toBe(2);
    expect(t.sandbox.openViews(fao)).toHaveLength(0);
    expect(await t.db.followUpAssignment.findFirstOrThrow({ where: { followUp: { number: f.n } } })).toMatchObject({ status: 'open', snoozeCount: 0 });
  });

  it('Done from the Home tab changes that part and republishes the Home without it', async () => {
    const f = await assign('FAO', 'Home tab action');
    await f.dm(t.iomc.focalPoints.FAO);
    const fao = t.iomc.focalPoints.FAO;
    await t.sandbox.driver.appHomeOpened({ userId: fao });
    await t.sandbox.waitForHome(fao, (v) => JSON.stringify(v.definition.blocks).includes('Home tab action'), 5000);
    await t.sandbox.driver.clickButton({ userId: fao, actionId: FOLLOWUP_ACTIONS.done, target: { home: true } });
    await t.sandbox.waitForHome(fao, (v) => !JSON.stringify(v.definition.blocks).includes('Home tab action'), 5000);
    expect(await t.db.followUpAssignment.findFirstOrThrow({ where: { followUp: { number: f.n } } })).toMatchObject({ status: 'done', doneBy: fao });
    // From the Home there is no response_url: the confirmation is a small modal.
    await t.sandbox.waitForView(fao, (v) => /FAO's part of \*F-\d+\* is done/.test(JSON.stringify(v.definition.blocks)), 5000);
  });
});

describe('modals', () => {
  it('Add update records the text, keeps the part open, edits the DM; the same submission sent again adds nothing', async () => {
    const f = await assign('UNEP', 'Update modal action');
    const unep = t.iomc.focalPoints.UNEP;
    const dm = await f.dm(unep);
    await t.sandbox.driver.clickButton({ userId: unep, actionId: FOLLOWUP_ACTIONS.update, target: { channelId: dm.channel, messageTs: dm.ts } });
    await t.sandbox.waitForView(unep, (v) => v.definition.callback_id === FOLLOWUP_UPDATE_MODAL.callbackId, 5000);
    const field = FOLLOWUP_UPDATE_MODAL.fields.text;
    const empty = await t.sandbox.driver.submitView({ userId: unep, values: { [field.blockId]: { [field.actionId]: '   ' } } });
    expect(empty.body).toMatchObject({ response_action: 'errors', errors: { [field.blockId]: expect.stringMatching(/Give the update/) } });
    const first = await t.sandbox.driver.submitView({ userId: unep, values: { [field.blockId]: { [field.actionId]: 'Draft sent to the <!channel> Bureau' } } });
    expect(first.status).toBe(200);
    // Slack sending the same submission again (a retry: same payload, new signature).
    const again = await t.sandbox.driver.raw(first.request.body, 'application/x-www-form-urlencoded', { timestampSkewSec: 2 });
    expect(again.status).toBe(200);
    await expect.poll(() => updatesOf(dm.ts).length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await events(f.n, 'update')).toBe(1);
    expect(updatesOf(dm.ts)).toHaveLength(1);
    const edited = t.sandbox.directMessages(unep).find((m) => m.ts === dm.ts)!;
    expect(JSON.stringify(edited.blocks)).toContain('📝 Latest update by');
    expect(JSON.stringify(edited.blocks)).toContain('&lt;!channel&gt;');
    expect(JSON.stringify(edited.blocks)).toContain(FOLLOWUP_ACTIONS.done);
    expect(await t.db.followUpAssignment.findFirstOrThrow({ where: { followUp: { number: f.n } } })).toMatchObject({ status: 'open' });

    // A delivery job of the edit run twice more: still one chat.update.
    const edit = await t.db.outboundMessage.findFirstOrThrow({ where: { updateOfId: { not: null }, text: { contains: 'Update modal action' } } });
    await enqueueDeliveries(t.running.worker!.queue, [{ id: edit.id, attempts: 7 }]);
    await enqueueDeliveries(t.running.worker!.queue, [{ id: edit.id, attempts: 8 }]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(updatesOf(dm.ts)).toHaveLength(1);
  });
});

describe('App Home', () => {
  it('publishes once for a retried app_home_opened (same event_id, x-slack-retry-num)', async () => {
    const who = t.iomc.focalPoints.WHO;
    const publishes = () => t.sandbox.calls('views.publish').filter((c) => c.args.user_id === who).length;
    const before = publishes();
    const dm = t.sandbox.dmChannel(who)!;
    const event = { type: 'app_home_opened', user: who, channel: dm.id, tab: 'home' };
    const first = await t.sandbox.driver.event({ teamId: 'T0IOMC', event, eventId: 'Ev0HOMERETRY' });
    const retry = await t.sandbox.driver.event({ teamId: 'T0IOMC', event, eventId: 'Ev0HOMERETRY', retryNum: 1, retryReason: 'http_timeout' });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await expect.poll(publishes, { timeout: 5000 }).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(publishes()).toBe(before + 1);
    const home = t.sandbox.homeTab(who)!;
    expect(JSON.stringify(home.definition.blocks)).toMatch(/Open follow-ups of WHO/);
  });
});
