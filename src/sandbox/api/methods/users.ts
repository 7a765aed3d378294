/**
 * users.info and users.list (DOC https://docs.slack.dev/reference/methods/users.info, users.list;
 * scope `users:read`).
 */
import { usersOfWorkspace } from '../../state/directory.ts';
import { str } from '../args.ts';
import { botUserObject, userObject } from '../objects.ts';
import { findUser, type MethodCall, type MethodSpec } from './method.ts';
import { paginate } from './pagination.ts';

function info(call: MethodCall): Record<string, unknown> {
  const userId = str(call.args, 'user');
  const bot = call.core.store.bot;
  if (userId === bot.userId) return { ok: true, user: botUserObject(bot, call.team.id) };
  const user = findUser(call, userId);
  return { ok: true, user: userObject(call.core.store, user, call.team.id) };
}

function list(call: MethodCall): Record<string, unknown> {
  const store = call.core.store;
  const all = [
    // Workspace members only: Slack Connect users are not listed (they are found with users.info).
    ...usersOfWorkspace(store, call.team.id)
      .filter((u) => !u.external)
      .map((u) => userObject(store, u, call.team.id)),
    botUserObject(store.bot, call.team.id),
  ];
  const page = paginate(all, call.args, 1000);
  return { ok: true, members: page.items, cache_ts: Math.floor(store.now() / 1000), response_metadata: { next_cursor: page.nextCursor } };
}

export const USERS_METHODS: Record<string, MethodSpec> = {
  'users.info': { handler: info, scope: 'users:read' },
  'users.list': { handler: list, scope: 'users:read' },
};
