/**
 * Summary records around their meetings and the silence procedure, over signed HTTP against the sandbox:
 * *Post summary record* on a meeting's announcement opens the record modal for that meeting (chair,
 * secretariat) with the click's trigger_id, refuses others naming who may, and answers a click for a
 * cancelled meeting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { recordView, setUpIocc, submitRecordForm } from '../support/records-steps.ts';
import { validateMessage } from '../../src/sandbox/index.ts';
import { RECORD_ACTIONS, RECORD_MODAL } from '../../src/slack/ids.ts';

let t: TestApp;
const f = RECORD_MODAL.fields;

beforeAll(async () => {
  t = await startTestApp();
  await setUpIocc(t);
});
afterAll(async () => {
  await t?.close();
});

const announced = (pattern: RegExp) => t.sandbox.waitForMessage(t.iomc.channelId, (m) => pattern.test(m.text), 10_000);
const click = (userId: string, messageTs: string) =>
  t.sandbox.driver.clickButton({ userId, actionId: RECORD_ACTIONS.postRecord, target: { channelId: t.iomc.channelId, messageTs } });

describe('Post summary record on a meeting announcement', () => {
  it('opens the record modal for that meeting for the chair and the secretariat, and refuses others', async () => {
    expect((await concord(t, t.iomc.secretariat, 'meeting add "IOCC-61" 2026-11-24 tz:Europe/Zurich at:"WHO, Geneva" body:"IOCC"')).status).toBe(200);
    const added = await announced(/M-1.*IOCC-61 added/);
    expect(validateMessage({ text: added.text, blocks: added.blocks })).toEqual([]);
    expect(JSON.stringify(added.blocks)).toContain('Post summary record');

    // A focal point: refused, naming who may; no modal.
    const who = t.iomc.focalPoints.WHO;
    const refused = await click(who, added.ts);
    expect(refused.status).toBe(200);
    const refusal = await t.sandbox.waitForEphemeral(who, (e) => /summary records/.test(e.text), 5000);
    expect(refusal.text).toMatch(/Only the secretariat or the chair can write summary records/);
    expect(JSON.stringify(refusal)).toContain(t.iomc.chair);
    expect(t.sandbox.openViews(who)).toHaveLength(0);

    // The chair: the modal opens on the click's trigger_id (the sandbox refuses one older than 3 s), M-1 chosen.
    const chair = t.iomc.chair;
    const opened = await click(chair, added.ts);
    expect(opened.latencyMs).toBeLessThan(3000);
    const view = await t.sandbox.waitForView(chair, (v) => v.definition.callback_id === RECORD_MODAL.callbackId, 5000);
    const meetingSelect = JSON.stringify((view.definition.blocks as Array<{ block_id?: string }>).find((b) => b.block_id === f.meeting.blockId));
    expect(meetingSelect).toContain('"initial_option":{"text":{"type":"plain_text","text":"M-1 IOCC-61"');
    expect(t.sandbox.problems(chair)).toEqual([]);

    // Saved as a draft record, it is the record of M-1.
    await submitRecordForm(t, chair, { [f.meetingNumber.blockId]: '61st', [RECORD_MODAL.matterBlock('specific', 1)]: 'The **special session** was prepared.', [f.mode.blockId]: 'draft' });
    await t.sandbox.waitForEphemeral(chair, (e) => /R-1\* .* is saved as a draft/.test(e.text), 10_000);
    const meeting = await t.db.meeting.findFirstOrThrow({ where: { number: 1 } });
    expect(await t.db.summaryRecord.findFirstOrThrow({ where: { number: 1 } })).toMatchObject({ meetingId: meeting.id, status: 'draft' });

    // The secretariat may too; a moved meeting's announcement has the button as well.
    expect((await concord(t, t.iomc.secretariat, 'meeting move M-1 2026-11-25')).status).toBe(200);
    const moved = await announced(/M-1.*IOCC-61 moved/);
    expect(validateMessage({ text: moved.text, blocks: moved.blocks })).toEqual([]);
    await click(t.iomc.secretariat, moved.ts);
    await t.sandbox.waitForView(t.iomc.secretariat, (v) => v.definition.callback_id === RECORD_MODAL.callbackId, 5000);
    expect(recordView(t, t.iomc.secretariat)).toBeDefined();
    await t.sandbox.driver.closeView({ userId: t.iomc.secretariat, all: true });
  });

  it('answers a click for a meeting that was cancelled since, and opens nothing', async () => {
    const added = await announced(/M-1.*IOCC-61 added/);
    expect((await concord(t, t.iomc.secretariat, 'meeting cancel M-1')).status).toBe(200);
    await announced(/M-1.*IOCC-61.*is cancelled/);
    const chair = t.iomc.chair;
    const viewsBefore = t.sandbox.openViews(chair).length;
    await click(chair, added.ts);
    const told = await t.sandbox.waitForEphemeral(chair, (e) => /cancelled/.test(e.text), 5000);
    expect(told.text).toMatch(/M-1 \(IOCC-61\) is cancelled: it has no summary record/);
    expect(t.sandbox.openViews(chair)).toHaveLength(viewsBefore);
    // The same answer to the command.
    expect((await concord(t, chair, 'record M-1')).text).toMatch(/M-1 \(IOCC-61\) is cancelled/);
  });
});
