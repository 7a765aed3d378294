/**
 * The Web API methods the sandbox implements. Anything else answers `unknown_method`.
 * Bot-token methods are in METHODS; app-level-token methods (apps.connections.open) in APP_LEVEL_METHODS.
 */
export { APP_LEVEL_METHODS } from './apps.ts';
import { CHAT_METHODS } from './chat.ts';
import { HISTORY_METHODS } from './conversation-history.ts';
import { CONVERSATIONS_METHODS } from './conversations.ts';
import { FILES_METHODS } from './files.ts';
import type { MethodCall, MethodSpec } from './method.ts';
import { USERS_METHODS } from './users.ts';
import { VIEWS_METHODS } from './views.ts';

/**
 * auth.test: `{ ok, url, team, user, team_id, user_id, bot_id }` for the workspace the call acts on
 * (bolt-js calls it at `App.init()`; slack-platform.md §10).
 */
function authTest(call: MethodCall): Record<string, unknown> {
  const { team, core } = call;
  return {
    ok: true,
    url: `https://${team.domain}.slack.com/`,
    team: team.name,
    user: core.store.bot.name,
    team_id: team.id,
    user_id: core.store.bot.userId,
    bot_id: core.store.bot.botId,
    ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}),
    is_enterprise_install: false,
  };
}

export const METHODS: Record<string, MethodSpec> = {
  'auth.test': { handler: authTest },
  ...CHAT_METHODS,
  ...VIEWS_METHODS,
  ...USERS_METHODS,
  ...CONVERSATIONS_METHODS,
  ...HISTORY_METHODS,
  ...FILES_METHODS,
};
