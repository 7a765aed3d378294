/**
 * trigger_id lifetime and the views.* methods: stack limit, update by id/external_id with hash, Home tab.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock, type Sandbox } from '../../../src/sandbox/index.ts';
import { call, startSeeded } from './helpers.ts';

const plain = (text: string) => ({ type: 'plain_text', text });
const modal = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain(title),
  close: plain('Cancel'),
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: title } }],
  ...extra,
});

let sb: Sandbox;
let clock: ManualClock;
beforeEach(async () => {
  clock = createManualClock(Date.parse('2026-03-01T09:00:00Z'));
  sb = await startSeeded({ now: clock.now });
});
afterEach(() => sb.close());

async function open(title: string, triggerId = sb.mintTrigger('U1').id) {
  return call(sb, 'views.open', { trigger_id: triggerId, view: modal(title) });
}

describe('trigger_id', () => {
  it('works once, within 3 seconds, and only if minted', async () => {
    const trigger = sb.mintTrigger('U1').id;
    expect((await open('First', trigger)).body.ok).toBe(true);
    expect((await open('Again', trigger)).body).toEqual({ ok: false, error: 'exchanged_trigger_id' });
    const late = sb.mintTrigger('U1').id;
    clock.advance(3001);
    expect((await open('Late', late)).body).toEqual({ ok: false, error: 'expired_trigger_id' });
    expect((await open('Made up', '123.456.abc')).body).toEqual({ ok: false, error: 'invalid_trigger_id' });
    expect(sb.openViews('U1').map((v) => (v.definition.title as { text: string }).text)).toEqual(['First']);
  });

  it('does not burn the trigger when the view is invalid', async () => {
    const trigger = sb.mintTrigger('U1').id;
    const bad = await call(sb, 'views.open', { trigger_id: trigger, view: { type: 'modal', blocks: [] } });
    expect(bad.body).toEqual({ ok: false, error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] missing required field: title [json-pointer:/view]'] } });
    expect((await open('Fixed', trigger)).body.ok).toBe(true);
  });
});

describe('views.*', () => {
  it('returns the view object and stacks at most 3 views', async () => {
    const opened = await open('One');
    expect(opened.body.view).toMatchObject({ id: expect.stringMatching(/^V/), type: 'modal', team_id: 'T1', hash: expect.any(String), state: { values: {} } });
    expect((await call(sb, 'views.push', { trigger_id: sb.mintTrigger('U1').id, view: modal('Two') })).body.ok).toBe(true);
    expect((await call(sb, 'views.push', { trigger_id: sb.mintTrigger('U1').id, view: modal('Three') })).body.ok).toBe(true);
    expect((await call(sb, 'views.push', { trigger_id: sb.mintTrigger('U1').id, view: modal('Four') })).body).toEqual({ ok: false, error: 'push_limit_reached' });
    const stack = sb.openViews('U1');
    expect(stack).toHaveLength(3);
    expect(stack[2]?.previousViewId).toBe(stack[1]?.id);
    expect(stack[2]?.rootViewId).toBe(stack[0]?.id);
  });

  it('updates by view_id or external_id and refuses a stale hash', async () => {
    const opened = await call(sb, 'views.open', { trigger_id: sb.mintTrigger('U1').id, view: modal('Draft', { external_id: 'meeting-61' }) });
    const view = opened.body.view as { id: string; hash: string };
    const byId = await call(sb, 'views.update', { view_id: view.id, hash: view.hash, view: modal('Saved') });
    expect(byId.body.ok).toBe(true);
    expect((await call(sb, 'views.update', { view_id: view.id, hash: view.hash, view: modal('Stale') })).body).toEqual({ ok: false, error: 'hash_conflict' });
    const byExternal = await call(sb, 'views.update', { external_id: 'meeting-61', view: modal('By external id') });
    expect(byExternal.body.view).toMatchObject({ id: view.id });
    expect((await call(sb, 'views.update', { view_id: 'V404', view: modal('x') })).body).toEqual({ ok: false, error: 'not_found' });
  });

  it('publishes a Home tab per user, with hash checks', async () => {
    const home = { type: 'home', blocks: [{ type: 'header', text: plain('Your committees') }] };
    const first = await call(sb, 'views.publish', { user_id: 'U1', view: home });
    expect(first.body.view).toMatchObject({ type: 'home' });
    expect(sb.homeTab('U1')?.definition.blocks).toMatchObject(home.blocks);
    expect((await call(sb, 'views.publish', { user_id: 'U1', view: home, hash: 'old' })).body).toEqual({ ok: false, error: 'hash_conflict' });
    expect((await call(sb, 'views.publish', { user_id: 'U404', view: home })).body).toEqual({ ok: false, error: 'user_not_found' });
    const tooLong = await call(sb, 'views.publish', { user_id: 'U1', view: { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) } });
    expect(tooLong.body).toMatchObject({ ok: false, error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] must provide no more than 100 items [json-pointer:/view/blocks]'] } });
  });
});
