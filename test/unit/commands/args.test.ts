import { describe, expect, it } from 'vitest';
import {
  UsageError,
  asChannel,
  asText,
  asUser,
  expectEnd,
  orThrow,
  parseMemberKind,
  parseOrgCode,
  parseOrgCodes,
  parseRole,
  parseShortId,
  takeOptions,
  takeOrgCodes,
  takeText,
  takeUser,
  takeWord,
} from '../../../src/slack/commands/args.ts';
import { tokenize, type Token } from '../../../src/slack/commands/tokenize.ts';
import { UserError } from '../../../src/errors.ts';

function t(text: string): Token[] {
  const result = tokenize(text);
  if (!result.ok) throw new Error(result.error);
  return result.tokens;
}

describe('takeWord / takeText / expectEnd', () => {
  it('takes a word and returns the rest', () => {
    const r = takeWord(t('FAO "Food and Agriculture"'), 'an organization code');
    expect(r).toMatchObject({ ok: true, value: 'FAO' });
    expect(r.ok && r.rest).toHaveLength(1);
  });

  it('accepts a quoted single word as a word, but not a quoted phrase', () => {
    expect(takeWord(t('"FAO"'))).toMatchObject({ ok: true, value: 'FAO' });
    expect(takeWord(t('"World Bank"'), 'a code')).toEqual({ ok: false, error: 'Expected a code, got the quoted text “World Bank”.' });
  });

  it('says what is missing', () => {
    expect(takeWord([], 'an organization code (e.g. FAO)')).toEqual({ ok: false, error: 'Missing an organization code (e.g. FAO).' });
  });

  it('takes a quoted text or a single word', () => {
    expect(takeText(t('“13th Meeting of States Parties” x'))).toMatchObject({ ok: true, value: '13th Meeting of States Parties' });
    expect(takeText(t('IOCC'))).toMatchObject({ ok: true, value: 'IOCC' });
  });

  it('refuses empty quotes and non-text tokens', () => {
    expect(takeText(t('""'), 'a title')).toEqual({ ok: false, error: 'Expected a title, but the quotes are empty.' });
    expect(takeText(t('<@U1>'), 'a title')).toEqual({ ok: false, error: 'Expected a title, got the mention @U1.' });
  });

  it('expectEnd reports the first leftover and how many more', () => {
    expect(expectEnd([])).toEqual({ ok: true, value: undefined });
    expect(expectEnd(t('extra "stuff" here'))).toEqual({ ok: false, error: 'Unexpected “extra” (and 2 more).' });
  });
});

describe('users and channels', () => {
  it('takes a user mention with or without a label', () => {
    expect(takeUser(t('<@U123|maria> chair'))).toMatchObject({ ok: true, value: { id: 'U123', label: 'maria' } });
    expect(takeUser(t('<@W9>'))).toEqual({ ok: true, value: { id: 'W9' }, rest: [] });
  });

  it('refuses @here/@channel/@everyone clearly', () => {
    for (const name of ['here', 'channel', 'everyone']) {
      expect(takeUser(t(`<!${name}>`))).toEqual({ ok: false, error: `@${name} is not allowed here: mention one person, e.g. @maria.` });
    }
  });

  it('refuses a user group and explains unescaped @names', () => {
    expect(asUser(t('<!subteam^S1|@focal>')[0]!)).toMatchObject({ ok: false, error: expect.stringContaining('is a group') });
    expect(asUser(t('@bob')[0]!)).toMatchObject({ ok: false, error: expect.stringContaining('did not arrive as a mention') });
  });

  it('reads channels and explains unescaped #names', () => {
    expect(asChannel(t('<#C1|iocc>')[0]!)).toEqual({ ok: true, value: { id: 'C1', name: 'iocc' } });
    expect(asChannel(t('<#C1|>')[0]!)).toEqual({ ok: true, value: { id: 'C1' } });
    expect(asChannel(t('#iocc')[0]!)).toMatchObject({ ok: false, error: expect.stringContaining('did not arrive as a channel link') });
  });

  it('asText accepts words and quoted text only', () => {
    expect(asText(t('"x y"')[0]!)).toEqual({ ok: true, value: 'x y' });
    expect(asText(t('<#C1>')[0]!, 'a venue')).toEqual({ ok: false, error: 'Expected a venue, got the channel #C1.' });
  });
});

describe('takeOptions', () => {
  const keys = ['time', 'tz', 'at', 'body', 'kind'] as const;

  it('separates options from positional tokens, in order', () => {
    const r = takeOptions(t('"13MSP" at:"Palais des Nations" 2025-09-16..2025-09-19 tz:Europe/Zurich'), keys);
    if (!r.ok) throw new Error(r.error);
    expect(r.options.at).toMatchObject({ kind: 'quoted', text: 'Palais des Nations' });
    expect(r.options.tz).toMatchObject({ kind: 'word', text: 'Europe/Zurich' });
    expect(r.options.time).toBeUndefined();
    expect(r.rest.map((x) => x.kind)).toEqual(['quoted', 'word']);
  });

  it('lists the allowed keys for an unknown one, with a did-you-mean', () => {
    expect(takeOptions(t('tme:10:00'), keys)).toEqual({
      ok: false,
      error: 'Unknown option tme:. Allowed here: time:, tz:, at:, body:, kind:.',
      suggestion: 'time:',
    });
    expect(takeOptions(t('venue:x'), keys)).toEqual({ ok: false, error: 'Unknown option venue:. Allowed here: time:, tz:, at:, body:, kind:.' });
  });

  it('refuses options where there are none', () => {
    expect(takeOptions(t('x:1'), [])).toEqual({ ok: false, error: 'This command takes no options (got x:).' });
  });

  it('refuses a duplicate key', () => {
    expect(takeOptions(t('tz:Europe/Zurich TZ:Europe/Rome'), keys)).toEqual({ ok: false, error: 'The option tz: is given twice; give it once.' });
  });

  it('explains a value separated from its colon', () => {
    expect(takeOptions(t('at: "CICG"'), keys)).toMatchObject({ ok: false, error: expect.stringContaining('without a space') });
  });
});

