/**
 * App-level methods: called with the app-level token (`xapp-…`), not a bot token, and acting on the app
 * rather than a workspace. Only `apps.connections.open` (Socket Mode).
 *
 * DOC https://docs.slack.dev/reference/methods/apps.connections.open (error table mirrored in
 * slack-ruby/slack-api-ref `methods/apps/apps.connections.open.json`):
 *  - success `{"ok": true, "url": "wss://wss-somethiing.slack.com/link/?ticket=12348&app_id=5678"}`;
 *  - "This API method uses an app-level token"; "you will need to pass this token in the HTTP
 *    Authorization header of your request; passing it as a POST parameter will result in an error";
 *  - errors include `not_authed`, `invalid_auth`, `not_allowed_token_type` ("The token type used in this
 *    request is not allowed"), `missing_args` ("An app-level token wasn't provided").
 */
import { SlackApiError } from '../api-error.ts';
import type { SandboxCore } from '../../core.ts';

/** Where the token came from: the `Authorization: Bearer` header or a `token` form/JSON field. */
export interface AppTokenSource {
  header?: string;
  body?: string;
}

export type AppLevelHandler = (core: SandboxCore) => Record<string, unknown>;

/**
 * Checks the token of an app-level call, in the order Slack's layers would: no token → `not_authed`;
 * a known bot token → `not_allowed_token_type`; anything but the app token → `invalid_auth`; the app token
 * only as a POST parameter → `missing_args` (UNVERIFIED: the docs say "an error" without naming it).
 */
export function checkAppToken(core: SandboxCore, source: AppTokenSource): void {
  const token = source.header ?? source.body;
  if (!token) throw new SlackApiError('not_authed');
  if (token !== core.appToken) {
    throw new SlackApiError(isBotToken(core, token) ? 'not_allowed_token_type' : 'invalid_auth');
  }
  if (!source.header) throw new SlackApiError('missing_args');
}

/** True for the org-wide bot token and every workspace's bot token. */
export function isBotToken(core: SandboxCore, token: string): boolean {
  if (token === core.orgToken.token) return true;
  for (const ws of core.store.workspaces.values()) if (ws.botToken === token) return true;
  return false;
}

function connectionsOpen(core: SandboxCore): Record<string, unknown> {
  return { ok: true, url: core.socket.openUrl() };
}

export const APP_LEVEL_METHODS: Record<string, AppLevelHandler> = {
  'apps.connections.open': connectionsOpen,
};
