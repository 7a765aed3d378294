import { describe, expect, it } from 'vitest';
import { decodeEntities, tokenDisplayText, tokenize, type Token } from '../../../src/slack/commands/tokenize.ts';

function tokens(text: string): Token[] {
  const result = tokenize(text);
  if (!result.ok) throw new Error(`expected ok, got error: ${result.error}`);
  return result.tokens;
}

function error(text: string): string {
  const result = tokenize(text);
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  return result.error;
}

const kinds = (text: string) => tokens(text).map((t) => t.kind);

describe('tokenize: words and whitespace', () => {
  it('splits bare words and keeps their case', () => {
    expect(tokens('org add FAO')).toEqual([
      { kind: 'word', text: 'org', raw: 'org' },
      { kind: 'word', text: 'add', raw: 'add' },
      { kind: 'word', text: 'FAO', raw: 'FAO' },
    ]);
  });

  it('returns no tokens for empty or blank text', () => {
    expect(tokens('')).toEqual([]);
    expect(tokens(' \n\t\u00a0 ')).toEqual([]);
  });

  it('collapses spaces, newlines, tabs and non-breaking spaces between tokens', () => {
    expect(tokens('org\u00a0\u00a0show\n\nUNEP\t\u2003 x').map((t) => tokenDisplayText(t))).toEqual(['org', 'show', 'UNEP', 'x']);
  });

  it('keeps emoji, RTL text and combining marks intact inside words', () => {
    const text = '👨‍👩‍👧‍👦 مرحبا e\u0301\u0301 🇨🇭';
    expect(tokens(text).map((t) => tokenDisplayText(t))).toEqual(['👨‍👩‍👧‍👦', 'مرحبا', 'e\u0301\u0301', '🇨🇭']);
  });

  it('treats control characters and NUL as separators and replaces lone surrogates', () => {
    expect(tokens('a\u0000b\u0007c\u007fd').map((t) => tokenDisplayText(t))).toEqual(['a', 'b', 'c', 'd']);
    expect(tokens('x\ud800y').map((t) => tokenDisplayText(t))).toEqual(['x\ufffdy']);
  });
});

describe('tokenize: quoted strings', () => {
  it('reads straight quotes, whitespace collapsed and trimmed', () => {
    expect(tokens('setup "  IOMC   Inter-Organization\nCoordinating Committee "')[1]).toEqual({
      kind: 'quoted',
      text: 'IOMC Inter-Organization Coordinating Committee',
      raw: '"  IOMC   Inter-Organization\nCoordinating Committee "',
    });
  });

  it.each([
    ['“Work plan 2025”', 'Work plan 2025'],
    ['„Arbeitsplan 2025“', 'Arbeitsplan 2025'],
    ['”Arbetsplan 2025”', 'Arbetsplan 2025'],
    ['‘Work plan’', 'Work plan'],
    ['‚Arbeitsplan‘', 'Arbeitsplan'],
  ])('reads curly quotes %s', (input, text) => {
    expect(tokens(`meeting add ${input} 2025-09-16`).map((t) => t.kind)).toEqual(['word', 'word', 'quoted', 'word']);
    expect(tokens(input)[0]).toMatchObject({ kind: 'quoted', text });
  });

  it('keeps an apostrophe inside single curly quotes', () => {
    expect(tokens('‘Côte d’Ivoire workshop’ x')).toMatchObject([
      { kind: 'quoted', text: 'Côte d’Ivoire workshop' },
      { kind: 'word', text: 'x' },
    ]);
  });

  it('keeps other quote characters inside a quoted string', () => {
    expect(tokens('"Approve the “Work plan”"')[0]).toMatchObject({ kind: 'quoted', text: 'Approve the “Work plan”' });
    expect(tokens('“The "plan"”')[0]).toMatchObject({ kind: 'quoted', text: 'The "plan"' });
  });

  it('accepts a backslash-escaped quote inside straight quotes', () => {
    expect(tokens('"say \\"hi\\" now"')[0]).toMatchObject({ kind: 'quoted', text: 'say "hi" now' });
  });

  it('keeps other backslashes literally', () => {
    expect(tokens('"C:\\temp\\n"')[0]).toMatchObject({ kind: 'quoted', text: 'C:\\temp\\n' });
  });

  it('accepts empty quotes', () => {
    expect(tokens('done F-1 ""')[2]).toEqual({ kind: 'quoted', text: '', raw: '""' });
  });

  it('treats a quote in the middle of a word as part of the word', () => {
    expect(tokens('a 12" screen')).toMatchObject([{ text: 'a' }, { kind: 'word', text: '12"' }, { text: 'screen' }]);
  });

  it('ends the quoted token at the closing quote even without a following space', () => {
    expect(tokens('"13MSP"Geneva')).toMatchObject([{ kind: 'quoted', text: '13MSP' }, { kind: 'word', text: 'Geneva' }]);
  });

  it('turns mentions inside quoted text into readable text, never raw markup', () => {
    expect(tokens('"Ask <@U123|maria> and <!channel> in <#C1|iocc>"')[0]).toMatchObject({
      kind: 'quoted',
      text: 'Ask @maria and @channel in #iocc',
    });
  });

  it('does not let a quote inside a link label close the string', () => {
    expect(tokens('"see <https://x.org|the "plan"> now"')[0]).toMatchObject({ kind: 'quoted', text: 'see the "plan" now' });
  });
});

