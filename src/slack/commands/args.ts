/**
 * Typed argument helpers shared by every subcommand. Pure: tokens in, values or errors out.
 *
 * Every helper returns its error as a value (`{ ok: false, error, suggestion? }`) with a message
 * that is safe to show the user once it is escaped for mrkdwn. A handler that prefers exceptions
 * calls `orThrow`, which raises a `UsageError`; the command layer turns either into an ephemeral
 * reply with the command's syntax (see `errorReply`).
 *
 * @example
 * const code = takeWord(tokens, 'an organization code (e.g. FAO)');
 * if (!code.ok) return usage(code.error);
 * const opts = takeOptions(code.rest, ['acronym', 'tz', 'channel']);
 */
import { UserError } from '../../errors.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { checkOrgCode } from '../../organizations/org-code.ts';
import { resolveZone } from '../../time/zones.ts';
import { MEMBER_KINDS, ROLES, type MemberKind, type Role } from '../../committees/membership.ts';
import { tokenDisplayText, type ChannelToken, type OptionToken, type Token, type UserToken, type ValueToken } from './tokenize.ts';

export interface ArgError {
  ok: false;
  /** Plain text, safe to show once escaped; says what was wrong and, where useful, what to type. */
  error: string;
  /** A likely intended value ("did you mean"), to show as code. */
  suggestion?: string;
}

export type ArgResult<T> = { ok: true; value: T } | ArgError;

/** A value taken from the front of a token list, with the tokens that are left. */
export type Taken<T> = { ok: true; value: T; rest: Token[] } | ArgError;

/** A usage mistake the user can fix; `suggestion` is a "did you mean" value when there is one. */
export class UsageError extends UserError {
  constructor(
    message: string,
    readonly suggestion?: string,
  ) {
    super(message);
  }
}

/** Return the success value or throw a `UsageError` carrying the message and suggestion. */
export function orThrow<R extends { ok: true }>(result: R | ArgError): R {
  if (result.ok) return result;
  throw new UsageError(result.error, result.suggestion);
}

function fail(error: string, suggestion?: string): ArgError {
  return suggestion === undefined ? { ok: false, error } : { ok: false, error, suggestion };
}

const QUOTE_MAX = 40;

/** A user-typed value for an error message: “…”, shortened. */
export function quote(text: string): string {
  const points = Array.from(text);
  return `“${points.length > QUOTE_MAX ? `${points.slice(0, QUOTE_MAX).join('')}…` : text}”`;
}

/** How a token reads in an error message ("the mention @maria", "“foo”"). */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'word':
      return quote(token.text);
    case 'quoted':
      return `the quoted text ${quote(token.text)}`;
    case 'user':
      return `the mention ${tokenDisplayText(token)}`;
    case 'channel':
      return `the channel ${tokenDisplayText(token)}`;
    case 'usergroup':
      return `the user group ${tokenDisplayText(token)}`;
    case 'special':
      return `@${token.name}`;
    case 'link':
      return `the link ${quote(token.label ?? token.url)}`;
    case 'option':
      return `the option ${token.key}:`;
  }
}

/** A bare word (or a quoted text without spaces, `"FAO"`). */
export function takeWord(tokens: readonly Token[], what = 'a word'): Taken<string> {
  const [first, ...rest] = tokens;
  if (!first) return fail(`Missing ${what}.`);
  if (first.kind === 'word' || (first.kind === 'quoted' && first.text !== '' && !first.text.includes(' '))) {
    return { ok: true, value: first.text, rest };
  }
  return fail(`Expected ${what}, got ${describeToken(first)}.`);
}

/** A quoted text or a single word, non-empty: titles, names, notes, reasons. */
export function takeText(tokens: readonly Token[], what = 'a text in quotes'): Taken<string> {
  const [first, ...rest] = tokens;
  if (!first) return fail(`Missing ${what}.`);
  if (first.kind === 'word' || first.kind === 'quoted') {
    if (first.text === '') return fail(`Expected ${what}, but the quotes are empty.`);
    return { ok: true, value: first.text, rest };
  }
  return fail(`Expected ${what}, got ${describeToken(first)}.`);
}

/** One person, mentioned with @ so that Slack sent their id. */
export function takeUser(tokens: readonly Token[], what = 'a person (type @ and pick them)'): Taken<{ id: string; label?: string }> {
  const [first, ...rest] = tokens;
  if (!first) return fail(`Missing ${what}.`);
  const user = asUser(first, what);
  return user.ok ? { ok: true, value: user.value, rest } : user;
}

