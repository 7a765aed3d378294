/**
 * The sandbox page's clock control (`/_sandbox/clock`) as the browser calls it, against a small stand-in for
 * Concord that speaks the test-clock API (`GET/POST /test/clock`, `GET /test/clock/next`) and records what it
 * receives: the page's buttons become the right JSON for Concord, and Concord's refusals reach the page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime, Duration } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadIomcWorkspace, startSandbox, type IomcWorkspace, type Sandbox } from '../../../src/sandbox/index.ts';

let sb: Sandbox;
let iomc: IomcWorkspace;
let concord: Server;
let concordUrl: string;
/** What the stand-in received: method, path and JSON body. */
let received: Array<{ method: string; path: string; body?: unknown }> = [];
let now = '2027-03-03T06:00:00.000Z';
/** The stand-in's answer to GET /test/clock/next: an instant, null, or 'missing' (404, an older Concord). */
let next: string | null | 'missing' = '2027-03-08T08:00:00.000Z';
let clockOn = true;

function standIn(): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, string>) : undefined;
      received.push({ method: req.method ?? '', path: req.url ?? '', body });
      const send = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (!clockOn || !req.url?.startsWith('/test/clock')) return send(404, { error: 'not found' });
      if (req.url === '/test/clock/next') return next === 'missing' ? send(404, { error: 'not found' }) : send(200, { next });
      if (req.method === 'GET') return send(200, { now });
      if (body?.set !== undefined) {
        const at = DateTime.fromISO(body.set, { zone: 'utc' });
        if (!at.isValid) return send(400, { error: `set must be an ISO 8601 instant, got "${body.set}"` });
        now = at.toISO() ?? now;
        return send(200, { now });
      }
      const step = Duration.fromISO(body?.advance ?? '');
      if (!step.isValid) return send(400, { error: `advance must be an ISO 8601 duration such as P1D, got "${body?.advance}"` });
      now = DateTime.fromISO(now, { zone: 'utc' }).plus(step).toISO() ?? now;
      send(200, { now });
    });
  });
}

beforeAll(async () => {
  sb = await startSandbox({ port: 0, signingSecret: 'test-secret', botToken: 'xoxb-test-org' });
  iomc = loadIomcWorkspace(sb);
  concord = standIn();
  await new Promise<void>((r) => concord.listen(0, '127.0.0.1', r));
  concordUrl = `http://127.0.0.1:${(concord.address() as AddressInfo).port}`;
});

beforeEach(() => {
  sb.setAppUrl(`${concordUrl}/slack/events`);
  received = [];
  now = '2027-03-03T06:00:00.000Z';
  next = '2027-03-08T08:00:00.000Z';
  clockOn = true;
});

afterAll(async () => {
  await sb.close();
  await new Promise((r) => concord.close(r));
});

async function page(body?: Record<string, unknown>, user = iomc.secretariat): Promise<{ status: number; json: any }> {
  const res = await fetch(
    `${sb.url}/_sandbox/clock${body === undefined ? `?user=${user}` : ''}`,
    body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: user, ...body }) },
  );
  return { status: res.status, json: await res.json() };
}

const posts = () => received.filter((r) => r.method === 'POST').map((r) => [r.path, r.body]);

