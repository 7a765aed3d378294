/**
 * The external file upload flow (with WebClient's files.uploadV2 and step by step with fetch) and
 * response_url semantics (5 uses in 30 minutes, ephemeral / in_channel, replace / delete original).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock, type Sandbox } from '../../../src/sandbox/index.ts';
import { call, startSeeded, webClient } from './helpers.ts';

let sb: Sandbox;
let clock: ManualClock;
beforeEach(async () => {
  clock = createManualClock(Date.parse('2026-03-01T09:00:00Z'));
  sb = await startSeeded({ now: clock.now });
});
afterEach(() => sb.close());

describe('file uploads', () => {
  it('records a files.uploadV2 upload and shares it in the channel', async () => {
    const content = 'Date,Meeting\n2026-03-12,IOCC-61\n';
    await webClient(sb).files.uploadV2({ channel_id: 'C1', filename: 'calendar.csv', title: 'IOCC calendar', content, initial_comment: 'Here is the calendar' });
    const [file] = sb.files();
    expect(file).toMatchObject({ name: 'calendar.csv', title: 'IOCC calendar', channels: ['C1'], completed: true, initialComment: 'Here is the calendar' });
    expect(file?.bytes?.toString('utf8')).toBe(content);
    const [message] = sb.messages('C1');
    expect(message).toMatchObject({ text: 'Here is the calendar', origin: 'file_share', files: [{ id: file?.id, name: 'calendar.csv' }] });
  });

  it('works step by step with raw bytes, and refuses completing a file never uploaded', async () => {
    const bytes = Buffer.from([0, 1, 2, 250]);
    const started = await call(sb, 'files.getUploadURLExternal', { filename: 'x.bin', length: String(bytes.length) });
    expect(started.body).toMatchObject({ ok: true, file_id: expect.stringMatching(/^F/), upload_url: expect.stringContaining(`${sb.url}/upload/v1/`) });
    const missing = await call(sb, 'files.completeUploadExternal', { files: [{ id: started.body.file_id }] });
    expect(missing.body).toEqual({ ok: false, error: 'file_not_found' });
    const upload = await fetch(String(started.body.upload_url), { method: 'POST', body: bytes });
    expect(await upload.text()).toBe('OK - 4');
    const done = await call(sb, 'files.completeUploadExternal', { files: [{ id: started.body.file_id, title: 'Binary' }] });
    expect(done.body).toMatchObject({ ok: true, files: [{ id: started.body.file_id, title: 'Binary', size: 4 }] });
    expect(sb.files()[0]?.bytes).toEqual(bytes);
    expect(sb.messages('C1')).toEqual([]); // not shared: no channel given
  });
});

describe('response_url', () => {
  function mint(source: 'command' | 'message' | 'ephemeral', messageTs?: string): string {
    // The driver mints these for slash commands and block actions; exercised here without an app.
    return sb.mintResponseUrl({ teamId: 'T1', userId: 'U1', channelId: 'C1', source, messageTs });
  }
  const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('posts ephemeral by default, in_channel on request, and allows 5 uses', async () => {
    const url = mint('command');
    expect((await post(url, { text: 'only you' })).status).toBe(200);
    expect((await post(url, { text: 'everyone', response_type: 'in_channel' })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await post(url, { text: `more ${i}` })).status).toBe(200);
    const sixth = await post(url, { text: 'one too many' });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: 'used_url' });
    expect(sb.ephemerals('U1').map((e) => e.text)).toEqual(['only you', 'more 0', 'more 1', 'more 2']);
    expect(sb.messages('C1')).toMatchObject([{ text: 'everyone', user: 'U_BOT', origin: 'response_url' }]);
  });

  it('expires after 30 minutes', async () => {
    const url = mint('command');
    clock.advance(30 * 60 * 1000 + 1);
    const res = await post(url, { text: 'late' });
    expect([res.status, await res.json()]).toEqual([404, { ok: false, error: 'expired_url' }]);
  });

  it('replaces and deletes the original message of an interaction', async () => {
    const posted = await webClient(sb).chat.postMessage({ channel: 'C1', text: 'Vote?' });
    const url = mint('message', posted.ts);
    expect((await post(url, { replace_original: true, text: 'Thanks for voting' })).status).toBe(200);
    expect(sb.messages('C1')).toMatchObject([{ ts: posted.ts, text: 'Thanks for voting' }]);
    expect((await post(url, { delete_original: true })).status).toBe(200);
    expect(sb.messages('C1')).toEqual([]);
  });

  it('refuses invalid blocks with 400 and counts no use', async () => {
    const url = mint('command');
    const res = await post(url, { blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(sb.calls('response_url')).toHaveLength(1);
  });
});
