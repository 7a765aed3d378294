/**
 * Socket Mode against a real Bolt app (SocketModeReceiver → @slack/socket-mode's client): apps.connections.open
 * with the app-level token, Slack's hello, envelopes and acks read like HTTP answers, refresh and
 * reconnection, several connections, the 10-connection limit, and the raw protocol with a plain WebSocket.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { WebSocket } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadIomcWorkspace, MAX_SOCKET_CONNECTIONS, startSandbox, type IomcWorkspace, type Sandbox } from '../../../src/sandbox/index.ts';
import { call } from './helpers.ts';

const APP_TOKEN = 'xapp-1-A_CONCORD-test';
const BOT_TOKEN = 'xoxb-test-org';
const plain = (text: string) => ({ type: 'plain_text' as const, text });
const MODAL = {
  type: 'modal' as const,
  callback_id: 'meeting',
  title: plain('New meeting'),
  submit: plain('Create'),
  blocks: [{ type: 'input' as const, block_id: 'title', label: plain('Title'), element: { type: 'plain_text_input' as const, action_id: 'title_input' } }],
};

let sb: Sandbox;
let iomc: IomcWorkspace;
let app: App;
const seen = { commands: [] as Record<string, unknown>[], retryNums: [] as (number | undefined)[] };

/** A Bolt app in Socket Mode. clientPingTimeout 300 ms: Bolt pings every 100 ms and reconnects 300 ms after a close. */
async function startSocketBolt(sandbox: Sandbox): Promise<App> {
  const receiver = new SocketModeReceiver({ appToken: APP_TOKEN, clientPingTimeout: 300, logLevel: LogLevel.ERROR, installerOptions: { clientOptions: { slackApiUrl: sandbox.apiUrl } } });
  const bolt = new App({ token: BOT_TOKEN, receiver, socketMode: true, clientOptions: { slackApiUrl: sandbox.apiUrl }, logLevel: LogLevel.ERROR });
  bolt.command('/concord', async ({ command, ack, client }) => {
    seen.commands.push({ ...command });
    if (command.text === 'help') return ack({ text: 'Concord help: /concord new' });
    if (command.text === 'slow') {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return ack({ text: 'too late' });
    }
    await ack();
    if (command.text === 'new') await client.views.open({ trigger_id: command.trigger_id, view: MODAL });
  });
  bolt.view('meeting', async ({ ack, view }) => {
    const title = view.state.values.title?.title_input?.value ?? '';
    if (!title) return ack({ response_action: 'errors', errors: { title: 'Please give the meeting a title' } });
    return ack();
  });
  bolt.event('app_home_opened', async ({ context }) => {
    seen.retryNums.push(context.retryNum);
  });
  await bolt.start();
  return bolt;
}

/** A bare WebSocket client on a fresh apps.connections.open URL; collects every message. */
async function rawClient(sandbox: Sandbox, suffix = ''): Promise<{ ws: WebSocket; messages: Record<string, unknown>[]; url: string; next(): Promise<Record<string, unknown>> }> {
  const open = await call(sandbox, 'apps.connections.open', {}, { token: APP_TOKEN });
  const url = `${String(open.body.url)}${suffix}`;
  const ws = new WebSocket(url);
  const messages: Record<string, unknown>[] = [];
  const waiters: ((m: Record<string, unknown>) => void)[] = [];
  ws.addEventListener('message', (e) => {
    const message = JSON.parse(String(e.data)) as Record<string, unknown>;
    messages.push(message);
    waiters.shift()?.(message);
  });
  let read = 0;
  const next = () => (read < messages.length ? Promise.resolve(messages[read++]!) : new Promise<Record<string, unknown>>((resolve) => waiters.push((m) => (read++, resolve(m)))));
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve);
    ws.addEventListener('error', reject);
  });
  return { ws, messages, url, next };
}

beforeAll(async () => {
  sb = await startSandbox({ socketMode: true, appToken: APP_TOKEN, botToken: BOT_TOKEN, ackTimeoutMs: 250, requestTimeoutMs: 3000 });
  iomc = loadIomcWorkspace(sb);
  app = await startSocketBolt(sb);
});
afterAll(async () => {
  await app?.stop();
  await sb?.close();
});
beforeEach(() => {
  sb.reset({ keepDirectory: true });
  seen.commands.length = 0;
  seen.retryNums.length = 0;
});

