/**
 * Exports and search over signed HTTP against the sandbox: `export R-n md|docx` answers at once and then
 * uploads the file to the channel through Slack's upload flow (getUploadURLExternal → bytes →
 * completeUploadExternal); the Markdown and the DOCX hold the sections, the bold topics and the annex.
 * `search` finds a follow-up by a word of its title and a record by a word of its body. The record is
 * the IOCC 60th, entered by the chair through the record modal (view_submission) and adopted, with an
 * earlier meeting's follow-up carried over into its annex.
 */
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { validateMessage } from '../../src/sandbox/index.ts';
import { enterRecord, iocc60Values, setUpIocc } from '../support/records-steps.ts';
import { RECORD_MODAL } from '../../src/slack/ids.ts';

let t: TestApp;
let secretariat: string;
beforeAll(async () => {
  t = await startTestApp();
  secretariat = t.iomc.secretariat;
  await setUpIocc(t, { name: 'IOMC Inter-Organization Coordinating Committee' });
  const ok = async (text: string) => expect((await concord(t, secretariat, text)).text).toMatch(/✅/);
  await ok('meeting add "IOCC-59" 2026-06-10 tz:Europe/Zurich at:"FAO, Rome" body:"IOCC"');
  await ok('assign UNEP,WHO "Submit the GFC outcomes to UNEA" due 2026-12-22 meeting:M-1');
  await ok('update F-1 "Draft sent to the UNEA bureau for microplastics" org:UNEP');
  // The IOCC 60th record through the form, adopted by the chair, F-1 carried over.
  const f1 = await t.db.followUp.findFirstOrThrow({ where: { number: 1 } });
  await enterRecord(t, t.iomc.chair, { ...iocc60Values('adopt'), [`${RECORD_MODAL.carryPrefix}${f1.id}`]: 'carried' });
});
afterAll(async () => {
  await t?.close();
});

async function say(user: string, text: string): Promise<string> {
  const seen = await concord(t, user, text);
  expect(seen.status).toBe(200);
  expect(seen.responseType ?? 'ephemeral').toBe('ephemeral');
  expect(validateMessage({ text: seen.text, blocks: seen.blocks })).toEqual([]);
  return seen.text;
}

const uploaded = (name: string) => t.sandbox.waitFor(() => t.sandbox.files().find((f) => f.name === name && f.completed), 10_000, `the file ${name}`);

describe('export', () => {
  it('uploads the Markdown to the channel it was typed in, after a reply saying it is on its way', async () => {
    const reply = await say(t.iomc.focalPoints.WHO, 'export R-1');
    expect(reply).toContain('R-1 (Summary record of the 60th meeting) is on its way');
    expect(reply).toContain('R-1-summary-record-of-the-60th-meeting.md');
    const file = await uploaded('R-1-summary-record-of-the-60th-meeting.md');
    expect(file.channels).toEqual([t.iomc.channelId]);
    const md = file.bytes!.toString('utf8');
    expect(md).toContain('## Specific Matters');
    expect(md).toContain('## General Matters');
    expect(md).toContain('a **plastics convention**');
    expect(md).toContain('| F-1 | Submit the GFC outcomes to UNEA | UNEP, WHO | UNEP: open; WHO: open |');
    const shared = await t.sandbox.waitForMessage(t.iomc.channelId, (m) => (m.files ?? []).some((f) => f.name === file.name), 5000);
    expect(shared.files).toHaveLength(1);
    await t.sandbox.waitForCall('files.completeUploadExternal');
    const flow = t.sandbox.calls().map((c) => c.method).filter((m) => m.startsWith('files.'));
    expect(flow).toEqual(['files.getUploadURLExternal', 'files.upload', 'files.completeUploadExternal']);
  });

  it('uploads a real DOCX whose text holds the sections, the bold topics and the annex table', async () => {
    expect(await say(secretariat, 'export r1 DOCX')).toContain('R-1-summary-record-of-the-60th-meeting.docx');
    const file = await uploaded('R-1-summary-record-of-the-60th-meeting.docx');
    const text = (await mammoth.extractRawText({ buffer: file.bytes! })).value;
    const html = (await mammoth.convertToHtml({ buffer: file.bytes! })).value;
    expect(text).toContain('Specific Matters');
    expect(text).toContain('General Matters');
    for (const bold of ['GFC', 'Bonn Declaration', 'plastics convention', 'IOMC Toolbox']) expect(html).toContain(`<strong>${bold}</strong>`);
    expect(text).toContain('Annex: Status of action points from previous meetings');
    expect(html).toContain('<td><p>F-1</p></td><td><p>Submit the GFC outcomes to UNEA</p></td><td><p>UNEP, WHO</p></td><td><p>UNEP: open</p><p>WHO: open</p></td>');
  });

  it('tells the caller ephemerally when Slack refuses the upload, and shares nothing', async () => {
    t.sandbox.faults.serverErrors('files.upload', { count: 1 });
    const shared = () => t.sandbox.messages(t.iomc.channelId).filter((m) => (m.files ?? []).length > 0).length;
    const before = shared();
    expect(await say(secretariat, 'export R-1')).toContain('is on its way');
    const told = await t.sandbox.waitForEphemeral(secretariat, (e) => e.text.includes('could not be uploaded'), 10_000);
    expect(told.text).toContain('R-1 could not be uploaded to this channel');
    expect(shared()).toBe(before);
  });

  it('refuses an unknown record with the nearest id and a bad format with the choices, uploading nothing', async () => {
    const before = t.sandbox.files().length;
    expect(await say(secretariat, 'export R-7')).toMatch(/⚠️[\s\S]*There is no R-7\. Did you mean R-1\?/);
    expect(await say(secretariat, 'export R-1 pdf')).toMatch(/⚠️[\s\S]*`pdf` is not an export format: use md \(Markdown\) or docx \(Word\)/);
    expect(await say(secretariat, 'export M-1')).toMatch(/⚠️/);
    expect(await say(secretariat, 'export')).toMatch(/⚠️[\s\S]*record id/);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.sandbox.files().length).toBe(before);
  });
});

describe('search', () => {
  it('finds a follow-up by a word of its title, with the word in bold and the command that opens it', async () => {
    const text = await say(t.iomc.focalPoints.UNEP, 'search outcome in:followups');
    expect(text).toContain('1 match for “outcome”');
    expect(text).toContain('*F-1* Submit the GFC outcomes to UNEA');
    expect(text).toContain('> Submit the GFC *outcomes* to UNEA');
    expect(text).toContain('/concord followup F-1');
  });

  it('finds a record by a word of its body, and a follow-up by its update', async () => {
    const text = await say(secretariat, 'search plastic');
    expect(text).toContain('*R-1* Summary record of the 60th meeting · Record, adopted');
    expect(text).toContain('*plastics*');
    expect(text).toContain('/concord record show R-1');
    expect(await say(secretariat, 'search microplastics in:followups org:unep')).toContain('*F-1*');
    expect(await say(secretariat, 'search microplastics in:records')).toContain('Nothing found for “microplastics”');
  });

  it('says what is wrong with a search that cannot run', async () => {
    expect(await say(secretariat, 'search the')).toMatch(/⚠️[\s\S]*nothing to search for/);
    expect(await say(secretariat, 'search toolbox in:record')).toMatch(/⚠️[\s\S]*in:records/);
    expect(await say(secretariat, 'search toolbox org:UNPE')).toMatch(/⚠️[\s\S]*Did you mean `UNEP`\?/);
    expect(await say(secretariat, 'search')).toMatch(/⚠️[\s\S]*words to search for/);
  });
});
