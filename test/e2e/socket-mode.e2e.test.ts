/**
 * The real Concord in Socket Mode (SLACK_APP_TOKEN set): Bolt opens its WebSocket through the sandbox's
 * apps.connections.open, every command arrives as an envelope and is answered on the ack, a refresh
 * (disconnect) mid-run is survived, and /healthz is still served over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';

const APP_TOKEN = 'xapp-1-A_CONCORD-1-e2e';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SLACK_APP_TOKEN: APP_TOKEN });
});
afterAll(async () => {
  await t?.close();
});

describe('Concord over Socket Mode', () => {
  it('connects with the app-level token and gets hello', () => {
    expect(t.sandbox.calls('apps.connections.open')).toMatchObject([{ status: 200, result: { ok: true } }]);
    expect(t.sandbox.socket.connections()).toMatchObject([{ state: 'open', hello: true }]);
  });

  it('answers /concord help over the socket, on the ack, well inside 3 s', async () => {
    const r = await t.sandbox.driver.slashCommand({ userId: t.iomc.chair, channelId: t.iomc.channelId, text: 'help' });
    expect(r).toMatchObject({ transport: 'socket', status: 200, timedOut: false, body: { response_type: 'ephemeral' } });
    expect(String((r.body as { text: string }).text)).toMatch(/org add/);
    expect(r.ack).toMatchObject({ envelope_id: r.envelopeId, payload: { response_type: 'ephemeral' } });
    await t.sandbox.waitForEphemeral(t.iomc.chair, (e) => e.text.includes('org add'));
    expect(t.sandbox.problems()).toEqual([]);
  });

  it('sets up the committee, adds organizations and lists them', async () => {
    expect((await concord(t, t.iomc.secretariat, 'setup "IOCC" tz:Europe/Zurich')).text).toMatch(/set up/);
    expect((await concord(t, t.iomc.secretariat, 'org add WHO "World Health Organization" tz:Europe/Zurich')).text).toMatch(/Added \*WHO\*/);
    expect((await concord(t, t.iomc.secretariat, 'org add UNEP "United Nations Environment Programme" tz:Africa/Nairobi')).text).toMatch(/Added \*UNEP\*/);
    const list = await concord(t, t.iomc.chair, 'org list');
    expect(list.text).toMatch(/\(2\)/);
    expect(list.text).toContain('*WHO*');
    expect(list.text).toContain('*UNEP*');
    expect(t.sandbox.deliveries().every((d) => d.transport === 'socket' && d.status === 200)).toBe(true);
  });

  it('survives a refresh: Bolt reconnects through apps.connections.open and the next command is answered', async () => {
    const [old] = t.sandbox.socket.connections();
    expect(t.sandbox.socket.requestRefresh()).toBe(1);
    const list = await concord(t, t.iomc.focalPoints.WHO, 'org list');
    expect(list.text).toContain('*WHO*');
    expect(t.sandbox.calls('apps.connections.open')).toHaveLength(2);
    expect(t.sandbox.socket.connections()).toMatchObject([
      { id: old!.id, state: 'closed', closeCode: 1000, disconnects: ['refresh_requested'] },
      { state: 'open', hello: true },
    ]);
    expect(t.sandbox.problems()).toEqual([]);
  }, 15_000);

  it('serves /healthz over HTTP and has no HTTP Slack endpoint', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ db: 'ok', redis: 'ok' });
    t.sandbox.setTransport('http');
    try {
      const r = await t.sandbox.driver.slashCommand({ userId: t.iomc.chair, channelId: t.iomc.channelId, text: 'help' });
      expect(r).toMatchObject({ transport: 'http', status: 404 });
    } finally {
      t.sandbox.setTransport('socket');
    }
  });
});
