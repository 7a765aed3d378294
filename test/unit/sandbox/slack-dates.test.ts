import { describe, expect, it } from 'vitest';
import { renderDatesIn, renderSlackDate } from '../../../src/sandbox/ui/slack-dates.ts';

// 14:00 in Geneva on Thu 11 Mar 2027 (CET) = 13:00 UTC = 08:00 in New York (EST).
const AT = 1804770000;
const TOKEN = `<!date^${AT}^{date_short_pretty} at {time}|Thu 11 Mar 2027, 14:00 CET>`;
const NOW = new Date('2026-12-02T12:00:00Z');

describe('<!date^…> as each viewer sees it', () => {
  it('shows the time in the viewer’s own zone, not the venue’s', () => {
    expect(renderSlackDate(TOKEN, 'America/New_York', NOW).text).toBe('Mar 11, 2027 at 8:00 AM');
    expect(renderSlackDate(TOKEN, 'Europe/Zurich', NOW).text).toBe('Mar 11, 2027 at 2:00 PM');
    expect(renderSlackDate(TOKEN, 'Africa/Nairobi', NOW).text).toBe('Mar 11, 2027 at 4:00 PM');
    expect(renderSlackDate(TOKEN, null, NOW).text).toBe('Mar 11, 2027 at 1:00 PM');
  });

  it('knows Slack’s tokens', () => {
    const t = (format: string, zone = 'America/New_York') => renderSlackDate(`<!date^${AT}^${format}|fb>`, zone, NOW).text;
    expect(t('{date_num}')).toBe('2027-03-11');
    expect(t('{date_slash}')).toBe('11/03/2027');
    expect(t('{date}')).toBe('March 11th, 2027');
    expect(t('{date_short}')).toBe('Mar 11, 2027');
    expect(t('{date_long}')).toBe('Thursday, March 11th, 2027');
    expect(t('{date_long_full}')).toBe('March 11, 2027');
    expect(t('{time_secs}')).toBe('8:00:00 AM');
    expect(t('{ago}')).toBe('in 3 months');
    expect(t('Posted {date_num} {time}')).toBe('Posted 2027-03-11 8:00 AM');
  });

  it('says Today / Tomorrow / Yesterday by the viewer’s calendar day', () => {
    // 2026-12-02T23:30Z is still 2 Dec in New York but already 3 Dec in Nairobi.
    const late = Math.floor(Date.parse('2026-12-02T23:30:00Z') / 1000);
    const token = `<!date^${late}^{date_pretty}|x>`;
    expect(renderSlackDate(token, 'America/New_York', NOW).text).toBe('Today');
    expect(renderSlackDate(token, 'Africa/Nairobi', NOW).text).toBe('Tomorrow');
    expect(renderSlackDate(`<!date^${late - 86400}^{date_long_pretty}|x>`, 'America/New_York', NOW).text).toBe('Yesterday');
    expect(renderSlackDate(`<!date^${AT}^{day_divider_pretty}|x>`, 'UTC', NOW).text).toBe('Thursday, March 11th, 2027');
  });

  it('falls back for a token Slack does not know, and keeps the link', () => {
    expect(renderSlackDate(`<!date^${AT}^{weekday}|Thu 11 Mar &amp; more>`, 'UTC', NOW)).toEqual({ text: 'Thu 11 Mar & more' });
    expect(renderSlackDate(`<!date^${AT}^{date_num}^https://example.org/m?a=1&amp;b=2|fb>`, 'UTC', NOW)).toEqual({ text: '2027-03-11', link: 'https://example.org/m?a=1&b=2' });
  });

  it('finds every token in messages, blocks and views', () => {
    const shown = { messages: [{ text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `your time: ${TOKEN}` } }] }], home: null };
    expect(renderDatesIn(shown, 'America/New_York', NOW)).toEqual({ [TOKEN]: { text: 'Mar 11, 2027 at 8:00 AM' } });
  });
});