describe('apps.connections.open', () => {
  it('returns a one-time ws:// URL on the sandbox for the app-level token in the Authorization header', async () => {
    const r = await call(sb, 'apps.connections.open', {}, { token: APP_TOKEN });
    expect(r.body).toEqual({ ok: true, url: expect.stringMatching(new RegExp(`^ws://127\\.0\\.0\\.1:${new URL(sb.url).port}/link/\\?ticket=[0-9a-f-]{36}&app_id=A_CONCORD$`)) });
  });

  it('refuses other tokens as Slack does', async () => {
    const error = async (token: string | null, json = false, args: Record<string, unknown> = {}) => (await call(sb, 'apps.connections.open', args, { token, json })).body.error;
    expect(await error(BOT_TOKEN)).toBe('not_allowed_token_type');
    expect(await error(sb.workspaces()[0]!.botToken)).toBe('not_allowed_token_type');
    expect(await error('xapp-1-someone-else')).toBe('invalid_auth');
    expect(await error(null)).toBe('not_authed');
    expect(await error(null, false, { token: APP_TOKEN })).toBe('missing_args');
    // …and the app-level token is no bot token.
    const post = await call(sb, 'chat.postMessage', { channel: iomc.channelId, text: 'hi' }, { token: APP_TOKEN });
    expect(post.body).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect(sb.messages(iomc.channelId)).toEqual([]);
  });
});