describe('organization codes', () => {
  it('normalizes to upper case and de-duplicates', () => {
    expect(parseOrgCodes('fao,WB,Fao')).toEqual({ ok: true, value: { all: false, codes: ['FAO', 'WB'] } });
    expect(parseOrgCodes('UNITAR')).toEqual({ ok: true, value: { all: false, codes: ['UNITAR'] } });
  });

  it('accepts all (any case) alone', () => {
    expect(parseOrgCodes('all')).toEqual({ ok: true, value: { all: true } });
    expect(parseOrgCodes('ALL')).toEqual({ ok: true, value: { all: true } });
    expect(parseOrgCodes('all,FAO')).toMatchObject({ ok: false, error: expect.stringContaining('not both') });
  });

  it('ignores empty items but not an empty list', () => {
    expect(parseOrgCodes('FAO,,WB,')).toEqual({ ok: true, value: { all: false, codes: ['FAO', 'WB'] } });
    expect(parseOrgCodes(',')).toMatchObject({ ok: false });
  });

  it.each(['X', 'TOOLONGORGCODE123', 'W@B', 'FA O', '--', 'ÉCO'])('refuses the code %s', (code) => {
    expect(parseOrgCode(code)).toMatchObject({ ok: false, error: expect.stringContaining('2–16 letters, digits or -') });
  });

  it.each([['WB', 'WB'], ['unep', 'UNEP'], ['CCM-ISU', 'CCM-ISU'], ['A1', 'A1'], ['ABCDEFGHIJKLMNOP', 'ABCDEFGHIJKLMNOP']])('accepts %s', (code, normal) => {
    expect(parseOrgCode(code)).toEqual({ ok: true, value: normal });
  });

  it('joins a list typed with spaces after the commas', () => {
    const r = takeOrgCodes(t('UNEP, WHO ,UNITAR "Draft the outline"'));
    expect(r).toMatchObject({ ok: true, value: { all: false, codes: ['UNEP', 'WHO', 'UNITAR'] } });
    expect(r.ok && r.rest).toMatchObject([{ kind: 'quoted' }]);
  });
});

describe('parseShortId', () => {
  it.each(['F-12', 'f-12', 'F12', 'f12', '12', ' F-012 '])('reads %s as 12', (input) => {
    expect(parseShortId(input, 'F')).toEqual({ ok: true, value: 12 });
  });

  it('accepts the largest 32-bit id and refuses larger ones', () => {
    expect(parseShortId('M-2147483647', 'M')).toEqual({ ok: true, value: 2147483647 });
    expect(parseShortId('M-2147483648', 'M')).toMatchObject({ ok: false, error: expect.stringContaining('too large') });
    expect(parseShortId('99999999999999999999999', 'M')).toMatchObject({ ok: false, error: expect.stringContaining('too large') });
  });

  it.each(['0', 'F-0', 'F-000'])('refuses %s', (input) => {
    expect(parseShortId(input, 'F')).toEqual({ ok: false, error: 'Follow-up ids start at F-1.' });
  });

  it.each(['-1', 'F--5', 'F-1.5', 'F-', 'twelve', '', '١٢', 'F 12', '0x10', '1e3'])('refuses %s', (input) => {
    expect(parseShortId(input, 'F')).toMatchObject({ ok: false, error: expect.stringContaining('is not a follow-up id') });
  });

  it('names the kind of a wrong prefix', () => {
    expect(parseShortId('M-4', 'F')).toEqual({ ok: false, error: '“M-4” is not a follow-up id (M-… is a meeting). Use F-12.' });
    expect(parseShortId('r3', 'D')).toEqual({ ok: false, error: '“r3” is not a deadline id (R-… is a record). Use D-12.' });
    expect(parseShortId('X-3', 'R')).toEqual({ ok: false, error: '“X-3” is not a record id. Use R-12.' });
  });
});

describe('roles and member kinds', () => {
  it.each(['chair', 'Secretariat', ' MEMBER ', 'observer'])('reads the role %s', (input) => {
    expect(parseRole(input)).toEqual({ ok: true, value: input.trim().toLowerCase() });
  });

  it('suggests the closest role', () => {
    expect(parseRole('chiar')).toEqual({
      ok: false,
      error: '“chiar” is not a role. Use one of: chair, secretariat, member, observer.',
      suggestion: 'chair',
    });
    expect(parseRole('admin')).toEqual({ ok: false, error: '“admin” is not a role. Use one of: chair, secretariat, member, observer.' });
  });

  it('reads member kinds, including focal-point', () => {
    expect(parseMemberKind('focal')).toEqual({ ok: true, value: 'focal' });
    expect(parseMemberKind('Focal-Point')).toEqual({ ok: true, value: 'focal' });
    expect(parseMemberKind('alternate')).toEqual({ ok: true, value: 'alternate' });
    expect(parseMemberKind('alternat')).toMatchObject({ ok: false, suggestion: 'alternate' });
  });
});

describe('orThrow', () => {
  it('returns the success value', () => {
    expect(orThrow(parseRole('chair')).value).toBe('chair');
  });

  it('throws a UsageError (a UserError) carrying message and suggestion', () => {
    let caught: unknown;
    try {
      orThrow(parseRole('chiar'));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UsageError).message).toContain('is not a role');
    expect((caught as UsageError).suggestion).toBe('chair');
  });
});