/** A token (or option value) that must be a user mention. */
export function asUser(token: Token, what = 'a person (type @ and pick them)'): ArgResult<{ id: string; label?: string }> {
  if (token.kind === 'user') return { ok: true, value: userValue(token) };
  if (token.kind === 'special') {
    return fail(`@${token.name} is not allowed here: mention one person, e.g. @maria.`);
  }
  if (token.kind === 'usergroup') return fail(`${describeToken(token)} is a group: mention one person instead.`);
  if (token.kind === 'word' && token.text.startsWith('@')) {
    return fail(`${quote(token.text)} did not arrive as a mention. Type @ and pick the person from the list Slack shows.`);
  }
  return fail(`Expected ${what}, got ${describeToken(token)}.`);
}

/** A token (or option value) that must be a channel mention. */
export function asChannel(token: Token, what = 'a channel (type # and pick it)'): ArgResult<{ id: string; name?: string }> {
  if (token.kind === 'channel') return { ok: true, value: channelValue(token) };
  if (token.kind === 'word' && token.text.startsWith('#')) {
    return fail(`${quote(token.text)} did not arrive as a channel link. Type # and pick the channel from the list Slack shows.`);
  }
  return fail(`Expected ${what}, got ${describeToken(token)}.`);
}

/** A token (or option value) that must be text: a word or a quoted string. */
export function asText(token: Token, what = 'a text'): ArgResult<string> {
  if (token.kind === 'word' || token.kind === 'quoted') return { ok: true, value: token.text };
  return fail(`Expected ${what}, got ${describeToken(token)}.`);
}

function userValue(token: UserToken): { id: string; label?: string } {
  return token.label === undefined ? { id: token.id } : { id: token.id, label: token.label };
}

function channelValue(token: ChannelToken): { id: string; name?: string } {
  return token.name === undefined ? { id: token.id } : { id: token.id, name: token.name };
}

/** Nothing may be left over. */
export function expectEnd(tokens: readonly Token[]): ArgResult<void> {
  const [first] = tokens;
  if (!first) return { ok: true, value: undefined };
  const more = tokens.length > 1 ? ` (and ${tokens.length - 1} more)` : '';
  return fail(`Unexpected ${describeToken(first)}${more}.`);
}

export type Options<K extends string> = Partial<Record<K, ValueToken>>;

/**
 * Pull the `key:value` options out of `tokens` (wherever they are) and return them with the
 * positional tokens left in order. Unknown key → error listing the allowed keys (with a "did you
 * mean"); a key given twice or without a value → error.
 */
export function takeOptions<K extends string>(
  tokens: readonly Token[],
  allowedKeys: readonly K[],
): { ok: true; options: Options<K>; rest: Token[] } | ArgError {
  const options: Options<K> = {};
  const rest: Token[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option') {
      rest.push(token);
      continue;
    }
    const key = token.key as K;
    if (!allowedKeys.includes(key)) return unknownOption(token, allowedKeys);
    if (options[key] !== undefined) return fail(`The option ${token.key}: is given twice; give it once.`);
    if (token.value.kind === 'word' && token.value.text === '') {
      return fail(`The option ${token.key}: has no value. Write the value right after the colon, without a space (e.g. ${token.key}:"…").`);
    }
    options[key] = token.value;
    if (key === 'tz') {
      const spaced = spacedZone(token, tokens.slice(tokens.indexOf(token) + 1));
      if (spaced) return spaced;
    }
  }
  return { ok: true, options, rest };
}

/**
 * `tz:New York`: the zone's name went on past a space, so the next words were read as arguments. When the
 * value is no zone but, joined with the words after it, names one (or a near miss), say so like `tz:Geneva`
 * would, and show how to quote it.
 */
function spacedZone(token: OptionToken, after: readonly Token[]): ArgError | undefined {
  if (token.value.kind !== 'word' || resolveZone(token.value.text).ok) return undefined;
  const words: string[] = [];
  for (const t of after.slice(0, 2)) {
    if (t.kind !== 'word') break;
    words.push(t.text);
  }
  for (let n = words.length; n > 0; n--) {
    const typed = [token.value.text, ...words.slice(0, n)].join(' ');
    const r = resolveZone(typed);
    const zone = r.ok ? r.zone : r.suggestion;
    if (!zone) continue;
    return fail(
      `${quote(typed)} is not a time zone I know. Did you mean ${zone}? Write it as tz:${zone}; a value with a space needs quotes (tz:"${typed}"), or the words after the space are read as separate arguments.`,
      `tz:${zone}`,
    );
  }
  return undefined;
}

function unknownOption(token: OptionToken, allowedKeys: readonly string[]): ArgError {
  if (allowedKeys.length === 0) return fail(`This command takes no options (got ${token.key}:).`);
  const suggestion = didYouMean(token.key, allowedKeys);
  return fail(
    `Unknown option ${token.key}:. Allowed here: ${allowedKeys.map((k) => `${k}:`).join(', ')}.`,
    suggestion === undefined ? undefined : `${suggestion}:`,
  );
}

