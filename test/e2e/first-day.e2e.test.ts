/**
 * Issue 13, points 8–10 and 12: the rough edges a secretariat hits on the first day, through /concord
 * against the sandbox. The app runs on the real clock; dates typed here are 2028 or relative.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

let t: TestApp;
let sec: string;
const say = (text: string, user = sec, channelId?: string) => concord(t, user, text, channelId ? { channelId } : {});
const ok = async (text: string) => {
  const seen = await say(text);
  expect(seen.text, text).toMatch(/✅/);
  return seen.text;
};
/** A message posted in #iocc that matches (the sandbox paces posts to one a second per channel, as Slack does). */
const posted = (re: RegExp) => t.sandbox.waitForMessage(t.iomc.channelId, (m) => re.test(m.text ?? ''), 20_000);

beforeAll(async () => {
  t = await startTestApp();
  sec = t.iomc.secretariat;
  await ok('setup "IOCC" tz:Europe/Zurich');
  await ok('org add UNEP "United Nations Environment Programme" tz:Africa/Nairobi');
});
afterAll(async () => {
  await t?.close();
});

describe('setup run again (13.8)', () => {
  it('changes nothing and says the committee exists and how to rename or move it', async () => {
    const before = await snapshotDatabase(t.db);
    const seen = await say('setup "Another committee"');
    expect(seen.text).toMatch(/\*IOCC\* is already set up in <#C0IOCC>/);
    expect(seen.text).toMatch(/nothing was changed/);
    expect(seen.text).toContain('/concord setup rename "New name"');
    expect(seen.text).not.toMatch(/now lives in|Another committee/);
    expect(await snapshotDatabase(t.db)).toBe(before);
  });

  it('refuses anyone but the secretariat, naming who may', async () => {
    const seen = await say('setup rename "Hijacked"', t.iomc.focalPoints.UNEP);
    expect(seen.text).toMatch(/Only the secretariat can change the committee set-up/);
    expect(seen.text).toContain(`<@${sec}>`);
  });

  it('setup rename renames the committee and announces it in the channel', async () => {
    const text = await ok('setup rename "IOMC Inter-Organization Coordinating Committee"');
    expect(text).toMatch(/renamed \*IOCC\* → \*IOMC Inter-Organization Coordinating Committee\*/);
    expect(text).toMatch(/Announced in <#C0IOCC>/);
    const message = await posted(/Committee set-up changed: renamed/);
    expect(message.text).toContain(`by <@${sec}>`);
    expect((await say('whoami')).text).toMatch(/secretariat/);
    expect((await say('setup rename "IOMC Inter-Organization Coordinating Committee"')).text).toMatch(/already has that name; nothing changed/);
  });

  it('setup move makes this channel the home, announced in both channels; setup there says so', async () => {
    t.sandbox.addChannel({ id: 'C0SECR', teamId: t.iomc.teamId, name: 'iomc-secretariat', members: [sec] });
    const text = (await say('setup move', sec, 'C0SECR')).text;
    expect(text).toMatch(/home channel <#C0IOCC> → <#C0SECR>/);
    for (const channel of ['C0SECR', 'C0IOCC']) await t.sandbox.waitForMessage(channel, (m) => /home channel <#C0IOCC> → <#C0SECR>/.test(m.text ?? ''), 20_000);
    expect((await say('setup "IOCC"', sec, 'C0IOCC')).text).toContain('/concord setup move');
    expect((await say('setup move', sec, 'C0IOCC')).text).toMatch(/✅/);
  });

  it('setup zone takes a zone with a space like any tz, with a did-you-mean', async () => {
    expect((await say('setup zone New York')).text).toMatch(/Did you mean `America\/New_York`/);
    expect((await say('setup zone Europe/Zurich')).text).toMatch(/already has that time zone; nothing changed/);
  });
});

describe('tz:New York (13.9)', () => {
  it('gets the same did-you-mean as tz:Geneva and a hint to quote it', async () => {
    const geneva = await say('org add WB "World Bank Group" tz:Geneva');
    expect(geneva.text).toMatch(/Did you mean `Europe\/Zurich`/);
    const spaced = await say('org add WB "World Bank Group" tz:New York');
    expect(spaced.text).not.toMatch(/Unexpected “York”/);
    expect(spaced.text).toMatch(/“New York” is not a time zone I know\. Did you mean America\/New_York\?/);
    expect(spaced.text).toContain('tz:"New York"');
    expect(spaced.text).toMatch(/Did you mean `tz:America\/New_York`/);
    expect((await say('org add WB "World Bank Group" tz:"New York"')).text).toMatch(/“New York” is not a time zone I know\. Did you mean `America\/New_York`/);
    await ok('org add WB "World Bank Group" tz:America/New_York');
  });
});

describe('duplicates and the past (13.10)', () => {
  it('refuses the same title on the same date, naming the existing meeting; force insists', async () => {
    const first = await ok('meeting add "16MSP" 2028-09-12..2028-09-15 tz:Europe/Zurich body:"CCM MSP"');
    const id = /\*(M-\d+)\*/.exec(first)![1]!;
    const before = await snapshotDatabase(t.db);
    const again = await say('meeting add "16msp" 2028-09-12 tz:Europe/Zurich');
    expect(again.text).toMatch(/⚠️/);
    expect(again.text).toContain(`${id} “16MSP” already starts on Tue 12 Sep 2028`);
    expect(again.text).toMatch(/Nothing was added.*force at the end/);
    expect(await snapshotDatabase(t.db)).toBe(before);
    const forced = await ok('meeting add "16MSP" 2028-09-12..2028-09-15 tz:Europe/Zurich force');
    expect(forced).not.toContain(id);
    // A cancelled meeting does not block adding it again.
    await ok(`meeting cancel ${/\*(M-\d+)\*/.exec(forced)![1]}`);
  });

  it('says so when a meeting is in the past (history is kept) and not when it is ahead', async () => {
    const past = await ok('meeting add "13MSP" 2025-09-16..2025-09-19 tz:Europe/Zurich body:"CCM MSP"');
    expect(past).toMatch(/Note: that meeting is in the past \(it ended Fri 19 Sep 2025\)/);
    expect(past).toMatch(/meeting move M-\d+ DATE/);
    expect(await ok('meeting add "IOCC call" next Tuesday time:14:00 tz:Europe/Zurich')).not.toMatch(/in the past/);
  });

  it('every:year with a date already past says the first one is next year', async () => {
    const text = await ok('deadline add "Article 7 transparency reports" 2026-04-30 every:year');
    expect(text).toMatch(/due \*Fri 30 Apr 2027\* \(every year\)/);
    expect(text).toMatch(/Note: Thu 30 Apr 2026 has already passed, so the first one is due Fri 30 Apr 2027\./);
    expect(await ok('deadline add "Stockholm national reports" 2028-08-31 every:year')).not.toMatch(/already passed/);
  });
});

describe('text (13.12)', () => {
  it('a deadline for everyone is “for the whole committee”; deadline cancel says it was announced', async () => {
    const added = await ok('deadline add "ISU work plan circulated" 2028-07-14');
    expect(added).toMatch(/for the whole committee\./);
    const id = /\*(D-\d+)\*/.exec(added)![1]!;
    const cancelled = await ok(`deadline cancel ${id}`);
    expect(cancelled).toMatch(/Announced in <#C0IOCC>\./);
    expect((await posted(new RegExp(`\\*${id}\\*.* is cancelled`))).text).toContain(`by <@${sec}>`);
  });

  it('meetings all body:… with no match does not suggest the command just typed', async () => {
    const all = await say('meetings all body:"GFC"');
    expect(all.text).toMatch(/No meetings match body:“GFC”/);
    expect(all.text).not.toContain('meetings all body');
    expect(all.text).toContain('`/concord meetings all`');
    const upcoming = await say('meetings body:"GFC"');
    expect(upcoming.text).toContain('/concord meetings all body:"GFC"');
  });

  it('“Upcoming meetings (n)” counts the cancelled one apart', async () => {
    const seen = await say('meetings');
    // 16MSP, the IOCC call, and the forced 16MSP that was cancelled.
    expect(seen.text).toMatch(/Upcoming meetings \(2 \+ 1 cancelled\)/);
  });

  it('meeting add’s usage line names url: and doc:', async () => {
    const seen = await say('meeting add');
    expect(seen.text).toMatch(/\[url:https:\/\/…\] \[doc:SYMBOL\]/);
  });
});
