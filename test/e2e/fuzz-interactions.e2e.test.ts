/**
 * Malformed and hostile interaction payloads, signed and form-encoded like Slack's, through the real HTTP
 * endpoint (test/support/interaction-fuzz-corpus.ts). The corpus starts from payloads the sandbox sent for
 * real clicks and submissions. For every case: HTTP 200 within Slack's 3 s, what the user must notice
 * (an ephemeral explanation, inline modal errors, the modal opening), no internal error text or stack trace
 * in anything the app sent to Slack, and the database byte-for-byte unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { snapshotDatabase } from '../support/snapshot.ts';
import { deliveriesSettled } from '../support/refusal.ts';
import { interactionFuzzCases, type InteractionCase, type InteractionWorld, type Live, type Templates } from '../support/interaction-fuzz-corpus.ts';
import { FOLLOWUP_ACTIONS, FOLLOWUP_SNOOZE_MODAL, FOLLOWUP_UPDATE_MODAL, MEETING_MODAL } from '../../src/slack/ids.ts';
import type { DriverResponse } from '../../src/sandbox/index.ts';

/** What must never reach a user: the generic failure, error class names, stack frames, JS leftovers. */
const INTERNAL =
  /Something went wrong|TypeError|ReferenceError|RangeError|SyntaxError|Prisma|Cannot read prop|is not a function|is not iterable|\bundefined\b|\[object Object\]|\bNaN\b|\bat \S+ \(|\.ts:\d+|node_modules|ECONNREFUSED|invalid byte sequence/;
/** What the HTTP receiver acks when Bolt throws before any listener (src/slack/http-receiver.ts). */
const RECEIVER_FALLBACK = { response_type: 'ephemeral', text: 'Something went wrong on our side. Please try again in a moment.' };
const OTHER = { team: 'T0CBD', channel: 'C0CBDCMS', secretariat: 'U0CBDSEC', member: 'U0CMSFP' };

let t: TestApp;
let world: InteractionWorld;

/** The interaction payload of a delivery the sandbox sent. */
function payloadOf(r: DriverResponse): Record<string, unknown> {
  return JSON.parse(new URLSearchParams(r.request.body).get('payload')!) as Record<string, unknown>;
}

async function capture(send: () => Promise<DriverResponse>): Promise<Record<string, unknown>> {
  const r = await send();
  expect(r.status).toBe(200);
  return payloadOf(r);
}

beforeAll(async () => {
  t = await startTestApp();
  const sb = t.sandbox;
  const fp = t.iomc.focalPoints;
  const sec = t.iomc.secretariat;
  for (const text of [
    'setup "IOCC" tz:Europe/Zurich',
    `role <@${t.iomc.chair}> chair`,
    'org add WHO "World Health Organization" tz:Europe/Zurich',
    'org add FAO "Food and Agriculture Organization" tz:Europe/Rome',
    'org add UNEP "United Nations Environment Programme" tz:Africa/Nairobi',
    `member add <@${fp.WHO}> WHO as:focal`,
    `member add <@${fp.FAO}> FAO as:focal`,
    `member add <@${fp.UNEP}> UNEP as:focal`,
    `role <@${fp.OECD}> observer`,
    'assign WHO,FAO "Fuzz open action" due 2027-01-15',
    'assign WHO "Fuzz done action"',
    'done F-2 WHO',
    'assign WHO "Fuzz cancelled action"',
    'cancel F-3',
  ]) {
    expect((await concord(t, sec, text)).text, text).not.toMatch(/⚠️/);
  }
  // Another workspace with its own committee and follow-up.
  sb.addWorkspace({ id: OTHER.team, name: 'CBD-CMS liaison', domain: 'cbd-cms' });
  sb.addUser({ id: OTHER.secretariat, teamId: OTHER.team, name: 'lea.tremblay', tz: 'America/Toronto' });
  sb.addUser({ id: OTHER.member, teamId: OTHER.team, name: 'jonas.weber', tz: 'Europe/Berlin' });
  sb.addChannel({ id: OTHER.channel, teamId: OTHER.team, name: 'liaison', members: [OTHER.secretariat, OTHER.member, sb.bot.userId] });
  for (const text of ['setup "CBD–CMS liaison group" tz:America/Toronto', 'org add CMS "Convention on Migratory Species"', `member add <@${OTHER.member}> CMS as:focal`, 'assign CMS "Other committee action"']) {
    expect((await concord(t, OTHER.secretariat, text, { channelId: OTHER.channel })).text, text).not.toMatch(/⚠️/);
  }
  const partOf = async (title: string, code: string) =>
    (await t.db.followUpAssignment.findFirstOrThrow({ where: { followUp: { title }, organization: { code } }, select: { id: true } })).id;

  // Real payloads, from clicks and submissions that change nothing.
  const dm = await sb.waitForDirectMessage(fp.WHO, (m) => m.text.includes('Fuzz open action'), 10_000);
  const target = { channelId: dm.channel, messageTs: dm.ts };
  const dmClick = await capture(() => sb.driver.clickButton({ userId: fp.OECD, actionId: FOLLOWUP_ACTIONS.done, target }));
  await sb.waitForEphemeral(fp.OECD, (e) => /can report on follow-ups/.test(e.text), 5000);

  await sb.driver.appHomeOpened({ userId: fp.WHO });
  await sb.waitForHome(fp.WHO, (v) => JSON.stringify(v.definition.blocks).includes('Fuzz open action'), 5000);
  const homeClick = await capture(() => sb.driver.clickButton({ userId: fp.WHO, actionId: FOLLOWUP_ACTIONS.snooze, target: { home: true } }));
  await sb.waitForView(fp.WHO, (v) => v.definition.callback_id === FOLLOWUP_SNOOZE_MODAL.callbackId, 5000);
  const S = FOLLOWUP_SNOOZE_MODAL.fields.reason;
  const snoozeSubmit = await capture(() => sb.driver.submitView({ userId: fp.WHO, values: { [S.blockId]: { [S.actionId]: '' } } }));
  await sb.driver.closeView({ userId: fp.WHO, all: true });

  await sb.driver.clickButton({ userId: fp.WHO, actionId: FOLLOWUP_ACTIONS.update, target });
  await sb.waitForView(fp.WHO, (v) => v.definition.callback_id === FOLLOWUP_UPDATE_MODAL.callbackId, 5000);
  const U = FOLLOWUP_UPDATE_MODAL.fields.text;
  const updateSubmit = await capture(() => sb.driver.submitView({ userId: fp.WHO, values: { [U.blockId]: { [U.actionId]: '' } } }));
  await sb.driver.closeView({ userId: fp.WHO, all: true });

  await concord(t, sec, 'meeting new');
  await sb.waitForView(sec, (v) => v.definition.callback_id === MEETING_MODAL.callbackId, 5000);
  const T = MEETING_MODAL.fields.title;
  const meetingSubmit = await capture(() => sb.driver.submitView({ userId: sec, values: { [T.blockId]: { [T.actionId]: '' } } }));
  await sb.driver.closeView({ userId: sec, all: true });

  const templates: Templates = { dmClick, homeClick, snoozeSubmit, updateSubmit, meetingSubmit };
  for (const [name, p] of Object.entries(templates)) {
    expect(p.type, name).toBe(name.endsWith('Submit') ? 'view_submission' : 'block_actions');
  }
  expect(snoozeSubmit).toMatchObject({ view: { callback_id: FOLLOWUP_SNOOZE_MODAL.callbackId } });
  world = {
    templates,
    teamId: t.iomc.teamId,
    channelId: t.iomc.channelId,
    dm: { channelId: dm.channel, ts: dm.ts },
    users: {
      reporter: fp.WHO,
      otherOrganization: fp.FAO,
      notOnFollowUp: fp.UNEP,
      observer: fp.OECD,
      nonMember: fp.UNIDO,
      secretariat: sec,
      foreign: OTHER.member,
      foreignTeamId: OTHER.team,
      external: t.iomc.external,
      externalTeamId: t.iomc.externalTeamId,
    },
    parts: {
      open: await partOf('Fuzz open action', 'WHO'),
      otherOrganization: await partOf('Fuzz open action', 'FAO'),
      done: await partOf('Fuzz done action', 'WHO'),
      cancelled: await partOf('Fuzz cancelled action', 'WHO'),
      otherCommittee: await partOf('Other committee action', 'CMS'),
    },
    today: '2026-12-01',
  };
  // A person's first form submission learns their Slack time zone (Member.slackTz, for their reminders):
  // each actor submits a refused form once now, so the corpus starts from a database at rest.
  for (const user of Object.values(world.users)) {
    if (!user.startsWith('U')) continue;
    const p = structuredClone(snoozeSubmit);
    p.user = { ...(p.user as object), id: user };
    p.trigger_id = sb.mintTrigger(user).id;
    expect((await sb.driver.interaction(p)).status).toBe(200);
  }
  const unlearned = () => t.db.member.count({ where: { slackUserId: { in: Object.values(world.users) }, slackTz: null } });
  for (const until = Date.now() + 5000; (await unlearned()) > 0 && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await unlearned()).toBe(0);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Every text a user could read in what was sent: fallback texts, block texts, error messages. */
function readable(value: unknown): string {
  return JSON.stringify(value ?? '');
}

/** The lines of the snapshot that differ (one per table: name, row count, hash). */
function changedTables(before: string, after: string): string {
  const was = new Set(before.split('\n'));
  return after
    .split('\n')
    .filter((line) => !was.has(line))
    .join('; ');
}

async function run(c: InteractionCase, live: Live): Promise<string[]> {
  const sb = t.sandbox;
  const problems: string[] = [];
  const user = c.expect.kind === 'told' || c.expect.kind === 'modal' ? c.expect.user : undefined;
  const ephemeralsBefore = user ? sb.ephemerals(user).length : 0;
  const viewsBefore = new Set(user ? sb.openViews(user).map((v) => v.id) : []);
  const r = await sb.driver.interaction(c.build(live));
  if (r.status !== 200 || r.timedOut) problems.push(`HTTP ${r.status}${r.timedOut ? ` after ${Math.round(r.latencyMs)} ms` : ''} ${readable(r.body).slice(0, 200)}`);
  const body = r.body as { response_action?: string; errors?: Record<string, string> } | string;
  if (c.expect.kind === 'unroutable') {
    if (body !== '' && readable(body) !== readable(RECEIVER_FALLBACK)) problems.push(`expected an empty or the receiver's generic ack, got ${readable(body).slice(0, 300)}`);
    return problems;
  }
  if (INTERNAL.test(readable(r.body))) problems.push(`internal text in the ack: ${readable(r.body).slice(0, 300)}`);
  if (c.expect.kind === 'errors') {
    const message = typeof body === 'object' && body.response_action === 'errors' ? body.errors?.[c.expect.block] : undefined;
    if (!message || !c.expect.text.test(message)) problems.push(`expected errors on ${c.expect.block} matching ${c.expect.text}, got ${readable(body).slice(0, 300)}`);
  } else if (body !== '') {
    problems.push(`expected an empty ack, got ${readable(body).slice(0, 300)}`);
  }
  if (c.expect.kind === 'told') {
    const { text } = c.expect;
    const seen = await sb
      .waitFor(
        () =>
          sb.ephemerals(user!).slice(ephemeralsBefore).find((e) => text.test(readable([e.text, e.blocks]))) ??
          sb.openViews(user!).find((v) => !viewsBefore.has(v.id) && text.test(readable(v.definition.blocks))),
        8000,
        `an explanation for ${user}`,
      )
      .catch(() => undefined);
    if (!seen) {
      const got = [...sb.ephemerals(user!).slice(ephemeralsBefore).map((e) => e.text), ...sb.openViews(user!).filter((v) => !viewsBefore.has(v.id)).map((v) => readable(v.definition.blocks))];
      problems.push(`expected ${user} to be told ${c.expect.text}, saw ${readable(got).slice(0, 400)}`);
    }
  }
  if (c.expect.kind === 'modal') {
    const { callbackId } = c.expect;
    const opened = await sb.waitFor(() => sb.openViews(user!).find((v) => !viewsBefore.has(v.id) && v.definition.callback_id === callbackId), 8000).catch(() => undefined);
    if (!opened) problems.push(`expected the ${callbackId} modal to open for ${user}`);
  }
  if (user && sb.openViews(user).length) await sb.driver.closeView({ userId: user, all: true });
  return problems;
}

describe('fuzzing the interaction endpoint', () => {
  it('answers every malformed or hostile interaction with a 200, a clear answer, and no change', { timeout: 120_000 }, async () => {
    const sb = t.sandbox;
    const cases = interactionFuzzCases(world);
    expect(cases.length).toBeGreaterThan(100);
    const live: Live = {
      trigger: (userId) => sb.mintTrigger(userId).id,
      responseUrl: (userId, channelId, messageTs) => {
        const teamId = sb.users().find((u) => u.id === userId)?.teamId ?? world.teamId;
        return sb.mintResponseUrl({ teamId, userId, channelId, source: messageTs ? 'message' : 'command', ...(messageTs ? { messageTs } : {}) });
      },
    };
    await deliveriesSettled(t);
    const before = await snapshotDatabase(t.db);
    const firstCall = sb.calls().length;
    const failures: string[] = [];
    for (const c of cases) {
      const calls = sb.calls().length;
      const problems = await run(c, live);
      for (const call of sb.calls().slice(calls)) {
        if (INTERNAL.test(readable(call.args))) problems.push(`internal text sent with ${call.method}: ${readable(call.args).slice(0, 300)}`);
        if (['chat.postMessage', 'chat.update', 'views.publish', 'chat.delete'].includes(call.method)) problems.push(`${call.method} called: ${readable(call.args).slice(0, 200)}`);
      }
      const after = await snapshotDatabase(t.db);
      if (after !== before) {
        problems.push(`the database changed: ${changedTables(before, after)}`);
        failures.push(`${c.name}: ${problems.join('; ')}`);
        break;
      }
      if (problems.length) failures.push(`${c.name}: ${problems.join('; ')}`);
    }
    // Late work of the quiet cases: whatever the app still sends must be clean too, and change nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await deliveriesSettled(t);
    for (const call of sb.calls().slice(firstCall)) {
      if (INTERNAL.test(readable(call.args))) failures.push(`late: internal text sent with ${call.method}: ${readable(call.args).slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshotDatabase(t.db)).toBe(before);
    expect(sb.problems()).toEqual([]);
  });
});
