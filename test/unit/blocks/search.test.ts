import { describe, expect, it } from 'vitest';
import { errorsOnly, validateMessage } from '../../../src/sandbox/index.ts';
import { searchReply, snippetMrkdwn } from '../../../src/slack/blocks/search.ts';
import { START_MARK as S, STOP_MARK as E, type SearchRow } from '../../../src/search/search-repository.ts';

const hit = (over: Partial<SearchRow> = {}): SearchRow => ({ kind: 'followup', number: 1, title: 'Submit the GFC outcomes', status: 'open', snippet: `Submit the GFC ${S}outcomes${E}`, rank: 0.1, total: 1, ...over });

describe('search reply', () => {
  it('bolds the marked words, drops the record’s own ** and escapes the rest', () => {
    expect(snippetMrkdwn(`a **${S}plastics${E} convention** <!channel> & co`)).toBe('a *plastics* convention &lt;!channel&gt; &amp; co');
    expect(snippetMrkdwn(`line one\n\n${S}two${E}`)).toBe('line one *two*');
  });

  it('names each hit with its id, its status and the command that opens it', () => {
    const r = searchReply({ words: 'outcomes', hits: [hit(), hit({ kind: 'record', number: 2, title: 'Summary record of the 60th meeting', status: 'circulated' })], total: 2 }, '/concord');
    const text = JSON.stringify(r.blocks);
    expect(r.text).toBe('🔎 2 matches for “outcomes”');
    expect(text).toContain('*F-1* Submit the GFC outcomes · Follow-up, open');
    expect(text).toContain('`/concord followup F-1`');
    expect(text).toContain('*R-2* Summary record of the 60th meeting · Record, circulated');
    expect(text).toContain('`/concord record show R-2`');
    expect(errorsOnly(validateMessage(r))).toEqual([]);
  });

  it('stays within Slack’s limits with long texts and says when more were found', () => {
    const long = hit({ title: 'x'.repeat(5000), snippet: `${'word '.repeat(2000)}${S}match${E}`, total: 37 });
    const r = searchReply({ words: 'match', hits: Array.from({ length: 10 }, () => long), total: 37 }, '/concord');
    expect(r.text).toContain('37 matches for “match” (the best 10 shown');
    expect(errorsOnly(validateMessage(r))).toEqual([]);
  });

  it('says when nothing was found, and for which organization', () => {
    const r = searchReply({ words: 'mercury', hits: [], total: 0, organizationCode: 'WHO' }, '/concord');
    expect(r.text).toBe('🔎 Nothing found for “mercury” for WHO.');
  });
});