describe('the WebSocket', () => {
  it("sends Slack's hello, counts connections, and honours debug_reconnects", async () => {
    const a = await rawClient(sb);
    const hello = await a.next();
    expect(Object.keys(hello)).toEqual(['type', 'num_connections', 'debug_info', 'connection_info']);
    expect(hello).toEqual({
      type: 'hello',
      num_connections: 2, // Bolt's and this one
      debug_info: { host: expect.stringMatching(/^applink-/), build_number: expect.any(Number), approximate_connection_time: 18060 },
      connection_info: { app_id: 'A_CONCORD' },
    });
    const b = await rawClient(sb, '&debug_reconnects=true');
    expect(await b.next()).toMatchObject({ num_connections: 3, debug_info: { approximate_connection_time: 360 } });
    a.ws.close(1000);
    b.ws.close(1000);
    await sb.waitFor(() => sb.socket.liveCount() === 1);
  });

  it('accepts a ticket once', async () => {
    const a = await rawClient(sb);
    await a.next();
    const again = new WebSocket(a.url);
    const outcome = await new Promise<string>((resolve) => {
      again.addEventListener('open', () => resolve('open'));
      again.addEventListener('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
    a.ws.close(1000);
    await sb.waitFor(() => sb.socket.liveCount() === 1);
  });

  it('answers pings (Bolt pings every 100 ms here and would reconnect without pongs)', async () => {
    const before = sb.socket.connections().filter((c) => c.state === 'open').map((c) => c.id);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(sb.socket.connections().filter((c) => c.state === 'open').map((c) => c.id)).toEqual(before);
  });

  it('ignores binary messages, records text that acks nothing, and sees the close code the app sends', async () => {
    const a = await rawClient(sb);
    const hello = await a.next();
    expect(hello.type).toBe('hello');
    const strays = sb.socket.strayMessages().length;
    a.ws.send(new Uint8Array([1, 2, 3]));
    a.ws.send('not json');
    a.ws.send(JSON.stringify({ envelope_id: 'nobody-asked' }));
    await sb.waitFor(() => sb.socket.strayMessages().length === strays + 2);
    expect(sb.socket.strayMessages().slice(-2).map((m) => m.reason)).toEqual(['not_json', 'unknown_envelope_id']);
    const id = sb.socket.connections().at(-1)!.id;
    a.ws.close(4000, 'bye');
    await sb.waitFor(() => sb.socket.connections().find((c) => c.id === id)?.state === 'closed');
    expect(sb.socket.connections().find((c) => c.id === id)).toMatchObject({ closeCode: 4000 });
    await sb.waitFor(() => sb.socket.liveCount() === 1);
  });
});

describe('envelopes', () => {
  it('sends a slash command as a JSON payload in a slash_commands envelope and shows the ack payload', async () => {
    const r = await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'help' });
    expect(r).toMatchObject({ transport: 'socket', status: 200, body: { text: 'Concord help: /concord new' }, timedOut: false });
    const envelope = JSON.parse(r.request.body) as Record<string, unknown>;
    expect(Object.keys(envelope)).toEqual(['envelope_id', 'payload', 'type', 'accepts_response_payload']);
    expect(envelope).toMatchObject({ envelope_id: r.envelopeId, type: 'slash_commands', accepts_response_payload: true });
    const payload = envelope.payload as Record<string, string>;
    expect(Object.keys(payload)).toEqual(['token', 'team_id', 'team_domain', 'channel_id', 'channel_name', 'user_id', 'user_name', 'command', 'text', 'response_url', 'trigger_id', 'api_app_id']);
    expect(payload).toMatchObject({ team_id: 'T0IOMC', channel_id: iomc.channelId, command: '/concord', text: 'help' });
    expect(seen.commands[0]).toMatchObject({ command: '/concord', text: 'help', trigger_id: payload.trigger_id });
    expect(r.ack).toEqual({ envelope_id: r.envelopeId, payload: { text: 'Concord help: /concord new' } });
    expect(r.request.headers).toEqual({}); // nothing is signed in Socket Mode
    expect(sb.ephemerals(iomc.chair)).toMatchObject([{ channel: iomc.channelId, text: 'Concord help: /concord new', origin: 'ack' }]);
    expect(sb.deliveries().map((d) => d.kind)).toEqual(['slash_command']);
  });

  it("handles Slack's documented envelope (fixture), pointed at /concord", async () => {
    const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../fixtures/slack/socket_mode.slash_command.envelope.json'), 'utf8')) as { payload: Record<string, string> };
    const r = await sb.driver.envelope({ ...fixture, payload: { ...fixture.payload, command: '/concord', text: 'help' } });
    expect(r).toMatchObject({ status: 200, envelopeId: 'dbdd0ef3-1543-4f94-bfb4-133d0e6c1545', body: { text: 'Concord help: /concord new' } });
  });

  it("reads view_submission acks' response_action from the payload and an empty ack as closing the view", async () => {
    await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'new' });
    await sb.waitForView(iomc.chair);
    const refused = await sb.driver.submitView({ userId: iomc.chair, values: { title: '' } });
    expect(JSON.parse(refused.request.body)).toMatchObject({ type: 'interactive', accepts_response_payload: true, payload: { type: 'view_submission' } });
    expect(refused.body).toEqual({ response_action: 'errors', errors: { title: 'Please give the meeting a title' } });
    expect(sb.openViews(iomc.chair).at(-1)?.errors).toEqual({ title: 'Please give the meeting a title' });
    const ok = await sb.driver.submitView({ userId: iomc.chair, values: { title: 'IOCC-61' } });
    expect(ok.ack).toEqual({ envelope_id: ok.envelopeId, payload: {} });
    expect(ok.body).toBe('');
    expect(sb.openViews(iomc.chair)).toEqual([]);
  });

  it('sends events as events_api envelopes with retry_attempt and retry_reason', async () => {
    const first = await sb.driver.appHomeOpened({ userId: iomc.chair });
    expect(JSON.parse(first.request.body)).toMatchObject({ type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: { type: 'event_callback', event: { type: 'app_home_opened' } } });
    const retry = await sb.driver.event({ teamId: iomc.teamId, event: { type: 'app_home_opened', user: iomc.chair, channel: 'D1', tab: 'home' }, retryNum: 1, retryReason: 'timeout' });
    expect(JSON.parse(retry.request.body)).toMatchObject({ retry_attempt: 1, retry_reason: 'timeout' });
    expect(seen.retryNums).toEqual([0, 1]);
  });

  it('treats an ack after 3 s (here 250 ms) as operation_timeout, as over HTTP', async () => {
    const slow = await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'slow' });
    expect(slow).toMatchObject({ status: 200, timedOut: true });
    expect(sb.problems(iomc.chair).map((p) => p.kind)).toEqual(['operation_timeout']);
    expect(sb.ephemerals(iomc.chair)).toEqual([]);
  });

  it('can replay an envelope (same envelope_id)', async () => {
    const first = await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'help' });
    const again = await sb.driver.replay(first);
    expect(again).toMatchObject({ transport: 'socket', status: 200, envelopeId: first.envelopeId });
    expect(seen.commands).toHaveLength(2);
  });
});

