/**
 * The follow-ups walkthrough (issue 10's "done when"), as a chair in the sandbox: assign an action to UNEP
 * and WHO; UNEP's focal point clicks Done in the DM; WHO's focal point snoozes with a reason through the
 * modal; FAO's focal point clicks WHO's Done and is refused with nothing changed; `followup F-1` and the
 * chair's App Home show 1/2 done and the snooze with its reason.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { FOLLOWUP_ACTIONS, FOLLOWUP_SNOOZE_MODAL } from '../../src/slack/ids.ts';
import { addDays, todayInZone } from '../../src/time/local-date.ts';

let t: TestApp;
const ORGS = [
  ['UNEP', 'UN Environment Programme', 'Africa/Nairobi'],
  ['WHO', 'World Health Organization', 'Europe/Zurich'],
  ['FAO', 'Food and Agriculture Organization', 'Europe/Rome'],
] as const;

beforeAll(async () => {
  t = await startTestApp();
  const sec = t.iomc.secretariat;
  expect((await concord(t, sec, 'setup "IOCC" tz:Europe/Zurich')).text).toMatch(/✅/);
  expect((await concord(t, sec, `role <@${t.iomc.chair}> chair`)).text).toMatch(/✅/);
  for (const [code, name, tz] of ORGS) {
    expect((await concord(t, sec, `org add ${code} "${name}" tz:${tz}`)).text).toMatch(/✅/);
    expect((await concord(t, sec, `member add <@${t.iomc.focalPoints[code]}> ${code} as:focal`)).text).toMatch(/✅/);
  }
});
afterAll(async () => {
  await t?.close();
});

const buttonsIn = (m: { blocks?: unknown[] }) => JSON.stringify(m.blocks ?? []).includes(FOLLOWUP_ACTIONS.done);

it('walks from assignment through Done, Snooze and a refused click to the roll-up in followup F-1 and the Home', async () => {
  const { chair, focalPoints } = t.iomc;
  const assigned = await concord(t, chair, 'assign UNEP,WHO "Submit GFC outcomes to UNEA" due in 3 weeks');
  expect(assigned.text).toMatch(/F-1/);

  const unepDm = await t.sandbox.waitForDirectMessage(focalPoints.UNEP, (m) => /Submit GFC outcomes/.test(m.text), 10_000);
  const whoDm = await t.sandbox.waitForDirectMessage(focalPoints.WHO, (m) => /Submit GFC outcomes/.test(m.text), 10_000);
  expect(buttonsIn(unepDm)).toBe(true);

  // UNEP's focal point clicks Done in the DM: the DM is edited in place, buttons gone.
  const click = await t.sandbox.driver.clickButton({ userId: focalPoints.UNEP, actionId: FOLLOWUP_ACTIONS.done, target: { channelId: unepDm.channel, messageTs: unepDm.ts } });
  expect(click.status).toBe(200);
  await expect
    .poll(() => t.sandbox.directMessages(focalPoints.UNEP).find((m) => m.ts === unepDm.ts)?.text ?? '', { timeout: 10_000 })
    .toMatch(/✅ UNEP's part is done — Done by <@/);
  const edited = t.sandbox.directMessages(focalPoints.UNEP).find((m) => m.ts === unepDm.ts)!;
  expect(buttonsIn(edited)).toBe(false);
  expect(t.sandbox.directMessages(focalPoints.UNEP)).toHaveLength(1);

  // WHO's focal point snoozes through the modal; an empty reason is refused inline first.
  await t.sandbox.driver.clickButton({ userId: focalPoints.WHO, actionId: FOLLOWUP_ACTIONS.snooze, target: { channelId: whoDm.channel, messageTs: whoDm.ts } });
  const modal = await t.sandbox.waitForView(focalPoints.WHO, (v) => v.definition.callback_id === FOLLOWUP_SNOOZE_MODAL.callbackId, 5000);
  expect(modal).toBeTruthy();
  const until = addDays(todayInZone(t.running.clock.now(), 'Europe/Zurich'), 28);
  const f = FOLLOWUP_SNOOZE_MODAL.fields;
  const empty = await t.sandbox.driver.submitView({ userId: focalPoints.WHO, values: { [f.until.blockId]: { [f.until.actionId]: until } } });
  expect(JSON.stringify(empty.body)).toMatch(/"response_action":"errors".*followup_snooze_reason/);
  const submitted = await t.sandbox.driver.submitView({
    userId: focalPoints.WHO,
    values: { [f.until.blockId]: { [f.until.actionId]: until }, [f.reason.blockId]: { [f.reason.actionId]: 'Waiting for the Bureau’s comments' } },
  });
  expect(submitted.status).toBe(200);
  expect(t.sandbox.openViews(focalPoints.WHO)).toHaveLength(0);
  await expect
    .poll(() => t.sandbox.directMessages(focalPoints.WHO).find((m) => m.ts === whoDm.ts)?.blocks ?? [], { timeout: 10_000 })
    .toEqual(expect.arrayContaining([expect.objectContaining({ type: 'context', elements: [expect.objectContaining({ text: expect.stringMatching(/😴 Snoozed until .*Waiting for the Bureau/) })] })]));
  expect(buttonsIn(t.sandbox.directMessages(focalPoints.WHO).find((m) => m.ts === whoDm.ts)!)).toBe(true);

  // FAO's focal point clicks WHO's Done: refused, ephemeral, nothing changed.
  const before = await t.db.followUpAssignment.findMany({ orderBy: { id: 'asc' } });
  const eventsBefore = await t.db.followUpEvent.count();
  await t.sandbox.driver.clickButton({ userId: focalPoints.FAO, actionId: FOLLOWUP_ACTIONS.done, target: { channelId: whoDm.channel, messageTs: whoDm.ts } });
  const refusal = await t.sandbox.waitForEphemeral(focalPoints.FAO, (e) => /Only WHO's focal points/.test(e.text), 5000);
  expect(refusal.text).toMatch(/mark WHO's part of F-1 done/);
  expect(await t.db.followUpAssignment.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  expect(await t.db.followUpEvent.count()).toBe(eventsBefore);

  // followup F-1: 1/2 done, the snooze with its reason.
  const shown = await concord(t, chair, 'followup F-1');
  expect(shown.text).toMatch(/1\/2 done/);
  expect(shown.text).toMatch(/Waiting for the Bureau/);

  // The chair's Home: 1/2 done and the snooze with its reason; the roll-up per organization.
  await t.sandbox.driver.appHomeOpened({ userId: chair });
  const home = await t.sandbox.waitForHome(chair, () => true, 5000);
  const homeText = JSON.stringify(home.definition.blocks);
  expect(homeText).toMatch(/\*F-1\* Submit GFC outcomes to UNEA/);
  expect(homeText).toMatch(/1\/2 done\*/);
  expect(homeText).toMatch(/😴 WHO snoozed until .*Waiting for the Bureau/);
  expect(homeText).toMatch(/\*WHO\* — 1 open · 😴 1 snoozed/);
  expect(homeText).toMatch(/\*UNEP\* — 0 open/);

  // Block Kit and API problems only: a slow ack on a busy shared machine (operation_timeout) is not this test's subject.
  expect(t.sandbox.problems().filter((p) => p.kind !== 'operation_timeout')).toEqual([]);
  // One channel announcement at assignment, none yet for completion (WHO is still open).
  expect(t.sandbox.messages(t.iomc.channelId).filter((m) => /is done by every organization/.test(m.text))).toHaveLength(0);
});
