/**
 * The driver against a real Bolt app: signed slash commands, block actions, modals, events, and
 * deliberately bad requests; Slack's reading of the acks lands in the sandbox state.
 */
import { Script } from 'node:vm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadIomcWorkspace, startSandbox, type IomcWorkspace, type Sandbox } from '../../../src/sandbox/index.ts';
import { startTestBolt, type TestBolt } from './bolt-app.ts';

let sb: Sandbox;
let bolt: TestBolt;
let iomc: IomcWorkspace;

beforeAll(async () => {
  sb = await startSandbox({ signingSecret: 'test-secret', botToken: 'xoxb-test-org', ackTimeoutMs: 250 });
  iomc = loadIomcWorkspace(sb);
  bolt = await startTestBolt(sb);
  sb.setAppUrl(bolt.url);
});
afterAll(async () => {
  await bolt.stop();
  await sb.close();
});
beforeEach(() => {
  sb.reset({ keepDirectory: true });
  for (const list of Object.values(bolt.seen)) list.length = 0;
});

describe('slash commands', () => {
  it('sends Slack form fields and shows the ack as an ephemeral', async () => {
    const r = await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'help' });
    expect(r).toMatchObject({ status: 200, body: { text: 'Concord help: /concord new' }, timedOut: false });
    expect(r.request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const fields = Object.fromEntries(new URLSearchParams(r.request.body));
    expect(Object.keys(fields)).toEqual(['token', 'team_id', 'team_domain', 'channel_id', 'channel_name', 'user_id', 'user_name', 'command', 'text', 'response_url', 'trigger_id', 'api_app_id']);
    expect(fields).toMatchObject({ team_id: 'T0IOMC', team_domain: 'iomc', channel_name: 'iocc', command: '/concord', text: 'help' });
    expect(fields.response_url).toMatch(new RegExp(`^${sb.url}/response/`));
    expect(sb.ephemerals(iomc.chair)).toMatchObject([{ channel: iomc.channelId, text: 'Concord help: /concord new', origin: 'ack' }]);
  });

  it('shows an in_channel ack together with the invocation', async () => {
    await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'announce' });
    expect(sb.messages(iomc.channelId).map((m) => [m.user, m.text])).toEqual([
      [iomc.chair, '/concord announce'],
      ['U_BOT', 'Meeting IOCC-61 is confirmed'],
    ]);
  });

  it('delivers respond() through the response_url', async () => {
    await sb.driver.slashCommand({ userId: iomc.secretariat, channelId: iomc.channelId, text: 'later' });
    const reply = await sb.waitForEphemeral(iomc.secretariat, (e) => e.text === 'Here is your report');
    expect(reply.origin).toBe('response_url');
  });

  it('records invalid acks and late acks as errors the user would see', async () => {
    await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'bad' });
    const slow = await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'slow' });
    expect(slow.timedOut).toBe(true);
    expect(sb.problems(iomc.chair).map((p) => p.kind)).toEqual(['invalid_ack', 'operation_timeout']);
    expect(sb.ephemerals(iomc.chair)).toEqual([]);
  });

  it('refuses to send a command from an external user (commands are not shared)', async () => {
    await expect(sb.driver.slashCommand({ userId: iomc.external, channelId: iomc.channelId, text: 'help' })).rejects.toThrow(/not shared/);
  });
});

describe('block actions and modals', () => {
  it('clicks a button in a message and replaces it through response_url', async () => {
    await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'vote' });
    const vote = await sb.waitForMessage(iomc.channelId, (m) => m.text === 'Vote on the agenda');
    const r = await sb.driver.blockAction({ userId: iomc.focalPoints.FAO, actionId: 'vote_yes' });
    const payload = JSON.parse(new URLSearchParams(r.request.body).get('payload') ?? '{}') as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: 'block_actions',
      container: { type: 'message', message_ts: vote.ts, channel_id: iomc.channelId, is_ephemeral: false },
      channel: { id: iomc.channelId, name: 'iocc' },
      message: { ts: vote.ts, text: 'Vote on the agenda' },
      actions: [{ action_id: 'vote_yes', block_id: 'vote', type: 'button', value: 'yes' }],
    });
    await sb.waitForMessage(iomc.channelId, (m) => m.ts === vote.ts && m.text === `Thanks <@${iomc.focalPoints.FAO}>, vote recorded`);
  });

  it('opens a modal, shows errors keyed by block_id, then closes it on an empty ack', async () => {
    await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'new' });
    const view = await sb.waitForView(iomc.chair, (v) => v.definition.callback_id === 'meeting');
    await sb.driver.submitView({ userId: iomc.chair, values: { orgs: ['WHO'] } });
    expect(sb.openViews(iomc.chair)[0]?.errors).toEqual({ title: 'Please give the meeting a title' });
    await sb.driver.submitView({ userId: iomc.chair, values: { title: 'IOCC-61' } });
    expect(sb.openViews(iomc.chair)).toEqual([]);
    const submitted = bolt.seen.submissions.at(-1) as { id: string; private_metadata: string; state: { values: Record<string, unknown> } };
    expect(submitted.id).toBe(view.id);
    expect(submitted.private_metadata).toBe('committee=iocc');
    expect(submitted.state.values).toEqual({
      title: { title_input: { type: 'plain_text_input', value: 'IOCC-61' } },
      date: { date_pick: { type: 'datepicker', selected_date: '2026-03-12' } },
      orgs: { orgs_select: { type: 'multi_static_select', selected_options: [{ text: { type: 'plain_text', text: 'WHO' }, value: 'WHO' }] } },
    });
  });

  it('applies push and update response_actions, and sends view_closed when asked', async () => {
    await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'new' });
    await sb.waitForView(iomc.chair);
    await sb.driver.submitView({ userId: iomc.chair, values: { title: 'edit' } });
    expect(sb.openViews(iomc.chair).map((v) => (v.definition.title as { text: string }).text)).toEqual(['Edit meeting']);
    await sb.driver.submitView({ userId: iomc.chair, values: { title: 'more' } });
    expect(sb.openViews(iomc.chair)).toHaveLength(2);
    const closed = await sb.driver.closeView({ userId: iomc.chair, all: true });
    expect(closed).toBeUndefined(); // the pushed view has no notify_on_close
    expect(sb.openViews(iomc.chair)).toEqual([]);
    await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'new' });
    await sb.waitForView(iomc.chair);
    const r = await sb.driver.closeView({ userId: iomc.chair });
    expect(r?.status).toBe(200);
    expect(bolt.seen.closed).toHaveLength(1);
  });
});

