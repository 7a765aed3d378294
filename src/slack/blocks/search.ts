/**
 * The answer to `search`: each hit with its id, title and status, the matching words in *bold*, and the
 * command that opens it (`record show R-n`, `followup F-n`); ranked best first.
 */
import type { SearchResult } from '../../search/search-service.ts';
import { START_MARK, STOP_MARK, type SearchRow } from '../../search/search-repository.ts';
import { context, reply, section, type Block, type Reply } from './reply.ts';
import { escapeMrkdwn, inlineCode, truncate } from '../text.ts';

const SNIPPET_MAX = 600;

/** ts_headline's marked text as mrkdwn: the record's own `*` markers dropped, the rest escaped, matches bold. */
export function snippetMrkdwn(snippet: string): string {
  const text = truncate(snippet.replace(/\*+/g, '').replace(/\s+/g, ' ').trim(), SNIPPET_MAX);
  return escapeMrkdwn(text)
    .replace(new RegExp(`${START_MARK}\\s*([^${STOP_MARK}]*?)\\s*${STOP_MARK}`, 'g'), (_m, word: string) => (word ? `*${word}*` : ''))
    .replace(new RegExp(`[${START_MARK}${STOP_MARK}]`, 'g'), '');
}

function itemId(hit: SearchRow): string {
  return hit.kind === 'record' ? `R-${hit.number}` : `F-${hit.number}`;
}

function openCommand(hit: SearchRow, commandName: string): string {
  return hit.kind === 'record' ? `${commandName} record show R-${hit.number}` : `${commandName} followup F-${hit.number}`;
}

function hitBlocks(hit: SearchRow, commandName: string): Block[] {
  const what = hit.kind === 'record' ? 'Record' : 'Follow-up';
  return [
    section(`*${itemId(hit)}* ${escapeMrkdwn(truncate(hit.title, 200))} · ${what}, ${escapeMrkdwn(hit.status)}\n> ${snippetMrkdwn(hit.snippet)}`),
    context(`Open it: ${inlineCode(openCommand(hit, commandName))}`),
  ];
}

export function searchReply(result: SearchResult, commandName: string): Reply {
  const words = escapeMrkdwn(result.words);
  const where = result.organizationCode ? ` for ${escapeMrkdwn(result.organizationCode)}` : '';
  if (result.hits.length === 0) {
    const text = `🔎 Nothing found for “${words}”${where}.`;
    return reply(text, [section(`${text} Try fewer or other words, or leave out \`in:\` and \`org:\`.`)]);
  }
  const shown = result.total > result.hits.length ? ` (the best ${result.hits.length} shown; add words to narrow it)` : '';
  const text = `🔎 ${result.total} ${result.total === 1 ? 'match' : 'matches'} for “${words}”${where}${shown}`;
  return reply(text, [section(text), ...result.hits.flatMap((h) => hitBlocks(h, commandName))]);
}
