/**
 * Summary records around their meetings and the silence procedure, over signed HTTP against the sandbox:
 * *Post summary record* on a meeting's announcement opens the record modal for that meeting (chair,
 * secretariat) with the click's trigger_id, refuses others naming who may, and answers a click for a
 * cancelled meeting. The open follow-ups of earlier meetings marked "closed" in the form are closed when
 * the record is adopted (parts done, noted "Closed by R-n", reminders cancelled, audited, in the annex);
 * "carried over" ones stay open and are listed in the annex. When the chair resolves the objection to a
 * circulated record, a new silence period starts from the resolution (the old deadline passes without
 * adoption, the new one adopts it), and the channel, `record show` and `reminders` give the new deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { moveClock, openRecordModal, recordView, setUpIocc, submitRecordForm } from '../support/records-steps.ts';
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

const pendingReminders = async (followUpNumber: number) => {
  const f = await t.db.followUp.findFirstOrThrow({ where: { number: followUpNumber }, include: { assignments: true } });
  return t.db.reminder.count({ where: { subjectKind: 'followup', subjectId: { in: f.assignments.map((a) => a.id) }, status: 'pending' } });
};

describe('open follow-ups of earlier meetings, carried over or closed in the form', () => {
  it('on adoption, closed ones are done "Closed by R-n" with no reminder left, carried ones stay open; both in the annex', async () => {
    const sec = t.iomc.secretariat;
    const ok = async (text: string) => expect((await concord(t, sec, text)).text).toMatch(/✅/);
    await ok('meeting add "IOCC-60" 2026-11-10 tz:Europe/Zurich at:"ILO, Geneva" body:"IOCC"');
    await ok('assign UNEP,WHO "Submit the GFC outcomes to UNEA" due 2027-01-20 meeting:M-2');
    await ok('assign UNITAR "Update the mercury group terms of reference" due 2027-01-12 meeting:M-2');
    await ok('meeting add "IOCC-61" 2026-11-30 tz:Europe/Zurich at:"WHO, Geneva" body:"IOCC"');
    await ok('assign ILO "Circulate the IOCC-61 report" due 2027-01-29 meeting:M-3');
    expect(await pendingReminders(1)).toBeGreaterThan(0);
    expect(await pendingReminders(2)).toBeGreaterThan(0);

    // The form for M-3 lists F-1 and F-2 (of M-2) with a choice each, not M-3's own F-3, also once grown; F-2 is marked closed.
    const chair = t.iomc.chair;
    await openRecordModal(t, chair, 'record M-3');
    await t.sandbox.driver.blockAction({ userId: chair, actionId: `${RECORD_MODAL.addMatter}_specific` });
    const view = await t.sandbox.waitForView(chair, (v) => JSON.stringify(v.definition.blocks).includes(RECORD_MODAL.matterBlock('specific', 2)), 5000);
    const [f1, f2, f3] = await t.db.followUp.findMany({ orderBy: { number: 'asc' } });
    const blocks = JSON.stringify(view.definition.blocks);
    expect(blocks).toContain(`${RECORD_MODAL.carryPrefix}${f1!.id}`);
    expect(blocks).toContain('F-2 UNITAR: Update the mercury group terms of reference');
    expect(blocks).not.toContain(`${RECORD_MODAL.carryPrefix}${f3!.id}`);
    await submitRecordForm(t, chair, {
      [f.meetingNumber.blockId]: '61st',
      [RECORD_MODAL.matterBlock('specific', 1)]: 'The **mercury group** reported; its terms of reference are updated.',
      [`${RECORD_MODAL.carryPrefix}${f1!.id}`]: 'carried',
      [`${RECORD_MODAL.carryPrefix}${f2!.id}`]: 'closed',
      [f.mode.blockId]: 'adopt',
    });
    const head = await t.sandbox.waitForMessage(t.iomc.channelId, (m) => m.text.startsWith('Summary record adopted: R-2'), 10_000);

    // F-2: done for UNITAR, noted and dated, by the chair who adopted; nothing more is reminded.
    const closed = await t.db.followUp.findFirstOrThrow({ where: { number: 2 }, include: { assignments: true } });
    expect(closed.status).toBe('done');
    expect(closed.assignments.map((a) => ({ status: a.status, note: a.note, doneBy: a.doneBy }))).toEqual([{ status: 'done', note: 'Closed by R-2', doneBy: chair }]);
    expect(closed.assignments[0]!.doneAt!.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(await pendingReminders(2)).toBe(0);
    expect((await concord(t, sec, 'followup F-2')).text).toContain('Closed by R-2');
    // F-1: carried over, still open and reminded.
    expect((await t.db.followUp.findFirstOrThrow({ where: { number: 1 } })).status).toBe('open');
    expect(await pendingReminders(1)).toBeGreaterThan(0);
    const audit = await t.db.auditEvent.findMany({ where: { action: 'followup.close' } });
    expect(audit.map((a) => [a.subject, a.actorId])).toEqual([['F-2', chair]]);

    // The posted record and the export list both, with the decision.
    await expect.poll(() => JSON.stringify(t.sandbox.messages(t.iomc.channelId, { threadTs: head.ts }).map((m) => m.blocks)), { timeout: 10_000 }).toContain('Action points from previous meetings');
    const thread = JSON.stringify(t.sandbox.messages(t.iomc.channelId, { threadTs: head.ts }).map((m) => m.blocks));
    expect(thread).toContain('*F-1* Submit the GFC outcomes to UNEA — carried over (UNEP: open, WHO: open)');
    expect(thread).toContain('*F-2* Update the mercury group terms of reference — closed (UNITAR: done)');
    expect(thread).not.toContain('*F-3*');
    expect((await concord(t, sec, 'export R-2')).text).toContain('is on its way');
    const file = await t.sandbox.waitFor(() => t.sandbox.files().find((x) => x.name.startsWith('R-2-') && x.name.endsWith('.md') && x.completed), 10_000, 'the Markdown export');
    const md = file.bytes!.toString('utf8');
    expect(md).toContain('| F-1 | Submit the GFC outcomes to UNEA | UNEP, WHO | UNEP: open; WHO: open | 20 Jan 2027 | Carried over |');
    expect(md).toContain('| F-2 | Update the mercury group terms of reference | UNITAR | UNITAR: done | 12 Jan 2027 | Closed |');
  });
});

describe('the silence period after a resolved objection', () => {
  it('starts again from the resolution: not adopted at the old deadline, adopted at the new one', async () => {
    const chair = t.iomc.chair;
    const who = t.iomc.focalPoints.WHO;
    expect((await concord(t, t.iomc.secretariat, 'assign WHO "Share the mercury inventory" due 2027-02-01 meeting:M-3')).text).toMatch(/✅ [\s\S]*F-4/);
    expect(await pendingReminders(4)).toBeGreaterThan(0);
    const f4 = await t.db.followUp.findFirstOrThrow({ where: { number: 4 } });

    // Circulated Tue 1 Dec 2026 11:00 in Zurich: silence until Tue 8 Dec 11:00 (10:00Z). F-4 marked closed.
    await openRecordModal(t, chair);
    await submitRecordForm(t, chair, {
      [f.meetingNumber.blockId]: '62nd',
      [RECORD_MODAL.matterBlock('specific', 1)]: 'The **mercury inventory** was shared with the committee.',
      [`${RECORD_MODAL.carryPrefix}${f4.id}`]: 'closed',
      [f.mode.blockId]: 'circulate',
    });
    await announced(/R-3.*circulated/);
    const silence = async () => (await t.db.summaryRecord.findFirstOrThrow({ where: { number: 3 } })).silenceEndsAt!.toISOString();
    expect(await silence()).toBe('2026-12-08T10:00:00.000Z');

    // WHO objects on Thu 3 Dec; the chair resolves it on Fri 4 Dec 10:30 in Zurich.
    await moveClock(t, { set: '2026-12-03T13:00:00Z' });
    expect((await concord(t, who, 'record object R-3 "The WHO paragraph on the inventory is missing."')).text).toMatch(/objection to \*R-3\* is recorded/);
    await moveClock(t, { set: '2026-12-04T09:30:00Z' });
    const resolved = await concord(t, chair, 'record resolve R-3');
    expect(resolved.text).toMatch(/Resolved 1 objection to \*R-3\*\. A new silence period runs until .*Fri 11 Dec 2026, 10:30 CET/);

    // Five working days from the resolution: Fri 11 Dec 10:30 in Zurich. Told in the channel, shown by record show and reminders.
    expect(await silence()).toBe('2026-12-11T09:30:00.000Z');
    const told = await announced(/Objections to R-3 resolved/);
    expect(told.text).toContain('silence until Fri 11 Dec 2026, 10:30 CET');
    expect(JSON.stringify(told.blocks)).toContain('A new silence period starts');
    expect((await concord(t, who, 'record show R-3')).text).toMatch(/circulated, silence until .*Fri 11 Dec 2026, 10:30 CET/);
    const record = await t.db.summaryRecord.findFirstOrThrow({ where: { number: 3 } });
    const planned = await t.db.reminder.findMany({ where: { subjectKind: 'record', subjectId: record.id, status: 'pending' } });
    expect(planned.map((r) => r.dueAt.toISOString())).toEqual(['2026-12-11T09:30:00.000Z']);
    expect((await concord(t, chair, 'reminders')).text).toMatch(/R-3\* Summary record of the 62nd meeting — end of the silence period[\s\S]*Fri 11 Dec 2026, 10:30 CET/);
    const forR3 = (await concord(t, who, 'reminders R-3')).text;
    expect(forR3).toContain('Reminders planned for R-3');
    expect(forR3).toMatch(/end of the silence period[\s\S]*Fri 11 Dec 2026, 10:30 CET/);
    expect(forR3).not.toContain('Tue 8 Dec');
    expect(await t.db.auditEvent.count({ where: { action: 'record.resolve', subject: 'R-3' } })).toBe(1);

    // Past the old deadline: still circulated.
    await moveClock(t, { set: '2026-12-08T10:01:00Z' });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await t.db.summaryRecord.findFirstOrThrow({ where: { number: 3 } })).status).toBe('circulated');

    // Past the new one: adopted by silence, and F-4 closed in the name of the chair who circulated it. The
    // list read just before (and cached) shows the change at once: the worker's adoption drops the cache.
    await moveClock(t, { set: '2026-12-11T09:29:50Z' });
    expect((await concord(t, chair, 'followups who')).text).toContain('*F-4*');
    await moveClock(t, { set: '2026-12-11T09:31:00Z' });
    await expect.poll(async () => (await t.db.summaryRecord.findFirstOrThrow({ where: { number: 3 } })).status, { timeout: 15_000 }).toBe('adopted');
    await expect.poll(async () => (await concord(t, chair, 'followups who')).text, { timeout: 1500 }).not.toContain('*F-4*');
    const head = await announced(/^Summary record adopted: R-3/);
    expect(JSON.stringify(head.blocks)).toContain('by the silence procedure');
    const closed = await t.db.followUp.findFirstOrThrow({ where: { number: 4 }, include: { assignments: true } });
    expect(closed.status).toBe('done');
    expect(closed.assignments.map((a) => ({ note: a.note, doneBy: a.doneBy, doneAt: a.doneAt?.toISOString() }))).toEqual([
      { note: 'Closed by R-3 (adopted by the silence procedure)', doneBy: chair, doneAt: '2026-12-11T09:31:00.000Z' },
    ]);
    expect(await pendingReminders(4)).toBe(0);
    expect((await concord(t, who, 'reminders R-3')).text).toContain('Nothing is planned for R-3');
    expect((await concord(t, who, 'reminders R-9')).text).toMatch(/⚠️[\s\S]*There is no R-9/);
  });
});
