/**
 * Tokenizer for the text of a `/concord …` slash command (everything after the command name).
 *
 * Slack sends the text with `&`, `<`, `>` typed by the user escaped as `&amp;`, `&lt;`, `&gt;`;
 * a raw `<…>` therefore only comes from Slack itself (mentions, links; manifest `should_escape`).
 * The tokenizer reads the structure on the raw text first and decodes entities afterwards, so a
 * typed `&lt;@U1&gt;` stays the word `<@U1>` and never becomes a mention.
 *
 * Guarantees: never throws; one left-to-right pass (every `<…>` candidate is scanned at most up to
 * the next `<` or `>`, so the work is linear in the input length); no regex with nested quantifiers.
 *
 * @example
 * tokenize('meeting add “13MSP” 2025-09-16..2025-09-19 at:"CICG, Geneva" <@U123|maria>')
 * // → quoted "13MSP", word "2025-09-16..2025-09-19", option at → quoted "CICG, Geneva", user U123
 */

export interface WordToken {
  kind: 'word';
  /** The word as typed, with `&amp;`/`&lt;`/`&gt;` decoded. Case is kept. */
  text: string;
  raw: string;
}

export interface QuotedToken {
  kind: 'quoted';
  /** Content without the quotes; whitespace collapsed and trimmed; entities decoded; may be empty. */
  text: string;
  raw: string;
}

export interface UserToken {
  kind: 'user';
  /** Slack user id (`U…` or `W…`). */
  id: string;
  /** The `|name` part of older payloads, if present and not empty. */
  label?: string;
  raw: string;
}

export interface ChannelToken {
  kind: 'channel';
  id: string;
  /** Channel name for public channels; absent for `<#C…|>` (private) and `<#C…>`. */
  name?: string;
  raw: string;
}

export interface UsergroupToken {
  kind: 'usergroup';
  id: string;
  /** Handle without its leading `@`, when Slack sent one. */
  handle?: string;
  raw: string;
}

export type SpecialMention = 'here' | 'channel' | 'everyone';

export interface SpecialToken {
  kind: 'special';
  name: SpecialMention;
  raw: string;
}

export interface LinkToken {
  kind: 'link';
  url: string;
  label?: string;
  raw: string;
}

/** Anything that can stand on its own or as the value of an option. */
export type ValueToken = WordToken | QuotedToken | UserToken | ChannelToken | UsergroupToken | SpecialToken | LinkToken;

export interface OptionToken {
  kind: 'option';
  /** Lower-case key (`At:` and `at:` are the same option). */
  key: string;
  /** The value; a word with empty text when nothing follows the colon (`at:` alone). */
  value: ValueToken;
  raw: string;
}

export type Token = ValueToken | OptionToken;

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: string };

/** Characters that open a quoted string, each with the characters that may close it. */
const QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['“', '”“'],
  ['”', '”“'],
  ['„', '“”'],
  ['‘', '’'],
  ['‚', '‘’'],
]);
const SINGLE_QUOTE_CLOSERS = '’‘';
const MAX_SNIPPET = 30;

/** Split `/concord` text into tokens. Never throws; errors (unbalanced quotes) come back as values. */
export function tokenize(text: string): TokenizeResult {
  try {
    return new Scanner(sanitize(typeof text === 'string' ? text : String(text))).run();
  } catch {
    // Unreachable by design; the guarantee "never throws" must hold even for a bug.
    return { ok: false, error: 'Could not read that command. Check the quotes and try again.' };
  }
}

/** Decode the three entities Slack uses in command text (one pass, so `&amp;lt;` → `&lt;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

/**
 * A readable plain-text form of a token, used when mentions appear inside quoted text and in
 * error messages: `@maria`, `#iocc`, `@here`, the link's label.
 */
