/**
 * What a Web API method handler receives, and the lookups most handlers need.
 */
import type { SandboxCore } from '../../core.ts';
import { canDirectMessage, ensureDm, isUserVisible } from '../../state/directory.ts';
import type { Channel, User, Workspace } from '../../state/types.ts';
import { SlackApiError } from '../api-error.ts';
import type { Args } from '../args.ts';
import type { TokenGrant } from '../call-context.ts';

export interface MethodCall {
  core: SandboxCore;
  method: string;
  args: Args;
  grant: TokenGrant;
  team: Workspace;
}

export type Handler = (call: MethodCall) => Record<string, unknown> | Promise<Record<string, unknown>>;

export interface MethodSpec {
  handler: Handler;
  /** Bot scope the token needs (`missing_scope` otherwise); none for views.* and auth.test. */
  scope?: string;
}

/** A user visible in the call's workspace, else `user_not_found`. */
export function findUser(call: MethodCall, userId: string | undefined): User {
  const user = userId ? call.core.store.users.get(userId) : undefined;
  if (!user || !isUserVisible(user, call.team.id)) throw new SlackApiError('user_not_found');
  return user;
}

/**
 * A conversation of the call's workspace by id, `#name`/name, or a user id (the bot's DM with that user,
 * as chat.postMessage allows). A user id of an external user who shares no channel with the workspace
 * gives `channel_not_found` (DOC https://api.slack.com/apis/channels-between-orgs: bots may DM external
 * users only "as long as users are in a shared channel together").
 */
export function findChannel(call: MethodCall, ref: string | undefined): Channel {
  if (!ref) throw new SlackApiError('channel_not_found');
  const store = call.core.store;
  if (/^[UW]/.test(ref)) return dmFor(call, ref);
  const byId = store.channels.get(ref);
  if (byId && byId.teamId === call.team.id) return byId;
  const name = ref.replace(/^#/, '');
  for (const channel of store.channels.values()) {
    if (channel.teamId === call.team.id && !channel.isIm && channel.name === name) return channel;
  }
  throw new SlackApiError('channel_not_found');
}

function dmFor(call: MethodCall, userId: string): Channel {
  const user = call.core.store.users.get(userId);
  if (!user || !isUserVisible(user, call.team.id) || !canDirectMessage(call.core.store, user, call.team.id)) {
    throw new SlackApiError('channel_not_found');
  }
  return ensureDm(call.core.store, user, call.team.id);
}
