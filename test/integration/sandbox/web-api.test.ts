/**
 * The Web API over real HTTP, with plain fetch and with @slack/web-api's WebClient.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sandbox/index.ts';
import { call, ORG_TOKEN, startSeeded, webClient } from './helpers.ts';

let sb: Sandbox;
beforeEach(async () => {
  await sb?.close();
  sb = await startSeeded();
});
afterAll(() => sb.close());

describe('tokens', () => {
  it('answers not_authed without a token and invalid_auth with a bad one', async () => {
    expect((await call(sb, 'auth.test', {}, { token: null })).body).toEqual({ ok: false, error: 'not_authed' });
    expect((await call(sb, 'auth.test', {}, { token: 'xoxb-nope' })).body).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('accepts a token field in the body', async () => {
    const r = await call(sb, 'auth.test', { token: ORG_TOKEN }, { token: null });
    expect(r.body.ok).toBe(true);
  });

  it('auth.test returns the bot identity for the team asked', async () => {
    const r = await call(sb, 'auth.test', { team_id: 'T2' });
    expect(r.body).toMatchObject({ ok: true, url: 'https://two.slack.com/', team: 'Two', team_id: 'T2', user_id: 'U_BOT', bot_id: 'B_BOT' });
  });

  it('lets the org-wide token act on both workspaces, a workspace token only on its own', async () => {
    expect((await call(sb, 'chat.postMessage', { channel: 'C1', text: 'hi' })).body.ok).toBe(true);
    expect((await call(sb, 'chat.postMessage', { channel: 'C9', text: 'hi' })).body.ok).toBe(true);
    const t1 = sb.workspaces().find((w) => w.id === 'T1')?.botToken;
    expect((await call(sb, 'chat.postMessage', { channel: 'C9', text: 'hi' }, { token: t1 })).body).toEqual({ ok: false, error: 'channel_not_found' });
    expect((await call(sb, 'users.info', { user: 'U3' }, { token: t1 })).body).toEqual({ ok: false, error: 'user_not_found' });
  });

  it('refuses team_id mismatches for the org token and reports missing scopes', async () => {
    expect((await call(sb, 'chat.postMessage', { channel: 'C9', text: 'hi', team_id: 'T1' })).body).toEqual({ ok: false, error: 'channel_not_found' });
    expect((await call(sb, 'auth.test', { team_id: 'T404' })).body).toEqual({ ok: false, error: 'team_access_not_granted' });
    sb.addWorkspace({ id: 'T3', name: 'Three', domain: 'three', botToken: 'xoxb-t3', scopes: ['users:read'] });
    sb.addChannel({ id: 'C3', teamId: 'T3', name: 'x' });
    expect((await call(sb, 'chat.postMessage', { channel: 'C3', text: 'hi' }, { token: 'xoxb-t3' })).body).toEqual({ ok: false, error: 'missing_scope', needed: 'chat:write', provided: 'users:read' });
  });

  it('answers unknown_method', async () => {
    expect((await call(sb, 'chat.nope')).body).toEqual({ ok: false, error: 'unknown_method' });
  });
});

describe('chat.*', () => {
  it('posts with form and JSON bodies, ts unique and increasing', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Agenda*' } }];
    const a = await call(sb, 'chat.postMessage', { channel: 'C1', text: 'Agenda', blocks });
    const b = await call(sb, 'chat.postMessage', { channel: 'C1', text: 'Again', blocks }, { json: true });
    expect(a.body).toMatchObject({ ok: true, channel: 'C1', message: { type: 'message', text: 'Agenda', user: 'U_BOT', bot_id: 'B_BOT' } });
    expect(String(a.body.ts)).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(b.body.ts)).toBeGreaterThan(Number(a.body.ts));
    const stored = sb.messages('C1');
    expect(stored.map((m) => m.text)).toEqual(['Agenda', 'Again']);
    expect(stored[0]?.blocks?.[0]).toMatchObject({ type: 'section', block_id: expect.any(String) });
  });

  it('refuses no_text, invalid_blocks (Slack shape), msg_too_long and unknown channels', async () => {
    sb.configureRateLimits({ enabled: false }); // refused calls count against the 1/s channel budget too
    expect((await call(sb, 'chat.postMessage', { channel: 'C1' })).body).toEqual({ ok: false, error: 'no_text' });
    const bad = await call(sb, 'chat.postMessage', { channel: 'C1', text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '' } }] });
    expect(bad.body).toEqual({
      ok: false,
      error: 'invalid_blocks',
      errors: ['must be more than 0 characters [json-pointer:/blocks/0/text/text]'],
      response_metadata: { messages: ['[ERROR] must be more than 0 characters [json-pointer:/blocks/0/text/text]'] },
    });
    expect((await call(sb, 'chat.postMessage', { channel: 'C1', blocks: '{not json' })).body.error).toBe('invalid_blocks_format');
    expect((await call(sb, 'chat.postMessage', { channel: 'C1', text: 'x'.repeat(40_001) })).body.error).toBe('msg_too_long');
    expect((await call(sb, 'chat.postMessage', { channel: 'C404', text: 'x' })).body).toEqual({ ok: false, error: 'channel_not_found' });
    expect(sb.messages('C1')).toEqual([]);
  });

  it('threads replies, updates, deletes and links messages', async () => {
    const web = webClient(sb);
    const parent = await web.chat.postMessage({ channel: 'C1', text: 'parent' });
    await web.chat.postMessage({ channel: 'C1', text: 'reply', thread_ts: parent.ts });
    expect(sb.messages('C1', { threadTs: parent.ts })).toHaveLength(2);
    expect(sb.messages('C1')[0]).toMatchObject({ reply_count: 1, thread_ts: parent.ts });
    const updated = await web.chat.update({ channel: 'C1', ts: parent.ts!, text: 'parent (edited)' });
    expect(updated.message).toMatchObject({ text: 'parent (edited)', edited: { user: 'U_BOT' } });
    const link = await web.chat.getPermalink({ channel: 'C1', message_ts: parent.ts! });
    expect(link.permalink).toBe(`https://one.slack.com/archives/C1/p${parent.ts!.replace('.', '')}`);
    await web.chat.delete({ channel: 'C1', ts: parent.ts! });
    expect(sb.messages('C1').map((m) => m.text)).toEqual(['reply']);
    await expect(web.chat.delete({ channel: 'C1', ts: parent.ts! })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
  });

  it('needs the bot in private channels, and in public ones without chat:write.public', async () => {
    sb.addChannel({ id: 'G1', teamId: 'T1', name: 'secret', isPrivate: true, members: ['U1'] });
    expect((await call(sb, 'chat.postMessage', { channel: 'G1', text: 'x' })).body).toEqual({ ok: false, error: 'not_in_channel' });
    expect((await call(sb, 'chat.postMessage', { channel: 'C2', text: 'public, bot not in it' })).body.ok).toBe(true);
    sb.addWorkspace({ id: 'T4', name: 'Four', domain: 'four', botToken: 'xoxb-t4', scopes: ['chat:write'] });
    sb.addChannel({ id: 'C4', teamId: 'T4', name: 'general' });
    expect((await call(sb, 'chat.postMessage', { channel: 'C4', text: 'x' }, { token: 'xoxb-t4' })).body).toEqual({ ok: false, error: 'not_in_channel' });
  });

  it('posts ephemerals only to channel members', async () => {
    const r = await call(sb, 'chat.postEphemeral', { channel: 'C1', user: 'U1', text: 'only you' });
    expect(r.body).toMatchObject({ ok: true, message_ts: expect.any(String) });
    expect(sb.ephemerals('U1', 'C1')).toMatchObject([{ text: 'only you', origin: 'api' }]);
    expect((await call(sb, 'chat.postEphemeral', { channel: 'C2', user: 'U2', text: 'x' })).body.error).toBe('user_not_in_channel');
  });

  it('posts to a user id through the bot DM', async () => {
    const r = await call(sb, 'chat.postMessage', { channel: 'U2', text: 'reminder' });
    expect(String(r.body.channel)).toMatch(/^D/);
    expect(sb.directMessages('U2').map((m) => m.text)).toEqual(['reminder']);
  });

  it('records every call with parsed args and the result', async () => {
    await call(sb, 'chat.postMessage', { channel: 'C1', text: 'x', blocks: [{ type: 'divider' }] });
    const [recorded] = sb.calls('chat.postMessage');
    expect(recorded).toMatchObject({ method: 'chat.postMessage', teamId: 'T1', status: 200, args: { channel: 'C1', blocks: [{ type: 'divider' }] }, result: { ok: true } });
    expect(recorded?.args).not.toHaveProperty('token');
  });
});

describe('users.* and conversations.*', () => {
  it('returns tz, tz_label and tz_offset computed for now', async () => {
    const r = await call(sb, 'users.info', { user: 'U1' });
    expect(r.body.user).toMatchObject({ id: 'U1', team_id: 'T1', tz: 'Europe/Zurich', real_name: 'Ana Silva' });
    expect([3600, 7200]).toContain((r.body.user as { tz_offset: number }).tz_offset);
    expect((await call(sb, 'users.info', { user: 'U404' })).body).toEqual({ ok: false, error: 'user_not_found' });
  });

  it('paginates users.list with cursors', async () => {
    const web = webClient(sb);
    const first = await web.users.list({ team_id: 'T1', limit: 2 });
    expect(first.members).toHaveLength(2);
    const second = await web.users.list({ team_id: 'T1', limit: 2, cursor: first.response_metadata?.next_cursor });
    expect(second.members).toHaveLength(1);
    const ids = [...first.members!, ...second.members!].map((m) => m.id);
    expect(ids).toEqual(['U1', 'U2', 'U_BOT']); // the external user is not listed
    expect(second.response_metadata?.next_cursor).toBe('');
  });

  it('opens a DM, describes channels and lists members', async () => {
    const web = webClient(sb);
    const dm = await web.conversations.open({ users: 'U1' });
    const again = await web.conversations.open({ users: 'U1' });
    expect(again.channel?.id).toBe(dm.channel?.id);
    const info = await web.conversations.info({ channel: 'C1' });
    expect(info.channel).toMatchObject({ id: 'C1', name: 'general', is_channel: true, is_member: true });
    const members = await web.conversations.members({ channel: 'C1' });
    expect(members.members).toEqual(['U1', 'U2', 'U_BOT']);
  });
});