export function tokenDisplayText(token: Token): string {
  switch (token.kind) {
    case 'word':
    case 'quoted':
      return token.text;
    case 'user':
      return `@${token.label ?? token.id}`;
    case 'channel':
      return `#${token.name ?? token.id}`;
    case 'usergroup':
      return `@${token.handle ?? token.id}`;
    case 'special':
      return `@${token.name}`;
    case 'link':
      return token.label ?? token.url;
    case 'option':
      return `${token.key}:${token.value.kind === 'quoted' ? `"${token.value.text}"` : tokenDisplayText(token.value)}`;
  }
}

/**
 * Replace lone UTF-16 surrogates with U+FFFD (PostgreSQL cannot store them) and control characters
 * (NUL, C0 except whitespace, DEL, C1) with a space. Linear.
 */
export function sanitize(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let replacement: string | undefined;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      replacement = '\uFFFD';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      replacement = '\uFFFD';
    } else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) {
      replacement = ' ';
    }
    if (replacement !== undefined) {
      out += text.slice(from, i) + replacement;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** Collapse runs of whitespace (incl. newlines, NBSP) to one space and trim. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function snippet(text: string): string {
  const flat = collapse(decodeEntities(text));
  const points = Array.from(flat);
  return points.length <= MAX_SNIPPET ? flat : `${points.slice(0, MAX_SNIPPET).join('')}…`;
}

type AngleToken = UserToken | ChannelToken | UsergroupToken | SpecialToken | LinkToken;

class QuoteError {
  constructor(readonly message: string) {}
}

class Scanner {
  private pos = 0;
  private readonly tokens: Token[] = [];

  constructor(private readonly s: string) {}

  run(): TokenizeResult {
    const { s } = this;
    while (this.pos < s.length) {
      if (isSpace(s[this.pos])) {
        this.pos++;
        continue;
      }
      const start = this.pos;
      const token = this.readToken(start);
      if (token instanceof QuoteError) return { ok: false, error: token.message };
      this.tokens.push(token);
      // Every branch consumes at least one character; guard anyway against an endless loop.
      if (this.pos <= start) this.pos = start + 1;
    }
    return { ok: true, tokens: this.tokens };
  }

  private readToken(start: number): Token | QuoteError {
    const angle = this.readAngle(start);
    if (angle) return angle;
    if (QUOTES.has(this.s[start]!)) return this.readQuoted(start, '');
    const option = this.readOption(start);
    if (option) return option;
    return this.readWord(start);
  }

  /** `key:value` where key is ASCII letters (case-insensitive) and the value is not `//…` (a URL). */
  private readOption(start: number): OptionToken | QuoteError | undefined {
    const { s } = this;
    let i = start;
    while (i < s.length && isAsciiLetter(s.charCodeAt(i))) i++;
    if (i === start || s[i] !== ':' || s.startsWith('//', i + 1)) return undefined;
    const key = s.slice(start, i).toLowerCase();
    const valueStart = i + 1;
    let value: ValueToken | QuoteError;
    if (valueStart >= s.length || isSpace(s[valueStart])) {
      this.pos = valueStart;
      value = { kind: 'word', text: '', raw: '' };
    } else {
      value =
        this.readAngle(valueStart) ??
        (QUOTES.has(s[valueStart]!) ? this.readQuoted(valueStart, s.slice(start, valueStart)) : this.readWord(valueStart));
    }
    if (value instanceof QuoteError) return value;
    return { kind: 'option', key, value, raw: s.slice(start, this.pos) };
  }

  /** A bare word: up to whitespace, or up to a Slack `<…>` token glued to it. */
  private readWord(start: number): WordToken {
    const { s } = this;
    let i = start;
    while (i < s.length && !isSpace(s[i])) {
      if (s[i] === '<' && i > start && parseAngle(s, i)) break;
      i++;
    }
    this.pos = i;
    const raw = s.slice(start, i);
    return { kind: 'word', text: decodeEntities(raw), raw };
  }

  private readQuoted(start: number, prefix: string): QuotedToken | QuoteError {
    const { s } = this;
    const opener = s[start]!;
    const closers = QUOTES.get(opener)!;
    const single = SINGLE_QUOTE_CLOSERS.includes(closers[0]!);
    let content = '';
    let literal = '';
    let i = start + 1;
    while (i < s.length) {
      const ch = s[i]!;
      if (opener === '"' && ch === '\\' && s[i + 1] === '"') {
        literal += '"';
        i += 2;
        continue;
      }
      // A single closing quote between two letters is an apostrophe (Côte d’Ivoire).
      if (closers.includes(ch) && !(single && isLetter(s[i - 1]) && isLetter(s[i + 1]))) {
        content += decodeEntities(literal);
        this.pos = i + 1;
        return { kind: 'quoted', text: collapse(content), raw: s.slice(start, i + 1) };
      }
      if (ch === '<') {
        const angle = parseAngle(s, i);
        if (angle) {
          content += decodeEntities(literal) + tokenDisplayText(angle.token);
          literal = '';
          i = angle.end;
          continue;
        }
      }
      literal += ch;
      i++;
    }
    return new QuoteError(`Missing closing quote after ${prefix}${opener}${snippet(s.slice(start + 1))}`);
  }

  private readAngle(start: number): AngleToken | undefined {
    const found = parseAngle(this.s, start);
    if (!found) return undefined;
    this.pos = found.end;
    return found.token;
  }
}

const USER_ID = /^[UW][A-Z0-9]+$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]+$/;
const GROUP_ID = /^[A-Z0-9]+$/;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const MAX_ANGLE = 3000;

