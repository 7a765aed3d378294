/**
 * The permission matrix: every mutating command, as every role. Allowed → the change and an audit event;
 * refused → an ephemeral refusal naming who may do it, and the database byte-for-byte unchanged. The
 * follow-up buttons (Done, Snooze, Add update) and the Snooze and Add update forms, as every role towards
 * one organization's part: its focal point and alternate, the officers, another organization's focal
 * point, an observer and a non-member.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { snapshotDatabase } from '../support/snapshot.ts';
import { deliveriesSettled } from '../support/refusal.ts';
import { FOLLOWUP_ACTIONS, FOLLOWUP_SNOOZE_MODAL, FOLLOWUP_UPDATE_MODAL } from '../../src/slack/ids.ts';
import type { DriverResponse } from '../../src/sandbox/index.ts';

let t: TestApp;
const actors: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const fp = t.iomc.focalPoints;
  Object.assign(actors, {
    secretariat: t.iomc.secretariat,
    chair: t.iomc.chair,
    member: fp.FAO,
    observer: fp.OECD,
    'not a member': fp.UNIDO,
    // For the buttons: FAO's alternate, and the focal point of another organization (WHO).
    alternate: fp.UNDP,
    'other focal point': fp.WB,
  });
  const setup = [
    'setup "IOCC"',
    'org add WHO "World Health Organization" tz:Europe/Zurich',
    'org add FAO "Food and Agriculture Organization of the United Nations" tz:Europe/Rome',
    `role <@${t.iomc.chair}> chair`,
    `member add <@${fp.FAO}> FAO as:focal`,
    `role <@${fp.OECD}> observer`,
    `member add <@${fp.UNDP}> FAO as:alternate`,
    `member add <@${fp.WB}> WHO as:focal`,
  ];
  for (const text of setup) expect((await concord(t, t.iomc.secretariat, text)).text).not.toMatch(/⚠️/);
  // A command that reads dates looks up the caller's Slack zone and stores it on their membership (for their
  // reminders) the first time: each actor does so once now, so a refusal below starts from a database at rest.
  for (const user of Object.values(actors)) expect((await concord(t, user, 'meeting add "Zone check" 2027-02-30')).text).toMatch(/⚠️/);
  const unlearned = () => t.db.member.count({ where: { slackUserId: { in: Object.values(actors) }, slackTz: null } });
  for (const until = Date.now() + 5000; (await unlearned()) > 0 && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await unlearned()).toBe(0);
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
const OFFICERS = ['secretariat', 'chair'];
const REPORTERS = [...OFFICERS, 'member'];
/** Each case: a command valid whoever runs it (fresh names each time), prepared by the secretariat if needed. */
type Ctx = { meeting: number; deadline: number; followup: number };
const CASES: Array<{ name: string; allowed: string[]; prepare?: (i: number) => string[]; text: (i: number, last: Ctx) => string; refusal: RegExp }> = [
  { name: 'setup rename', allowed: ['secretariat'], text: (i) => `setup rename "IOCC ${i}"`, refusal: /Only the secretariat can change the committee set-up/ },
  { name: 'org add', allowed: ['secretariat'], text: (i) => `org add ORG${i} "Organization ${i}"`, refusal: /Only the secretariat can add organizations/ },
  { name: 'org edit', allowed: ['secretariat'], text: (i) => `org edit WHO name:"World Health Organization ${i}"`, refusal: /Only the secretariat can edit organizations/ },
  { name: 'org remove', allowed: ['secretariat'], prepare: (i) => [`org add TMP${i} "Temporary ${i}"`], text: (i) => `org remove TMP${i}`, refusal: /Only the secretariat can remove organizations/ },
  { name: 'member add', allowed: ['secretariat'], text: (i) => `member add <@U0WHO> WHO as:${i % 2 ? 'alternate' : 'focal'}`, refusal: /Only the secretariat can add members/ },
  { name: 'member remove', allowed: ['secretariat'], prepare: () => ['member add <@U0ILO> WHO'], text: () => 'member remove <@U0ILO>', refusal: /Only the secretariat can remove members/ },
  { name: 'role', allowed: ['secretariat'], text: (i) => `role <@U0UNEP> ${i % 2 ? 'observer' : 'member'}`, refusal: /Only the secretariat can change roles/ },
  { name: 'meeting add', allowed: OFFICERS, text: (i) => `meeting add "IOCC-${i}" 2027-03-0${(i % 9) + 1} tz:Europe/Zurich`, refusal: /Only the secretariat or the chair can add meetings/ },
  { name: 'meeting move', allowed: OFFICERS, prepare: (i) => [`meeting add "Move me ${i}" 2027-05-10 tz:Europe/Zurich`], text: (_i, last) => `meeting move M-${last.meeting} 2027-05-12`, refusal: /Only the secretariat or the chair can move meetings/ },
  { name: 'meeting cancel', allowed: OFFICERS, prepare: (i) => [`meeting add "Cancel me ${i}" 2027-06-10 tz:Europe/Zurich`], text: (_i, last) => `meeting cancel M-${last.meeting}`, refusal: /Only the secretariat or the chair can cancel meetings/ },
  { name: 'deadline add', allowed: OFFICERS, text: (i) => `deadline add "Report ${i}" 2027-04-30`, refusal: /Only the secretariat or the chair can add deadlines/ },
  { name: 'deadline cancel', allowed: OFFICERS, prepare: (i) => [`deadline add "Drop me ${i}" 2027-07-01`], text: (_i, last) => `deadline cancel D-${last.deadline}`, refusal: /Only the secretariat or the chair can cancel deadlines/ },
  { name: 'calendar reset', allowed: OFFICERS, prepare: () => ['calendar'], text: () => 'calendar reset', refusal: /Only the secretariat or the chair can reset the calendar link/ },
  { name: 'assign', allowed: OFFICERS, text: (i) => `assign FAO,WHO "Action ${i}" due 2027-04-30`, refusal: /Only the secretariat or the chair can assign follow-ups/ },
  // done / snooze / update on FAO's part: FAO's focal point (the member) may, as may the officers.
  { name: 'done', allowed: REPORTERS, prepare: (i) => [`assign FAO "Done me ${i}"`], text: (_i, last) => `done F-${last.followup}`, refusal: /can report on follow-ups/ },
  { name: 'snooze', allowed: REPORTERS, prepare: (i) => [`assign FAO "Snooze me ${i}" due 2027-05-31`], text: (i, last) => `snooze F-${last.followup} 1 week "Waiting ${i}"`, refusal: /can report on follow-ups/ },
  { name: 'update', allowed: REPORTERS, prepare: (i) => [`assign FAO "Update me ${i}"`], text: (i, last) => `update F-${last.followup} "Progress ${i}"`, refusal: /can report on follow-ups/ },
  { name: 'cancel', allowed: OFFICERS, prepare: (i) => [`assign FAO "Cancel me ${i}"`], text: (_i, last) => `cancel F-${last.followup}`, refusal: /Only the secretariat or the chair can cancel follow-ups/ },
  { name: 'reassign', allowed: OFFICERS, prepare: (i) => [`assign FAO "Move me ${i}"`], text: (_i, last) => `reassign F-${last.followup} FAO WHO`, refusal: /Only the secretariat or the chair can reassign follow-ups/ },
  { name: 'reopen', allowed: OFFICERS, prepare: (i) => [`assign FAO "Reopen me ${i}"`, 'done F-last FAO'], text: (_i, last) => `reopen F-${last.followup} FAO`, refusal: /Only the secretariat or the chair can reopen follow-ups/ },
];

