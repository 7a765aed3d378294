/**
 * Slack's limits are per method per workspace: once chat.postMessage answers HTTP 429 with Retry-After,
 * it refuses every channel of that workspace until then. The outbox holds the method for the whole
 * workspace: deliveries to other channels wait for the end of the hold instead of being refused one by
 * one, and each message still goes out exactly once. chat.update has a limit of its own, so it is not held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { addDirectMessage, addMessageUpdate, addOutbound } from '../../src/outbox/outbox-repository.ts';
import { enqueueDeliveries } from '../../jobs/queue.ts';

let t: TestApp;
let committeeId: string;
beforeAll(async () => {
  t = await startTestApp();
  await concord(t, t.iomc.secretariat, 'setup "IOCC"');
  committeeId = (await t.db.committee.findFirstOrThrow()).id;
  await until(async () => (await t.db.outboundMessage.count({ where: { status: { not: 'sent' } } })) === 0, 30_000);
});
afterAll(async () => {
  t.sandbox.faults.clear();
  await t?.close();
});

async function until(probe: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const postCalls = () => t.sandbox.calls('chat.postMessage');
const refused = (from: number) => postCalls().slice(from).filter((c) => c.status === 429);
const allSent = (ids: string[]) => async () => (await t.db.outboundMessage.count({ where: { id: { in: ids }, status: 'sent' } })) === ids.length;
/** Each focal point's DM is a conversation of its own (its own per-channel order and slot). */
const focalPoints = () => Object.values(t.iomc.focalPoints);

/** How many messages with exactly this text the workspace holds: in the committee channel and in each DM. */
function copies(text: string): number {
  const inChannel = t.sandbox.messages(t.iomc.channelId).filter((m) => m.text === text).length;
  return inChannel + focalPoints().reduce((n, u) => n + t.sandbox.directMessages(u).filter((m) => m.text === text).length, 0);
}

describe('a 429 holds chat.postMessage for the whole workspace', () => {
  it('messages to other conversations wait out the hold instead of each being refused, and all arrive once', { timeout: 40_000 }, async () => {
    const from = postCalls().length;
    t.sandbox.faults.rateLimitFor('chat.postMessage', 3);
    const first = await addOutbound(t.db, { committeeId, channelId: t.iomc.channelId, text: 'Hold 0' });
    await enqueueDeliveries(t.running.worker!.queue, [first]);
    await until(async () => (await (await t.running.worker!.queue.getJob(`deliver-${first}`))?.getState()) === 'delayed');
    const refusedAt = refused(from)[0]!.time;

    // While the workspace is held, messages to five other conversations (DMs) come.
    const others: string[] = [];
    for (const [i, userId] of focalPoints().entries()) others.push(await addDirectMessage(t.db, { committeeId, userId, text: `Hold ${i + 1}` }));
    await enqueueDeliveries(t.running.worker!.queue, others);
    await until(allSent([first, ...others]));

    expect(refused(from)).toHaveLength(1); // one refusal for the hold, not one per conversation
    const delivered = postCalls().slice(from).filter((c) => c.status === 200 && /^Hold \d$/.test(String(c.args.text)));
    expect(delivered).toHaveLength(1 + others.length);
    // Nothing was posted before Slack's Retry-After (3 s) had passed.
    for (const call of delivered) expect(call.time - refusedAt).toBeGreaterThanOrEqual(2000);
    for (let i = 0; i <= others.length; i++) expect(copies(`Hold ${i}`)).toBe(1);
  });

  it('messages due together in many conversations make about one refusal per hold (at most one per job running at once)', { timeout: 40_000 }, async () => {
    const from = postCalls().length;
    t.sandbox.faults.rateLimitFor('chat.postMessage', 2);
    const ids = [await addOutbound(t.db, { committeeId, channelId: t.iomc.channelId, text: 'Together 0' })];
    for (const [i, userId] of focalPoints().entries()) ids.push(await addDirectMessage(t.db, { committeeId, userId, text: `Together ${i + 1}` }));
    await enqueueDeliveries(t.running.worker!.queue, ids);
    await until(allSent(ids));

    // The worker runs 4 jobs at once: those already calling when the first 429 came are refused too.
    expect(refused(from).length).toBeGreaterThanOrEqual(1);
    expect(refused(from).length).toBeLessThanOrEqual(4);
    expect(refused(from).length).toBeLessThan(ids.length);
    for (let i = 0; i < ids.length; i++) expect(copies(`Together ${i}`)).toBe(1);
  });

  it('does not hold chat.update, which has a limit of its own', { timeout: 30_000 }, async () => {
    const original = await addOutbound(t.db, { committeeId, channelId: t.iomc.channelId, text: 'Before the edit' });
    await enqueueDeliveries(t.running.worker!.queue, [original]);
    await until(allSent([original]));

    const from = postCalls().length;
    t.sandbox.faults.rateLimitFor('chat.postMessage', 10);
    const held = await addDirectMessage(t.db, { committeeId, userId: focalPoints()[0]!, text: 'Held for 10 s' });
    await enqueueDeliveries(t.running.worker!.queue, [held]);
    await until(() => refused(from).length === 1);
    const edit = await addMessageUpdate(t.db, { committeeId, of: original, text: 'After the edit' });
    await enqueueDeliveries(t.running.worker!.queue, [edit]);
    await until(allSent([edit]), 5000); // well within the chat.postMessage hold

    expect(t.sandbox.messages(t.iomc.channelId).filter((m) => m.text === 'After the edit')).toHaveLength(1);
    expect((await t.db.outboundMessage.findUniqueOrThrow({ where: { id: held } })).status).toBe('pending');
    t.sandbox.faults.clear('chat.postMessage');
  });
});
