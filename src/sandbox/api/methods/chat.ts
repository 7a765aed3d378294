/**
 * chat.postMessage, chat.postEphemeral, chat.update, chat.delete, chat.getPermalink
 * (DOC https://docs.slack.dev/reference/methods/chat.postMessage and siblings).
 */
import { addBotMessage } from '../../state/bot-message.ts';
import type { Channel, SlackMessage } from '../../state/types.ts';
import { SlackApiError } from '../api-error.ts';
import { bool, requireStr, str } from '../args.ts';
import { readContent, validContent } from '../message-content.ts';
import { readMetadata } from '../message-metadata.ts';
import { findChannel, findUser, type MethodCall, type MethodSpec } from './method.ts';

/** A stored message in the shape Slack returns (without the sandbox's bookkeeping fields). */
export function publicMessage(message: SlackMessage): Record<string, unknown> {
  const { channel: _channel, origin: _origin, ...rest } = message;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

/**
 * The bot must be in a private channel, and in a public one unless it has `chat:write.public`
 * ("new apps cannot post everywhere by default", chat.postMessage §Channel membership) → `not_in_channel`.
 */
function assertCanPost(call: MethodCall, channel: Channel): void {
  if (channel.members.includes(call.core.store.bot.userId) || channel.isIm) return;
  if (channel.isPrivate || !call.grant.scopes.includes('chat:write.public')) throw new SlackApiError('not_in_channel');
}

/** Returns `{ channel, ts, message }`. A `U…` channel posts into the bot's DM with that user. */
function postMessage(call: MethodCall): Record<string, unknown> {
  const channel = findChannel(call, str(call.args, 'channel'));
  assertCanPost(call, channel);
  const content = validContent(readContent(call.args));
  const metadata = readMetadata(call.args);
  const threadTs = str(call.args, 'thread_ts');
  const message = addBotMessage(call.core, {
    channel: channel.id,
    team: call.team.id,
    ...(threadTs && bool(call.args, 'reply_broadcast') ? { subtype: 'thread_broadcast' } : {}),
    text: content.text ?? '',
    blocks: content.blocks,
    attachments: content.attachments,
    thread_ts: threadTs,
    ...(metadata ? { metadata } : {}),
    origin: 'api',
  });
  return { ok: true, channel: channel.id, ts: message.ts, message: publicMessage(message) };
}

/** Returns `{ message_ts }`; the user must be in the channel (`user_not_in_channel`). */
function postEphemeral(call: MethodCall): Record<string, unknown> {
  const channel = findChannel(call, str(call.args, 'channel'));
  const user = findUser(call, str(call.args, 'user'));
  assertCanPost(call, channel);
  if (!channel.members.includes(user.id)) throw new SlackApiError('user_not_in_channel');
  const content = validContent(readContent(call.args));
  const ephemeral = call.core.store.addEphemeral({
    ts: call.core.ts.next(),
    channel: channel.id,
    user: user.id,
    team: call.team.id,
    text: content.text ?? '',
    blocks: content.blocks,
    thread_ts: str(call.args, 'thread_ts'),
    origin: 'api',
  });
  return { ok: true, message_ts: ephemeral.ts };
}

function findOwnMessage(call: MethodCall, notOwn: string): SlackMessage {
  const channel = findChannel(call, str(call.args, 'channel'));
  const message = call.core.store.findMessage(channel.id, requireStr(call.args, 'ts', 'message_not_found'));
  if (!message) throw new SlackApiError('message_not_found');
  if (message.user !== call.core.store.bot.userId) throw new SlackApiError(notOwn);
  return message;
}

/**
 * Edits the bot's message. Fields left out are kept ("If you don't include this field, the message's
 * previous blocks will be retained", chat.update docs); `blocks: []` removes them. `metadata`, when
 * given, replaces the message's metadata (Slack then sends `message_metadata_updated`); left out, it is kept.
 */
function update(call: MethodCall): Record<string, unknown> {
  const message = findOwnMessage(call, 'cant_update_message');
  const content = readContent(call.args);
  const next = validContent({
    text: content.text ?? message.text,
    blocks: content.blocks ?? message.blocks,
    attachments: content.attachments ?? message.attachments,
  });
  const metadata = readMetadata(call.args);
  Object.assign(message, next, metadata ? { metadata } : {}, { edited: { user: call.core.store.bot.userId, ts: call.core.ts.next() } });
  call.core.store.changed();
  return { ok: true, channel: message.channel, ts: message.ts, text: message.text, message: publicMessage(message) };
}

function remove(call: MethodCall): Record<string, unknown> {
  const message = findOwnMessage(call, 'cant_delete_message');
  call.core.store.removeMessage(message.channel, message.ts);
  return { ok: true, channel: message.channel, ts: message.ts };
}

/** `https://<domain>.slack.com/archives/<channel>/p<ts without dot>` (+ thread_ts for replies). */
function getPermalink(call: MethodCall): Record<string, unknown> {
  const channel = findChannel(call, str(call.args, 'channel'));
  const message = call.core.store.findMessage(channel.id, requireStr(call.args, 'message_ts', 'message_not_found'));
  if (!message) throw new SlackApiError('message_not_found');
  let permalink = `https://${call.team.domain}.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}`;
  if (message.thread_ts && message.thread_ts !== message.ts) permalink += `?thread_ts=${message.thread_ts}&cid=${channel.id}`;
  return { ok: true, channel: channel.id, permalink };
}

export const CHAT_METHODS: Record<string, MethodSpec> = {
  'chat.postMessage': { handler: postMessage, scope: 'chat:write' },
  'chat.postEphemeral': { handler: postEphemeral, scope: 'chat:write' },
  'chat.update': { handler: update, scope: 'chat:write' },
  'chat.delete': { handler: remove, scope: 'chat:write' },
  'chat.getPermalink': { handler: getPermalink },
};