describe('tokenize: unbalanced quotes', () => {
  it('says where the quote was opened', () => {
    expect(error('meeting add "Work plan 2025-09-16')).toBe('Missing closing quote after "Work plan 2025-09-16');
  });

  it.each([
    ['“Work plan', '“Work plan'],
    ['„Arbeitsplan', '„Arbeitsplan'],
    ['‘Work plan', '‘Work plan'],
  ])('reports a missing curly closing quote for %s', (input, shown) => {
    expect(error(`assign FAO ${input}`)).toBe(`Missing closing quote after ${shown}`);
  });

  it('does not let a straight quote close a curly one', () => {
    expect(error('“Work plan"')).toMatch(/^Missing closing quote after “Work plan"/);
  });

  it('shortens a long unclosed text in the message', () => {
    const message = error(`"${'x'.repeat(500)}`);
    expect(message).toBe(`Missing closing quote after "${'x'.repeat(30)}…`);
  });

  it('names the option whose value is unclosed', () => {
    expect(error('meeting add "13MSP" 2025-09-16 at:"CICG, Geneva')).toBe('Missing closing quote after at:"CICG, Geneva');
  });

  it('treats an escaped final quote as unclosed', () => {
    expect(error('"ends here\\"')).toMatch(/^Missing closing quote/);
  });

  it('decodes entities in the message and does not echo raw markup', () => {
    expect(error('"R&amp;D &lt;b&gt;')).toBe('Missing closing quote after "R&D <b>');
  });
});

describe('tokenize: mentions', () => {
  it.each([
    ['<@U123ABC>', { kind: 'user', id: 'U123ABC', raw: '<@U123ABC>' }],
    ['<@U123ABC|maria>', { kind: 'user', id: 'U123ABC', label: 'maria', raw: '<@U123ABC|maria>' }],
    ['<@W123>', { kind: 'user', id: 'W123', raw: '<@W123>' }],
    ['<@W123|ana.pereira>', { kind: 'user', id: 'W123', label: 'ana.pereira', raw: '<@W123|ana.pereira>' }],
    ['<@U1|>', { kind: 'user', id: 'U1', raw: '<@U1|>' }],
    ['<#C123|iocc>', { kind: 'channel', id: 'C123', name: 'iocc', raw: '<#C123|iocc>' }],
    ['<#C123|>', { kind: 'channel', id: 'C123', raw: '<#C123|>' }],
    ['<#C123>', { kind: 'channel', id: 'C123', raw: '<#C123>' }],
    ['<C123|public-channel-01>', { kind: 'channel', id: 'C123', name: 'public-channel-01', raw: '<C123|public-channel-01>' }],
    ['<C987654321|>', { kind: 'channel', id: 'C987654321', raw: '<C987654321|>' }],
    ['<#G0PRIV>', { kind: 'channel', id: 'G0PRIV', raw: '<#G0PRIV>' }],
    ['<!subteam^S123>', { kind: 'usergroup', id: 'S123', raw: '<!subteam^S123>' }],
    ['<!subteam^S123|@focal-points>', { kind: 'usergroup', id: 'S123', handle: 'focal-points', raw: '<!subteam^S123|@focal-points>' }],
    ['<!here>', { kind: 'special', name: 'here', raw: '<!here>' }],
    ['<!channel>', { kind: 'special', name: 'channel', raw: '<!channel>' }],
    ['<!everyone>', { kind: 'special', name: 'everyone', raw: '<!everyone>' }],
    ['<!here|here>', { kind: 'special', name: 'here', raw: '<!here|here>' }],
    ['<https://www.pops.int|POPs>', { kind: 'link', url: 'https://www.pops.int', label: 'POPs', raw: '<https://www.pops.int|POPs>' }],
    ['<https://www.pops.int>', { kind: 'link', url: 'https://www.pops.int', raw: '<https://www.pops.int>' }],
    ['<mailto:iomc@who.int|iomc@who.int>', { kind: 'link', url: 'mailto:iomc@who.int', label: 'iomc@who.int', raw: '<mailto:iomc@who.int|iomc@who.int>' }],
  ])('reads %s', (input, expected) => {
    expect(tokens(input)).toEqual([expected]);
  });

  it('reads Slack’s documented example sentence', () => {
    expect(kinds('ask <@U012ABCDEF> to bake a birthday cake for <@U345GHIJKL> in <#C012ABCDE>')).toEqual([
      'word', 'user', 'word', 'word', 'word', 'word', 'word', 'word', 'user', 'word', 'channel',
    ]);
  });

  it('decodes entities in links and labels', () => {
    expect(tokens('<https://x.org/a?b=1&amp;c=2|R&amp;D plan>')[0]).toEqual({
      kind: 'link',
      url: 'https://x.org/a?b=1&c=2',
      label: 'R&D plan',
      raw: '<https://x.org/a?b=1&amp;c=2|R&amp;D plan>',
    });
  });

  it('splits a mention glued to a word', () => {
    expect(tokens('cc:<@U1> thanks<@U2>')).toMatchObject([
      { kind: 'option', key: 'cc', value: { kind: 'user', id: 'U1' } },
      { kind: 'word', text: 'thanks' },
      { kind: 'user', id: 'U2' },
    ]);
  });

  it('does not mistake typed (escaped) text for a mention', () => {
    expect(tokens('&lt;@U1&gt; &lt;!channel&gt;')).toEqual([
      { kind: 'word', text: '<@U1>', raw: '&lt;@U1&gt;' },
      { kind: 'word', text: '<!channel>', raw: '&lt;!channel&gt;' },
    ]);
  });

  it.each(['<', '<@', '<#C1|', '<!subteam^', '<https://x|', '<@u1>', '<@>', '<!foo>', '<U1>', '<#>', '< @U1>'])(
    'treats the malformed %s as words without crashing',
    (input) => {
      const result = tokens(`x ${input} y`);
      expect(result.every((t) => t.kind === 'word')).toBe(true);
      expect(result.map((t) => tokenDisplayText(t)).join(' ')).toBe(`x ${input} y`);
    },
  );

  it('finds a real mention after a malformed one', () => {
    expect(tokens('<<@U1>>')).toMatchObject([{ kind: 'word', text: '<' }, { kind: 'user', id: 'U1' }, { kind: 'word', text: '>' }]);
  });
});

describe('tokenize: entities', () => {
  it('decodes &amp; &lt; &gt; in words and quoted strings', () => {
    expect(tokens('R&amp;D "Tom &amp; Jerry &lt;3" a&gt;b')).toMatchObject([
      { kind: 'word', text: 'R&D' },
      { kind: 'quoted', text: 'Tom & Jerry <3' },
      { kind: 'word', text: 'a>b' },
    ]);
  });

  it('decodes once only', () => {
    expect(decodeEntities('&amp;lt; &amp;amp;')).toBe('&lt; &amp;');
  });

  it('keeps a lone & or a bare entity name as typed', () => {
    expect(tokens('& &amp &lt &quot;').map((t) => tokenDisplayText(t))).toEqual(['&', '&amp', '&lt', '&quot;']);
  });
});

describe('tokenize: options', () => {
  it('reads key:value with a quoted value', () => {
    expect(tokens('at:"CICG, Geneva"')).toEqual([
      {
        kind: 'option',
        key: 'at',
        value: { kind: 'quoted', text: 'CICG, Geneva', raw: '"CICG, Geneva"' },
        raw: 'at:"CICG, Geneva"',
      },
    ]);
  });

  it('reads curly-quoted, mention, channel and bare values', () => {
    expect(tokens('body:“BRS COPs” channel:<#C1|x> as:<@U9> tz:Europe/Zurich orgs:A,B time:10:00')).toMatchObject([
      { kind: 'option', key: 'body', value: { kind: 'quoted', text: 'BRS COPs' } },
      { kind: 'option', key: 'channel', value: { kind: 'channel', id: 'C1', name: 'x' } },
      { kind: 'option', key: 'as', value: { kind: 'user', id: 'U9' } },
      { kind: 'option', key: 'tz', value: { kind: 'word', text: 'Europe/Zurich' } },
      { kind: 'option', key: 'orgs', value: { kind: 'word', text: 'A,B' } },
      { kind: 'option', key: 'time', value: { kind: 'word', text: '10:00' } },
    ]);
  });

  it('lower-cases the key', () => {
    expect(tokens('At:"x"')[0]).toMatchObject({ kind: 'option', key: 'at', raw: 'At:"x"' });
  });

  it('gives an empty value when a space follows the colon', () => {
    expect(tokens('at: "CICG"')).toMatchObject([
      { kind: 'option', key: 'at', value: { kind: 'word', text: '' } },
      { kind: 'quoted', text: 'CICG' },
    ]);
  });

  it('does not read times, dates, URLs or ids as options', () => {
    expect(kinds('10:00 2025-09-16 https://example.org F-12 M-4..M-5 x1:y')).toEqual(['word', 'word', 'word', 'word', 'word', 'word']);
  });
});

describe('tokenize: robustness', () => {
  const adversarial: [string, string][] = [
    ['10,000 "<"', '<'.repeat(10_000)],
    ['10,000 ">"', '>'.repeat(10_000)],
    ['"<@U1|" × 2,000', '<@U1|'.repeat(2_000)],
    ['"<" then 10,000 letters', `<${'a'.repeat(10_000)}`],
    ['"<a " × 2,500', '<a '.repeat(2_500)],
    ['escaped quotes, unclosed', `"${'\\"'.repeat(5_000)}`],
    ['"a:" × 5,000', 'a:'.repeat(5_000)],
    ['"&lt;" × 2,500', '&lt;'.repeat(2_500)],
    ['"x<" × 5,000', 'x<'.repeat(5_000)],
    ['"\"a\" " × 2,500', '"a" '.repeat(2_500)],
    ['"“<" × 5,000', '“<'.repeat(5_000)],
    ['"<https://x|" × 1,000', '<https://x|'.repeat(1_000)],
    ['combining marks', `e${'\u0301'.repeat(10_000)}`],
  ];

  it.each(adversarial)('handles %s', (_, input) => {
    const result = tokenize(input);
    expect(result.ok || result.error.length > 0).toBe(true);
  });

  it('reads a 4,000-character command in full', () => {
    const title = 'x'.repeat(3_900);
    const result = tokens(`meeting add "${title}" 2025-09-16`);
    expect(result[2]).toMatchObject({ kind: 'quoted', text: title });
    expect(result[3]).toMatchObject({ kind: 'word', text: '2025-09-16' });
  });

  it('never throws for non-string input passed from JavaScript', () => {
    expect(tokenize(undefined as unknown as string).ok).toBe(true);
  });
});