/** The newest follow-up's number (for a preparation that acts on the follow-up it just assigned: `F-last`). */
async function lastFollowUp(): Promise<number> {
  return (await t.db.followUp.aggregate({ _max: { number: true } }))._max.number ?? 0;
}

describe('permission matrix', () => {
  for (const c of CASES) {
    for (const role of ['secretariat', 'chair', 'member', 'observer', 'not a member']) {
      const allowed = c.allowed.includes(role);
      it(`${c.name} as ${role}: ${allowed ? 'done, with an audit event' : 'refused, nothing changed'}`, async () => {
        const i = ++n;
        for (const prep of c.prepare?.(i) ?? []) {
          const text = prep.replace('F-last', `F-${await lastFollowUp()}`);
          expect((await concord(t, t.iomc.secretariat, text)).text).not.toMatch(/⚠️/);
        }
        const before = await snapshotDatabase(t.db);
        const audits = await t.db.auditEvent.count();
        const last = {
          meeting: (await t.db.meeting.aggregate({ _max: { number: true } }))._max.number ?? 0,
          deadline: (await t.db.deadline.aggregate({ _max: { number: true } }))._max.number ?? 0,
          followup: await lastFollowUp(),
        };
        const seen = await concord(t, actors[role]!, c.text(i, last));
        expect(seen.status).toBe(200);
        expect(seen.responseType).toBe('ephemeral');
        if (allowed) {
          expect(seen.text).toMatch(/✅/);
          expect(await t.db.auditEvent.count()).toBeGreaterThan(audits);
          const last = await t.db.auditEvent.findFirst({ orderBy: { createdAt: 'desc' } });
          expect(last?.actorId).toBe(actors[role]);
        } else {
          expect(seen.text).toMatch(c.refusal);
          expect(seen.text).toContain(`<@${t.iomc.secretariat}>`);
          expect(await snapshotDatabase(t.db)).toBe(before);
        }
      });
    }
  }
});

/** Everything in the outbox delivered (or failed): a snapshot taken now cannot race a delivery. */
async function outboxSettled(): Promise<void> {
  // The matrix above queued many messages; channels drain at Slack's 1 message per second.
  await deliveriesSettled(t, 90_000);
}

/** Who is told what on FAO's part: its people and the officers may act; anyone else is refused for FAO. */
const BUTTON_ROLES = ['secretariat', 'chair', 'member', 'alternate', 'other focal point', 'observer', 'not a member'];
const BUTTON_REPORTERS = [...REPORTERS, 'alternate'];
const FAO_REFUSAL = /Only (FAO's|an organization's) focal points, alternates and members, the secretariat or the chair can/;

/** Assigns FAO a follow-up and waits for the DM to FAO's focal point (outbox drained, so a snapshot is at rest). */
async function assignFao(title: string): Promise<{ number: number; partId: string; dm: { channelId: string; messageTs: string } }> {
  expect((await concord(t, t.iomc.secretariat, `assign FAO "${title}" due 2027-04-30`)).text).not.toMatch(/⚠️/);
  await outboxSettled();
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
