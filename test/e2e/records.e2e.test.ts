/**
 * Summary records end to end over signed HTTP against the sandbox: the IOCC 60th record entered through
 * the modal (view_submission payloads; "Add another matter" through views.update; a closed modal kept as a
 * draft and reopened; a misspelt organization code refused inline on its line, then fixed), circulated, a
 * member objecting with the button and a reason, the chair resolving it and adopting, the record posted
 * (header message + thread replies, bold topics kept) and its follow-ups assigned; and a record left in
 * circulation adopted by the engine when the test clock passes its silence deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { IOCC_60, iocc60Values, moveClock, openRecordModal as openModal, recordView as viewOf, setUpIocc } from '../support/records-steps.ts';
import { RECORD_ACTIONS, RECORD_MODAL, RECORD_OBJECTION_MODAL } from '../../src/slack/ids.ts';

const SPECIFIC = IOCC_60.specific;

let t: TestApp;
const f = RECORD_MODAL.fields;

const clock = (change: { set?: string; advance?: string }) => moveClock(t, change);

beforeAll(async () => {
  t = await startTestApp();
  await setUpIocc(t);
});
afterAll(async () => {
  await t?.close();
});

const recordView = (user: string) => viewOf(t, user);
const openRecordModal = (user: string, text = 'record') => openModal(t, user, text);

describe('the IOCC 60th record', () => {
  it('is refused to a member before any modal opens, naming who may', async () => {
    const who = t.iomc.focalPoints.WHO;
    const r = await t.sandbox.driver.slashCommand({ userId: who, channelId: t.iomc.channelId, text: 'record' });
    expect(JSON.stringify(r.body)).toMatch(/Only the secretariat or the chair can write summary records/);
    expect(JSON.stringify(r.body)).toContain(t.iomc.chair);
    expect(t.sandbox.openViews(who)).toHaveLength(0);
  });

  it('is entered, circulated, objected to, resolved, adopted and posted with its follow-ups', async () => {
    const chair = t.iomc.chair;
    const view = await openRecordModal(chair);
    expect(JSON.stringify(view.definition.blocks)).toContain(RECORD_MODAL.matterBlock('specific', 1));
    expect(JSON.stringify(view.definition.blocks)).not.toContain(RECORD_MODAL.matterBlock('general', 2));

    // Typed so far, then "Add another general matter": the form grows through views.update, the text is kept.
    const typed = {
      [f.meetingNumber.blockId]: '60th',
      [f.dates.blockId]: '21-22 November 2023',
      [f.venue.blockId]: 'ILO, Geneva',
      [RECORD_MODAL.matterBlock('specific', 1)]: SPECIFIC,
    };
    await t.sandbox.driver.blockAction({ userId: chair, actionId: `${RECORD_MODAL.addMatter}_general`, values: typed });
    await expect.poll(() => JSON.stringify(recordView(chair)?.definition.blocks ?? []).includes(RECORD_MODAL.matterBlock('general', 2)), { timeout: 5000 }).toBe(true);

    // Closed half-filled, and reopened: the draft comes back from the database.
    await t.sandbox.driver.closeView({ userId: chair, all: true });
    await expect.poll(() => t.db.recordDraft.count(), { timeout: 5000 }).toBe(1);
    const reopened = await openRecordModal(chair);
    const blocks = JSON.stringify(reopened.definition.blocks);
    expect(blocks).toContain('Bonn Declaration');
    expect(blocks).toContain('ILO, Geneva');
    expect(String(reopened.definition.private_metadata).length).toBeLessThan(3000);

    const full = iocc60Values('circulate', 'UNITR');
    const totalChars = Object.values(full).map((v) => (Array.isArray(v) ? v.join('') : String(v))).join('').length;
    expect(totalChars).toBeGreaterThan(3000);

    const refused = await t.sandbox.driver.submitView({ userId: chair, values: full });
    expect(refused.body).toMatchObject({ response_action: 'errors', errors: { [f.followUps.blockId]: expect.stringMatching(/^Line 3: “UNITR” is not an organization of this committee\. Did you mean UNITAR\?/) } });
    expect(await t.db.summaryRecord.count()).toBe(0);

    const ok = await t.sandbox.driver.submitView({ userId: chair, values: { ...full, [f.followUps.blockId]: IOCC_60.followUps('UNITAR') } });
    expect(ok.status).toBe(200);
    expect(ok.body).not.toMatchObject({ response_action: 'errors' });
    const circulated = await t.sandbox.waitForMessage(t.iomc.channelId, (m) => /R-1.*circulated/.test(m.text), 10_000);
    expect(await t.db.summaryRecord.findFirstOrThrow()).toMatchObject({ number: 1, status: 'circulated' });
    expect(await t.db.recordDraft.count()).toBe(0);

    // A member objects with the button and a reason.
    const who = t.iomc.focalPoints.WHO;
    await t.sandbox.driver.clickButton({ userId: who, actionId: RECORD_ACTIONS.object, target: { channelId: t.iomc.channelId, messageTs: circulated.ts } });
    await t.sandbox.waitForView(who, (v) => v.definition.callback_id === RECORD_OBJECTION_MODAL.callbackId, 5000);
    const reasonField = RECORD_OBJECTION_MODAL.fields.reason;
    const empty = await t.sandbox.driver.submitView({ userId: who, values: { [reasonField.blockId]: { [reasonField.actionId]: ' ' } } });
    expect(empty.body).toMatchObject({ response_action: 'errors' });
    const objected = await t.sandbox.driver.submitView({ userId: who, values: { [reasonField.blockId]: { [reasonField.actionId]: 'The WHO paragraph on the SPP is missing.' } } });
    expect(objected.body).not.toMatchObject({ response_action: 'errors' });
    await t.sandbox.waitForMessage(t.iomc.channelId, (m) => m.text.includes('objection to R-1'), 10_000);

    // The chair cannot adopt over an open objection; resolves it; adopts.
    expect((await concord(t, chair, 'record adopt R-1')).text).toMatch(/unresolved objection/);
    expect((await concord(t, t.iomc.secretariat, 'record resolve R-1')).text).toMatch(/Only the chair can resolve/);
    expect((await concord(t, chair, 'record resolve R-1')).text).toMatch(/Resolved 1 objection/);
    expect((await concord(t, chair, 'record adopt R-1')).text).toMatch(/R-1\* is adopted/);

    const head = await t.sandbox.waitForMessage(t.iomc.channelId, (m) => m.text.startsWith('Summary record adopted'), 10_000);
    expect(JSON.stringify(head.blocks)).toContain('Summary record of the 60th meeting');
    await expect.poll(() => t.sandbox.messages(t.iomc.channelId, { threadTs: head.ts }).length, { timeout: 10_000 }).toBeGreaterThan(1);
    const thread = JSON.stringify(t.sandbox.messages(t.iomc.channelId, { threadTs: head.ts }).map((m) => m.blocks));
    expect(thread).toContain('Specific Matters');
    expect(thread).toContain('*Bonn Declaration*');
    expect(thread).toContain('*IOMC Toolbox*');
    expect(thread.indexOf('Specific Matters')).toBeLessThan(thread.indexOf('General Matters'));

    // Its three follow-ups, linked to the record, each organization's focal point told by DM.
    expect(await t.db.recordFollowUp.count()).toBe(3);
    expect((await t.db.followUp.findMany({ orderBy: { number: 'asc' } })).map((x) => x.title)).toEqual([
      'Prepare the special session on the GFC implementation programmes',
      'Report on the IOMC Toolbox Phase 4',
      'Engage more closely with the INC secretariat on plastics',
    ]);
    await t.sandbox.waitForDirectMessage(t.iomc.focalPoints.UNITAR, (m) => m.text.includes('INC secretariat'), 10_000);
    expect(thread).toMatch(/\*F-3\* UNITAR: Engage more closely/);

    // Locked; listed; its versions; every step audited.
    expect((await concord(t, chair, 'record amend R-1')).text).toMatch(/adopted and locked/);
    expect((await concord(t, who, 'records')).text).toMatch(/R-1.*adopted/);
    expect((await concord(t, who, 'record show R-1')).text).toContain('Bonn Declaration');
    expect((await concord(t, who, 'record versions R-1')).text).toMatch(/v1\* \(current\)/);
    const audit = (await t.db.auditEvent.findMany({ where: { action: { startsWith: 'record.' } }, orderBy: { createdAt: 'asc' } })).map((a) => a.action);
    expect(audit).toEqual(['record.create', 'record.circulate', 'record.object', 'record.resolve', 'record.adopt']);
  });

  it('a record left in circulation with no objection is adopted when the clock passes its deadline', async () => {
    const sec = t.iomc.secretariat;
    await openRecordModal(sec);
    const ok = await t.sandbox.driver.submitView({
      userId: sec,
      values: { [f.meetingNumber.blockId]: '61st', [RECORD_MODAL.matterBlock('specific', 1)]: 'The **special session** was prepared.', [f.mode.blockId]: 'circulate' },
    });
    expect(ok.body).not.toMatchObject({ response_action: 'errors' });
    await t.sandbox.waitForMessage(t.iomc.channelId, (m) => /R-2.*circulated/.test(m.text), 10_000);
    const record = await t.db.summaryRecord.findFirstOrThrow({ where: { number: 2 } });
    expect(record.status).toBe('circulated');
    // 5 working days in Zurich from Tue 1 Dec 2026 11:00 → Tue 8 Dec 11:00.
    expect(record.silenceEndsAt!.toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect((await concord(t, sec, 'reminders')).text).toMatch(/R-2\* Summary record of the 61st meeting — end of the silence period/);

    await clock({ set: '2026-12-08T09:59:00Z' });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await t.db.summaryRecord.findFirstOrThrow({ where: { number: 2 } })).status).toBe('circulated');

    await clock({ set: '2026-12-08T10:01:00Z' });
    await expect.poll(async () => (await t.db.summaryRecord.findFirstOrThrow({ where: { number: 2 } })).status, { timeout: 15_000 }).toBe('adopted');
    const head = await t.sandbox.waitForMessage(t.iomc.channelId, (m) => m.text.includes('R-2') && m.text.startsWith('Summary record adopted'), 10_000);
    expect(JSON.stringify(head.blocks)).toContain('by the silence procedure');
  });
});
