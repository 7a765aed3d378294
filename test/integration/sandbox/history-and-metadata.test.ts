/**
 * Message metadata on chat.postMessage / chat.update, conversations.history, and the "answer lost"
 * fault, over real HTTP with @slack/web-api's WebClient.
 */
import { ErrorCode } from '@slack/web-api';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sandbox/index.ts';
import { call, startSeeded, webClient } from './helpers.ts';

const METADATA = { event_type: 'concord_outbound', event_payload: { outbound_id: '6f1c2a9e-0000-4000-8000-000000000001' } };

let sb: Sandbox;
beforeEach(async () => {
  await sb?.close();
  sb = await startSeeded();
  sb.configureRateLimits({ enabled: false });
});
afterAll(() => sb.close());

describe('message metadata', () => {
  it('round-trips through conversations.history only with include_all_metadata', async () => {
    const web = webClient(sb);
    const posted = await web.chat.postMessage({ channel: 'C1', text: 'Agenda', metadata: METADATA });
    await web.chat.postMessage({ channel: 'C1', text: 'no metadata' });
    const plain = await web.conversations.history({ channel: 'C1' });
    expect(plain.messages?.map((m) => m.text)).toEqual(['no metadata', 'Agenda']);
    expect(plain.messages?.some((m) => 'metadata' in m)).toBe(false);
    const full = await web.conversations.history({ channel: 'C1', include_all_metadata: true });
    expect(full.messages?.[1]).toMatchObject({ ts: posted.ts, text: 'Agenda', user: 'U_BOT', metadata: METADATA });
    expect(full.messages?.[0]).not.toHaveProperty('metadata');
  });

  it('refuses metadata that is not JSON or not an object (invalid_metadata_format) and a wrong shape (invalid_metadata_schema)', async () => {
    const post = async (metadata: unknown) => (await call(sb, 'chat.postMessage', { channel: 'C1', text: 'x', metadata })).body;
    expect(await post('{not json')).toEqual({ ok: false, error: 'invalid_metadata_format' });
    expect(await post('[1,2]')).toEqual({ ok: false, error: 'invalid_metadata_format' });
    expect(await post('"concord_outbound"')).toEqual({ ok: false, error: 'invalid_metadata_format' });
    expect(await post({ event_payload: { a: 1 } })).toEqual({ ok: false, error: 'invalid_metadata_schema' });
    expect(await post({ event_type: '', event_payload: { a: 1 } })).toEqual({ ok: false, error: 'invalid_metadata_schema' });
    expect(await post({ event_type: 7, event_payload: { a: 1 } })).toEqual({ ok: false, error: 'invalid_metadata_schema' });
    expect(await post({ event_type: 'concord_outbound' })).toEqual({ ok: false, error: 'invalid_metadata_schema' });
    expect(await post({ event_type: 'concord_outbound', event_payload: 'id' })).toEqual({ ok: false, error: 'invalid_metadata_schema' });
    expect(sb.messages('C1')).toEqual([]);
  });

  it('chat.update keeps the metadata when none is given and replaces it when one is', async () => {
    const web = webClient(sb);
    const posted = await web.chat.postMessage({ channel: 'C1', text: 'v1', metadata: METADATA });
    await web.chat.update({ channel: 'C1', ts: posted.ts!, text: 'v2' });
    expect(sb.messages('C1')[0]).toMatchObject({ text: 'v2', metadata: METADATA });
    const next = { event_type: 'concord_outbound', event_payload: { outbound_id: 'other' } };
    await web.chat.update({ channel: 'C1', ts: posted.ts!, text: 'v3', metadata: next });
    const full = await web.conversations.history({ channel: 'C1', include_all_metadata: true });
    expect(full.messages).toMatchObject([{ text: 'v3', metadata: next }]);
    expect((await call(sb, 'chat.update', { channel: 'C1', ts: posted.ts, text: 'v4', metadata: '{' })).body).toEqual({ ok: false, error: 'invalid_metadata_format' });
    expect(sb.messages('C1')[0]?.text).toBe('v3');
  });
});

