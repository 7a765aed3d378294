/**
 * Slack Connect: the bot may DM an external user only when they share a channel with the workspace
 * (https://api.slack.com/apis/channels-between-orgs; conversations.open `invalid_user_combination`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadIomcWorkspace, startSandbox, type IomcWorkspace, type Sandbox } from '../../../src/sandbox/index.ts';
import { webClient } from './helpers.ts';

let sb: Sandbox;
let iomc: IomcWorkspace;
beforeEach(async () => {
  sb = await startSandbox({ botToken: 'xoxb-test-org' });
  iomc = loadIomcWorkspace(sb);
});
afterEach(() => sb.close());

describe('external users', () => {
  it('refuses a DM to an external user who shares no channel', async () => {
    const web = webClient(sb);
    await expect(web.conversations.open({ users: iomc.external })).rejects.toMatchObject({ data: { error: 'invalid_user_combination' } });
    await expect(web.chat.postMessage({ channel: iomc.external, text: 'hi' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    expect(sb.dmChannel(iomc.external)).toBeUndefined();
  });

  it('marks them is_stranger with their own team_id until they share a channel', async () => {
    const web = webClient(sb);
    const before = await web.users.info({ user: iomc.external });
    expect(before.user).toMatchObject({ id: iomc.external, team_id: iomc.externalTeamId, is_stranger: true });
    sb.joinChannel(iomc.channelId, iomc.external);
    const after = await web.users.info({ user: iomc.external });
    expect(after.user).not.toHaveProperty('is_stranger');
    const dm = await web.conversations.open({ users: iomc.external });
    expect(dm.channel?.id).toMatch(/^D/);
    await web.chat.postMessage({ channel: iomc.external, text: 'welcome' });
    expect(sb.directMessages(iomc.external).map((m) => m.text)).toEqual(['welcome']);
  });

  it('seeds the IOMC workspace with focal points in their duty-station zones', async () => {
    const users = sb.users('T0IOMC');
    const zone = (id: string) => users.find((u) => u.id === id)?.tz;
    expect(zone(iomc.focalPoints.FAO)).toBe('Europe/Rome');
    expect(zone(iomc.focalPoints.UNDP)).toBe('America/New_York');
    expect(zone(iomc.focalPoints.UNEP)).toBe('Africa/Nairobi');
    expect(zone(iomc.focalPoints.UNIDO)).toBe('Europe/Vienna');
    expect(zone(iomc.focalPoints.OECD)).toBe('Europe/Paris');
    expect(zone(iomc.chair)).toBe('Europe/Zurich');
    expect(Object.keys(iomc.focalPoints)).toEqual(['FAO', 'ILO', 'UNDP', 'UNEP', 'UNIDO', 'UNITAR', 'WHO', 'WB', 'OECD']);
    expect(sb.channels('T0IOMC').find((c) => c.id === 'C0IOCC')?.members).not.toContain(iomc.external);
  });
});
