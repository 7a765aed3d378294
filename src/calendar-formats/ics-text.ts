/**
 * Low-level RFC 5545 writing rules: TEXT escaping, content lines, 75-octet folding. Reading is ical.js's
 * job (`ics-reader.ts`).
 */

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
