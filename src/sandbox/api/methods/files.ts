/**
 * The external upload flow (DOC https://docs.slack.dev/messaging/working-with-files#uploading_files):
 * files.getUploadURLExternal → POST the bytes to `upload_url` → files.completeUploadExternal, which shares
 * the file into `channel_id` with `initial_comment` (what @slack/web-api's `files.uploadV2` does).
 */
import { addBotMessage } from '../../state/bot-message.ts';
import type { SandboxCore } from '../../core.ts';
import { randomId } from '../../ids.ts';
import type { FileRecord } from '../../state/types.ts';
import { SlackApiError } from '../api-error.ts';
import { int, json, requireStr, str } from '../args.ts';
import { validContent } from '../message-content.ts';
import { findChannel, type MethodCall, type MethodSpec } from './method.ts';

function getUploadUrl(call: MethodCall): Record<string, unknown> {
  const name = requireStr(call.args, 'filename');
  const length = int(call.args, 'length', -1);
  if (length < 0) throw new SlackApiError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: length'] } });
  const file: FileRecord = {
    id: randomId('F'),
    teamId: call.team.id,
    name,
    title: name,
    length,
    altText: str(call.args, 'alt_text') ?? str(call.args, 'alt_txt'),
    channels: [],
    completed: false,
    created: Math.floor(call.core.now() / 1000),
  };
  call.core.store.files.set(file.id, file);
  call.core.store.changed();
  return { ok: true, upload_url: `${call.core.baseUrl()}/upload/v1/${file.id}`, file_id: file.id };
}

/** Stores bytes POSTed to an upload URL; false when the file id is unknown or already completed. */
export function receiveUpload(core: SandboxCore, fileId: string, bytes: Buffer): boolean {
  const file = core.store.files.get(fileId);
  if (!file || file.completed) return false;
  file.bytes = bytes;
  core.store.changed();
  return true;
}

function readFileList(call: MethodCall): { id: string; title?: string }[] {
  const files = json(call.args, 'files', 'invalid_arguments');
  if (!Array.isArray(files) || files.length === 0) {
    throw new SlackApiError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: files'] } });
  }
  return files.map((f: { id?: unknown; title?: unknown }) => ({ id: String(f.id ?? ''), title: typeof f.title === 'string' ? f.title : undefined }));
}

function complete(call: MethodCall): Record<string, unknown> {
  const entries = readFileList(call);
  const channelRef = str(call.args, 'channel_id') ?? str(call.args, 'channels');
  const channel = channelRef ? findChannel(call, channelRef) : undefined;
  const records = entries.map((entry) => {
    const file = call.core.store.files.get(entry.id);
    if (!file || file.teamId !== call.team.id || !file.bytes) throw new SlackApiError('file_not_found');
    return { file, title: entry.title };
  });
  const blocks = json(call.args, 'blocks', 'invalid_blocks_format') as unknown[] | undefined;
  const content = blocks ? validContent({ text: str(call.args, 'initial_comment'), blocks }) : {};
  for (const { file, title } of records) finishFile(call, file, title, channel?.id);
  if (channel) shareMessage(call, channel.id, records.map((r) => r.file), content.blocks);
  call.core.store.changed();
  return { ok: true, files: records.map((r) => fileObject(call.core, r.file)) };
}

function finishFile(call: MethodCall, file: FileRecord, title: string | undefined, channelId: string | undefined): void {
  file.title = title ?? file.title;
  file.completed = true;
  file.initialComment = str(call.args, 'initial_comment');
  file.threadTs = str(call.args, 'thread_ts');
  if (channelId) file.channels.push(channelId);
}

function shareMessage(call: MethodCall, channelId: string, files: FileRecord[], blocks: unknown[] | undefined): void {
  addBotMessage(call.core, {
    channel: channelId,
    team: call.team.id,
    text: str(call.args, 'initial_comment') ?? '',
    blocks,
    files: files.map((f) => fileObject(call.core, f)),
    thread_ts: str(call.args, 'thread_ts'),
    origin: 'file_share',
  });
}

/** The file object Slack returns (a subset). */
export function fileObject(core: SandboxCore, file: FileRecord): Record<string, unknown> {
  const url = `${core.baseUrl()}/files/${file.id}/${encodeURIComponent(file.name)}`;
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    mimetype: 'application/octet-stream',
    filetype: file.name.split('.').pop() ?? '',
    user: core.store.bot.userId,
    size: file.bytes?.length ?? file.length,
    is_external: false,
    url_private: url,
    url_private_download: url,
    channels: file.channels.filter((c) => c.startsWith('C')),
    groups: file.channels.filter((c) => c.startsWith('G')),
    ims: file.channels.filter((c) => c.startsWith('D')),
    ...(file.altText ? { alt_txt: file.altText } : {}),
  };
}

export const FILES_METHODS: Record<string, MethodSpec> = {
  'files.getUploadURLExternal': { handler: getUploadUrl, scope: 'files:write' },
  'files.completeUploadExternal': { handler: complete, scope: 'files:write' },
};
