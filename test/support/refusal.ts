/**
 * "Refused, and nothing changed": waits until the worker has delivered every message (so the database is
 * at rest), runs the command, and checks the reply is a valid ⚠️ message matching `expected` and the
 * database is byte-for-byte as before.
 */
import { expect } from 'vitest';
import { validateMessage } from '../../src/sandbox/index.ts';
import type { TestApp } from './app.ts';
import { concord } from './commands.ts';
import { snapshotDatabase } from './snapshot.ts';

export async function deliveriesSettled(t: TestApp, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await t.db.outboundMessage.count({ where: { status: { in: ['pending', 'sending'] } } })) > 0) {
    if (Date.now() > until) throw new Error(`messages were not delivered within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function refusedUnchanged(t: TestApp, user: string, text: string, expected: RegExp): Promise<string> {
  await deliveriesSettled(t);
  const before = await snapshotDatabase(t.db);
  const seen = await concord(t, user, text);
  expect(seen.status).toBe(200);
  expect(seen.text).toMatch(expected);
  expect(seen.text).toContain('⚠️');
  expect(validateMessage({ text: seen.text, blocks: seen.blocks })).toEqual([]);
  expect(await snapshotDatabase(t.db)).toBe(before);
  return seen.text;
}
