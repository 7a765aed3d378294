/**
 * The permission matrix of the follow-up buttons (Done, Snooze, Add update) and the Snooze and Add update
 * forms, as every role towards one organization's part: its focal point and alternate, the officers, another
 * organization's focal point, an observer and a non-member. Allowed → the change and an audit event;
 * refused → an ephemeral refusal naming who may, and the database byte-for-byte unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { snapshotDatabase } from '../support/snapshot.ts';
import { REPORTERS, startPermissionCommittee } from '../support/permission-committee.ts';
import { FOLLOWUP_ACTIONS, FOLLOWUP_SNOOZE_MODAL, FOLLOWUP_UPDATE_MODAL } from '../../src/slack/ids.ts';
import type { DriverResponse } from '../../src/sandbox/index.ts';

let t: TestApp;
let actors: Record<string, string> = {};

beforeAll(async () => {
  ({ t, actors } = await startPermissionCommittee());
});
afterAll(async () => {
  await t?.close();
});

let n = 0;

/** Who is told what on FAO's part: its people and the officers may act; anyone else is refused for FAO. */
const BUTTON_ROLES = ['secretariat', 'chair', 'member', 'alternate', 'other focal point', 'observer', 'not a member'];
const BUTTON_REPORTERS = [...REPORTERS, 'alternate'];
const FAO_REFUSAL = /Only (FAO's|an organization's) focal points, alternates and members, the secretariat or the chair can/;

/**
 * Assigns FAO a follow-up and waits for the DM to FAO's focal point. Messages still queued (earlier cases'
 * announcements and DM edits) may be delivered meanwhile: that changes only the columns a snapshot leaves out.
 */
async function assignFao(title: string): Promise<{ number: number; partId: string; dm: { channelId: string; messageTs: string } }> {
  expect((await concord(t, t.iomc.secretariat, `assign FAO "${title}" due 2027-04-30`)).text).not.toMatch(/⚠️/);
  const dm = await t.sandbox.waitForDirectMessage(t.iomc.focalPoints.FAO, (m) => m.text.includes(title), 10_000);
  const part = await t.db.followUpAssignment.findFirstOrThrow({ where: { followUp: { title } }, include: { followUp: true } });
  return { number: part.followUp.number, partId: part.id, dm: { channelId: dm.channel, messageTs: dm.ts } };
}

describe('permission matrix: the Done button on a follow-up DM', () => {
  for (const role of BUTTON_ROLES) {
    const allowed = BUTTON_REPORTERS.includes(role);
    it(`Done on FAO's part as ${role}: ${allowed ? 'done, with an audit event' : 'refused ephemerally, nothing changed'}`, async () => {
      const i = ++n;
      const { dm } = await assignFao(`Button ${i}`);
      const before = await snapshotDatabase(t.db);
      const audits = await t.db.auditEvent.count();
      const shown = t.sandbox.ephemerals(actors[role]!).length;
      const click = await t.sandbox.driver.clickButton({ userId: actors[role]!, actionId: FOLLOWUP_ACTIONS.done, target: dm });
      expect(click.status).toBe(200);
      if (allowed) {
        await expect.poll(() => t.db.auditEvent.count(), { timeout: 5000 }).toBeGreaterThan(audits);
        expect((await t.db.auditEvent.findFirst({ orderBy: { createdAt: 'desc' } }))?.actorId).toBe(actors[role]);
      } else {
        const refusal = await newEphemeral(actors[role]!, shown, FAO_REFUSAL);
        expect(refusal.text).toContain(`<@${t.iomc.secretariat}>`);
        expect(await snapshotDatabase(t.db)).toBe(before);
      }
    }, 120_000);
  }
});

/** An ephemeral shown to `user` after the first `since` ones, matching `pattern` (an older refusal does not count). */
function newEphemeral(user: string, since: number, pattern: RegExp) {
  return t.sandbox.waitFor(() => t.sandbox.ephemerals(user).slice(since).find((e) => pattern.test(e.text)), 5000, `a new ephemeral for ${user}`);
}

/** The interaction payload of a delivery the sandbox sent. */
function payloadOf(r: DriverResponse): Record<string, unknown> {
  return JSON.parse(new URLSearchParams(r.request.body).get('payload')!) as Record<string, unknown>;
}