describe('refresh and reconnection', () => {
  it('sends disconnect/refresh_requested; Bolt reconnects through apps.connections.open and the next command waits for it', async () => {
    const [old] = sb.socket.connections().filter((c) => c.state === 'open');
    expect(sb.socket.requestRefresh()).toBe(1);
    const r = await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'help' });
    expect(r).toMatchObject({ status: 200, body: { text: 'Concord help: /concord new' } });
    expect(r.connectionId).not.toBe(old!.id);
    expect(r.waitedMs).toBeGreaterThan(0);
    const after = sb.socket.connections().find((c) => c.id === old!.id)!;
    expect(after).toMatchObject({ state: 'closed', closeCode: 1000, disconnects: ['refresh_requested'] });
    expect(sb.calls('apps.connections.open')).toHaveLength(1);
  });

  it('recovers from a dropped connection (no closing handshake)', async () => {
    expect(sb.socket.dropConnections()).toBe(1);
    const r = await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'help' });
    expect(r.status).toBe(200);
    expect(sb.socket.connections().filter((c) => c.closeCode === 1006)).toHaveLength(1);
  });

  it('spreads envelopes over every live connection', async () => {
    const other = await rawClient(sb);
    await other.next();
    other.ws.addEventListener('message', (e) => {
      const m = JSON.parse(String(e.data)) as { envelope_id?: string };
      if (m.envelope_id) other.ws.send(JSON.stringify({ envelope_id: m.envelope_id, payload: { text: 'from the second connection' } }));
    });
    const texts = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const r = await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'help' });
      texts.add((r.body as { text: string }).text);
    }
    expect(texts).toEqual(new Set(['Concord help: /concord new', 'from the second connection']));
    other.ws.close(1000);
    await sb.waitFor(() => sb.socket.liveCount() === 1);
  });
});

describe('without a connection, and over the limit', () => {
  let bare: Sandbox;
  let people: IomcWorkspace;
  beforeAll(async () => {
    bare = await startSandbox({ socketMode: true, appToken: APP_TOKEN, botToken: BOT_TOKEN, requestTimeoutMs: 200 });
    people = loadIomcWorkspace(bare);
  });
  afterAll(async () => {
    await bare.close();
  });

  it('fails a delivery with dispatch_failed when no connection comes', async () => {
    const r = await bare.driver.slashCommand({ userId: people.chair, channelId: people.channelId, text: 'help' });
    expect(r).toMatchObject({ transport: 'socket', status: 0, error: expect.stringMatching(/no live Socket Mode connection/) });
    expect(bare.problems(people.chair).map((p) => p.kind)).toEqual(['dispatch_failed']);
  });

  it(`says too_many_websockets to connection ${MAX_SOCKET_CONNECTIONS + 1}`, async () => {
    const clients = [];
    for (let i = 0; i < MAX_SOCKET_CONNECTIONS; i++) {
      const c = await rawClient(bare);
      expect(await c.next()).toMatchObject({ type: 'hello', num_connections: i + 1 });
      clients.push(c);
    }
    const extra = await rawClient(bare);
    expect(await extra.next()).toEqual({ type: 'disconnect', reason: 'too_many_websockets', debug_info: { host: expect.any(String) } });
    expect(bare.socket.liveCount()).toBe(MAX_SOCKET_CONNECTIONS);
    for (const c of [...clients, extra]) c.ws.close(1000);
    await bare.waitFor(() => bare.socket.connections().every((c) => c.state === 'closed'));
  });
});
