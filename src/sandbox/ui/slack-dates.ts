/**
 * Slack's `<!date^UNIX^FORMAT[^LINK]|fallback>` as a Slack client shows it to one viewer: the instant in
 * the viewer's own time zone (the sandbox takes the acting user's `tz`; Slack takes the device's), in
 * English with Slack's 12-hour clock. Tokens (DOC https://docs.slack.dev/messaging/formatting-message-text/
 * §Date formatting): {date_num} 2014-02-18, {date_slash} 18/02/2014, {date} February 18th, 2014,
 * {date_short} Feb 18, 2014, {date_long} Tuesday, February 18th, 2014, {date_long_full} February 18, 2014,
 * {date_pretty} / {date_short_pretty} / {date_long_pretty} (Today, Yesterday, Tomorrow, else the plain
 * form), {day_divider_pretty} (Today…, else {date_long}, without the year in the current year),
 * {time} 6:39 AM, {time_secs} 6:39:42 AM, {ago} 3 minutes ago. A token Slack does not know, or a bad
 * timestamp, shows the fallback instead.
 *
 * @example renderSlackDate('<!date^1773234000^{date_short} at {time}|Wed 11 Mar 2026, 14:00 CET>', 'America/New_York', now)
 * // { text: 'Mar 11, 2026 at 9:00 AM', link: undefined }
 */
import { DateTime } from 'luxon';

/** One date token anywhere in mrkdwn. Groups: seconds, format, link, fallback. */
export const DATE_TOKEN = /<!date\^(-?\d+)\^([^^|>]*)(?:\^([^|>]*))?\|([^>]*)>/g;

export interface RenderedDate {
  text: string;
  link?: string;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function ordinal(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th';
  return `${day}${suffix}`;
}

function pretty(at: DateTime, now: DateTime): string | undefined {
  const days = Math.round(at.startOf('day').diff(now.startOf('day'), 'days').days);
  return days === 0 ? 'Today' : days === -1 ? 'Yesterday' : days === 1 ? 'Tomorrow' : undefined;
}

function token(name: string, at: DateTime, now: DateTime): string | undefined {
  const date = `${at.toFormat('MMMM')} ${ordinal(at.day)}, ${at.year}`;
  const long = `${at.toFormat('cccc')}, ${date}`;
  const short = at.toFormat('MMM d, yyyy');
  switch (name) {
    case 'date_num': return at.toFormat('yyyy-LL-dd');
    case 'date_slash': return at.toFormat('dd/LL/yyyy');
    case 'date': return date;
    case 'date_short': return short;
    case 'date_long': return long;
    case 'date_long_full': return at.toFormat('MMMM d, yyyy');
    case 'date_pretty': return pretty(at, now) ?? date;
    case 'date_short_pretty': return pretty(at, now) ?? short;
    case 'date_long_pretty': return pretty(at, now) ?? long;
    case 'day_divider_pretty': return pretty(at, now) ?? (at.year === now.year ? `${at.toFormat('cccc, MMMM')} ${ordinal(at.day)}` : long);
    case 'time': return at.toFormat('h:mm a');
    case 'time_secs': return at.toFormat('h:mm:ss a');
    case 'ago': return at.toRelative({ base: now, locale: 'en' }) ?? undefined;
    default: return undefined;
  }
}

/** Renders one whole token for a viewer in `zone` (an unknown or missing zone is UTC) at `now`. */
export function renderSlackDate(raw: string, zone: string | null | undefined, now: Date): RenderedDate {
  const m = new RegExp(DATE_TOKEN.source).exec(raw);
  if (!m) return { text: raw };
  const [, seconds, format, link, fallback] = m as unknown as [string, string, string, string | undefined, string];
  const z = zone && DateTime.now().setZone(zone).isValid ? zone : 'UTC';
  const at = DateTime.fromSeconds(Number(seconds), { zone: z }).setLocale('en');
  const base = DateTime.fromJSDate(now, { zone: z }).setLocale('en');
  const withLink = (text: string): RenderedDate => (link ? { text, link: unescape(link) } : { text });
  if (!at.isValid) return withLink(unescape(fallback));
  let unknown = false;
  const text = unescape(format).replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    const value = token(name, at, base);
    if (value === undefined) unknown = true;
    return value ?? whole;
  });
  return withLink(unknown ? unescape(fallback) : text);
}

/** Every date token in any string inside `value` (messages, blocks, views), rendered for the viewer. */
export function renderDatesIn(value: unknown, zone: string | null | undefined, now: Date): Record<string, RenderedDate> {
  const out: Record<string, RenderedDate> = {};
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(DATE_TOKEN)) out[m[0]] ??= renderSlackDate(m[0], zone, now);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return out;
}
