/**
 * Where an outbox row is posted: its channel, or for a direct message the bot's DM with the recipient
 * (conversations.open) — and when Slack refuses that DM, the row's fallback channel, mentioning them.
 */
import type { WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import type { OutboundRow } from '../src/outbox/outbox-repository.ts';
import { dmFallback } from '../src/slack/blocks/dm-fallback.ts';

/** Slack's answers meaning "this person cannot get a DM from the bot" (conversations.open, chat.postMessage). */
export const DM_REFUSED = new Set(['invalid_user_combination', 'user_not_found', 'cannot_dm_bot', 'user_disabled', 'account_inactive', 'channel_not_found', 'messages_tab_disabled']);

export type Target =
  | { kind: 'post'; channel: string; text: string; blocks?: KnownBlock[]; fallback?: { channel: string; text: string; blocks?: KnownBlock[] } }
  | { kind: 'refused'; reason: string };

function slackError(err: unknown): string | undefined {
  return (err as { data?: { error?: string } }).data?.error;
}

export async function resolveTarget(client: WebClient, row: OutboundRow): Promise<Target> {
  const blocks = (row.blocks ?? undefined) as KnownBlock[] | undefined;
  const userId = row.recipientUserId;
  if (!userId) return { kind: 'post', channel: row.channelId, text: row.text, blocks };
  const fallback = row.fallbackChannelId ? { channel: row.fallbackChannelId, ...dmFallback(userId, row.text, blocks) } : undefined;
  try {
    const opened = await client.conversations.open({ users: userId });
    return { kind: 'post', channel: String(opened.channel?.id), text: row.text, blocks, fallback };
  } catch (err) {
    const reason = slackError(err);
    if (!reason || !DM_REFUSED.has(reason)) throw err;
    return fallback ? { kind: 'post', ...fallback } : { kind: 'refused', reason };
  }
}
