/**
 * The try-it page's own handlers (`/_sandbox/…`, `/favicon.ico`) as the browser calls them, with a small
 * HTTP app that records what Slack's requests carried.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIomcWorkspace, startSandbox, type IomcWorkspace, type Sandbox } from '../../../src/sandbox/index.ts';
import { call } from './helpers.ts';

let sb: Sandbox;
let iomc: IomcWorkspace;
let app: Server;
const received: URLSearchParams[] = [];

beforeAll(async () => {
  sb = await startSandbox({ port: 0, signingSecret: 'test-secret', botToken: 'xoxb-test-org' });
  iomc = loadIomcWorkspace(sb);
  sb.setUiStart({ userId: iomc.secretariat, channelId: iomc.channelId });
  app = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
      if ((req.headers['content-type'] ?? '').includes('form')) received.push(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  sb.setAppUrl(`http://127.0.0.1:${(app.address() as AddressInfo).port}/slack/events`);
});

afterAll(async () => {
  await sb.close();
  await new Promise((r) => app.close(r));
});

async function page(path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${sb.url}/_sandbox/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

describe('the sandbox page', () => {
  it('sends a person picked with @ and a channel picked with # in Slack’s escaped forms', async () => {
    const r = await page('command', { userId: iomc.secretariat, channelId: iomc.channelId, text: 'member add @daniel.okoye WB as:focal' });
    expect(r.status).toBe(200);
    expect(received.at(-1)?.get('text')).toBe(`member add <@${iomc.focalPoints.WB}> WB as:focal`);
    await page('command', { userId: iomc.secretariat, channelId: iomc.channelId, text: 'org edit WB channel:#iocc' });
    expect(received.at(-1)?.get('text')).toBe('org edit WB channel:<#C0IOCC|iocc>');
    await page('command', { userId: iomc.secretariat, channelId: iomc.channelId, text: 'member add @daniel WB' });
    expect(received.at(-1)?.get('text')).toBe('member add @daniel WB');
  });

  it('opens as the secretariat, and tells the page the external user cannot type commands', async () => {
    const { json } = await page('directory');
    expect(json.start).toEqual({ userId: iomc.secretariat, channelId: iomc.channelId });
    const byId = Object.fromEntries(json.users.map((u: { id: string; canUseCommands: boolean }) => [u.id, u.canUseCommands]));
    expect(byId[iomc.external]).toBe(false);
    expect(byId[iomc.secretariat]).toBe(true);
    const html = await (await fetch(sb.url)).text();
    expect(html).toContain('Slack does not deliver another organization');
  });

  it('lists a refused command under the errors shown to that user', async () => {
    const before = received.length;
    const r = await page('command', { userId: iomc.external, channelId: iomc.channelId, text: 'help' });
    expect(r.status).toBe(400);
    expect(received.length).toBe(before);
    const { json } = await page(`feed?user=${iomc.external}&channel=`);
    expect(json.problems.map((p: { message: string }) => p.message)).toEqual([expect.stringContaining('Slash commands are not shared with Slack Connect users')]);
  });

  it('renders <!date^…> in the acting user’s time zone', async () => {
    const token = '<!date^1804770000^{date_short_pretty} at {time}|Thu 11 Mar 2027, 14:00 CET>';
    expect((await call(sb, 'chat.postMessage', { channel: iomc.channelId, text: `IOCC-62 call · your time: ${token}` })).body.ok).toBe(true);
    const shown = async (userId: string) => (await page(`feed?user=${userId}&channel=${iomc.channelId}`)).json.dates[token].text;
    expect(await shown(iomc.focalPoints.UNDP)).toBe('Mar 11, 2027 at 8:00 AM'); // New York
    expect(await shown(iomc.secretariat)).toBe('Mar 11, 2027 at 2:00 PM'); // Geneva
    expect(await shown(iomc.focalPoints.UNEP)).toBe('Mar 11, 2027 at 4:00 PM'); // Nairobi
  });

  it('serves a favicon and its renderer', async () => {
    const icon = await fetch(`${sb.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    expect([...new Uint8Array(await icon.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);
    const js = await fetch(`${sb.url}/_sandbox/mrkdwn.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain('export function renderMrkdwn');
  });
});
