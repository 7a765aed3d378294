/**
 * Bolt's authorize for a single-token install: the bot's identity (auth.test) is looked up once and
 * cached. Bolt's own single-token path without start-up verification calls auth.test on every request,
 * which Slack rate-limits; and verifying at start-up would keep Concord from starting while Slack is down.
 * If auth.test fails, the request still goes through with the token alone (commands, actions and views
 * need no bot id) and the lookup is tried again on the next request.
 */
import type { Authorize } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

export function cachedAuthorize(client: WebClient, botToken: string): Authorize<boolean> {
  let identity: { botId?: string; botUserId?: string } | undefined;
  let pending: Promise<void> | undefined;
  const lookUp = () =>
    (pending ??= client.auth
      .test({ token: botToken })
      .then((r) => {
        identity = { botId: r.bot_id, botUserId: r.user_id };
      })
      .catch(() => {})
      .finally(() => {
        pending = undefined;
      }));
  return async () => {
    if (!identity) await lookUp();
    return { botToken, ...identity };
  };
}
