import { describe, expect, it } from 'vitest';
import {
  channelMention,
  dateToken,
  escapeMrkdwn,
  formatInZone,
  inlineCode,
  mrkdwn,
  plain,
  slackDate,
  truncate,
  truncateMrkdwn,
  userMention,
  usergroupMention,
} from '../../../src/slack/text.ts';

const HAS_LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('escapeMrkdwn', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('<!channel> & Co')).toBe('&lt;!channel&gt; &amp; Co');
    expect(escapeMrkdwn('*bold* _it_ ~s~ `code` @here #iocc "q" \'s\'')).toBe('*bold* _it_ ~s~ `code` @here #iocc "q" \'s\'');
  });

  it('escapes already-escaped text again (it is user text, shown literally)', () => {
    expect(escapeMrkdwn('&lt;@U1&gt;')).toBe('&amp;lt;@U1&amp;gt;');
  });

  it('leaves no raw mention markup in user text', () => {
    for (const text of ['<@U123>', '<!here>', '<!subteam^S1>', '<#C1|x>', '<https://evil.example|click>', '<!date^1^{date}|x>']) {
      expect(escapeMrkdwn(text)).not.toMatch(/[<>]/);
    }
  });
});

describe('mentions', () => {
  it('builds user, channel and user-group mentions', () => {
    expect(userMention('U123ABC')).toBe('<@U123ABC>');
    expect(userMention('W123')).toBe('<@W123>');
    expect(channelMention('C0123')).toBe('<#C0123>');
    expect(usergroupMention('S0614TZR7')).toBe('<!subteam^S0614TZR7>');
  });

  it.each(['', 'u123', 'U1>', 'U1|x', '<!channel>', 'C1'])('refuses the user id %j', (id) => {
    expect(() => userMention(id)).toThrow(TypeError);
  });

  it('refuses a non-channel id', () => {
    expect(() => channelMention('U1')).toThrow(TypeError);
    expect(() => channelMention('C1> <!channel')).toThrow(TypeError);
  });
});

describe('inlineCode', () => {
  it('wraps escaped text in backticks and neutralizes inner backticks', () => {
    expect(inlineCode('org add "R&D" <x>')).toBe('`org add "R&amp;D" &lt;x&gt;`');
    expect(inlineCode('a`b')).toBe('`aˋb`');
    expect(inlineCode('  ')).toBe('');
  });
});

describe('slackDate / dateToken / formatInZone', () => {
  const opening = new Date('2025-09-16T08:00:00Z'); // 13MSP, 10:00 in Geneva

  it('builds a <!date> token with an escaped fallback', () => {
    expect(slackDate(opening, '{date_short_pretty} at {time}', 'Tue 16 Sep 2025, 10:00 CEST')).toBe(
      '<!date^1758009600^{date_short_pretty} at {time}|Tue 16 Sep 2025, 10:00 CEST>',
    );
    expect(slackDate(opening, 'date_long', '<R&D>')).toBe('<!date^1758009600^{date_long}|&lt;R&amp;D&gt;>');
  });

  it('wraps a bare token name in braces and supports a link', () => {
    expect(slackDate(opening, 'time', 'x', 'https://x.org/a|b')).toBe('<!date^1758009600^{time}^https://x.org/a%7Cb|x>');
  });

  it('refuses an invalid Date and a template that would break the token', () => {
    expect(() => slackDate(new Date(Number.NaN), 'time', 'x')).toThrow(RangeError);
    expect(() => slackDate(opening, '{time}|x' as never, 'x')).toThrow(RangeError);
  });

  it('formats the fallback in the given zone with its abbreviation', () => {
    expect(formatInZone(opening, 'Europe/Zurich')).toBe('Tue 16 Sep 2025, 10:00 CEST');
    expect(formatInZone(opening, 'America/New_York')).toBe('Tue 16 Sep 2025, 04:00 EDT');
    expect(formatInZone(opening, 'Africa/Nairobi')).toBe('Tue 16 Sep 2025, 11:00 UTC+3');
    expect(formatInZone(new Date('2026-11-16T09:00:00Z'), 'Europe/Zurich')).toBe('Mon 16 Nov 2026, 10:00 CET');
    expect(formatInZone(opening, 'UTC')).toBe('Tue 16 Sep 2025, 08:00 UTC');
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(formatInZone(opening, 'Europe/Geneva')).toBe('Tue 16 Sep 2025, 08:00 UTC');
  });

  it('dateToken combines both', () => {
    expect(dateToken(opening, 'Europe/Zurich')).toBe('<!date^1758009600^{date_short_pretty} at {time}|Tue 16 Sep 2025, 10:00 CEST>');
    expect(dateToken(opening, 'Europe/Zurich', 'date_long')).toBe('<!date^1758009600^{date_long}|Tue 16 Sep 2025, 10:00 CEST>');
  });
});

describe('truncate', () => {
  it('returns short text unchanged', () => {
    expect(truncate('IOCC-60', 7)).toBe('IOCC-60');
  });

  it('cuts and adds an ellipsis within the limit', () => {
    expect(truncate('Inter-Organization', 6)).toBe('Inter…');
    expect(truncate('abc', 1)).toBe('…');
    expect(truncate('abc', 0)).toBe('');
  });

  it('never cuts a surrogate pair', () => {
    for (let max = 1; max < 12; max++) {
      const out = truncate('😀😀😀😀😀😀😀', max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(HAS_LONE_SURROGATE.test(out)).toBe(false);
    }
  });

  it('does not split an emoji sequence or a letter with combining marks', () => {
    expect(truncate('ab👨‍👩‍👧‍👦cd', 8)).toBe('ab…');
    expect(truncate('xe\u0301\u0301yz', 3)).toBe('x…');
  });

  it('drops trailing spaces before the ellipsis', () => {
    expect(truncate('Work plan 2025', 6)).toBe('Work…');
  });
});

describe('truncateMrkdwn', () => {
  it('does not leave half a mention or entity', () => {
    expect(truncateMrkdwn('Ask <@U123ABC> now', 10)).toBe('Ask…');
    expect(truncateMrkdwn('Tom &amp; Jerry', 7)).toBe('Tom…');
  });
});

describe('plain / mrkdwn', () => {
  it('build text objects', () => {
    expect(plain('13MSP')).toEqual({ type: 'plain_text', text: '13MSP', emoji: true });
    expect(mrkdwn('*13MSP*')).toEqual({ type: 'mrkdwn', text: '*13MSP*', verbatim: true });
  });

  it('enforce the 3000-character limit', () => {
    expect(plain('x'.repeat(5000)).text).toHaveLength(3000);
    expect(mrkdwn('x'.repeat(5000)).text).toHaveLength(3000);
    expect(mrkdwn('x'.repeat(5000), 100).text).toHaveLength(100);
    expect(plain('x'.repeat(200), 150).text.length).toBeLessThanOrEqual(150);
  });

  it('never produce empty text', () => {
    expect(plain('').text.length).toBeGreaterThan(0);
    expect(mrkdwn('').text.length).toBeGreaterThan(0);
  });
});
