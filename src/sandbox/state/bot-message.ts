/** A message the app's bot user posts in a channel, however it got there (API, response_url, ack, file share). */
import type { SandboxCore } from '../core.ts';
import type { SlackMessage } from './types.ts';

export type BotMessageFields = Omit<SlackMessage, 'type' | 'ts' | 'user' | 'bot_id' | 'app_id'>;

export function addBotMessage(core: Pick<SandboxCore, 'store' | 'ts'>, fields: BotMessageFields): SlackMessage {
  const bot = core.store.bot;
  return core.store.addMessage({ type: 'message', ts: core.ts.next(), user: bot.userId, bot_id: bot.botId, app_id: bot.appId, ...fields });
}
