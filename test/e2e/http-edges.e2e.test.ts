/**
 * The HTTP edges a client meets: an oversized body gets 413 (not a reset connection), and the calendar
 * feed answers HEAD like GET without the body, and 503 — not 500, no stack trace — while the database is gone.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { adminQuery } from '../support/postgres.ts';

let t: TestApp;
let feedUrl: string;
beforeAll(async () => {
  t = await startTestApp();
  await concord(t, t.iomc.secretariat, 'setup "IOCC" tz:Europe/Zurich');
  await concord(t, t.iomc.secretariat, 'meeting add "IOCC-61 call" 2030-03-12 time:14:00-16:00');
  const seen = await concord(t, t.iomc.secretariat, 'calendar');
  feedUrl = /<(http:\/\/[^>|]+\/calendar\/[A-Za-z0-9_-]{43}\.ics)>/.exec(seen.text)![1]!.replace(/^http:\/\/[^/]+/, t.url);
});
afterAll(async () => {
  await t?.close();
});

describe('POST /slack/events', () => {
  it('answers a body over the limit with 413 and keeps serving', async () => {
    const r = await fetch(`${t.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `text=${'x'.repeat(1_500_000)}`,
    });
    expect(r.status).toBe(413);
    expect(await r.text()).toMatch(/too large/);
    expect((await concord(t, t.iomc.chair, 'help')).text).toMatch(/org add/);
  });

  it('answers 413 to a client that streams more than the limit without declaring a length', async () => {
    const chunks = Readable.from((function* () {
      for (let i = 0; i < 40; i++) yield Buffer.alloc(64 * 1024, 'x');
    })());
    const r = await request(`${t.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks });
    expect(r.statusCode).toBe(413);
    await r.body.dump();
  });
});

describe('the calendar feed', () => {
  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await fetch(feedUrl);
    expect(get.status).toBe(200);
    expect(await get.text()).toContain('BEGIN:VCALENDAR');
    const head = await fetch(feedUrl, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(await head.text()).toBe('');
  });

  // Last in this file: the database is gone afterwards.
  it('answers 503 with a short text, not 500 or a stack trace, while the database is unreachable', async () => {
    const name = new URL(t.config.databaseUrl!).pathname.slice(1);
    await adminQuery(`DROP DATABASE ${name} WITH (FORCE)`);
    const r = await fetch(feedUrl);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
    const text = await r.text();
    expect(text).toMatch(/unavailable/);
    expect(text.length).toBeLessThan(200);
    expect(text).not.toMatch(/\bat |Error|prisma|postgres/i);
    const head = await fetch(feedUrl, { method: 'HEAD' });
    expect(head.status).toBe(503);
  });
});
