/**
 * The permission matrix: every mutating command, as every role. Allowed → the change and an audit event;
 * refused → an ephemeral refusal naming who may do it, and the database byte-for-byte unchanged.
 * (The follow-up buttons and forms: permissions-buttons.e2e.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { snapshotDatabase } from '../support/snapshot.ts';
import { OFFICERS, REPORTERS, startPermissionCommittee } from '../support/permission-committee.ts';

let t: TestApp;
let actors: Record<string, string> = {};

beforeAll(async () => {
  ({ t, actors } = await startPermissionCommittee());
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
/** Each case: a command valid whoever runs it (fresh names each time), prepared by the secretariat if needed. */
type Ctx = { meeting: number; deadline: number; followup: number };
const CASES: Array<{ name: string; allowed: string[]; prepare?: (i: number) => string[]; text: (i: number, last: Ctx) => string; refusal: RegExp }> = [
  { name: 'setup rename', allowed: ['secretariat'], text: (i) => `setup rename "IOCC ${i}"`, refusal: /Only the secretariat can change the committee set-up/ },
  { name: 'org add', allowed: ['secretariat'], text: (i) => `org add ORG${i} "Organization ${i}"`, refusal: /Only the secretariat can add organizations/ },
  { name: 'org edit', allowed: ['secretariat'], text: (i) => `org edit WHO name:"World Health Organization ${i}"`, refusal: /Only the secretariat can edit organizations/ },
  { name: 'org remove', allowed: ['secretariat'], prepare: (i) => [`org add TMP${i} "Temporary ${i}"`], text: (i) => `org remove TMP${i}`, refusal: /Only the secretariat can remove organizations/ },
  { name: 'member add', allowed: ['secretariat'], text: (i) => `member add <@U0WHO> WHO as:${i % 2 ? 'alternate' : 'focal'}`, refusal: /Only the secretariat can add members/ },
  { name: 'member remove', allowed: ['secretariat'], prepare: () => ['member add <@U0ILO> WHO'], text: () => 'member remove <@U0ILO>', refusal: /Only the secretariat can remove members/ },
  { name: 'role', allowed: ['secretariat'], text: (i) => `role <@U0UNEP> ${i % 2 ? 'observer' : 'member'}`, refusal: /Only the secretariat can change roles/ },
  { name: 'meeting add', allowed: OFFICERS, text: (i) => `meeting add "IOCC-${i}" 2027-03-0${(i % 9) + 1} tz:Europe/Zurich`, refusal: /Only the secretariat or the chair can add meetings/ },
  { name: 'meeting move', allowed: OFFICERS, prepare: (i) => [`meeting add "Move me ${i}" 2027-05-10 tz:Europe/Zurich`], text: (_i, last) => `meeting move M-${last.meeting} 2027-05-12`, refusal: /Only the secretariat or the chair can move meetings/ },
  { name: 'meeting cancel', allowed: OFFICERS, prepare: (i) => [`meeting add "Cancel me ${i}" 2027-06-10 tz:Europe/Zurich`], text: (_i, last) => `meeting cancel M-${last.meeting}`, refusal: /Only the secretariat or the chair can cancel meetings/ },
  { name: 'deadline add', allowed: OFFICERS, text: (i) => `deadline add "Report ${i}" 2027-04-30`, refusal: /Only the secretariat or the chair can add deadlines/ },
  { name: 'deadline cancel', allowed: OFFICERS, prepare: (i) => [`deadline add "Drop me ${i}" 2027-07-01`], text: (_i, last) => `deadline cancel D-${last.deadline}`, refusal: /Only the secretariat or the chair can cancel deadlines/ },
  { name: 'calendar reset', allowed: OFFICERS, prepare: () => ['calendar'], text: () => 'calendar reset', refusal: /Only the secretariat or the chair can reset the calendar link/ },
  { name: 'assign', allowed: OFFICERS, text: (i) => `assign FAO,WHO "Action ${i}" due 2027-04-30`, refusal: /Only the secretariat or the chair can assign follow-ups/ },
  // done / snooze / update on FAO's part: FAO's focal point (the member) may, as may the officers.
  { name: 'done', allowed: REPORTERS, prepare: (i) => [`assign FAO "Done me ${i}"`], text: (_i, last) => `done F-${last.followup}`, refusal: /can report on follow-ups/ },
  { name: 'snooze', allowed: REPORTERS, prepare: (i) => [`assign FAO "Snooze me ${i}" due 2027-05-31`], text: (i, last) => `snooze F-${last.followup} 1 week "Waiting ${i}"`, refusal: /can report on follow-ups/ },
  { name: 'update', allowed: REPORTERS, prepare: (i) => [`assign FAO "Update me ${i}"`], text: (i, last) => `update F-${last.followup} "Progress ${i}"`, refusal: /can report on follow-ups/ },
  { name: 'cancel', allowed: OFFICERS, prepare: (i) => [`assign FAO "Cancel me ${i}"`], text: (_i, last) => `cancel F-${last.followup}`, refusal: /Only the secretariat or the chair can cancel follow-ups/ },
  { name: 'reassign', allowed: OFFICERS, prepare: (i) => [`assign FAO "Move me ${i}"`], text: (_i, last) => `reassign F-${last.followup} FAO WHO`, refusal: /Only the secretariat or the chair can reassign follow-ups/ },
  { name: 'reopen', allowed: OFFICERS, prepare: (i) => [`assign FAO "Reopen me ${i}"`, 'done F-last FAO'], text: (_i, last) => `reopen F-${last.followup} FAO`, refusal: /Only the secretariat or the chair can reopen follow-ups/ },
];

/** The newest follow-up's number (for a preparation that acts on the follow-up it just assigned: `F-last`). */
async function lastFollowUp(): Promise<number> {
  return (await t.db.followUp.aggregate({ _max: { number: true } }))._max.number ?? 0;
}

describe('permission matrix', () => {
  for (const c of CASES) {
    for (const role of ['secretariat', 'chair', 'member', 'observer', 'not a member']) {
      const allowed = c.allowed.includes(role);
      it(`${c.name} as ${role}: ${allowed ? 'done, with an audit event' : 'refused, nothing changed'}`, async () => {
        const i = ++n;
        for (const prep of c.prepare?.(i) ?? []) {
          const text = prep.replace('F-last', `F-${await lastFollowUp()}`);
          expect((await concord(t, t.iomc.secretariat, text)).text).not.toMatch(/⚠️/);
        }
        const before = await snapshotDatabase(t.db);
        const audits = await t.db.auditEvent.count();
        const last = {
          meeting: (await t.db.meeting.aggregate({ _max: { number: true } }))._max.number ?? 0,
          deadline: (await t.db.deadline.aggregate({ _max: { number: true } }))._max.number ?? 0,
          followup: await lastFollowUp(),
        };
        const seen = await concord(t, actors[role]!, c.text(i, last));
        expect(seen.status).toBe(200);
        expect(seen.responseType).toBe('ephemeral');
        if (allowed) {
          expect(seen.text).toMatch(/✅/);
          expect(await t.db.auditEvent.count()).toBeGreaterThan(audits);
          const last = await t.db.auditEvent.findFirst({ orderBy: { createdAt: 'desc' } });
          expect(last?.actorId).toBe(actors[role]);
        } else {
          expect(seen.text).toMatch(c.refusal);
          expect(seen.text).toContain(`<@${t.iomc.secretariat}>`);
          expect(await snapshotDatabase(t.db)).toBe(before);
        }
      });
    }
  }
});