// ——— organization codes ———

export type OrgCodes = { all: true } | { all: false; codes: string[] };

/** One organization code, normalized to upper case (the rule of `src/organizations/org-code.ts`). */
export function parseOrgCode(input: string): ArgResult<string> {
  const r = checkOrgCode(input);
  return r.ok ? { ok: true, value: r.code } : fail(r.error);
}

/**
 * `FAO,WB` → `{ all:false, codes:['FAO','WB'] }`; `all` → `{ all:true }`. Case-insensitive,
 * de-duplicated, order kept; empty items (`FAO,,WB`, a trailing comma) are ignored.
 */
export function parseOrgCodes(input: string): ArgResult<OrgCodes> {
  const parts = input
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return fail(`Missing organization codes (e.g. FAO,WB or all).`);
  const all = parts.filter((p) => p.toLowerCase() === 'all');
  if (all.length > 0) {
    return all.length === parts.length ? { ok: true, value: { all: true } } : fail(`Use either all or a list of codes (e.g. FAO,WB), not both.`);
  }
  const codes: string[] = [];
  for (const part of parts) {
    const code = parseOrgCode(part);
    if (!code.ok) return code;
    if (!codes.includes(code.value)) codes.push(code.value);
  }
  return { ok: true, value: { all: false, codes } };
}

/**
 * Organization codes from the front of `tokens`, joining a list typed with spaces after the
 * commas (`FAO, WB` arrives as two words).
 */
export function takeOrgCodes(tokens: readonly Token[], what = 'organization codes (e.g. FAO,WB or all)'): Taken<OrgCodes> {
  const first = takeWord(tokens, what);
  if (!first.ok) return first;
  let text = first.value;
  let rest = first.rest;
  while (rest[0]?.kind === 'word' && (text.endsWith(',') || rest[0].text.startsWith(','))) {
    text += rest[0].text;
    rest = rest.slice(1);
  }
  const codes = parseOrgCodes(text);
  return codes.ok ? { ok: true, value: codes.value, rest } : codes;
}

// ——— short ids ———

export type ShortIdPrefix = 'F' | 'M' | 'D' | 'R';

const ID_NOUN: Record<ShortIdPrefix, string> = { F: 'follow-up', M: 'meeting', D: 'deadline', R: 'record' };
const ID_MAX = 2 ** 31 - 1;
const SHORT_ID = /^(?:([A-Za-z])-?)?([0-9]+)$/;

/**
 * `F-12`, `f-12`, `F12`, `f12` and `12` → 12 (for prefix F). Rejects 0, negatives, other prefixes
 * (with a hint: "M-4 is a meeting"), non-numbers and values above 2^31 − 1.
 */
export function parseShortId(input: string, prefix: ShortIdPrefix): ArgResult<number> {
  const text = input.trim();
  const noun = ID_NOUN[prefix];
  const example = `${prefix}-12`;
  const match = SHORT_ID.exec(text);
  if (!match) return fail(`${quote(text)} is not a ${noun} id. Use ${example} (or just 12).`);
  const letter = match[1]?.toUpperCase();
  if (letter !== undefined && letter !== prefix) {
    const other = letter in ID_NOUN ? ` (${letter}-… is a ${ID_NOUN[letter as ShortIdPrefix]})` : '';
    return fail(`${quote(text)} is not a ${noun} id${other}. Use ${example}.`);
  }
  const digits = match[2]!.replace(/^0+/, '');
  if (digits === '') return fail(`${noun[0]!.toUpperCase()}${noun.slice(1)} ids start at ${prefix}-1.`);
  if (digits.length > 10 || Number(digits) > ID_MAX) return fail(`${quote(text)} is too large for a ${noun} id.`);
  return { ok: true, value: Number(digits) };
}

// ——— roles and member kinds ———

/** `chair|secretariat|member|observer`, case-insensitive, with a "did you mean". */
export function parseRole(input: string): ArgResult<Role> {
  return parseChoice(input, ROLES, 'a role');
}

/** `focal|alternate|member` (also `focal-point`), case-insensitive, with a "did you mean". */
export function parseMemberKind(input: string): ArgResult<MemberKind> {
  const text = input.trim().toLowerCase();
  if (text === 'focal-point' || text === 'focalpoint' || text === 'focal_point') return { ok: true, value: 'focal' };
  return parseChoice(input, MEMBER_KINDS, 'a membership kind');
}

function parseChoice<T extends string>(input: string, choices: readonly T[], what: string): ArgResult<T> {
  const text = input.trim().toLowerCase();
  const found = choices.find((c) => c === text);
  if (found) return { ok: true, value: found };
  const suggestion = didYouMean(text, choices);
  return fail(`${quote(input.trim())} is not ${what}. Use one of: ${choices.join(', ')}.`, suggestion);
}
