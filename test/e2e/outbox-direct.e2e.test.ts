/**
 * Direct messages and edits through the outbox: a DM reaches the person's DM with the bot; a DM Slack
 * refuses (an external user who shares no channel) goes to the fallback channel mentioning them, or fails
 * without one; an edit row updates the message posted earlier, in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { addDirectMessage, addMessageUpdate } from '../../src/outbox/outbox-repository.ts';

let t: TestApp;
let committeeId: string;
beforeAll(async () => {
  t = await startTestApp();
  expect((await concord(t, t.iomc.secretariat, 'setup "IOCC"')).text).toMatch(/✅/);
  committeeId = (await t.db.committee.findFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

const statusOf = async (id: string) => (await t.db.outboundMessage.findUniqueOrThrow({ where: { id } })).status;
const section = (text: string) => [{ type: 'section', text: { type: 'mrkdwn', text } }];

describe('direct messages through the outbox', () => {
  it('reaches the person in their DM with the bot, and an edit updates that message in place', async () => {
    const unep = t.iomc.focalPoints.UNEP;
    const id = await addDirectMessage(t.db, { committeeId, userId: unep, text: 'F-1 assigned to UNEP', blocks: section('*F-1* assigned to UNEP') });
    await t.running.worker!.reconcile();
    await expect.poll(() => statusOf(id), { timeout: 10_000 }).toBe('sent');
    const [dm] = t.sandbox.directMessages(unep);
    expect(dm?.text).toBe('F-1 assigned to UNEP');
    const row = await t.db.outboundMessage.findUniqueOrThrow({ where: { id } });
    expect(row.postedChannelId).toBe(t.sandbox.dmChannel(unep)!.id);
    expect(row.slackTs).toBe(dm!.ts);
    // Posted with the user id as the channel (no conversations.open, Tier 3); Slack's D… answer was recorded.
    expect(t.sandbox.calls('conversations.open')).toHaveLength(0);
    expect(t.sandbox.calls('chat.postMessage').filter((c) => c.args.channel === unep)).toHaveLength(1);
    expect(row.postedChannelId).toMatch(/^D/);

    const edit = await addMessageUpdate(t.db, { committeeId, of: id, text: '✅ F-1 done by UNEP', blocks: section('✅ *F-1* done by UNEP') });
    await t.running.worker!.reconcile();
    await expect.poll(() => statusOf(edit), { timeout: 10_000 }).toBe('sent');
    const messages = t.sandbox.directMessages(unep);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.ts).toBe(dm!.ts);
    expect(messages[0]!.text).toBe('✅ F-1 done by UNEP');
  });

  it('goes to the fallback channel, mentioning the person, when Slack refuses the DM', async () => {
    const external = t.iomc.external;
    const id = await addDirectMessage(t.db, { committeeId, userId: external, text: 'F-2 assigned to OECD', blocks: section('*F-2* assigned to OECD'), fallbackChannelId: t.iomc.channelId });
    await t.running.worker!.reconcile();
    await expect.poll(() => statusOf(id), { timeout: 10_000 }).toBe('sent');
    expect(t.sandbox.directMessages(external)).toHaveLength(0);
    const posted = t.sandbox.messages(t.iomc.channelId).filter((m) => m.text.includes('F-2 assigned to OECD'));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toBe(`<@${external}> F-2 assigned to OECD`);
    expect(JSON.stringify(posted[0]!.blocks)).toContain(`<@${external}>`);
    expect((await t.db.outboundMessage.findUniqueOrThrow({ where: { id } })).postedChannelId).toBe(t.iomc.channelId);
  });

  it('fails (once, not retried) when the DM is refused and there is no fallback channel', async () => {
    const id = await addDirectMessage(t.db, { committeeId, userId: t.iomc.external, text: 'F-3 assigned to OECD' });
    await t.running.worker!.reconcile();
    await expect.poll(() => statusOf(id), { timeout: 10_000 }).toBe('failed');
    const row = await t.db.outboundMessage.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).toBe('channel_not_found'); // chat.postMessage to the user id, refused
    expect(row.attempts).toBe(1);
  });
});
