/**
 * Pure builder: an adopted record in the channel within Block Kit's limits — a header message (title,
 * R-n, the header lines as fields), then the body in order (Specific Matters, General Matters, decisions,
 * follow-ups, earlier action points carried over or closed) across as many messages as needed, posted as
 * replies in the header message's thread.
 */
import type { KnownBlock, SectionBlock } from '@slack/types';
import type { RenderedAnnouncement } from '../../meetings/announcements.ts';
import type { RecordDocument } from '../../records/record-document.ts';
import { shortRecordId } from '../../records/record-rules.ts';
import { formatLocalDate } from '../../time/format.ts';
import { escapeMrkdwn, mrkdwn, truncate, userMention } from '../text.ts';
import { context, header, section } from './reply.ts';
import { recordMrkdwn, splitMrkdwn } from './record-text.ts';

/** Blocks per reply message (Slack allows 50) and characters of block text per reply. */
export const REPLY_BLOCKS_MAX = 40;
export const REPLY_CHARS_MAX = 12_000;

function headerFields(doc: RecordDocument): SectionBlock[] {
  const fields = doc.header.map((l) => mrkdwn(`*${escapeMrkdwn(l.label)}*\n${escapeMrkdwn(truncate(l.value, 1900))}`, 2000));
  const out: SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += 10) out.push({ type: 'section', fields: fields.slice(i, i + 10) });
  return out;
}

function byline(doc: RecordDocument, actorId: string | null): string {
  const who = actorId ? `by ${userMention(actorId)}` : 'by the silence procedure (no objection)';
  return `*${shortRecordId(doc.number)}* · ${escapeMrkdwn(truncate(doc.committeeName, 200))} · version ${doc.version} · adopted ${who}`;
}

/** The body as blocks, in order. */
export function recordBodyBlocks(doc: RecordDocument): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const s of doc.sections) {
    if (!s.matters.length) continue;
    blocks.push(header(s.heading));
    for (const m of s.matters) for (const piece of splitMrkdwn(recordMrkdwn(m.text))) blocks.push(section(piece));
  }
  if (doc.decisions.length) {
    blocks.push(header('Decisions'));
    for (const piece of splitMrkdwn(doc.decisions.map((d) => `• ${recordMrkdwn(d)}`).join('\n'))) blocks.push(section(piece));
  }
  if (doc.followUps.length) {
    blocks.push(header('Follow-ups'));
    const lines = doc.followUps.map((f) => {
      const ref = f.ref ? `*${f.ref}* ` : '';
      const due = f.due ? ` — due ${formatLocalDate(f.due)}` : '';
      return `• ${ref}${escapeMrkdwn(f.organizations.join(', '))}: ${escapeMrkdwn(f.action)}${due}`;
    });
    for (const piece of splitMrkdwn(lines.join('\n'))) blocks.push(section(piece));
  }
  if (doc.annex.length) {
    blocks.push(header('Action points from previous meetings'));
    const lines = doc.annex.map((a) => {
      const parts = a.organizations.map((o) => `${o.code}: ${o.status}`).join(', ');
      return `• *${a.ref}* ${escapeMrkdwn(truncate(a.action, 300))} — ${a.decision === 'closed' ? 'closed' : 'carried over'}${parts ? ` (${escapeMrkdwn(parts)})` : ''}`;
    });
    for (const piece of splitMrkdwn(lines.join('\n'))) blocks.push(section(piece));
  }
  return blocks;
}

function blockChars(b: KnownBlock): number {
  return JSON.stringify(b).length;
}

/** Packs blocks into messages of at most REPLY_BLOCKS_MAX blocks and REPLY_CHARS_MAX characters. */
export function packMessages(blocks: KnownBlock[]): KnownBlock[][] {
  const out: KnownBlock[][] = [];
  let current: KnownBlock[] = [];
  let chars = 0;
  for (const b of blocks) {
    const n = blockChars(b);
    // A header never ends a message: it moves to the next one with what it heads.
    if (current.length && (current.length >= REPLY_BLOCKS_MAX || chars + n > REPLY_CHARS_MAX)) {
      const moved = current.at(-1)?.type === 'header' ? current.splice(-1) : [];
      out.push(current);
      current = moved;
      chars = moved.reduce((sum, m) => sum + blockChars(m), 0);
    }
    current.push(b);
    chars += n;
  }
  if (current.length) out.push(current);
  return out;
}

/** The header message, then the body messages (replies in its thread). */
export function recordPost(doc: RecordDocument, actorId: string | null): RenderedAnnouncement[] {
  const name = `${shortRecordId(doc.number)} ${doc.title}`;
  const body = packMessages(recordBodyBlocks(doc));
  const head: KnownBlock[] = [
    header(`📘 ${doc.title}`),
    section(byline(doc, actorId)),
    ...headerFields(doc),
    context(body.length ? `The full text follows in this thread (${body.length} message${body.length > 1 ? 's' : ''}).` : 'The record has no body text.'),
  ];
  return [
    { text: truncate(`Summary record adopted: ${name}`, 3000), blocks: head },
    ...body.map((blocks, i) => ({ text: truncate(`${name} (part ${i + 1} of ${body.length})`, 3000), blocks })),
  ];
}
