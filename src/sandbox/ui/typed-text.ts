/**
 * What the Slack client sends for what a person typed in the message box: a person picked from the `@`
 * list arrives as `<@U…>`, a channel picked from the `#` list as `<#C…|name>` (`<#C…|>` for a private
 * channel) — the escaped forms of a slash command with "Escape channels, users, and links" on
 * (manifest `should_escape: true`) and of a message event. The page's picker inserts `@handle` and
 * `#channel`; a word that names nobody in the workspace stays as typed (`@daniel` → `@daniel`), which
 * is what Slack sends for text that was not picked.
 *
 * @example escapeTyped('member add @daniel.okoye WB', people) // 'member add <@U0WB> WB'
 */
import type { Channel, User } from '../state/types.ts';

export interface Directory {
  users: readonly User[];
  channels: readonly Channel[];
}

/** `@handle` / `#name` at a word start, up to whitespace; trailing punctuation stays outside. */
const TYPED = /(^|[\s(,;:"'])([@#])([\p{L}\p{N}._-]*[\p{L}\p{N}_])/gu;

export function escapeTyped(text: string, dir: Directory): string {
  return text.replace(TYPED, (whole: string, before: string, sigil: string, name: string) => {
    const lower = name.toLowerCase();
    if (sigil === '@') {
      const user = dir.users.find((u) => u.name.toLowerCase() === lower);
      return user ? `${before}<@${user.id}>` : whole;
    }
    const channel = dir.channels.find((c) => !c.isIm && !c.isMpim && c.name.toLowerCase() === lower);
    if (!channel) return whole;
    return `${before}<#${channel.id}|${channel.isPrivate ? '' : channel.name}>`;
  });
}

/** The people and channels a user can pick from: their workspace (or, external, the connected one). */
export function pickable(dir: Directory, user: User): Directory {
  const team = user.external ? user.connectedTeamId : user.teamId;
  return {
    users: dir.users.filter((u) => !u.isBot && (u.teamId === team || (u.external && u.connectedTeamId === team))),
    channels: dir.channels.filter((c) => c.teamId === team && !c.isIm && !c.isMpim && (!c.isPrivate || c.members.includes(user.id))),
  };
}
