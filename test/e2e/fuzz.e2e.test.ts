/**
 * 5,000 random and malformed command texts through the real HTTP endpoint: no 5xx, no unhandled error,
 * every reply a helpful ephemeral message, and the database unchanged (sent by a plain member).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { snapshotDatabase } from '../support/snapshot.ts';
import { fuzzCorpus } from '../support/fuzz-corpus.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  for (const text of ['setup "IOCC"', 'org add WHO "World Health Organization"', `member add <@${t.iomc.focalPoints.WHO}> WHO as:focal`]) {
    expect((await concord(t, t.iomc.secretariat, text)).text).toMatch(/✅/);
  }
  // `calendar` (open to everyone) issues the feed link the first time; issue it now so the fuzz changes nothing.
  expect((await concord(t, t.iomc.secretariat, 'calendar')).text).toMatch(/\.ics/);
});
afterAll(async () => {
  await t?.close();
});

describe('fuzzing /concord over HTTP', () => {
  it('answers 5,000 malformed texts with helpful ephemerals and changes nothing', { timeout: 120_000 }, async () => {
    const corpus = fuzzCorpus(Number(process.env.FUZZ_COUNT ?? 5000), 20261122);
    const before = await snapshotDatabase(t.db);
    const failures: string[] = [];
    const user = t.iomc.focalPoints.WHO;
    let next = 0;
    const worker = async () => {
      while (next < corpus.length) {
        const text = corpus[next++]!;
        const r = await t.sandbox.driver.slashCommand({ userId: user, channelId: t.iomc.channelId, text });
        const body = r.body as { text?: string; response_type?: string };
        const ok =
          r.status === 200 &&
          !r.timedOut &&
          typeof body === 'object' &&
          body.response_type === 'ephemeral' &&
          typeof body.text === 'string' &&
          body.text.trim().length > 0 &&
          !/Something went wrong/.test(body.text);
        if (!ok) failures.push(`${JSON.stringify(text).slice(0, 120)} → ${r.status} ${JSON.stringify(body).slice(0, 200)}`);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(failures.slice(0, 10)).toEqual([]);
    expect(await snapshotDatabase(t.db)).toBe(before);
    expect(t.sandbox.problems()).toEqual([]);
  });
});
