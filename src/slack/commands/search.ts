/** `search WORDS [in:records|followups] [org:CODE]`: full-text search for everyone. */
import { searchItems, type SearchIn } from '../../search/search-service.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { asText, describeToken, orThrow, takeOptions, UsageError } from './args.ts';
import type { CommandHandler } from './context.ts';
import { scopeOf } from './followup.ts';
import { searchReply } from '../blocks/search.ts';
import type { Token } from './tokenize.ts';

const PLACES: readonly SearchIn[] = ['records', 'followups'];

/** The words as typed; a quoted phrase stays a phrase. */
function searchWords(tokens: readonly Token[]): string {
  if (tokens.length === 0) throw new UsageError('Give the words to search for, e.g. `search plastics`.');
  return tokens
    .map((t) => {
      if (t.kind === 'word') return t.text;
      if (t.kind === 'quoted') return `"${t.text.replace(/"/g, '')}"`;
      throw new UsageError(`Search for words, not ${describeToken(t)}.`);
    })
    .join(' ');
}

function readPlace(text: string | undefined): SearchIn | undefined {
  if (text === undefined) return undefined;
  const place = text.toLowerCase();
  if ((PLACES as readonly string[]).includes(place)) return place as SearchIn;
  const near = didYouMean(place, PLACES);
  throw new UsageError(`\`in:${text}\` is not a place to search: use in:records or in:followups.`, near ? `in:${near}` : undefined);
}

export const searchCommand: CommandHandler = async (ctx) => {
  const { options, rest } = orThrow(takeOptions(ctx.args, ['in', 'org']));
  const words = searchWords(rest);
  const place = readPlace(options.in ? orThrow(asText(options.in, 'records or followups')).value : undefined);
  const org = options.org ? orThrow(asText(options.org, 'an organization code such as UNEP')).value : undefined;
  const result = await searchItems(await scopeOf(ctx), { words, ...(place ? { in: place } : {}), ...(org ? { org } : {}) });
  return searchReply(result, ctx.deps.commandName);
};
