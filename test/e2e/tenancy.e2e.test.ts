/** Two workspaces, one Concord: nothing of one is visible or changeable from the other. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

let t: TestApp;
const OTHER = { team: 'T0CBD', channel: 'C0CBDCMS', secretariat: 'U0CBDSEC', member: 'U0CMSFP' };

beforeAll(async () => {
  t = await startTestApp();
  t.sandbox.addWorkspace({ id: OTHER.team, name: 'CBD-CMS liaison', domain: 'cbd-cms' });
  t.sandbox.addUser({ id: OTHER.secretariat, teamId: OTHER.team, name: 'lea.tremblay', tz: 'America/Toronto' });
  t.sandbox.addUser({ id: OTHER.member, teamId: OTHER.team, name: 'jonas.weber', tz: 'Europe/Berlin' });
  t.sandbox.addChannel({ id: OTHER.channel, teamId: OTHER.team, name: 'liaison', members: [OTHER.secretariat, OTHER.member] });
  for (const text of ['setup "IOCC"', 'org add WHO "World Health Organization" tz:Europe/Zurich', 'org add UNEP "United Nations Environment Programme" tz:Africa/Nairobi']) {
    expect((await concord(t, t.iomc.secretariat, text)).text).toMatch(/✅/);
  }
});
afterAll(async () => {
  await t?.close();
});

const other = (user: string, text: string) => concord(t, user, text, { channelId: OTHER.channel });

describe('tenancy', () => {
  it('a second workspace has no committee until it sets up its own', async () => {
    expect((await other(OTHER.member, 'org list')).text).toMatch(/no committee yet/);
  });

  it('its own committee sees none of the first one’s organizations or members, and cannot change them', async () => {
    expect((await other(OTHER.secretariat, 'setup "CBD–CMS liaison group" tz:America/Toronto')).text).toMatch(/You are its secretariat/);
    expect((await other(OTHER.secretariat, 'org add CMS "Convention on Migratory Species" tz:Europe/Berlin')).text).toMatch(/✅/);

    const list = await other(OTHER.secretariat, 'org list');
    expect(list.text).toContain('*CMS*');
    expect(list.text).not.toContain('WHO');
    expect(list.text).not.toContain('UNEP');
    expect((await other(OTHER.secretariat, 'members')).text).not.toContain(t.iomc.secretariat);

    const before = await snapshotDatabase(t.db);
    for (const text of ['org show WHO', 'org edit WHO name:"Taken over"', 'org remove UNEP', `member add <@${OTHER.member}> WHO`]) {
      expect((await other(OTHER.secretariat, text)).text, text).toMatch(/There is no organization “(WHO|UNEP)”/);
    }
    // Roles are per committee: the second committee's secretariat is nobody in the first one.
    expect((await other(OTHER.member, 'org add WB "World Bank"')).text).toMatch(/Only the secretariat/);
    expect(await snapshotDatabase(t.db)).toBe(before);

    const iomc = await concord(t, t.iomc.chair, 'org list');
    expect(iomc.text).toContain('*WHO*');
    expect(iomc.text).not.toContain('CMS');
  });
});
