/**
 * Issue 5 as the IOCC would use it in Slack: meetings and deadlines through /concord and the `meeting new`
 * modal, announcements in #iocc, lists seen from other time zones, the private ICS feed over HTTP. Dates are
 * in 2027: the app runs on the real clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { deliveriesSettled, refusedUnchanged } from '../support/refusal.ts';
import { snapshotDatabase } from '../support/snapshot.ts';
import { validateMessage } from '../../src/sandbox/index.ts';
import { readFeed } from '../integration/calendar/ical-client.ts';
import { MEETING_MODAL } from '../../src/slack/ids.ts';

let t: TestApp;
let secretariat: string;
let chair: string;
beforeAll(async () => {
  t = await startTestApp();
  secretariat = t.iomc.secretariat;
  chair = t.iomc.chair;
  const ok = async (user: string, text: string) => expect((await concord(t, user, text)).text).toMatch(/✅/);
  await ok(secretariat, 'setup "IOMC Inter-Organization Coordinating Committee" tz:Europe/Zurich');
  await ok(secretariat, 'org add UNEP "United Nations Environment Programme" tz:Africa/Nairobi');
  await ok(secretariat, 'org add WHO "World Health Organization" tz:Europe/Zurich');
  await ok(secretariat, `role <@${chair}> chair`);
});
afterAll(async () => {
  await t?.close();
});

const announcement = (needle: string) => t.sandbox.waitForMessage(t.iomc.channelId, (m) => m.text.includes(needle), 10_000);

const unchanged = (user: string, text: string, expected: RegExp) => refusedUnchanged(t, user, text, expected);
const settled = () => deliveriesSettled(t);

describe('meetings and deadlines through /concord', () => {
  it('adds a meeting, announces it in the channel, and the relative deadline is computed and announced', async () => {
    const added = await concord(t, secretariat, 'meeting add "GFC IC-2" 2027-11-15..2027-11-19 tz:Europe/Zurich at:"CICG, Geneva" body:"GFC" kind:governing-body');
    expect(added.text).toContain('Added *M-1* · GFC IC-2: 15–19 Nov 2027, CICG, Geneva (governing body).');
    const posted = await announcement('*M-1* GFC IC-2 added');
    expect(posted.text).toContain('15–19 Nov 2027, CICG, Geneva');

    const deadline = await concord(t, chair, 'deadline add "Input papers for IC-2" 6 weeks before M-1 orgs:UNEP,who');
    expect(deadline.text).toContain('Added *D-1* · Input papers for IC-2: due *Mon 4 Oct 2027* (6 weeks before *M-1* GFC IC-2; it moves if the meeting moves), for UNEP, WHO.');
    await announcement('*D-1* Input papers for IC-2 added');
  });

  it('moving the meeting moves the deadline, and both the reply and the announcement say so', async () => {
    const moved = await concord(t, chair, 'meeting move m1 2027-11-16..2027-11-20');
    expect(moved.text).toContain('Moved *M-1* · GFC IC-2: 16–20 Nov 2027');
    expect(moved.text).toContain('*D-1* Input papers for IC-2: Mon 4 Oct 2027 → Tue 5 Oct 2027');
    const posted = await announcement('*M-1* GFC IC-2 moved');
    expect(posted.text).toContain('15–19 Nov 2027 → 16–20 Nov 2027');
    expect(posted.text).toContain('Mon 4 Oct 2027 → *Tue 5 Oct 2027*');
    const list = await concord(t, t.iomc.focalPoints.WHO, 'deadlines 365');
    expect(list.text).toContain('due *Tue 5 Oct 2027*');
    expect(list.text).toContain('6 weeks before M-1 (GFC IC-2)');
    expect(validateMessage({ text: list.text, blocks: list.blocks })).toEqual([]);
  });

  it('a date-only Nairobi meeting is the same dates for a New York viewer; a timed Geneva one shows both times', async () => {
    await concord(t, secretariat, 'meeting add "UNEA-8" 2027-12-06..2027-12-10 tz:Africa/Nairobi at:"UNON, Nairobi" body:"UNEP"');
    const call = await concord(t, secretariat, 'meeting add "IOCC-62 call" 2027-03-28 time:02:30-04:00 tz:Europe/Zurich body:"IOCC"');
    // 28 Mar 2027: clocks in Geneva jump from 02:00 to 03:00.
    expect(call.text).toContain('02:30 does not exist on 2027-03-28 in Europe/Zurich (the clocks go forward), so the meeting starts at 03:30.');
    const seen = await concord(t, t.iomc.focalPoints.UNDP, 'meetings'); // America/New_York, not a member: may read
    expect(validateMessage({ text: seen.text, blocks: seen.blocks })).toEqual([]);
    const unea = seen.text.split('\n').find((l) => l.includes('UNON, Nairobi'))!;
    expect(unea).toContain('6–10 Dec 2027 · UNON, Nairobi');
    expect(unea).not.toContain('<!date');
    expect(seen.text).toContain('Sun 28 Mar 2027, 03:30–04:00 CEST (Europe/Zurich) · your time: <!date^1806197400^{date_short_pretty} at {time}|Sun 28 Mar 2027, 03:30 CEST>');
    // Upcoming first: the March call comes before November and December.
    expect(seen.text.indexOf('IOCC-62 call')).toBeLessThan(seen.text.indexOf('GFC IC-2'));
    const show = await concord(t, t.iomc.focalPoints.UNEP, 'meeting show M-1');
    expect(show.text).toContain('*Deadlines set relative to it*');
    expect(validateMessage({ text: show.text, blocks: show.blocks })).toEqual([]);
  });

  it('bad input gets a clear message with the syntax, and changes nothing', async () => {
    await unchanged(secretariat, 'meeting add "X" 2027-03-05..2027-03-01', /ends \(Mon 1 Mar 2027\) before it starts \(Fri 5 Mar 2027\)/);
    await unchanged(secretariat, 'meeting add "X" 2027-03-01 tz:Europe/Zurik', /Did you mean `Europe\/Zurich`\?/);
    await unchanged(secretariat, 'meeting move M-14 2027-01-01', /There is no M-14; the last meeting is M-3\./);
    await unchanged(secretariat, 'deadline add "Late" 2020-01-01', /Wed 1 Jan 2020 is in the past/);
    await unchanged(secretariat, 'deadline add "Which?" 03/04/2027', /ambiguous: 3 April or March 4\?/);
    await unchanged(secretariat, 'deadline add "X" 2 months before M-1', /Count in days or weeks/);
    await unchanged(secretariat, 'meeting add "X" 2027-03-01 kind:governing', /is not a meeting kind[\s\S]*Did you mean `governing-body`\?/);
    const usage = await unchanged(secretariat, 'meeting add', /Missing the title/);
    expect(usage).toContain('Usage: `/concord meeting add "Title" DATE[..DATE]');
  });

  it('refuses people who are not secretariat or chair, naming who may, and changes nothing', async () => {
    for (const text of ['meeting add "IOCC-63" 2027-06-01', 'meeting move M-1 2027-11-22', 'meeting cancel M-1', 'deadline add "X" 2027-06-01', 'calendar reset']) {
      const seen = await unchanged(t.iomc.focalPoints.UNEP, text, /Only the secretariat or the chair can/);
      expect(seen).toContain(`<@${secretariat}>`);
    }
    const refused = await unchanged(t.iomc.focalPoints.WHO, 'meeting new', /Only the secretariat or the chair can add meetings/);
    expect(refused).toBeTruthy();
    expect(t.sandbox.openViews(t.iomc.focalPoints.WHO)).toEqual([]);
  });

  it('cancelling the meeting lists the deadline left without a meeting', async () => {
    const seen = await concord(t, secretariat, 'meeting cancel M-1');
    expect(seen.text).toContain('Cancelled *M-1* · GFC IC-2.');
    expect(seen.text).toContain('*D-1* Input papers for IC-2 (due Tue 5 Oct 2027)');
    const posted = await announcement('is cancelled');
    expect(posted.text).toContain('now have no meeting');
    await unchanged(secretariat, 'meeting move M-1 2027-11-23', /is cancelled and cannot be moved/);
    await unchanged(secretariat, 'deadline add "X" 1 week before M-1', /is cancelled, so a deadline cannot be set relative to it/);
  });
});

describe('meeting new (modal)', () => {
  const f = MEETING_MODAL.fields;

  it('opens the form (empty ack), shows field errors inline, then adds the meeting and confirms by ephemeral', async () => {
    const r = await t.sandbox.driver.slashCommand({ userId: chair, channelId: t.iomc.channelId, text: 'meeting new' });
    expect(r.status).toBe(200);
    expect(r.body === '' || r.body === undefined).toBe(true);
    const [view] = t.sandbox.openViews(chair);
    expect(view?.definition.callback_id).toBe(MEETING_MODAL.callbackId);

    await settled();
    const before = await snapshotDatabase(t.db);
    const bad = await t.sandbox.driver.submitView({
      userId: chair,
      values: { [f.title.blockId]: 'BRS COPs 2027', [f.startDate.blockId]: '2027-05-10', [f.endDate.blockId]: '2027-05-03', [f.zone.blockId]: 'Geneva' },
    });
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ response_action: 'errors' });
    const errors = t.sandbox.openViews(chair)[0]!.errors!;
    expect(errors[f.endDate.blockId]).toMatch(/before the first day/);
    expect(errors[f.zone.blockId]).toMatch(/Did you mean Europe\/Zurich\?/);
    expect(await snapshotDatabase(t.db)).toBe(before);

    const good = await t.sandbox.driver.submitView({
      userId: chair,
      values: {
        [f.title.blockId]: 'BC COP-18 / RC COP-13 / SC COP-13',
        [f.startDate.blockId]: '2027-05-03',
        [f.endDate.blockId]: '2027-05-14',
        [f.zone.blockId]: 'Europe/Zurich',
        [f.venue.blockId]: 'CICG, Geneva',
        [f.body.blockId]: 'BRS COPs',
        [f.kind.blockId]: 'governing-body',
      },
    });
    expect(good.status).toBe(200);
    expect(t.sandbox.openViews(chair)).toEqual([]);
    const confirmation = await t.sandbox.waitForEphemeral(chair, (e) => e.text.includes('BC COP-18'), 5000);
    expect(confirmation.channel).toBe(t.iomc.channelId);
    expect(confirmation.text).toContain('Added *M-4* · BC COP-18 / RC COP-13 / SC COP-13: 3–14 May 2027, CICG, Geneva.');
    await announcement('*M-4* BC COP-18');
  });
});

describe('the calendar feed', () => {
  it('gives a private URL serving the committee’s ICS; reset revokes it', async () => {
    const seen = await concord(t, t.iomc.focalPoints.UNEP, 'calendar');
    const url = /<(http:\/\/[^>|]+\/calendar\/[A-Za-z0-9_-]{43}\.ics)>/.exec(seen.text)?.[1];
    expect(url, seen.text).toBeDefined();
    expect((await concord(t, secretariat, 'calendar')).text).toContain(url!);
    const path = new URL(url!).pathname;
    const res = await fetch(`${t.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const read = readFeed(await res.text());
    expect(read.name).toBe('IOMC Inter-Organization Coordinating Committee');
    const unea = read.events.find((e) => e.summary === 'UNEA-8')!;
    expect(unea).toMatchObject({ allDay: true, start: '2027-12-06', end: '2027-12-10', location: 'UNON, Nairobi' });
    expect(read.events.find((e) => e.summary === 'GFC IC-2')).toMatchObject({ status: 'CANCELLED' });
    expect(read.events.find((e) => e.summary === 'Deadline: Input papers for IC-2')).toMatchObject({ allDay: true, start: '2027-10-05' });

    const reset = await concord(t, chair, 'calendar reset');
    expect(reset.text).toContain('The old calendar link no longer works');
    expect((await fetch(`${t.url}${path}`)).status).toBe(404);
    const fresh = /<(http:\/\/[^>|]+\.ics)>/.exec(reset.text)![1]!;
    expect((await fetch(`${t.url}${new URL(fresh).pathname}`)).status).toBe(200);
    expect((await fetch(`${t.url}/calendar/not-a-token.ics`)).status).toBe(404);
    await announcement('The calendar feed link was reset');
  });
});
