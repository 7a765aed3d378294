// Slack mrkdwn as the try-it page shows it (served as /_sandbox/mrkdwn.js; plain JavaScript because the
// browser loads it as is; types in mrkdwn.d.ts). Mentions show names, `<!date^…>` tokens show the text the
// sandbox rendered for the acting user (feed `dates`, see slack-dates.ts), links are links, and
// *bold* _italic_ ~strike~ `code` nest the way Slack nests them: `~*Title*~` is a struck-through bold title.

const DATE = /<!date\^-?\d+\^[^^|>]*(?:\^[^|>]*)?\|[^>]*>/g;

/** HTML-escapes text. */
export function esc(s) {
  return String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** Slack's own escapes (`&amp;` `&lt;` `&gt;` mean & < >), once more HTML-escaped by esc(): back to one level. */
const entities = (html) => html.replace(/&amp;(amp|lt|gt);/g, '&$1;');

/** A formatting marker counts only at a word edge: after start, space or punctuation, before end, space or punctuation. */
function styled(s, marker, tag) {
  const m = marker === '*' ? '\\*' : marker;
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])${m}(?![\\s${m}])([^${m}\\n]*?[^\\s${m}])${m}(?=$|[^\\p{L}\\p{N}])`, 'gu');
  let prev;
  do {
    prev = s;
    s = s.replace(re, `$1<${tag}>$2</${tag}>`);
  } while (s !== prev);
  return s;
}

/**
 * @param {string} text mrkdwn as the app sent it
 * @param {{ userName?: (id: string) => string, channelName?: (id: string) => string, dates?: Record<string, { text: string, link?: string }> }} ctx
 * @returns {string} HTML
 */
export function renderMrkdwn(text, ctx = {}) {
  const userName = ctx.userName ?? ((id) => id);
  const channelName = ctx.channelName ?? ((id) => id);
  const dates = ctx.dates ?? {};
  const saved = [];
  const keep = (html) => `\u0000${saved.push(html) - 1}\u0000`;
  let s = String(text ?? '').replace(DATE, (token) => {
    const d = dates[token];
    const fallback = token.slice(token.lastIndexOf('|') + 1, -1).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    if (!d) return keep(`<span class="date" title="fallback">${esc(fallback)}</span>`);
    const html = `<span class="date" title="${esc(`Shown in your time zone (fallback: ${fallback})`)}">${esc(d.text)}</span>`;
    return keep(d.link && /^https?:/.test(d.link) ? `<a href="${esc(d.link)}" target="_blank" rel="noopener">${html}</a>` : html);
  });
  s = s.replace(/`([^`\n]+)`/g, (_, code) => keep(`<code>${esc(code)}</code>`));
  s = esc(s);
  s = s.replace(/&lt;@([UW][A-Z0-9_]+)(?:\|[^&]*)?&gt;/g, (_, id) => keep(`<b class="mention">@${esc(userName(id))}</b>`));
  s = s.replace(/&lt;#([CGD][A-Z0-9_]+)(?:\|([^&]*))?&gt;/g, (_, id, n) => keep(`<b class="mention">#${esc(n || channelName(id))}</b>`));
  s = s.replace(/&lt;!(here|channel|everyone)&gt;/g, (_, w) => keep(`<b class="mention">@${w}</b>`));
  s = s.replace(/&lt;!subteam\^[A-Z0-9]+(?:\|([^&]*))?&gt;/g, (_, h) => keep(`<b class="mention">${h || '@group'}</b>`));
  s = s.replace(/&lt;((?:https?|mailto):(?:(?!&gt;)[^|])+)\|((?:(?!&gt;).)*)&gt;/g, (_, url, label) => keep(`<a href="${entities(url)}" target="_blank" rel="noopener">${entities(label)}</a>`));
  s = s.replace(/&lt;((?:https?|mailto):(?:(?!&gt;).)+)&gt;/g, (_, url) => keep(`<a href="${entities(url)}" target="_blank" rel="noopener">${entities(url)}</a>`));
  s = styled(s, '*', 'b');
  s = styled(s, '_', 'i');
  s = styled(s, '~', 's');
  s = entities(s).replace(/\n/g, '<br>');
  for (let i = 0; i < 3 && s.includes('\u0000'); i++) s = s.replace(/\u0000(\d+)\u0000/g, (_, n) => saved[Number(n)]);
  return s;
}

/**
 * A message's `ts` as Slack shows it beside the name: the time in the viewer's zone, with the date when
 * it is not today there, e.g. "2:05 PM" or "Nov 30, 2:05 PM".
 * @param {string} ts Slack message ts ("1764680700.000100")
 * @param {string | null | undefined} zone the viewer's IANA zone (UTC when missing)
 * @param {Date} [now]
 */
export function messageTime(ts, zone, now = new Date()) {
  const at = new Date(Math.floor(Number(ts) * 1000));
  if (Number.isNaN(at.getTime())) return String(ts ?? '');
  let timeZone = zone || 'UTC';
  try { new Intl.DateTimeFormat('en-US', { timeZone }); } catch { timeZone = 'UTC'; }
  const day = (d) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(at);
  if (day(at) === day(now)) return time;
  const date = new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric', ...(day(at).slice(0, 4) === day(now).slice(0, 4) ? {} : { year: 'numeric' }) }).format(at);
  return `${date}, ${time}`;
}
