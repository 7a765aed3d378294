/**
 * mrkdwn safety and formatting. Pure: no Slack SDK, no I/O.
 *
 * Safety rule: every piece of user-supplied text goes through `escapeMrkdwn` before it is put into
 * mrkdwn. Slack only turns `<…>` into mentions, so escaping `&`, `<`, `>` is enough to make
 * `<!channel>` typed into an action text show literally and notify nobody.
 *
 * Concord never sets `link_names` on any Web API call and builds mrkdwn text objects with
 * `verbatim: true` (see `mrkdwn`), so plain text such as `@everyone` or `@here` is never
 * auto-linked into a mention either. Real mentions are only ever written with `userMention` /
 * `channelMention` / `usergroupMention` from ids Slack gave us.
 */
import { DateTime } from 'luxon';
import { formatLocalDate, zoneAbbreviation } from '../time/format.ts';

/** Slack's limit for the `text` of a text object (and a section's text). */
export const TEXT_OBJECT_MAX = 3000;
/** Recommended maximum for a message's top-level `text` (Slack truncates above 40,000). */
export const MESSAGE_TEXT_MAX = 4000;

export interface PlainTextObject {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface MrkdwnTextObject {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}

export type TextObject = PlainTextObject | MrkdwnTextObject;

/** Escape exactly `&`, `<`, `>` (as Slack requires) and nothing else. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/**
 * Inline code span with escaped content. Backticks inside would end the span early, so they are
 * replaced by a look-alike (U+02CB).
 */
export function inlineCode(text: string): string {
  const inner = escapeMrkdwn(text.replace(/`/g, 'ˋ').replace(/\s+/g, ' ').trim());
  return inner === '' ? '' : `\`${inner}\``;
}

const USER_ID = /^[UW][A-Z0-9]+$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]+$/;
const GROUP_ID = /^[A-Z0-9]+$/;

/** `<@U…>`. Throws a TypeError for anything that is not a Slack user id (a bug, never user input). */
export function userMention(id: string): string {
  return `<@${checkId(id, USER_ID, 'user')}>`;
}

/** `<#C…>`. Throws a TypeError for anything that is not a Slack channel id. */
export function channelMention(id: string): string {
  return `<#${checkId(id, CHANNEL_ID, 'channel')}>`;
}

/** `<!subteam^S…>`. Throws a TypeError for anything that is not a Slack user-group id. */
export function usergroupMention(id: string): string {
  return `<!subteam^${checkId(id, GROUP_ID, 'user group')}>`;
}

function checkId(id: string, pattern: RegExp, what: string): string {
  if (!pattern.test(id)) throw new TypeError(`Not a Slack ${what} id: ${JSON.stringify(id).slice(0, 40)}`);
  return id;
}

/** Tokens Slack understands inside `<!date^…^FORMAT|…>`. */
export type SlackDateToken =
  | 'date_num'
  | 'date'
  | 'date_short'
  | 'date_long'
  | 'date_long_full'
  | 'date_pretty'
  | 'date_short_pretty'
  | 'date_long_pretty'
  | 'date_slash'
  | 'day_divider_pretty'
  | 'time'
  | 'time_secs'
  | 'ago';

/** A single token name (`'time'`) or a template with `{token}` placeholders (`'{date_short_pretty} at {time}'`). */
export type SlackDateFormat = SlackDateToken | `${string}{${SlackDateToken}}${string}`;

/** The format `dateToken` uses: "Tue, Sep 16th at 10:00 AM" in the viewer's own zone. */
export const DEFAULT_DATE_FORMAT = '{date_short_pretty} at {time}' satisfies SlackDateFormat;

/**
 * `<!date^UNIX^FORMAT|fallback>`: Slack renders it in each viewer's (device) time zone. The
 * fallback is shown where Slack cannot render the date (notifications, old clients): include a zone.
 * Throws a RangeError for an invalid Date or a template containing `^`, `|`, `<` or `>`.
 *
 * @example slackDate(new Date('2025-09-16T08:00:00Z'), '{date_short_pretty} at {time}', 'Tue 16 Sep 2025, 10:00 CEST')
 * // '<!date^1758009600^{date_short_pretty} at {time}|Tue 16 Sep 2025, 10:00 CEST>'
 */
export function slackDate(instant: Date, format: SlackDateFormat, fallback: string, link?: string): string {
  const seconds = unixSeconds(instant);
  const template = format.includes('{') ? format : `{${format}}`;
  if (/[|^<>]/.test(template)) throw new RangeError('A Slack date format may not contain ^, |, < or >');
  const linkPart = link === undefined ? '' : `^${escapeMrkdwn(link.replace(/[|^\s]/g, (ch) => encodeURIComponent(ch)))}`;
  const safeFallback = escapeMrkdwn(fallback.replace(/\s+/g, ' ').trim()) || 'date';
  return `<!date^${seconds}^${template.replace(/&/g, '&amp;')}${linkPart}|${safeFallback}>`;
}

/**
 * A full date token whose fallback is the instant shown in `fallbackZone` (an IANA zone; an
 * unknown zone falls back to UTC), e.g. `<!date^1758009600^{date_short_pretty} at {time}|Tue 16 Sep 2025, 10:00 CEST>`.
 */
export function dateToken(instant: Date, fallbackZone: string, format: SlackDateFormat = DEFAULT_DATE_FORMAT): string {
  return slackDate(instant, format, formatInZone(instant, fallbackZone));
}

/**
 * "Tue 16 Sep 2025, 10:00 CEST": the instant in `zone`, with the zone's usual abbreviation where
 * one exists (CEST, EDT, GMT) and else a UTC offset (UTC+3). English names fixed by `src/time/`,
 * so independent of the process locale. An unknown zone is shown in UTC.
 */
export function formatInZone(instant: Date, zone: string): string {
  unixSeconds(instant);
  const effective = DateTime.fromJSDate(instant, { zone }).isValid ? zone : 'UTC';
  const local = DateTime.fromJSDate(instant, { zone: effective });
  return `${formatLocalDate(local.toISODate()!)}, ${local.toFormat('HH:mm')} ${zoneAbbreviation(instant, effective)}`;
}

function unixSeconds(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError('Invalid date');
  return Math.floor(ms / 1000);
}

/**
 * Shorten `text` to at most `max` UTF-16 units (the unit Slack's limits are checked in, and never
 * fewer than its characters), ending with `…`. Never cuts a surrogate pair, and backs off to the
 * start of a grapheme (an emoji with modifiers, a letter with combining marks) when it can.
 */
export function truncate(text: string, max: number): string {
  max = Math.floor(max);
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return '…';
  const cut = graphemeBoundaryAtOrBefore(text, max - 1);
  return `${text.slice(0, cut).replace(/\s+$/, '')}…`;
}

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

function graphemeBoundaryAtOrBefore(text: string, index: number): number {
  let cut = index;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  if (!segmenter || cut <= 0) return cut;
  // Look only at a small window around the cut: graphemes are short, and this keeps it cheap.
  const from = Math.max(0, cut - 64);
  let boundary = from;
  for (const { index: start } of segmenter.segment(text.slice(from, cut + 64))) {
    const absolute = from + start;
    if (absolute > cut) break;
    boundary = absolute;
  }
  // A grapheme longer than the window (pathological combining-mark runs): keep the code-point cut.
  return boundary > from || from === 0 ? boundary : cut;
}

/**
 * Shorten already-built mrkdwn without leaving a broken `<…>` (mention, link, date) or a
 * half `&amp;` entity at the end.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = truncate(text, max).slice(0, -1);
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && amp > cut.length - 6 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut.replace(/\s+$/, '')}…`;
}

/** Slack rejects empty text objects; an empty string becomes a zero-width space. */
const EMPTY = '\u200b';

/** A plain_text object, truncated to 3000 characters (pass a lower `max` for headers, buttons…). */
export function plain(text: string, max = TEXT_OBJECT_MAX): PlainTextObject {
  return { type: 'plain_text', text: truncate(text, Math.min(max, TEXT_OBJECT_MAX)) || EMPTY, emoji: true };
}

/**
 * A mrkdwn object (`verbatim: true`: no auto-linking of `@here`-style text or URLs), truncated to
 * 3000 characters without breaking a mention. The text must already be safe mrkdwn: escape user
 * text with `escapeMrkdwn` first.
 */
export function mrkdwn(text: string, max = TEXT_OBJECT_MAX): MrkdwnTextObject {
  return { type: 'mrkdwn', text: truncateMrkdwn(text, Math.min(max, TEXT_OBJECT_MAX)) || EMPTY, verbatim: true };
}
