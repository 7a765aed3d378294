/**
 * Pure builder: a direct message Slack refused (external user, deactivated DMs, …) posted in a channel
 * instead, mentioning its recipient first.
 */
import type { KnownBlock } from '@slack/types';

export function dmFallback(userId: string, text: string, blocks: KnownBlock[] | undefined): { text: string; blocks?: KnownBlock[] } {
  const note = `<@${userId}> — sent here because Slack did not allow a direct message.`;
  return {
    text: `<@${userId}> ${text}`,
    ...(blocks ? { blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: note }] }, ...blocks.slice(0, 49)] } : {}),
  };
}
