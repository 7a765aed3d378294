/**
 * The calendar as a secretariat tries it today: the 2025 BRS COPs, 13MSP and an IOCC meeting; "Work plan
 * circulated" 60 days before 13MSP; 13MSP moves and the deadline moves with it; the feed agrees.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { readFeed } from '../integration/calendar/ical-client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  expect((await concord(t, t.iomc.secretariat, 'setup "IOCC" tz:Europe/Zurich')).text).toMatch(/✅/);
  expect((await concord(t, t.iomc.secretariat, `role <@${t.iomc.chair}> chair`)).text).toMatch(/✅/);
});
afterAll(async () => {
  await t?.close();
});

it('walks through meetings, a relative deadline and a move, in replies, the channel and the feed', async () => {
  const sec = t.iomc.secretariat;
  const brs = await concord(t, sec, 'meeting add "BC COP-17 / RC COP-12 / SC COP-12" 2025-04-28..2025-05-09 tz:Europe/Zurich at:"CICG, Geneva" body:"BRS COPs"');
  expect(brs.text).toMatch(/Added \*M-1\*/);
  const msp = await concord(t, sec, 'meeting add "13MSP" 2025-09-16..2025-09-19 tz:Europe/Zurich at:"Palais des Nations, Geneva" body:"CCM MSP"');
  expect(msp.text).toMatch(/Added \*M-2\*/);
  const iocc = await concord(t, t.iomc.chair, 'meeting add "IOCC-61" 2026-12-03 time:14:00-16:00 tz:Europe/Zurich body:"IOCC"');
  expect(iocc.text).toMatch(/Added \*M-3\*/);

  const dl = await concord(t, sec, 'deadline add "Work plan circulated" 60 days before M-2');
  expect(dl.text).toMatch(/Added \*D-1\*.*due \*Fri 18 Jul 2025\*/);
  expect(dl.text).toMatch(/already past/);

  const moved = await concord(t, sec, 'meeting move M-2 2025-09-23..2025-09-26');
  expect(moved.text).toMatch(/23–26 Sep 2025/);
  expect(moved.text).toMatch(/D-1/);
  expect(moved.text).toMatch(/Fri 25 Jul 2025/);
  const announced = await t.sandbox.waitForMessage(t.iomc.channelId, (m) => /moved/.test(m.text) && /25 Jul 2025/.test(JSON.stringify(m)), 10_000);
  expect(announced).toBeTruthy();
  expect((await t.db.deadline.findFirstOrThrow({ where: { number: 1 } })).effectiveDue).toBe('2025-07-25');

  // The link carries PUBLIC_URL; the test server listens on a random port, so only its path is used.
  const path = (await concord(t, t.iomc.focalPoints.UNEP, 'calendar')).text.match(/\/calendar\/[A-Za-z0-9_-]+\.ics/)![0];
  const feed = readFeed(await (await fetch(`${t.url}${path}`)).text());
  const bySummary = (s: RegExp) => feed.events.find((e) => s.test(e.summary));
  expect(bySummary(/13MSP/)).toMatchObject({ allDay: true, start: '2025-09-23', end: '2025-09-26' });
  expect(bySummary(/BC COP-17/)).toMatchObject({ start: '2025-04-28', end: '2025-05-09' });
  expect(bySummary(/Work plan circulated/)).toMatchObject({ start: '2025-07-25' });
  expect(bySummary(/IOCC-61/)).toMatchObject({ allDay: false, tzid: 'Europe/Zurich' });
});
