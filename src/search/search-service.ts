/**
 * `search WORDS [in:records|followups] [org:CODE]` for everyone: ranked hits over the committee's records,
 * follow-ups and their notes. Words are read as a web search box reads them (`websearch_to_tsquery`):
 * `"exact phrase"`, `or`, `-excluded`; English stemming finds "plastics" for "plastic".
 */
import type { Scope } from '../committees/scope.ts';
import { UserError } from '../errors.ts';
import { requireOrganization } from '../organizations/organization-service.ts';
import { hasSearchTerms, searchCommittee, type SearchKind, type SearchRow } from './search-repository.ts';

export type SearchIn = 'records' | 'followups';

export interface SearchInput {
  words: string;
  in?: SearchIn;
  org?: string;
}

export interface SearchResult {
  words: string;
  hits: SearchRow[];
  /** Items found in all (the hits are the best `limit` of them). */
  total: number;
  organizationCode?: string;
}

export const SEARCH_LIMIT = 10;
const MAX_WORDS_LENGTH = 200;

const KINDS: Record<SearchIn, SearchKind[]> = { records: ['record'], followups: ['followup'] };

export async function searchItems(scope: Scope, input: SearchInput, limit = SEARCH_LIMIT): Promise<SearchResult> {
  const words = input.words.trim();
  if (!words) throw new UserError('Give the words to search for, e.g. `search plastics`.');
  if (words.length > MAX_WORDS_LENGTH) throw new UserError(`Search for at most ${MAX_WORDS_LENGTH} characters.`);
  if (!(await hasSearchTerms(scope.db, words))) {
    throw new UserError(`“${words}” has nothing to search for (words such as “the” or “and” are left out). Add a word that names the subject.`);
  }
  const org = input.org ? await requireOrganization(scope.db, scope.committee, input.org) : undefined;
  const hits = await searchCommittee(scope.db, {
    committeeId: scope.committee.id,
    words,
    kinds: input.in ? KINDS[input.in] : ['record', 'followup'],
    ...(org ? { organization: { id: org.id, code: org.code } } : {}),
    limit,
  });
  return { words, hits, total: hits[0]?.total ?? 0, ...(org ? { organizationCode: org.code } : {}) };
}
