/**
 * A record's text keeps the chair's `**bold**` topics as Markdown. `boldSpans` splits such a text into plain
 * and bold spans for formats that are not Markdown (DOCX): `boldSpans('the **GFC** and')` →
 * `[{ text: 'the ' }, { text: 'GFC', bold: true }, { text: ' and' }]`. An unmatched `**` stays literal.
 */
export interface Span {
  text: string;
  bold?: true;
}

const BOLD = /\*\*(?=\S)([\s\S]*?\S)\*\*/g;

export function boldSpans(text: string): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (const m of text.matchAll(BOLD)) {
    if (m.index > at) spans.push({ text: text.slice(at, m.index) });
    spans.push({ text: m[1]!, bold: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) spans.push({ text: text.slice(at) });
  return spans;
}
