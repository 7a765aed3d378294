/** SIGTERM's path (RunningConcord.close): in-flight jobs finish before the process lets go. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { addOutbound } from '../../src/outbox/outbox-repository.ts';
import { openPostgres } from '../../src/db/database.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await concord(t, t.iomc.secretariat, 'setup "IOCC"');
});
afterAll(async () => {
  await t?.close();
});

it('finishes a delivery that is under way when shutdown starts, and records it as sent', { timeout: 30_000 }, async () => {
  const committeeId = (await t.db.committee.findFirstOrThrow()).id;
  t.sandbox.faults.latency('chat.postMessage', 1500);
  const id = await addOutbound(t.db, { committeeId, channelId: t.iomc.channelId, text: 'Sent while shutting down' });
  await t.running.worker!.reconcile();
  // Claimed by the worker and waiting on Slack (1.5 s of latency): in flight. Shut down now.
  for (let i = 0; i < 100 && (await t.db.outboundMessage.findUniqueOrThrow({ where: { id } })).status !== 'sending'; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect((await t.db.outboundMessage.findUniqueOrThrow({ where: { id } })).status).toBe('sending');
  await t.running.close();
  const db = await openPostgres(t.config.databaseUrl!);
  try {
    const row = await db.prisma.outboundMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('sent');
    expect(t.sandbox.messages(t.iomc.channelId).filter((m) => m.text === 'Sent while shutting down')).toHaveLength(1);
  } finally {
    await db.close();
  }
});