/**
 * Parse a Slack `<…>` form starting at `start` (which must be `<`). Scans at most to the next `<`
 * or `>`, so repeated calls over a text stay linear. Returns undefined when it is not a known form.
 */
function parseAngle(s: string, start: number): { token: AngleToken; end: number } | undefined {
  if (s[start] !== '<') return undefined;
  let j = start + 1;
  const limit = Math.min(s.length, start + MAX_ANGLE);
  while (j < limit && s[j] !== '>' && s[j] !== '<') j++;
  if (s[j] !== '>') return undefined;
  const raw = s.slice(start, j + 1);
  const token = angleToken(s.slice(start + 1, j), raw);
  return token ? { token, end: j + 1 } : undefined;
}

function angleToken(content: string, raw: string): AngleToken | undefined {
  const bar = content.indexOf('|');
  const head = bar < 0 ? content : content.slice(0, bar);
  const tail = bar < 0 ? undefined : collapse(decodeEntities(content.slice(bar + 1)));
  const label = tail === '' ? undefined : tail;
  if (head.startsWith('@')) {
    const id = head.slice(1);
    if (!USER_ID.test(id)) return undefined;
    return { kind: 'user', id, ...(label === undefined ? {} : { label }), raw };
  }
  if (head.startsWith('#') || CHANNEL_ID.test(head)) {
    const id = head.startsWith('#') ? head.slice(1) : head;
    if (!CHANNEL_ID.test(id)) return undefined;
    return { kind: 'channel', id, ...(label === undefined ? {} : { name: label }), raw };
  }
  if (head.startsWith('!subteam^')) {
    const id = head.slice('!subteam^'.length);
    const handle = label?.replace(/^@/, '') || undefined;
    if (!GROUP_ID.test(id)) return undefined;
    return { kind: 'usergroup', id, ...(handle === undefined ? {} : { handle }), raw };
  }
  if (head === '!here' || head === '!channel' || head === '!everyone') {
    return { kind: 'special', name: head.slice(1) as SpecialMention, raw };
  }
  const colon = head.indexOf(':');
  if (SCHEME.test(head) && colon + 1 < head.length && !/\s/.test(head)) {
    return { kind: 'link', url: decodeEntities(head), ...(label === undefined ? {} : { label }), raw };
  }
  return undefined;
}
