/**
 * Bolt's authorize for a single-token install: the bot's identity (auth.test) is looked up once and
 * cached. Bolt's own single-token path without start-up verification calls auth.test on every request,
 * which Slack rate-limits; and verifying at start-up would keep Concord from starting while Slack is down.
 */
import type { Authorize } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

export function cachedAuthorize(client: WebClient, botToken: string): Authorize<boolean> {
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  return async () => {
    identity ??= client.auth
      .test({ token: botToken })
      .then((r) => ({ botId: r.bot_id, botUserId: r.user_id }))
      .catch((err: unknown) => {
        identity = undefined; // try again on the next request
        throw err;
      });
    return { botToken, ...(await identity) };
  };
}
