/**
 * Slack-like rate limits and fault injection over HTTP, seen through fetch and through WebClient.
 */
import { ErrorCode, type WebAPIRateLimitedError } from '@slack/web-api';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, type Sandbox } from '../../../src/sandbox/index.ts';
import { call, startSeeded, webClient } from './helpers.ts';

let sb: Sandbox;
afterEach(() => sb.close());

const FIXTURE_BODY = JSON.parse(readFileSync(new URL('../../fixtures/slack/chat.postMessage.429.body.json', import.meta.url), 'utf8')) as unknown;

describe('rate limits', () => {
  it('allows a burst per channel, then 429 + Retry-After with no side effect', async () => {
    const clock = createManualClock(Date.parse('2026-03-01T09:00:00Z'));
    sb = await startSeeded({ now: clock.now });
    for (let i = 0; i < 3; i++) expect((await call(sb, 'chat.postMessage', { channel: 'C1', text: `m${i}` })).status).toBe(200);
    const limited = await call(sb, 'chat.postMessage', { channel: 'C1', text: 'too fast' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(limited.body).toEqual(FIXTURE_BODY);
    expect(sb.messages('C1').map((m) => m.text)).toEqual(['m0', 'm1', 'm2']);
    // Other channels and the other workspace are not affected.
    expect((await call(sb, 'chat.postMessage', { channel: 'C2', text: 'other channel' })).status).toBe(200);
    expect((await call(sb, 'chat.postMessage', { channel: 'C9', text: 'other workspace' })).status).toBe(200);
    clock.advance(1000);
    expect((await call(sb, 'chat.postMessage', { channel: 'C1', text: 'later' })).status).toBe(200);
  });

  it('limits each method per workspace (configurable per minute)', async () => {
    const clock = createManualClock(0);
    sb = await startSeeded({ now: clock.now, rateLimits: { perMinute: { 'users.info': 2 } } });
    expect((await call(sb, 'users.info', { user: 'U1' })).status).toBe(200);
    expect((await call(sb, 'users.info', { user: 'U2' })).status).toBe(200);
    const limited = await call(sb, 'users.info', { user: 'U1' });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '30']);
    expect((await call(sb, 'users.info', { user: 'U3' })).status).toBe(200); // T2 has its own bucket
  });

  it('surfaces as WebAPIRateLimitedError with retryAfter in WebClient', async () => {
    sb = await startSeeded({ now: createManualClock(0).now });
    const web = webClient(sb);
    for (let i = 0; i < 3; i++) await web.chat.postMessage({ channel: 'C1', text: `m${i}` });
    const error = (await web.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBe(1);
  });
});

describe('fault injection', () => {
  it('storms the next N calls with 429 and a given Retry-After', async () => {
    sb = await startSeeded();
    sb.faults.rateLimitStorm('chat.postMessage', { count: 2, retryAfter: 7 });
    const web = webClient(sb);
    for (let i = 0; i < 2; i++) await expect(web.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ retryAfter: 7 });
    await expect(web.chat.postMessage({ channel: 'C1', text: 'ok now' })).resolves.toMatchObject({ ok: true });
    expect(sb.messages('C1')).toHaveLength(1);
    expect(sb.calls('chat.postMessage').map((c) => c.fault)).toEqual(['rate_limit_storm', 'rate_limit_storm', undefined]);
  });

  it('answers 5xx for the next N calls', async () => {
    sb = await startSeeded();
    sb.faults.serverErrors('users.info', { count: 1, status: 503 });
    const web = webClient(sb);
    await expect(web.users.info({ user: 'U1' })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    await expect(web.users.info({ user: 'U1' })).resolves.toMatchObject({ ok: true });
  });

  it('drops connections without an answer', async () => {
    sb = await startSeeded();
    sb.faults.dropConnections('*', { count: 1 });
    await expect(call(sb, 'auth.test')).rejects.toThrow();
    expect((await call(sb, 'auth.test')).body.ok).toBe(true);
    expect(sb.calls('auth.test')[0]?.fault).toBe('dropped');
  });

  it('adds latency per method and clears', async () => {
    sb = await startSeeded();
    sb.faults.latency('auth.test', 150);
    const started = performance.now();
    await call(sb, 'auth.test');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    sb.faults.clear();
    const again = performance.now();
    await call(sb, 'auth.test');
    expect(performance.now() - again).toBeLessThan(140);
  });
});
