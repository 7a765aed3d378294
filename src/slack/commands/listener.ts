/**
 * The `/concord` listener: tokenize → route → service → reply. The reply rides on the ack when it is ready
 * within ACK_BUDGET_MS; otherwise Concord acks at once and sends the reply through response_url, so
 * Slack's 3-second rule holds even when the database or Slack's API is slow.
 */
import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { teamKeyOf, type CommandDeps, type Reply } from './context.ts';
import { runCommand } from './router.ts';
import { resultWithin } from '../../util/timeout.ts';

const ACK_BUDGET_MS = 2000;

export function commandListener(deps: CommandDeps) {
  return async ({ command, ack, respond, client, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const work = runCommand(deps, { command, client, key: teamKeyOf(command), userId: command.user_id, channelId: command.channel_id });
    const early = await resultWithin(work, ACK_BUDGET_MS);
    if (early.settled) {
      await ack(early.value ? toMessage(early.value) : undefined); // null: e.g. a modal was opened, empty ack
      return;
    }
    await ack();
    const reply = await work;
    if (reply) await respond(toMessage(reply)).catch(() => logger.warn('could not deliver a late reply through response_url'));
  };
}

/** One message per reply object: a reply served from a cache is the same object, and so is its message (the receiver serializes it once). */
const messages = new WeakMap<Reply, RespondArguments>();

function toMessage(reply: Reply): RespondArguments {
  let message = messages.get(reply);
  if (!message) {
    message = { response_type: reply.response_type ?? 'ephemeral', text: reply.text, ...(reply.blocks ? { blocks: reply.blocks } : {}) };
    messages.set(reply, message);
  }
  return message;
}
