/**
 * Issue 4 as a secretariat would try it in Slack: set up the committee, add the nine IOMC organizations,
 * make someone chair, add focal points in three time zones; everyone else is refused; text is shown literally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import organizations from '../../prisma/seed-data/iomc-organizations.json' with { type: 'json' };
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { snapshotDatabase } from '../support/snapshot.ts';
import { validateMessage } from '../../src/sandbox/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('committee set-up through /concord', () => {
  it('tells a newcomer there is no committee yet and how to set one up', async () => {
    const seen = await concord(t, t.iomc.focalPoints.FAO, 'org list');
    expect(seen.status).toBe(200);
    expect(seen.text).toMatch(/no committee yet/);
    expect(seen.text).toMatch(/setup "Committee name"/);
  });

  it('sets up the committee; the first caller becomes secretariat', async () => {
    const seen = await concord(t, t.iomc.secretariat, 'setup "IOMC Inter-Organization Coordinating Committee" tz:Europe/Zurich');
    expect(seen.text).toMatch(/is set up in <#C0IOCC>/);
    expect(seen.text).toMatch(/You are its secretariat/);
    const who = await concord(t, t.iomc.secretariat, 'whoami');
    expect(who.text).toMatch(/secretariat/);
    expect(who.text).toMatch(/Europe\/Zurich/);
  });

  it('refuses a second setup by someone who is not secretariat, naming who may do it', async () => {
    const before = await snapshotDatabase(t.db);
    const seen = await concord(t, t.iomc.focalPoints.WB, 'setup "Hijacked"');
    expect(seen.text).toMatch(/Only the secretariat can change the committee set-up/);
    expect(seen.text).toContain(`<@${t.iomc.secretariat}>`);
    expect(await snapshotDatabase(t.db)).toBe(before);
  });

  it('adds the nine IOMC organizations with their duty stations, and lists all nine', async () => {
    for (const o of organizations) {
      const acronym = o.acronym !== o.code ? ` acronym:"${o.acronym}"` : '';
      const seen = await concord(t, t.iomc.secretariat, `org add ${o.code} "${o.name}"${acronym} tz:${o.timeZone}`);
      expect(seen.text, o.code).toMatch(new RegExp(`Added \\*${o.code}\\*`));
    }
    const list = await concord(t, t.iomc.focalPoints.UNEP, 'org list');
    for (const o of organizations) expect(list.text).toContain(`*${o.code}*`);
    expect(list.text).toMatch(/Organizations of .* \(9\)/);
    expect(validateMessage({ text: list.text, blocks: list.blocks })).toEqual([]);
    const show = await concord(t, t.iomc.chair, 'org show wb');
    expect(show.text).toMatch(/World Bank/);
    expect(show.text).toMatch(/America\/New_York/);
  });

  it('makes someone chair and adds focal points in three time zones; whoami and org show reflect it at once', async () => {
    expect((await concord(t, t.iomc.secretariat, `role <@${t.iomc.chair}> chair`)).text).toMatch(/is now \*chair\*/);
    for (const code of ['UNEP', 'UNDP', 'FAO'] as const) {
      const seen = await concord(t, t.iomc.secretariat, `member add <@${t.iomc.focalPoints[code]}|someone> ${code} as:focal`);
      expect(seen.text).toMatch(new RegExp(`focal point of \\*${code}\\*`));
    }
    const who = await concord(t, t.iomc.focalPoints.UNEP, 'whoami');
    expect(who.text).toMatch(/UNEP \(focal point\)/);
    expect(who.text).toMatch(/Africa\/Nairobi/); // the user's own Slack time zone
    const show = await concord(t, t.iomc.chair, 'org show UNEP');
    expect(show.text).toContain(`<@${t.iomc.focalPoints.UNEP}>`);
    const members = await concord(t, t.iomc.chair, 'members');
    expect(members.text).toContain(`<@${t.iomc.chair}> — chair`);
    expect(members.text).toContain(`<@${t.iomc.focalPoints.UNDP}> — member, UNDP focal point`);
  });

  it('refuses members who are not secretariat, and changes nothing', async () => {
    const before = await snapshotDatabase(t.db);
    for (const text of ['org add ITU "International Telecommunication Union"', 'org remove WB', `role <@${t.iomc.focalPoints.FAO}> secretariat`]) {
      const seen = await concord(t, t.iomc.focalPoints.FAO, text);
      expect(seen.text, text).toMatch(/Only the secretariat can/);
      expect(seen.text).toContain(`Ask <@${t.iomc.secretariat}>`);
    }
    expect(await snapshotDatabase(t.db)).toBe(before);
  });

  it('answers malformed commands helpfully, with did-you-mean', async () => {
    expect((await concord(t, t.iomc.secretariat, 'ogr list')).text).toMatch(/Did you mean `org`\?/);
    expect((await concord(t, t.iomc.secretariat, 'org lsit')).text).toMatch(/Did you mean `org list`\?/);
    expect((await concord(t, t.iomc.secretariat, 'org show UNPD')).text).toMatch(/Did you mean `UNDP`\?/);
    const tz = await concord(t, t.iomc.secretariat, 'org add ITU "International Telecommunication Union" tz:Geneva');
    expect(tz.text).toMatch(/Did you mean `Europe\/Zurich`\?/);
    expect(tz.text).toMatch(/Usage:/);
    const quote = await concord(t, t.iomc.secretariat, 'org add ITU "International Telecommunication Union');
    expect(quote.text).toMatch(/closing quote/i);
    for (const text of ['constructor', '__proto__', 'org constructor', 'member toString']) {
      expect((await concord(t, t.iomc.secretariat, text)).text, text).toMatch(/is not a (\/concord )?command/);
    }
    const kind = await concord(t, t.iomc.secretariat, `member add <@${t.iomc.focalPoints.WHO}> WHO as:boss`);
    expect(kind.text).toMatch(/Use one of: focal, alternate, member/);
  });

  it('shows organization names literally: <!channel> & Co notifies nobody', async () => {
    // Typed literally, Slack sends the text with &, < and > escaped.
    const add = await concord(t, t.iomc.secretariat, 'org add CO "&lt;!channel&gt; &amp; Co"');
    expect(add.parsed).toContain('&lt;!channel&gt; &amp; Co');
    expect(add.parsed).not.toContain('<!channel>');
    expect((await t.db.organization.findFirst({ where: { code: 'CO' } }))?.name).toBe('<!channel> & Co');
    const show = await concord(t, t.iomc.chair, 'org show CO');
    expect(show.parsed).toContain('&lt;!channel&gt; &amp; Co');
    expect(show.parsed).not.toContain('<!channel>');
    const list = await concord(t, t.iomc.chair, 'org list');
    expect(list.parsed).toContain('&lt;!channel&gt; &amp; Co');
    expect(list.parsed).not.toContain('<!channel>');
    // Typed as a real @channel mention, it becomes plain text, not a notification.
    const mention = await concord(t, t.iomc.secretariat, 'org add CO2 "<!channel> Partners"');
    expect(mention.parsed).toContain('@channel Partners');
    expect(mention.parsed).not.toContain('<!channel>');
  });

  it('refuses to remove the last secretariat', async () => {
    const seen = await concord(t, t.iomc.secretariat, `member remove <@${t.iomc.secretariat}>`);
    expect(seen.text).toMatch(/without a secretariat/);
  });
});
