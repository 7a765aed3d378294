import { describe, expect, it } from 'vitest';
import { escapeTyped, pickable } from '../../../src/sandbox/ui/typed-text.ts';
import type { Channel, User } from '../../../src/sandbox/index.ts';

const user = (id: string, name: string, extra: Partial<User> = {}): User => ({ id, teamId: 'T1', name, realName: name, tz: 'UTC', isBot: false, external: false, ...extra });
const channel = (id: string, name: string, extra: Partial<Channel> = {}): Channel => ({ id, teamId: 'T1', name, isIm: false, isMpim: false, isPrivate: false, members: [], created: 0, ...extra });

const dir = {
  users: [user('U0WB', 'daniel.okoye'), user('U2', 'ana'), user('UX', 'ext', { teamId: 'T9', external: true, connectedTeamId: 'T1' }), user('UO', 'olga', { teamId: 'T2' })],
  channels: [channel('C1', 'iocc'), channel('C2', 'secret', { isPrivate: true, members: ['U2'] }), channel('C9', 'other', { teamId: 'T2' })],
};

describe('what the Slack client sends for picked people and channels', () => {
  it('sends a picked person as <@U…> and a picked channel as <#C…|name>', () => {
    const mine = pickable(dir, dir.users[1]!);
    expect(escapeTyped('member add @daniel.okoye WB as:focal', mine)).toBe('member add <@U0WB> WB as:focal');
    expect(escapeTyped('org edit WB channel:#iocc', mine)).toBe('org edit WB channel:<#C1|iocc>');
    expect(escapeTyped('org edit WB channel: #iocc, @ana.', mine)).toBe('org edit WB channel: <#C1|iocc>, <@U2>.');
    expect(escapeTyped('see #secret', mine)).toBe('see <#C2|>');
  });

  it('leaves what names nobody as typed, as Slack does for text that was not picked', () => {
    const mine = pickable(dir, dir.users[1]!);
    expect(escapeTyped('member add @daniel WB', mine)).toBe('member add @daniel WB');
    expect(escapeTyped('mail ana@example.org about #nowhere', mine)).toBe('mail ana@example.org about #nowhere');
    expect(escapeTyped('@olga in #other', mine)).toBe('@olga in #other');
  });

  it('offers the workspace’s people (its Slack Connect guests too) and only the private channels one is in', () => {
    const forDaniel = pickable(dir, dir.users[0]!);
    expect(forDaniel.users.map((u) => u.id)).toEqual(['U0WB', 'U2', 'UX']);
    expect(forDaniel.channels.map((c) => c.id)).toEqual(['C1']);
    expect(escapeTyped('see #secret', forDaniel)).toBe('see #secret');
  });
});
