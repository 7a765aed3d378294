/**
 * Record text as Slack mrkdwn: `&`, `<`, `>` escaped, Markdown `**bold**` kept as Slack bold and `*italic*`
 * as Slack italic; long paragraphs cut into pieces that fit a section block (3000 characters). Pure.
 */
import { escapeMrkdwn, TEXT_OBJECT_MAX } from '../text.ts';

const BOLD = '\u0001';

/** @example recordMrkdwn('the **GFC** and *inter alia* A & B') // 'the *GFC* and _inter alia_ A &amp; B' */
export function recordMrkdwn(text: string): string {
  return escapeMrkdwn(text)
    .replace(/\*\*(.+?)\*\*/gs, `${BOLD}$1${BOLD}`)
    .replace(/(^|[^*\w])\*([^*\n]+?)\*(?=[^*\w]|$)/g, '$1_$2_')
    .replace(new RegExp(BOLD, 'g'), '*');
}

/**
 * Splits mrkdwn into pieces of at most `max` characters: at paragraph breaks, else at sentence ends, else
 * at spaces, never inside a `*bold*` span when a boundary outside one exists.
 */
export function splitMrkdwn(md: string, max = TEXT_OBJECT_MAX - 100): string[] {
  const out: string[] = [];
  let rest = md.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = -1;
    for (const re of [/\n\n(?=[^\n])/g, /[.;:!?]\s+(?=\S)/g, /\s+(?=\S)/g]) {
      for (const m of window.matchAll(re)) {
        const end = m.index + m[0].length;
        if (balanced(window.slice(0, end))) cut = end;
      }
      if (cut > max / 2) break;
    }
    if (cut <= 0) cut = max;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

function balanced(s: string): boolean {
  return (s.match(/\*/g)?.length ?? 0) % 2 === 0;
}
