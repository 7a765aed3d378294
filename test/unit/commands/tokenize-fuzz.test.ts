import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../../src/slack/commands/tokenize.ts';
import { fuzzCorpus } from '../../support/fuzz-corpus.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function texts(token: Token): string[] {
  switch (token.kind) {
    case 'word':
    case 'quoted':
      return [token.text];
    case 'option':
      return [token.key, ...texts(token.value)];
    case 'user':
      return [token.id, token.label ?? ''];
    case 'channel':
      return [token.id, token.name ?? ''];
    case 'usergroup':
      return [token.id, token.handle ?? ''];
    case 'special':
      return [token.name];
    case 'link':
      return [token.url, token.label ?? ''];
  }
}

describe('fuzzCorpus', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(fuzzCorpus(200, 7)).toEqual(fuzzCorpus(200, 7));
    expect(fuzzCorpus(200, 7)).not.toEqual(fuzzCorpus(200, 8));
    expect(fuzzCorpus(200, 7)).toHaveLength(200);
  });

  it('covers the malformed cases it promises', () => {
    const corpus = fuzzCorpus(5_000, 1);
    const has = (predicate: (s: string) => boolean) => corpus.some(predicate);
    expect(has((s) => s.length >= 4_000)).toBe(true);
    expect(has((s) => s.includes('<!channel>'))).toBe(true);
    expect(has((s) => s.includes('<!here>'))).toBe(true);
    expect(has((s) => s.includes('DROP TABLE'))).toBe(true);
    expect(has((s) => s.includes('\u0000'))).toBe(true);
    expect(has((s) => LONE_SURROGATE.test(s))).toBe(true);
    expect(has((s) => s.includes('%00'))).toBe(true);
    expect(has((s) => s.startsWith('org add'))).toBe(true);
    expect(has((s) => s.includes('member add <@'))).toBe(true);
    expect(has((s) => /[\u0591-\u06ff]/.test(s))).toBe(true);
    expect(corpus.filter((s) => !tokenize(s).ok).length).toBeGreaterThan(100);
  });
});

describe('tokenize over 5,000 fuzzed command texts', () => {
  const corpus = fuzzCorpus(5_000, 20250916);

  it('never throws and always returns tokens or a non-empty error', () => {
    const bad = corpus.filter((text) => {
      const result = tokenize(text);
      return result.ok ? !Array.isArray(result.tokens) : result.error.trim() === '';
    });
    expect(bad).toEqual([]);
  });

  it('never yields control characters, lone surrogates or empty bare words', () => {
    const bad: string[] = [];
    for (const text of corpus) {
      const result = tokenize(text);
      if (!result.ok) continue;
      const broken = result.tokens.some(
        (token) =>
          (token.kind === 'word' && token.text === '') ||
          texts(token).some((part) => CONTROL.test(part) || LONE_SURROGATE.test(part)),
      );
      if (broken) bad.push(text);
    }
    expect(bad).toEqual([]);
  });

  it('only reports @here/@channel/@everyone where Slack sent the raw markup', () => {
    let seen = 0;
    const bad: string[] = [];
    for (const text of corpus) {
      const result = tokenize(text);
      if (!result.ok) continue;
      for (const token of result.tokens) {
        const value = token.kind === 'option' ? token.value : token;
        if (value.kind !== 'special') continue;
        seen++;
        if (!value.raw.startsWith(`<!${value.name}`)) bad.push(text);
      }
    }
    expect(bad).toEqual([]);
    expect(seen).toBeGreaterThan(0);
  });
});
