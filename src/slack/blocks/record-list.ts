/** Pure builder: `records`, `record show R-n`, `record versions R-n` replies. */
import type { KnownBlock } from '@slack/types';
import type { Reply } from '../commands/context.ts';
import type { RecordDocument } from '../../records/record-document.ts';
import { shortRecordId, type RecordStatus } from '../../records/record-rules.ts';
import { dateToken, escapeMrkdwn, truncate, userMention } from '../text.ts';
import { context, header, reply, section } from './reply.ts';
import { recordBodyBlocks } from './record-post.ts';

export interface RecordRow {
  number: number;
  title: string;
  status: RecordStatus;
  version: number;
  silenceEndsAt: Date | null;
  openObjections: number;
}

const STATUS: Record<RecordStatus, string> = { draft: '📝 draft', circulated: '📄 circulated', adopted: '📘 adopted' };

function statusLine(r: Pick<RecordRow, 'status' | 'silenceEndsAt' | 'openObjections'>, zone: string): string {
  const silence = r.status === 'circulated' && r.silenceEndsAt ? `, silence until ${dateToken(r.silenceEndsAt, zone)}` : '';
  const objections = r.openObjections ? `, ${r.openObjections} unresolved objection${r.openObjections > 1 ? 's' : ''}` : '';
  return `${STATUS[r.status]}${silence}${objections}`;
}

export function recordListReply(rows: RecordRow[], zone: string, commandName: string): Reply {
  if (!rows.length) return reply('No summary records yet.', [section(`No summary records yet. The chair or the secretariat writes one with \`${commandName} record M-n\`.`)]);
  const blocks: KnownBlock[] = [header('Summary records')];
  for (const r of rows) blocks.push(section(`*${shortRecordId(r.number)}* ${escapeMrkdwn(truncate(r.title, 200))} · v${r.version} · ${statusLine(r, zone)}`));
  blocks.push(context(`\`${commandName} record show R-n\` shows one.`));
  return reply(`${rows.length} summary records`, blocks);
}

export function recordShowReply(doc: RecordDocument, row: RecordRow, zone: string): Reply {
  const blocks: KnownBlock[] = [
    header(doc.title),
    section(`*${shortRecordId(doc.number)}* · version ${doc.version} · ${statusLine(row, zone)}`),
    ...(doc.header.length ? [section(doc.header.map((l) => `*${escapeMrkdwn(l.label)}:* ${escapeMrkdwn(truncate(l.value, 300))}`).join('\n'))] : []),
    ...recordBodyBlocks(doc),
  ];
  return reply(`${shortRecordId(doc.number)} ${doc.title}`, blocks);
}

export interface VersionRow {
  version: number;
  title: string;
  createdBy: string;
  createdAt: Date;
  chars: number;
}

export function recordVersionsReply(number: number, versions: VersionRow[], current: number, zone: string): Reply {
  const lines = versions.map((v) => `*v${v.version}*${v.version === current ? ' (current)' : ''} · ${escapeMrkdwn(truncate(v.title, 150))} · ${v.chars} characters · by ${userMention(v.createdBy)}, ${dateToken(v.createdAt, zone)}`);
  return reply(`Versions of ${shortRecordId(number)}`, [header(`Versions of ${shortRecordId(number)}`), section(lines.join('\n'))]);
}
