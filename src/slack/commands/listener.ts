/**
 * The `/concord` listener: tokenize → route → service → reply. The reply rides on the ack when it is ready
 * within ACK_BUDGET_MS; otherwise Concord acks at once and sends the reply through response_url, so
 * Slack's 3-second rule holds even when the database or Slack's API is slow.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { CommandDeps, Reply } from './context.ts';
import { teamKeyOf } from './context.ts';
import { runCommand } from './router.ts';

const ACK_BUDGET_MS = 2000;

export function commandListener(deps: CommandDeps) {
  return async ({ command, ack, respond, client, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const work = runCommand(deps, { command, client, key: teamKeyOf(command), userId: command.user_id, channelId: command.channel_id });
    let timer: NodeJS.Timeout | undefined;
    const early = await Promise.race([work, new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ACK_BUDGET_MS)))]);
    clearTimeout(timer);
    if (early !== 'late') {
      await ack(toAckBody(early));
      return;
    }
    await ack();
    const reply = await work;
    if (reply) {
      await respond({ response_type: reply.response_type ?? 'ephemeral', text: reply.text, ...(reply.blocks ? { blocks: reply.blocks as never } : {}) }).catch(() =>
        logger.warn('could not deliver a late reply through response_url'),
      );
    }
  };
}

/** null → empty ack (e.g. a modal was opened). */
function toAckBody(reply: Reply | null) {
  if (!reply) return undefined;
  return { response_type: reply.response_type ?? 'ephemeral', text: reply.text, ...(reply.blocks ? { blocks: reply.blocks as never } : {}) };
}