describe('the sandbox page’s clock control', () => {
  it('shows Concord’s time in the acting person’s zone and in UTC, and the next planned reminder', async () => {
    const r = await page();
    expect(r.status).toBe(200);
    expect(r.json.now).toMatchObject({ iso: now, local: 'Wed 3 Mar 2027, 07:00 Europe/Zurich (UTC+01)', utc: 'Wed 3 Mar 2027, 06:00 UTC' });
    expect(r.json.next.local).toBe('Mon 8 Mar 2027, 09:00 Europe/Zurich (UTC+01)');
    expect((await page(undefined, iomc.focalPoints.UNDP)).json.now.local).toBe('Wed 3 Mar 2027, 01:00 America/New_York (UTC-05)');
    expect(received.map((x) => `${x.method} ${x.path}`)).toEqual(expect.arrayContaining(['GET /test/clock', 'GET /test/clock/next']));
    expect(posts()).toEqual([]);
  });

  it('sets the date-time typed in the acting person’s zone as a UTC instant', async () => {
    const r = await page({ set: '2027-03-29T09:00' }); // the Monday after the spring change: 09:00 Zurich is 07:00 UTC
    expect(posts()).toEqual([['/test/clock', { set: '2027-03-29T07:00:00Z' }]]);
    expect(r.status).toBe(200);
    expect(r.json.now.local).toBe('Mon 29 Mar 2027, 09:00 Europe/Zurich (UTC+02)');
  });

  it('moves by +1 h and +1 day with the durations the page’s buttons carry', async () => {
    const html = await (await fetch(sb.url)).text();
    const steps = [...html.matchAll(/data-advance="([^"]+)">([^<]+)</g)].map((m) => [m[2], m[1]]);
    expect(steps).toEqual([['+1 h', 'PT1H'], ['+1 day', 'P1D']]);
    expect((await page({ advance: 'PT1H' })).json.now.utc).toBe('Wed 3 Mar 2027, 07:00 UTC');
    expect((await page({ advance: 'P1D' })).json.now.utc).toBe('Thu 4 Mar 2027, 07:00 UTC');
    expect(posts()).toEqual([
      ['/test/clock', { advance: 'PT1H' }],
      ['/test/clock', { advance: 'P1D' }],
    ]);
  });

  it('jumps to the next planned reminder’s instant', async () => {
    const r = await page({ next: true });
    expect(posts()).toEqual([['/test/clock', { set: '2027-03-08T08:00:00.000Z' }]]);
    expect(r.json.now.local).toBe('Mon 8 Mar 2027, 09:00 Europe/Zurich (UTC+01)');
  });

  it('says no reminder is planned, and leaves the clock alone, when Concord has none or cannot tell', async () => {
    next = null;
    const none = await page({ next: true });
    expect(none.status).toBe(200);
    expect(none.json).toMatchObject({ next: null, note: 'No reminder planned: the clock stays where it is.' });
    next = 'missing';
    expect((await page({ next: true })).json).toMatchObject({ next: null, note: expect.stringContaining('No reminder planned') });
    expect((await page()).json.next).toBeNull();
    next = '2027-03-01T08:00:00.000Z'; // already due: never moves the clock back
    expect((await page({ next: true })).json.note).toContain('already due');
    expect(posts()).toEqual([]);
  });

  it('passes Concord’s refusals on to the page', async () => {
    const r = await page({ advance: 'one week' });
    expect(posts()).toEqual([['/test/clock', { advance: 'one week' }]]);
    expect(r).toEqual({ status: 400, json: { error: 'advance must be an ISO 8601 duration such as P1D, got "one week"' } });
  });

  it('refuses a date-time it cannot read without bothering Concord', async () => {
    const r = await page({ set: '2027-03-28T02:30' });
    expect(r).toEqual({ status: 400, json: { error: '2027-03-28 02:30 does not exist in Europe/Zurich (the clocks jump forward then); pick another time.' } });
    expect((await page({})).json.error).toContain('Say how to move the clock');
    expect(posts()).toEqual([]);
  });

  it('explains a clock that is off, a Concord that does not answer, and a missing app URL', async () => {
    clockOn = false;
    expect(await page()).toEqual({ status: 409, json: { error: expect.stringContaining('test clock is off') } });
    sb.setAppUrl('http://127.0.0.1:9/slack/events');
    const down = await page({ advance: 'P1D' });
    expect(down.status).toBe(502);
    expect(down.json.error).toContain('Concord does not answer at http://127.0.0.1:9/test/clock');
    sb.setAppUrl('');
    expect(await page()).toEqual({ status: 409, json: { error: expect.stringContaining('No app URL is configured') } });
  });
});