describe('conversations.history', () => {
  async function postFive(): Promise<string[]> {
    const web = webClient(sb);
    const ts: string[] = [];
    for (const text of ['m1', 'm2', 'm3', 'm4', 'm5']) ts.push((await web.chat.postMessage({ channel: 'C1', text })).ts!);
    return ts;
  }

  it('pages newest first with limit and cursor', async () => {
    await postFive();
    const web = webClient(sb);
    const texts: string[] = [];
    let cursor: string | undefined;
    const hasMore: boolean[] = [];
    do {
      const page = await web.conversations.history({ channel: 'C1', limit: 2, ...(cursor ? { cursor } : {}) });
      texts.push(...page.messages!.map((m) => m.text!));
      hasMore.push(page.has_more!);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    expect(texts).toEqual(['m5', 'm4', 'm3', 'm2', 'm1']);
    expect(hasMore).toEqual([true, true, false]);
    expect((await call(sb, 'conversations.history', { channel: 'C1', cursor: 'bm9wZQ==' })).body).toEqual({ ok: false, error: 'invalid_cursor' });
  });

  it('bounds by oldest/latest, exclusive unless inclusive', async () => {
    const ts = await postFive();
    const web = webClient(sb);
    const between = await web.conversations.history({ channel: 'C1', oldest: ts[1], latest: ts[3] });
    expect(between.messages?.map((m) => m.text)).toEqual(['m3']);
    const inclusive = await web.conversations.history({ channel: 'C1', oldest: ts[1], latest: ts[3], inclusive: true });
    expect(inclusive.messages?.map((m) => m.text)).toEqual(['m4', 'm3', 'm2']);
    const since = await web.conversations.history({ channel: 'C1', oldest: ts[3] });
    expect(since.messages?.map((m) => m.text)).toEqual(['m5']);
    expect((await call(sb, 'conversations.history', { channel: 'C1', oldest: 'yesterday' })).body).toEqual({ ok: false, error: 'invalid_ts_oldest' });
    expect((await call(sb, 'conversations.history', { channel: 'C1', latest: '12:00' })).body).toEqual({ ok: false, error: 'invalid_ts_latest' });
  });

  it('leaves thread replies out but keeps broadcasts', async () => {
    const web = webClient(sb);
    const parent = await web.chat.postMessage({ channel: 'C1', text: 'parent' });
    await web.chat.postMessage({ channel: 'C1', text: 'reply', thread_ts: parent.ts! });
    await web.chat.postMessage({ channel: 'C1', text: 'broadcast', thread_ts: parent.ts!, reply_broadcast: true });
    const r = await web.conversations.history({ channel: 'C1' });
    expect(r.messages?.map((m) => m.text)).toEqual(['broadcast', 'parent']);
    expect(r.messages?.[1]).toMatchObject({ reply_count: 2 });
  });

  it('answers channel_not_found, not_in_channel (public channels too) and missing_scope as Slack does', async () => {
    expect((await call(sb, 'conversations.history', {})).body).toEqual({ ok: false, error: 'channel_not_found' });
    expect((await call(sb, 'conversations.history', { channel: 'C404' })).body).toEqual({ ok: false, error: 'channel_not_found' });
    expect((await call(sb, 'conversations.history', { channel: 'general' })).body).toEqual({ ok: false, error: 'channel_not_found' });
    // C2 is public and the bot is not in it: chat:write.public lets it post there, but not read.
    expect((await call(sb, 'chat.postMessage', { channel: 'C2', text: 'posted' })).body.ok).toBe(true);
    expect((await call(sb, 'conversations.history', { channel: 'C2' })).body).toEqual({ ok: false, error: 'not_in_channel' });
    sb.addChannel({ id: 'G1', teamId: 'T1', name: 'secret', isPrivate: true, members: ['U1'] });
    expect((await call(sb, 'conversations.history', { channel: 'G1' })).body).toEqual({ ok: false, error: 'not_in_channel' });
    sb.addWorkspace({ id: 'T5', name: 'Five', domain: 'five', botToken: 'xoxb-t5', scopes: ['chat:write', 'channels:history'] });
    sb.addChannel({ id: 'C5', teamId: 'T5', name: 'general', members: [sb.bot.userId] });
    sb.addChannel({ id: 'G5', teamId: 'T5', name: 'private', isPrivate: true, members: [sb.bot.userId] });
    expect((await call(sb, 'conversations.history', { channel: 'C5' }, { token: 'xoxb-t5' })).body).toMatchObject({ ok: true, messages: [] });
    expect((await call(sb, 'conversations.history', { channel: 'G5' }, { token: 'xoxb-t5' })).body).toEqual({ ok: false, error: 'missing_scope', needed: 'groups:history', provided: 'chat:write,channels:history' });
  });

  it('reads the bot DM with a user', async () => {
    const web = webClient(sb);
    const posted = await web.chat.postMessage({ channel: 'U2', text: 'reminder', metadata: METADATA });
    const r = await web.conversations.history({ channel: posted.channel!, include_all_metadata: true });
    expect(r.messages).toMatchObject([{ text: 'reminder', metadata: METADATA }]);
  });
});

describe('faults.loseResponse', () => {
  it('stores the message, then drops the connection; history shows the post', async () => {
    sb.faults.loseResponse('chat.postMessage');
    const web = webClient(sb);
    await expect(web.chat.postMessage({ channel: 'C1', text: 'Agenda', metadata: METADATA })).rejects.toMatchObject({ code: ErrorCode.RequestError });
    expect(sb.messages('C1').map((m) => m.text)).toEqual(['Agenda']);
    expect(sb.calls('chat.postMessage')).toMatchObject([{ fault: 'response_lost', result: { ok: true } }]);
    const r = await web.conversations.history({ channel: 'C1', include_all_metadata: true });
    expect(r.messages).toMatchObject([{ text: 'Agenda', metadata: METADATA }]);
    await web.chat.postMessage({ channel: 'C1', text: 'next one answers' }); // one call only by default
    expect(sb.messages('C1')).toHaveLength(2);
  });

  it('can answer with a 5xx instead', async () => {
    sb.faults.loseResponse('chat.postMessage', { answer: 503 });
    const r = await call(sb, 'chat.postMessage', { channel: 'C1', text: 'x' });
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ ok: false, error: 'internal_error' });
    expect(sb.messages('C1').map((m) => m.text)).toEqual(['x']);
  });
});

describe('faults.stall', () => {
  async function abandonedPost(sb: Sandbox, text: string): Promise<void> {
    const controller = new AbortController();
    const posting = fetch(`${sb.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sb.botToken}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C1', text }),
      signal: controller.signal,
    }).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 200));
    controller.abort(); // the caller dies mid-call
    expect(await posting).toBe('aborted');
    await new Promise((r) => setTimeout(r, 100));
  }

  it('holds the call until its caller gives up, and never carries it out', async () => {
    sb.faults.stall('chat.postMessage');
    await abandonedPost(sb, 'lost in transit');
    expect(sb.messages('C1')).toHaveLength(0);
    expect(sb.calls('chat.postMessage')).toMatchObject([{ fault: 'stalled_never_carried_out' }]);
  });

  it('with carriedOut, posts the message at once and only the answer hangs', async () => {
    sb.faults.stall('chat.postMessage', { carriedOut: true });
    await abandonedPost(sb, 'posted, answer never came');
    expect(sb.messages('C1').map((m) => m.text)).toEqual(['posted, answer never came']);
    expect(sb.calls('chat.postMessage')).toMatchObject([{ fault: 'stalled_after_carried_out', result: { ok: true } }]);
  });
});
