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

/**
 * The bot's DM channel with each user, once opened: conversations.open is Tier 3 (50 a minute per
 * workspace), so opening it for every message would hold all DMs of a workspace to 50 a minute.
 * A DM channel's id does not change; a refused post forgets it (`forgetDm`).
 */
const DM_CACHE_SIZE = 20_000;
const dmChannels = new WeakMap<WebClient, Map<string, string>>();

export function forgetDm(client: WebClient, userId: string): void {
  dmChannels.get(client)?.delete(userId);
}

async function openDm(client: WebClient, userId: string): Promise<string> {
  let cache = dmChannels.get(client);
  if (!cache) dmChannels.set(client, (cache = new Map()));
  const known = cache.get(userId);
  if (known) return known;
  const opened = await client.conversations.open({ users: userId });
  const id = String(opened.channel?.id);
  if (cache.size >= DM_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(userId, id);
  return id;
}

export async function resolveTarget(client: WebClient, row: OutboundRow): Promise<Target> {
  const blocks = (row.blocks ?? undefined) as KnownBlock[] | undefined;
  const userId = row.recipientUserId;
  if (!userId) return { kind: 'post', channel: row.channelId, text: row.text, blocks };
  const fallback = row.fallbackChannelId ? { channel: row.fallbackChannelId, ...dmFallback(userId, row.text, blocks) } : undefined;
  try {
    return { kind: 'post', channel: await openDm(client, userId), text: row.text, blocks, fallback };
  } catch (err) {
    const reason = slackError(err);
    if (!reason || !DM_REFUSED.has(reason)) throw err;
    return fallback ? { kind: 'post', ...fallback } : { kind: 'refused', reason };
  }
}
