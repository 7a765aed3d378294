import { describe, expect, it } from 'vitest';
import { messageTime, renderMrkdwn } from '../../../src/sandbox/ui/mrkdwn.js';

const names = { userName: (id: string) => ({ U0WB: 'Daniel Okoye' })[id] ?? id, channelName: (id: string) => ({ C0IOCC: 'iocc' })[id] ?? id };

describe('the sandbox page’s mrkdwn', () => {
  it('shows a cancelled meeting’s title struck through and bold, without literal asterisks', () => {
    const html = renderMrkdwn('*M-4* · ~*13MSP*~ — CCM MSP · *cancelled*');
    expect(html).toBe('<b>M-4</b> · <s><b>13MSP</b></s> — CCM MSP · <b>cancelled</b>');
    expect(html).not.toContain('*');
  });

  it('leaves markers inside words and code alone, and escapes HTML', () => {
    expect(renderMrkdwn('snake_case_name 2*3*4 `*not bold*` <b>')).toBe('snake_case_name 2*3*4 <code>*not bold*</code> &lt;b&gt;');
    expect(renderMrkdwn('_italic_ and ~gone~')).toBe('<i>italic</i> and <s>gone</s>');
    expect(renderMrkdwn('&lt;!channel&gt; &amp; Co')).toBe('&lt;!channel&gt; &amp; Co');
  });

  it('shows mentions as names and links as links', () => {
    expect(renderMrkdwn('<@U0WB> in <#C0IOCC> and <#C0X|ops>', names)).toBe('<b class="mention">@Daniel Okoye</b> in <b class="mention">#iocc</b> and <b class="mention">#ops</b>');
    expect(renderMrkdwn('<https://example.org/a?b=1&amp;c=2|the *doc*>')).toBe('<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener">the *doc*</a>');
  });

  it('shows a date token as rendered for the viewer, the fallback only when there is none', () => {
    const token = '<!date^1804770000^{date_short_pretty} at {time}|Thu 11 Mar 2027, 14:00 CET>';
    const mine = renderMrkdwn(`your time: ${token}`, { dates: { [token]: { text: 'Mar 11, 2027 at 8:00 AM' } } });
    expect(mine).toContain('>Mar 11, 2027 at 8:00 AM</span>');
    expect(mine).not.toContain('14:00 CET</span>');
    expect(renderMrkdwn(`your time: ${token}`)).toContain('>Thu 11 Mar 2027, 14:00 CET</span>');
  });

  it('shows a message’s time in the viewer’s zone instead of its raw ts', () => {
    const now = new Date('2026-12-02T15:00:00Z');
    expect(messageTime('1796212800.000100', 'America/New_York', now)).toBe('7:00 AM');
    expect(messageTime('1796212800.000100', 'Europe/Zurich', now)).toBe('1:00 PM');
    expect(messageTime('1796040000.000200', 'Europe/Zurich', now)).toBe('Nov 30, 1:00 PM');
  });
});
