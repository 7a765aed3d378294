/**
 * Follow-ups as the IOCC uses them in Slack (issue 10, part A): assign over signed /concord requests, the
 * DMs in each focal point's and alternate's DM (the external OECD alternate's in the channel, mentioning
 * them), done / snooze / update per organization, the lists and the detail, reopen, reassign, cancel, and
 * org remove refused while follow-ups are open. Every refusal and bad input changes nothing. Dates are in
 * 2027 or relative: the app runs on the real clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { deliveriesSettled, refusedUnchanged } from '../support/refusal.ts';
import { snapshotDatabase } from '../support/snapshot.ts';
import { validateMessage } from '../../src/sandbox/index.ts';
import { FOLLOWUP_ACTIONS } from '../../src/slack/ids.ts';

let t: TestApp;
let chair: string;
let secretariat: string;
let fp: TestApp['iomc']['focalPoints'];
beforeAll(async () => {
  t = await startTestApp();
  chair = t.iomc.chair;
  secretariat = t.iomc.secretariat;
  fp = t.iomc.focalPoints;
  const ok = async (text: string) => expect((await concord(t, secretariat, text)).text).toMatch(/✅/);
  await ok('setup "IOMC Inter-Organization Coordinating Committee" tz:Europe/Zurich');
  await ok('org add UNEP "United Nations Environment Programme" tz:Africa/Nairobi');
  await ok('org add WHO "World Health Organization" tz:Europe/Zurich');
  await ok('org add FAO "Food and Agriculture Organization" tz:Europe/Rome');
  await ok('org add OECD "Organisation for Economic Co-operation and Development" tz:Europe/Paris');
  await ok('org add UNITAR "United Nations Institute for Training and Research" tz:Europe/Zurich');
  await ok(`role <@${chair}> chair`);
  await ok(`member add <@${fp.UNEP}> UNEP as:focal`);
  await ok(`member add <@${fp.WHO}> WHO as:focal`);
  await ok(`member add <@${fp.FAO}> FAO as:focal`);
  await ok(`member add <@${fp.OECD}> OECD as:focal`);
  await ok(`member add <@${t.iomc.external}> OECD as:alternate`);
});
afterAll(async () => {
  await t?.close();
});

async function ok(user: string, text: string, expected: RegExp | string): Promise<string> {
  const seen = await concord(t, user, text);
  expect(seen.status).toBe(200);
  expect(seen.responseType ?? 'ephemeral').toBe('ephemeral');
  if (typeof expected === 'string') expect(seen.text).toContain(expected);
  else expect(seen.text).toMatch(expected);
  expect(seen.text).not.toContain('⚠️');
  expect(validateMessage({ text: seen.text, blocks: seen.blocks })).toEqual([]);
  return seen.text;
}

const unchanged = (user: string, text: string, expected: RegExp) => refusedUnchanged(t, user, text, expected);
const settled = () => deliveriesSettled(t);

function buttons(blocks: unknown): Array<{ action_id: string; value: string }> {
  const actions = (blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions');
  return actions?.elements ?? [];
}

describe('assign', () => {
  it('creates F-1 for UNEP and WHO; each focal point gets a DM with Done, Snooze and Add update; the channel one announcement', async () => {
    const reply = await ok(chair, 'assign UNEP,WHO "Submit GFC outcomes to UNEA" due in 3 weeks', 'Created *F-1* Submit GFC outcomes to UNEA for UNEP, WHO: due *');
    expect(reply).toContain('(in 21 days)');
    expect(reply).toContain('2 focal points and alternates were notified by DM');
    const parts = await t.db.followUpAssignment.findMany({ include: { organization: true } });
    for (const [code, user] of [['UNEP', fp.UNEP], ['WHO', fp.WHO]] as const) {
      const dm = await t.sandbox.waitForDirectMessage(user, (m) => m.text.includes('F-1'), 10_000);
      expect(dm.text).toContain(`New follow-up for *${code}*: *F-1* Submit GFC outcomes to UNEA`);
      const id = parts.find((p) => p.organization.code === code)!.id;
      expect(buttons(dm.blocks).map((b) => [b.action_id, b.value])).toEqual([
        [FOLLOWUP_ACTIONS.done, id],
        [FOLLOWUP_ACTIONS.snooze, id],
        [FOLLOWUP_ACTIONS.update, id],
      ]);
    }
    expect(JSON.stringify((await t.sandbox.waitForDirectMessage(fp.UNEP, (m) => m.text.includes('F-1'))).blocks)).toContain('(in 21 days) — Africa/Nairobi time');
    await t.sandbox.waitForMessage(t.iomc.channelId, (m) => m.text.includes('📌 *F-1* Submit GFC outcomes to UNEA assigned to UNEP, WHO'), 10_000);
    expect(t.sandbox.directMessages(fp.FAO)).toHaveLength(0);
  });

  it('names an organization with nobody to notify; the external OECD alternate is mentioned in the channel', async () => {
    const reply = await ok(secretariat, 'assign OECD,UNITAR "Share the chemicals webinar calendar" due 2027-03-01', 'Created *F-2*');
    expect(reply).toContain('UNITAR has no focal point or alternate: nobody was notified');
    await t.sandbox.waitForDirectMessage(fp.OECD, (m) => m.text.includes('F-2'), 10_000);
    const fallback = await t.sandbox.waitForMessage(t.iomc.channelId, (m) => m.text.startsWith(`<@${t.iomc.external}>`) && m.text.includes('F-2'), 10_000);
    expect(fallback.text).toContain('New follow-up for *OECD*');
    expect(t.sandbox.directMessages(t.iomc.external)).toHaveLength(0);
  });

  it('refuses a member, and bad input, changing nothing', async () => {
    await unchanged(fp.FAO, 'assign FAO "Anything"', /Only the secretariat or the chair can assign follow-ups/);
    expect(await unchanged(chair, 'assign UNPE "Submit" due 2027-03-01', /There is no organization “UNPE”/)).toContain('Did you mean `UNEP`?');
    await unchanged(chair, 'assign UNEP "Submit" due 2026-01-05', /is in the past .*Which due date did you mean\?/);
    await unchanged(chair, 'assign UNEP "Submit" due someday', /⚠️/);
    await unchanged(chair, 'assign UNEP "Submit" 2027-03-01', /write `due DATE`/);
    expect(await unchanged(chair, 'assign UNEP', /Missing the action in quotes/)).toContain('Usage: `/concord assign CODE[,CODE…]|all "Action" [due DATE] [meeting:M-n]`');
    await unchanged(chair, 'assign UNEP "Submit" meeting:M-7', /There is no M-7: no meeting has been added yet/);
  });
});

describe('done, snooze, update', () => {
  it('UNEP marks its part done; again changes nothing and says who did it', async () => {
    await ok(fp.UNEP, 'done F-1 "Sent to the UNEA secretariat"', "UNEP's part of *F-1* Submit GFC outcomes to UNEA is done. 1/2 done.");
    await settled();
    const before = await snapshotDatabase(t.db);
    await ok(fp.UNEP, 'done F-1', new RegExp(`already done by <@${fp.UNEP}> at <!date\\^\\d+\\^.*: nothing changed`));
    expect(await snapshotDatabase(t.db)).toBe(before);
  });

  it('FAO’s focal point may not mark WHO’s part done, snooze or update it: refused naming who may', async () => {
    const refusal = await unchanged(fp.FAO, 'done F-1 WHO', /Only WHO's focal points, alternates and members, the secretariat or the chair can mark WHO's part of F-1 done/);
    expect(refusal).toContain(`<@${fp.WHO}>`);
    await unchanged(fp.FAO, 'done F-1', /F-1 is assigned to UNEP, WHO: say which/);
    await unchanged(fp.FAO, 'snooze F-1 1 week "No reason" org:WHO', /Only WHO's focal points/);
    await unchanged(fp.FAO, 'update F-1 "Hello" org:WHO', /Only WHO's focal points/);
    await unchanged(chair, 'done F-1 WOH', /WOH has no part in F-1.*Did you mean `WHO`\?/);
    await unchanged(chair, 'done F-9', /There is no F-9; the last follow-up is F-2/);
    await unchanged(chair, 'done M-1', /is not a follow-up id \(M-… is a meeting\)/);
  });

  it('WHO snoozes with a reason (counted); no reason, a past date or nonsense is refused', async () => {
    await ok(fp.WHO, 'snooze F-1 2 weeks "Waiting for the Bureau’s comments"', /WHO's part of \*F-1\* .* is snoozed until \*.*\* \(snoozed 1 time;/);
    await unchanged(fp.WHO, 'snooze F-1 2 weeks', /a reason is required/);
    await unchanged(fp.WHO, 'snooze F-1 2026-01-05 "Later"', /is in the past .*Which date did you mean\?/);
    await unchanged(fp.WHO, 'snooze F-1 whenever "Later"', /⚠️/);
    await unchanged(fp.UNEP, 'snooze F-1 1 week "Busy"', /UNEP's part of F-1 is already done: there is nothing to snooze/);
  });

  it('WHO adds an update without closing; an empty update is refused', async () => {
    await ok(fp.WHO, 'update F-1 "Draft with the DG’s office"', "📝 Update added to WHO's part of *F-1*");
    await unchanged(fp.WHO, 'update F-1', /Missing the update in quotes/);
    await unchanged(fp.WHO, 'update F-1 ""', /update/);
  });
});

describe('lists and detail', () => {
  it('followup F-1 shows 1/2 done, who marked UNEP’s part and when, the note, the snooze with its reason and the update', async () => {
    const text = await ok(fp.FAO, 'followup F-1', '*1/2 done*');
    expect(text).toContain(`*UNEP* — ✅ done by <@${fp.UNEP}>`);
    expect(text).toContain('“Sent to the UNEA secretariat”');
    expect(text).toMatch(/\*WHO\* — ⏳ open · 😴 snoozed until .* \(1×\)/);
    expect(text).toContain('Waiting for the Bureau’s comments');
    expect(text).toContain('Draft with the DG’s office');
    await unchanged(fp.FAO, 'followup F-12', /There is no F-12; the last follow-up is F-2/);
    await unchanged(fp.FAO, 'followup', /Missing a follow-up id/);
  });

  it('followups: mine (default for a focal point), CODE, overdue, all; a misspelt filter gets a did-you-mean', async () => {
    expect(await ok(fp.OECD, 'followups', 'Open follow-ups of OECD (1)')).toContain('*F-2*');
    expect(await ok(fp.UNEP, 'followups mine', 'UNEP has no open follow-ups')).not.toContain('F-1');
    expect(await ok(chair, 'followups who', 'Open follow-ups of WHO (1)')).toContain('1/2 done · open: WHO (😴 1×)');
    await ok(chair, 'followups overdue', 'Nothing is overdue');
    const all = await ok(chair, 'followups', 'All follow-ups (2)');
    expect(all).toContain('*F-1*');
    expect(all).toContain('*F-2*');
    expect(await unchanged(chair, 'followups overdeu', /neither mine, overdue, all nor an organization code/)).toContain('Did you mean `followups overdue`?');
    await unchanged(chair, 'followups mine', /You belong to no organization/);
    await unchanged(chair, 'followups WHO FAO', /Unexpected/);
  });
});

describe('reopen, reassign, cancel', () => {
  it('reopen: officers only; reopens UNEP’s part', async () => {
    await unchanged(fp.WHO, 'reopen F-1 UNEP', /Only the secretariat or the chair can reopen follow-ups/);
    await unchanged(chair, 'reopen F-1', /Missing the organization whose part to reopen/);
    await unchanged(chair, 'reopen F-1 WHO', /WHO's part of F-1 is already open: nothing changed/);
    await ok(chair, 'reopen F-1 UNEP', "UNEP's part of *F-1* Submit GFC outcomes to UNEA is open again (0/2 done)");
  });

  it('reassign: UNITAR’s part of F-2 goes to FAO, whose focal point is notified', async () => {
    await unchanged(fp.FAO, 'reassign F-2 UNITAR FAO', /Only the secretariat or the chair can reassign follow-ups/);
    await unchanged(chair, 'reassign F-2 UNITAR', /Missing the organization taking it over/);
    await unchanged(chair, 'reassign F-2 UNITAR OECD', /OECD already has a part in F-2 \(open\)/);
    await unchanged(chair, 'reassign F-2 UNITR FAO', /Did you mean `UNITAR`\?/);
    await ok(chair, 'reassign F-2 UNITAR FAO', "FAO takes over UNITAR's part of *F-2*");
    const dm = await t.sandbox.waitForDirectMessage(fp.FAO, (m) => m.text.includes('F-2'), 10_000);
    expect(dm.text).toContain('New follow-up for *FAO*');
  });

  it('org remove is refused while the organization has open follow-ups, naming them', async () => {
    await unchanged(secretariat, 'org remove FAO', /FAO still has open follow-ups: F-2\./);
  });

  it('cancel: officers only; cancels F-2 and announces it; again is refused', async () => {
    await unchanged(fp.OECD, 'cancel F-2', /Only the secretariat or the chair can cancel follow-ups/);
    await unchanged(chair, 'cancel F-99', /There is no F-99/);
    await unchanged(chair, 'cancel', /Missing a follow-up id/);
    await ok(chair, 'cancel F-2', 'Cancelled *F-2* Share the chemicals webinar calendar for every organization.');
    await t.sandbox.waitForMessage(t.iomc.channelId, (m) => m.text.includes('🗑️ *F-2*'), 10_000);
    await unchanged(chair, 'cancel F-2', /F-2 is already cancelled/);
    await unchanged(fp.FAO, 'done F-2', /F-2 .* is cancelled/);
    // With F-2 cancelled, FAO has nothing open: it can be removed.
    await ok(secretariat, 'org remove FAO', /✅/);
  });
});

describe('reporting by command edits the DMs like a button does', () => {
  it('done F-n typed by the focal point turns the DM about that part into "done", in place', { timeout: 30_000 }, async () => {
    await ok(chair, 'assign WHO "Edit my DM when done" due in 3 weeks', /✅/);
    const f = await t.db.followUp.findFirstOrThrow({ where: { title: 'Edit my DM when done' } });
    const dm = await t.sandbox.waitForDirectMessage(fp.WHO, (m) => m.text.includes('Edit my DM when done'), 10_000);
    await ok(fp.WHO, `done F-${f.number}`, /✅/);
    await expect
      .poll(() => t.sandbox.directMessages(fp.WHO).find((m) => m.ts === dm.ts)?.text ?? '', { timeout: 10_000 })
      .toMatch(/WHO's part is done/);
    const edited = t.sandbox.directMessages(fp.WHO).find((m) => m.ts === dm.ts)!;
    expect(JSON.stringify(edited.blocks)).not.toContain(FOLLOWUP_ACTIONS.done); // no buttons left
    expect(t.sandbox.directMessages(fp.WHO).filter((m) => m.text.includes('Edit my DM when done'))).toHaveLength(1);
  });
});
