/**
 * Who can see whom: workspace membership, Slack Connect (external) users, DMs between the bot and a user.
 * Source: https://api.slack.com/apis/channels-between-orgs — "A bot user is able to DM users on all
 * connected workspaces, as long as users are in a shared channel together."
 */
import { randomId } from '../ids.ts';
import type { Store } from './store.ts';
import type { Channel, User } from './types.ts';

/** True when `user` appears in workspace `teamId`: a member, or an external user connected to it. */
export function isUserVisible(user: User, teamId: string): boolean {
  return user.teamId === teamId || (user.external && user.connectedTeamId === teamId);
}

/** The sandbox workspace a user is seen from (home team, or the connected one for an external user). */
export function workspaceOfUser(user: User): string | undefined {
  return user.external ? user.connectedTeamId : user.teamId;
}

/** True when the user is in at least one (non-DM) channel of workspace `teamId`. */
export function sharesChannel(store: Store, user: User, teamId: string): boolean {
  for (const channel of store.channels.values()) {
    if (channel.teamId === teamId && !channel.isIm && !channel.isMpim && channel.members.includes(user.id)) return true;
  }
  return false;
}

/** An external user can be DMed only when they share a channel with the workspace (conversations.open docs). */
export function canDirectMessage(store: Store, user: User, teamId: string): boolean {
  return !user.external || sharesChannel(store, user, teamId);
}

/** Slack's `is_stranger`: an external user who shares no channel with the workspace. */
export function isStranger(store: Store, user: User, teamId: string): boolean {
  return user.external && !sharesChannel(store, user, teamId);
}

/** The bot's DM with a user, created on first use (as conversations.open does). */
export function ensureDm(store: Store, user: User, teamId: string): Channel {
  for (const channel of store.channels.values()) {
    if (channel.isIm && channel.imUser === user.id && channel.teamId === teamId) return channel;
  }
  return store.putChannel({
    id: randomId('D'),
    teamId,
    name: user.id,
    isIm: true,
    isMpim: false,
    isPrivate: true,
    members: [store.bot.userId, user.id],
    imUser: user.id,
    created: Math.floor(store.now() / 1000),
  });
}

/** Users listed in a workspace: its members, connected external users and the bot. */
export function usersOfWorkspace(store: Store, teamId: string): User[] {
  return [...store.users.values()].filter((u) => isUserVisible(u, teamId));
}
