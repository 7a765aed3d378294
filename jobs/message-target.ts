/**
 * Where an outbox row is posted: its channel, or for a direct message the app's DM with the recipient —
 * and when Slack refuses that DM, the row's fallback channel, mentioning them.
 *
 * A DM is posted with the recipient's user id as `channel`: chat.postMessage then posts into the app's DM
 * with that user (the App Home's Messages tab) and answers with the DM's `D…` id, which is recorded with
 * the message (chat.update and the history search need it). No conversations.open per recipient: it is
 * Tier 3 (50 a minute per workspace), so 2,000 recipients would take 40 minutes of opens.
 */
import type { WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import type { OutboundRow } from '../src/outbox/outbox-repository.ts';
import { dmFallback } from '../src/slack/blocks/dm-fallback.ts';

/** Slack's answers meaning "this person cannot get a DM from the bot" (conversations.open, chat.postMessage). */
export const DM_REFUSED = new Set(['invalid_user_combination', 'user_not_found', 'cannot_dm_bot', 'user_disabled', 'account_inactive', 'channel_not_found', 'messages_tab_disabled']);

export interface Target {
  channel: string;
  text: string;
  blocks?: KnownBlock[];
  fallback?: { channel: string; text: string; blocks?: KnownBlock[] };
}

/** For a DM, `channel` is the recipient's user id; Slack answers with the DM's id. */
export function resolveTarget(row: OutboundRow): Target {
  const blocks = (row.blocks ?? undefined) as KnownBlock[] | undefined;
  const userId = row.recipientUserId;
  if (!userId) return { channel: row.channelId, text: row.text, blocks };
  const fallback = row.fallbackChannelId ? { channel: row.fallbackChannelId, ...dmFallback(userId, row.text, blocks) } : undefined;
  return { channel: userId, text: row.text, blocks, fallback };
}

/**
 * The bot's DM channel with each user, as Slack answered a post (or conversations.open): only needed to
 * search a DM's history after a post whose outcome is unknown. A refused post forgets it (`forgetDm`).
 */
const DM_CACHE_SIZE = 20_000;
const dmChannels = new WeakMap<WebClient, Map<string, string>>();

function cacheOf(client: WebClient): Map<string, string> {
  let cache = dmChannels.get(client);
  if (!cache) dmChannels.set(client, (cache = new Map()));
  return cache;
}

export function rememberDm(client: WebClient, userId: string, channelId: string): void {
  const cache = cacheOf(client);
  if (cache.size >= DM_CACHE_SIZE && !cache.has(userId)) cache.delete(cache.keys().next().value!);
  cache.set(userId, channelId);
}

export function forgetDm(client: WebClient, userId: string): void {
  dmChannels.get(client)?.delete(userId);
}

/** The conversation to search for an earlier post: a DM's `D…` id (known, else conversations.open), or the channel itself. */
export async function conversationOf(client: WebClient, channelOrUser: string): Promise<string> {
  if (!/^[UW]/.test(channelOrUser)) return channelOrUser;
  const known = cacheOf(client).get(channelOrUser);
  if (known) return known;
  const opened = await client.conversations.open({ users: channelOrUser });
  const id = String(opened.channel?.id);
  rememberDm(client, channelOrUser, id);
  return id;
}
