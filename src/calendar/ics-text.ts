/** Low-level RFC 5545 text rules: TEXT escaping, content lines, 75-octet folding and unfolding. */

export const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value: `\` → `\\`, `;` → `\;`, `,` → `\,`, any line break → `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Reverses `escapeText`; tolerant of writers that escape other characters or use `\N`. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\s\S])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line so no physical line exceeds 75 octets of UTF-8 (the leading space of a
 * continuation line counts), never splitting a multi-byte character. Lines are joined with CRLF.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    if (size + n > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join(CRLF);
}

/** Splits text into logical content lines: any line ending accepted, folded lines rejoined. */
export function unfoldLines(text: string): string[] {
  const lines: string[] = [];
  for (const physical of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    if ((physical.startsWith(' ') || physical.startsWith('\t')) && lines.length > 0) {
      lines[lines.length - 1] += physical.slice(1);
    } else {
      lines.push(physical);
    }
  }
  return lines.filter((l) => l.trim() !== '');
}

/** One parameter value, quoted when it holds `;`, `:` or `,` (DQUOTE itself is not allowed and dropped). */
function paramValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, '');
  return /[;:,]/.test(clean) ? `"${clean}"` : clean;
}

/** `contentLine('DTSTART', { TZID: 'Europe/Zurich' }, '20250916T100000')` → folded `DTSTART;TZID=Europe/Zurich:20250916T100000`. */
export function contentLine(name: string, params: Readonly<Record<string, string>>, value: string): string {
  const p = Object.entries(params).map(([k, v]) => `;${k}=${paramValue(v)}`).join('');
  return foldLine(`${name}${p}:${value}`);
}

export interface ParsedContentLine {
  /** Upper-case property name. */
  name: string;
  /** Upper-case parameter names → values (quotes removed). */
  params: Record<string, string>;
  value: string;
}

/** Parses `NAME;PARAM=a;PARAM2="b:c":value`; `undefined` when there is no `:` at all. */
export function parseContentLine(line: string): ParsedContentLine | undefined {
  let i = 0;
  const readToken = (): string => {
    const start = i;
    while (i < line.length && line[i] !== ';' && line[i] !== ':' && line[i] !== '=') i++;
    return line.slice(start, i);
  };
  const name = readToken().trim().toUpperCase();
  const params: Record<string, string> = {};
  while (i < line.length && line[i] === ';') {
    i++;
    const key = readToken().trim().toUpperCase();
    let value = '';
    if (line[i] === '=') {
      i++;
      const values: string[] = [];
      for (;;) {
        if (line[i] === '"') {
          const close = line.indexOf('"', i + 1);
          if (close === -1) return undefined;
          values.push(line.slice(i + 1, close));
          i = close + 1;
        } else {
          const start = i;
          while (i < line.length && line[i] !== ';' && line[i] !== ':' && line[i] !== ',') i++;
          values.push(line.slice(start, i));
        }
        if (line[i] === ',') {
          i++;
          continue;
        }
        break;
      }
      value = values.join(',');
    }
    if (key) params[key] = value;
  }
  if (line[i] !== ':' || name === '') return undefined;
  return { name, params, value: line.slice(i + 1) };
}
