/**
 * `export R-n [md|docx]`: the reply says the file is on its way; after it, the file is made and uploaded to
 * the channel the command was typed in through Slack's flow (files.getUploadURLExternal → POST the bytes
 * → files.completeUploadExternal with channel_id). A failed upload is told to the caller ephemerally.
 */
import type { WebClient } from '@slack/web-api';
import { documentToExport } from '../../records/export/export-service.ts';
import { EXPORT_FORMATS, exportRecord, type ExportFormat } from '../../records/export/record-export.ts';
import type { RecordDocument } from '../../records/record-document.ts';
import { exportFileName } from '../../records/export/export-labels.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { expectEnd, orThrow, parseShortId, takeWord, UsageError } from './args.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { scopeOf } from './followup.ts';
import { infoReply } from '../blocks/reply.ts';
import { channelMention, escapeMrkdwn } from '../text.ts';

const UPLOAD_TIMEOUT_MS = 30_000;

function readFormat(text: string | undefined): ExportFormat {
  if (text === undefined) return 'md';
  const format = text.toLowerCase().replace(/^\./, '');
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  const near = didYouMean(format, EXPORT_FORMATS);
  throw new UsageError(`\`${text}\` is not an export format: use md (Markdown) or docx (Word).`, near);
}

export const exportCommand: CommandHandler = async (ctx) => {
  const id = orThrow(takeWord(ctx.args, 'a record id (e.g. R-1)'));
  const number = orThrow(parseShortId(id.value, 'R')).value;
  const fmt = id.rest.length ? orThrow(takeWord(id.rest, 'md or docx')) : undefined;
  if (fmt) orThrow(expectEnd(fmt.rest));
  const format = readFormat(fmt?.value);
  const doc = await documentToExport(await scopeOf(ctx), number);
  void uploadAfterReply(ctx, doc, format);
  return infoReply(`📎 R-${doc.number} (${escapeMrkdwn(doc.title)}) is on its way to ${channelMention(ctx.channelId)} as \`${exportFileName(doc, format)}\`.`);
};

async function uploadAfterReply(ctx: CommandContext, doc: RecordDocument, format: ExportFormat): Promise<void> {
  try {
    const file = await exportRecord(doc, format);
    await uploadFile(ctx.client, ctx.channelId, file.filename, file.title, file.bytes);
  } catch (err) {
    ctx.deps.logger.warn({ record: doc.number, format, channelId: ctx.channelId, errorName: err instanceof Error ? err.name : typeof err }, 'record export upload failed');
    await ctx.client.chat
      .postEphemeral({ channel: ctx.channelId, user: ctx.userId, text: `⚠️ R-${doc.number} could not be uploaded to this channel (is Concord a member of it?). Nothing was posted; please try again.` })
      .catch(() => ctx.deps.logger.warn({ record: doc.number }, 'could not tell the caller that the export failed'));
  }
}

async function uploadFile(client: WebClient, channelId: string, filename: string, title: string, bytes: Buffer): Promise<void> {
  const target = await client.files.getUploadURLExternal({ filename, length: bytes.length });
  if (!target.upload_url || !target.file_id) throw new Error('files.getUploadURLExternal gave no upload URL');
  const res = await fetch(target.upload_url, { method: 'POST', body: new Uint8Array(bytes), headers: { 'content-type': 'application/octet-stream' }, signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`upload refused with HTTP ${res.status}`);
  await client.files.completeUploadExternal({ files: [{ id: target.file_id, title }], channel_id: channelId });
}
