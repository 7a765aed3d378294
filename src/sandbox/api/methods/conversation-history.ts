/**
 * conversations.history (DOC https://docs.slack.dev/reference/methods/conversations.history): a channel's
 * messages, newest first. Thread replies are left out (conversations.replies has them) unless broadcast.
 *
 * - `channel` is a conversation id (a missing or unknown one → `channel_not_found`).
 * - Scope by conversation type: `channels:history`, `groups:history`, `im:history`, `mpim:history`.
 * - A bot token reads only conversations the bot is a member of, public ones included → `not_in_channel`
 *   (slackapi/deno-slack-sdk#128: the `channels:history` scope has this requirement; invite or
 *   `conversations.join` first). Posting with `chat:write.public` does not make the bot a member.
 * - `oldest` (default 0) / `latest` (default now) bound the range, exclusive unless `inclusive`; a value
 *   that is not a timestamp → `invalid_ts_oldest` / `invalid_ts_latest`.
 * - `limit` default 100, "Maximum of 999"; `cursor` from `response_metadata.next_cursor` (`invalid_cursor`).
 * - `include_all_metadata=true` adds each message's `metadata`; without it none is returned.
 */
import type { Channel, SlackMessage } from '../../state/types.ts';
import { SlackApiError } from '../api-error.ts';
import { bool, int, str } from '../args.ts';
import { publicMessage } from './chat.ts';
import type { MethodCall, MethodSpec } from './method.ts';
import { paginate } from './pagination.ts';

const MAX_LIMIT = 999;

/** The history scope a conversation type needs. */
export function historyScope(channel: Channel): string {
  if (channel.isIm) return 'im:history';
  if (channel.isMpim) return 'mpim:history';
  return channel.isPrivate ? 'groups:history' : 'channels:history';
}

function findConversation(call: MethodCall): Channel {
  const id = str(call.args, 'channel');
  const channel = id ? call.core.store.channels.get(id) : undefined;
  if (!channel || channel.teamId !== call.team.id) throw new SlackApiError('channel_not_found');
  return channel;
}

/** A Slack timestamp argument as a number (`1512085950.000216`, or whole seconds). */
function timestamp(call: MethodCall, key: 'oldest' | 'latest', fallback: number): number {
  const raw = str(call.args, key);
  if (raw === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new SlackApiError(key === 'oldest' ? 'invalid_ts_oldest' : 'invalid_ts_latest');
  return Number(raw);
}

function inRange(ts: number, oldest: number, latest: number, inclusive: boolean): boolean {
  return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
}

function isTimelineMessage(message: SlackMessage): boolean {
  return !message.thread_ts || message.thread_ts === message.ts || message.subtype === 'thread_broadcast';
}

function history(call: MethodCall): Record<string, unknown> {
  const channel = findConversation(call);
  const scope = historyScope(channel);
  if (!call.grant.scopes.includes(scope)) throw new SlackApiError('missing_scope', { needed: scope, provided: call.grant.scopes.join(',') });
  if (!channel.members.includes(call.core.store.bot.userId)) throw new SlackApiError('not_in_channel');
  const oldest = timestamp(call, 'oldest', 0);
  const latest = timestamp(call, 'latest', Number.POSITIVE_INFINITY);
  const inclusive = bool(call.args, 'inclusive');
  const withMetadata = bool(call.args, 'include_all_metadata');
  const timeline = call.core.store
    .channelMessages(channel.id)
    .filter((m) => isTimelineMessage(m) && inRange(Number(m.ts), oldest, latest, inclusive))
    .sort((a, b) => Number(b.ts) - Number(a.ts));
  const limit = Math.min(int(call.args, 'limit', 100), MAX_LIMIT);
  const page = paginate(timeline, { ...call.args, limit }, 100);
  const messages = page.items.map((m) => {
    const { metadata, ...rest } = publicMessage(m);
    return withMetadata && metadata ? { ...rest, metadata } : rest;
  });
  return { ok: true, messages, has_more: page.nextCursor !== '', pin_count: 0, response_metadata: { next_cursor: page.nextCursor } };
}

export const HISTORY_METHODS: Record<string, MethodSpec> = {
  'conversations.history': { handler: history },
};
