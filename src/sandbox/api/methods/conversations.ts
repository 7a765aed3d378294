/**
 * conversations.open, conversations.info, conversations.members
 * (DOC https://docs.slack.dev/reference/methods/conversations.open …).
 */
import { canDirectMessage, ensureDm } from '../../state/directory.ts';
import type { Channel } from '../../state/types.ts';
import { randomId } from '../../ids.ts';
import { SlackApiError } from '../api-error.ts';
import { bool, list, str } from '../args.ts';
import { channelObject } from '../objects.ts';
import { findChannel, findUser, type MethodCall, type MethodSpec } from './method.ts';
import { paginate } from './pagination.ts';

/**
 * Opens (or returns) the bot's DM with one user, or a group DM with several.
 * An external (Slack Connect) user who shares no channel with the workspace cannot be DMed:
 * `invalid_user_combination` (DOC https://docs.slack.dev/reference/methods/conversations.open error table;
 * https://api.slack.com/apis/channels-between-orgs: "A bot user is able to DM users on all connected
 * workspaces, as long as users are in a shared channel together").
 */
function open(call: MethodCall): Record<string, unknown> {
  const existing = str(call.args, 'channel');
  const userIds = list(call.args, 'users');
  if (existing) return reply(call, findChannel(call, existing));
  if (userIds.length === 0) throw new SlackApiError('users_list_not_supplied');
  const users = userIds.map((id) => findUser(call, id));
  if (users.some((u) => !canDirectMessage(call.core.store, u, call.team.id))) throw new SlackApiError('invalid_user_combination');
  const [first] = users;
  if (users.length === 1 && first) return reply(call, ensureDm(call.core.store, first, call.team.id));
  return reply(call, groupDm(call, users.map((u) => u.id)));
}

function groupDm(call: MethodCall, userIds: string[]): Channel {
  const store = call.core.store;
  const members = [store.bot.userId, ...userIds].sort();
  for (const channel of store.channels.values()) {
    if (channel.isMpim && channel.teamId === call.team.id && [...channel.members].sort().join() === members.join()) return channel;
  }
  const id = randomId('G');
  return store.putChannel({ id, teamId: call.team.id, name: `mpdm-${userIds.join('--')}-1`, isIm: false, isMpim: true, isPrivate: true, members, created: Math.floor(store.now() / 1000) });
}

function reply(call: MethodCall, channel: Channel): Record<string, unknown> {
  const full = bool(call.args, 'return_im');
  return { ok: true, channel: full ? channelObject(call.core.store, channel) : { id: channel.id } };
}

function info(call: MethodCall): Record<string, unknown> {
  const channel = findChannel(call, str(call.args, 'channel'));
  return { ok: true, channel: channelObject(call.core.store, channel) };
}

function members(call: MethodCall): Record<string, unknown> {
  const channel = findChannel(call, str(call.args, 'channel'));
  const page = paginate(channel.members, call.args, 100);
  return { ok: true, members: page.items, response_metadata: { next_cursor: page.nextCursor } };
}

export const CONVERSATIONS_METHODS: Record<string, MethodSpec> = {
  'conversations.open': { handler: open, scope: 'im:write' },
  'conversations.info': { handler: info, scope: 'channels:read' },
  'conversations.members': { handler: members, scope: 'channels:read' },
};
