/**
 * Replies to a command: error, information, success. Pure builders: data in, `{ text, blocks }`
 * out, always within Block Kit limits (≤ 50 blocks, section text ≤ 3000, fallback text ≤ 4000).
 * Command replies are ephemeral by default (Slack's default `response_type`).
 */
import type { ContextBlock, DividerBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import {
  MESSAGE_TEXT_MAX,
  TEXT_OBJECT_MAX,
  escapeMrkdwn,
  inlineCode,
  mrkdwn,
  plain,
  truncateMrkdwn,
  type MrkdwnTextObject,
  type PlainTextObject,
  type TextObject,
} from '../text.ts';

/** Any Block Kit block a message can hold (Slack's own types, `@slack/types`). */
export type Block = KnownBlock;
export type { ContextBlock, DividerBlock, HeaderBlock, SectionBlock };

/** A message body: `text` is the notification / screen-reader fallback, `blocks` what is shown. */
export interface Reply {
  text: string;
  blocks: Block[];
}

export const MAX_MESSAGE_BLOCKS = 50;
export const HEADER_TEXT_MAX = 150;

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text.replace(/\s+/g, ' ').trim(), HEADER_TEXT_MAX) };
}

/** A section of (already safe) mrkdwn, truncated to 3000 characters. */
export function section(md: string): SectionBlock {
  return { type: 'section', text: mrkdwn(md) };
}

export function context(md: string): ContextBlock {
  return { type: 'context', elements: [mrkdwn(md)] };
}

export const divider: DividerBlock = { type: 'divider' };

/**
 * Split long mrkdwn into sections of at most 3000 characters, at line breaks where possible
 * (a single longer line is truncated).
 */
export function sections(md: string): SectionBlock[] {
  const out: SectionBlock[] = [];
  let chunk = '';
  for (const line of md.split('\n')) {
    const next = chunk === '' ? line : `${chunk}\n${line}`;
    if (next.length <= TEXT_OBJECT_MAX) {
      chunk = next;
      continue;
    }
    if (chunk !== '') out.push(section(chunk));
    chunk = line;
  }
  if (chunk.trim() !== '' || out.length === 0) out.push(section(chunk));
  return out;
}

/**
 * Assemble a reply within the limits: at most 50 blocks (the last one then says how many were
 * left out) and a fallback text of at most 4000 characters.
 */
export function reply(text: string, blocks: Block[]): Reply {
  let kept = blocks;
  if (blocks.length > MAX_MESSAGE_BLOCKS) {
    kept = blocks.slice(0, MAX_MESSAGE_BLOCKS - 1);
    kept.push(context(`… ${blocks.length - kept.length} more parts not shown.`));
  }
  return { text: truncateMrkdwn(text, MESSAGE_TEXT_MAX) || ' ', blocks: kept };
}

export interface ErrorReplyInput {
  /** What was wrong, as plain text (it is escaped: user input inside it is shown literally). */
  problem: string;
  /**
   * An extra line of already-safe mrkdwn shown under the problem, e.g. who may do it with real
   * mentions ("Ask <@U1>."). Not escaped: never put user text in it unescaped.
   */
  note?: string;
  /** The correct syntax, with the command name, e.g. from `syntaxOf` in the help catalog. */
  syntax?: string;
  /** "Did you mean …?": the likely intended command, code or id, shown as code. */
  suggestion?: string;
  /** The configured slash command, e.g. `/concord`. */
  commandName: string;
  /** A help topic to point at (`org add`); without it the reply points at the overview. */
  helpTopic?: string;
}

/**
 * The ephemeral answer to a command that could not be done:
 * "⚠️ problem", "Usage: `…`", "Did you mean `…`?", and where to find help.
 */
export function errorReply(input: ErrorReplyInput): Reply {
  const lines = [`⚠️ ${escapeMrkdwn(input.problem.trim())}`];
  const blocks: Block[] = [section(lines[0]!)];
  if (input.note) {
    lines.push(input.note);
    blocks.push(section(input.note));
  }
  if (input.syntax) {
    const usage = `*Usage:* ${inlineCode(input.syntax)}`;
    lines.push(`Usage: ${inlineCode(input.syntax)}`);
    blocks.push(section(usage));
  }
  if (input.suggestion) {
    const line = `Did you mean ${inlineCode(input.suggestion)}?`;
    lines.push(line);
    blocks.push(section(line));
  }
  const topic = input.helpTopic ? ` ${input.helpTopic}` : '';
  const hint = input.helpTopic
    ? `${inlineCode(`${input.commandName} help${topic}`)} shows examples.`
    : `${inlineCode(`${input.commandName} help`)} lists every command.`;
  blocks.push(context(hint));
  return reply(lines.join('\n'), blocks);
}

/**
 * An information reply. `md` must already be safe mrkdwn (escape user text with `escapeMrkdwn`;
 * build mentions with `userMention`). Long text is split into several sections.
 */
export function infoReply(md: string): Reply {
  return reply(md, sections(md));
}

/** A success reply ("✅ …"). Same rules as `infoReply`. */
export function successReply(md: string): Reply {
  const text = `✅ ${md}`;
  return reply(text, sections(text));
}

export type { MrkdwnTextObject, PlainTextObject, TextObject };