const FORMS = [
  {
    button: 'Snooze',
    actionId: FOLLOWUP_ACTIONS.snooze,
    modal: FOLLOWUP_SNOOZE_MODAL,
    errorBlock: FOLLOWUP_SNOOZE_MODAL.fields.reason.blockId,
    kind: 'snooze',
    values: (i: number) => ({
      [FOLLOWUP_SNOOZE_MODAL.fields.until.blockId]: { [FOLLOWUP_SNOOZE_MODAL.fields.until.actionId]: '2026-12-15' },
      [FOLLOWUP_SNOOZE_MODAL.fields.reason.blockId]: { [FOLLOWUP_SNOOZE_MODAL.fields.reason.actionId]: `Waiting for the Bureau ${i}` },
    }),
    state: (i: number) => ({
      [FOLLOWUP_SNOOZE_MODAL.fields.until.blockId]: { [FOLLOWUP_SNOOZE_MODAL.fields.until.actionId]: { type: 'datepicker', selected_date: '2026-12-15' } },
      [FOLLOWUP_SNOOZE_MODAL.fields.reason.blockId]: { [FOLLOWUP_SNOOZE_MODAL.fields.reason.actionId]: { type: 'plain_text_input', value: `Waiting for the Bureau ${i}` } },
    }),
  },
  {
    button: 'Add update',
    actionId: FOLLOWUP_ACTIONS.update,
    modal: FOLLOWUP_UPDATE_MODAL,
    errorBlock: FOLLOWUP_UPDATE_MODAL.fields.text.blockId,
    kind: 'update',
    values: (i: number) => ({ [FOLLOWUP_UPDATE_MODAL.fields.text.blockId]: { [FOLLOWUP_UPDATE_MODAL.fields.text.actionId]: `Draft sent ${i}` } }),
    state: (i: number) => ({ [FOLLOWUP_UPDATE_MODAL.fields.text.blockId]: { [FOLLOWUP_UPDATE_MODAL.fields.text.actionId]: { type: 'plain_text_input', value: `Draft sent ${i}` } } }),
  },
] as const;

for (const form of FORMS) {
  describe(`permission matrix: the ${form.button} button and its form`, () => {
    /** A real submission of this form (by FAO's focal point, refused for a missing field: nothing changed). */
    let submitted: Record<string, unknown>;
    beforeAll(async () => {
      const fao = t.iomc.focalPoints.FAO;
      const { dm } = await assignFao(`${form.button} form template ${++n}`);
      await t.sandbox.driver.clickButton({ userId: fao, actionId: form.actionId, target: dm });
      await t.sandbox.waitForView(fao, (v) => v.definition.callback_id === form.modal.callbackId, 5000);
      const r = await t.sandbox.driver.submitView({ userId: fao, values: { [form.errorBlock]: { [Object.values(form.modal.fields).at(-1)!.actionId]: '' } } });
      expect(r.body).toMatchObject({ response_action: 'errors' });
      submitted = payloadOf(r);
      await t.sandbox.driver.closeView({ userId: fao, all: true });
    }, 120_000);

    for (const role of BUTTON_ROLES) {
      const allowed = BUTTON_REPORTERS.includes(role);
      const outcome = allowed ? 'the form opens; submitted, the change with an audit event' : 'refused ephemerally before any form, and a submitted form refused inline; nothing changed';
      it(`${form.button} on FAO's part as ${role}: ${outcome}`, async () => {
        const i = ++n;
        const user = actors[role]!;
        const { number, partId, dm } = await assignFao(`${form.button} ${i}`);
        const before = await snapshotDatabase(t.db);
        const audits = await t.db.auditEvent.count();
        const events = () => t.db.followUpEvent.count({ where: { kind: form.kind, followUp: { number } } });
        const shown = t.sandbox.ephemerals(user).length;
        expect((await t.sandbox.driver.clickButton({ userId: user, actionId: form.actionId, target: dm })).status).toBe(200);
        if (allowed) {
          await t.sandbox.waitForView(user, (v) => v.definition.callback_id === form.modal.callbackId, 5000);
          const r = await t.sandbox.driver.submitView({ userId: user, values: form.values(i) });
          expect(r.status).toBe(200);
          expect(r.body).toBe('');
          await expect.poll(events, { timeout: 5000 }).toBe(1);
          expect(await t.db.auditEvent.count()).toBeGreaterThan(audits);
          expect((await t.db.auditEvent.findFirst({ orderBy: { createdAt: 'desc' } }))).toMatchObject({ actorId: user, action: `followup.${form.kind}` });
          expect(t.sandbox.openViews(user)).toEqual([]);
          return;
        }
        const refusal = await newEphemeral(user, shown, FAO_REFUSAL);
        expect(refusal.text).toContain(`<@${t.iomc.secretariat}>`);
        expect(t.sandbox.openViews(user)).toEqual([]);
        // The same form submitted anyway (a form kept open after losing the right, or forged): refused on the form.
        const payload = structuredClone(submitted);
        payload.user = { ...(payload.user as object), id: user };
        payload.trigger_id = t.sandbox.mintTrigger(user).id;
        const view = payload.view as Record<string, unknown>;
        view.private_metadata = JSON.stringify({ assignmentId: partId, channelId: dm.channelId });
        view.state = { values: form.state(i) };
        const r = await t.sandbox.driver.interaction(payload);
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ response_action: 'errors', errors: { [form.errorBlock]: expect.stringMatching(FAO_REFUSAL) } });
        expect(await events()).toBe(0);
        expect(await snapshotDatabase(t.db)).toBe(before);
      }, 120_000);
    }
  });
}