describe('events', () => {
  it('sends app_home_opened with retry headers and records the published Home tab', async () => {
    const first = await sb.driver.appHomeOpened({ userId: iomc.focalPoints.UNEP });
    expect(first.status).toBe(200);
    const home = await sb.waitForHome(iomc.focalPoints.UNEP);
    expect(home.definition.blocks).toMatchObject([{ type: 'header' }, { type: 'actions' }]);
    const envelope = JSON.parse(first.request.body) as Record<string, unknown>;
    expect(envelope).toMatchObject({ type: 'event_callback', team_id: 'T0IOMC', event: { type: 'app_home_opened', tab: 'home' }, authorizations: [{ team_id: 'T0IOMC', user_id: 'U_BOT', is_bot: true }] });
    await sb.driver.event({ teamId: 'T0IOMC', event: envelope.event as Record<string, unknown>, eventId: envelope.event_id as string, retryNum: 1, retryReason: 'http_timeout' });
    await sb.waitFor(() => bolt.seen.retryNums.length === 2);
    expect(bolt.seen.retryNums).toEqual([undefined, 1]);
  });

  it('answers url_verification and ssl_check', async () => {
    const verification = await sb.driver.urlVerification('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    expect(verification).toMatchObject({ status: 200, body: { challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' } });
    expect((await sb.driver.sslCheck()).status).toBe(200);
  });
});

describe('bad requests', () => {
  it('gets 401 for a wrong secret, missing headers or a stale timestamp', async () => {
    const send = (opts: Parameters<Sandbox['driver']['slashCommand']>[0]) => sb.driver.slashCommand(opts);
    const base = { userId: iomc.chair, channelId: iomc.channelId, text: 'help' };
    expect((await send({ ...base, signingSecret: 'wrong' })).status).toBe(401);
    expect((await send({ ...base, omitHeaders: ['signature'] })).status).toBe(401);
    expect((await send({ ...base, omitHeaders: ['timestamp'] })).status).toBe(401);
    expect((await send({ ...base, timestampSkewSec: -301 })).status).toBe(401);
    expect(sb.problems(iomc.chair).map((p) => p.kind)).toEqual(Array(4).fill('dispatch_failed'));
    expect(bolt.seen.commands).toHaveLength(0);
  });

  it('sends a custom content type and replays a request byte for byte', async () => {
    const charset = await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'help', contentType: 'application/x-www-form-urlencoded; charset=utf-8' });
    expect(charset.status).not.toBe(200); // Bolt parses only the exact content type as a form
    const original = await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'help' });
    const replay = await sb.driver.replay(original);
    expect(replay.request).toEqual(original.request);
    expect(replay.status).toBe(200); // Bolt only checks the timestamp window
  });
});

describe('UI endpoints', () => {
  const post = (path: string, body: unknown) =>
    fetch(`${sb.url}/_sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const get = (path: string) => fetch(`${sb.url}/_sandbox/${path}`).then((r) => r.json() as Promise<Record<string, any>>);

  it('serves a self-contained page whose script compiles', async () => {
    const html = await (await fetch(`${sb.url}/`)).text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(() => new Script(script)).not.toThrow();
  });

  it('lists the directory without tokens and drives the app like a user', async () => {
    const directory = await get('directory');
    expect(directory.workspaces).toEqual([{ id: 'T0IOMC', name: 'IOMC', domain: 'iomc', scopes: expect.any(Array) }]);
    expect(directory.users.length).toBeGreaterThan(10);
    expect(await post('command', { userId: iomc.chair, channelId: iomc.channelId, text: 'new' })).toMatchObject({ kind: 'slash_command', status: 200 });
    const feed = await get(`feed?user=${iomc.chair}&channel=${iomc.channelId}`);
    expect(feed.views).toHaveLength(1);
    expect(await post('submit', { userId: iomc.chair, values: { title: { title_input: null } } })).toMatchObject({ kind: 'view_submission', status: 200 });
    expect((await get(`feed?user=${iomc.chair}&channel=${iomc.channelId}`)).views[0].errors).toEqual({ title: 'Please give the meeting a title' });
    expect(await post('home', { userId: iomc.chair })).toMatchObject({ kind: 'event_callback', status: 200 });
    expect(await post('action', { userId: iomc.chair, actionId: 'nope' })).toMatchObject({ error: expect.stringContaining('No element') });
  });
});
