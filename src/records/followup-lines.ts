/**
 * Reads the record modal's follow-ups field: one action per line, `CODE[,CODE]: action text (due DATE)`.
 * A bad line is named by its number with what is wrong (and a "did you mean" for an unknown code). Pure.
 *
 * @example parseFollowUpLines('UNEP,WHO: Send the GFC outcomes (due 2024-03-01)', { codes: ['UNEP', 'WHO'], zone: 'Europe/Zurich', now })
 *   // { ok: true, lines: [{ codes: ['UNEP', 'WHO'], action: 'Send the GFC outcomes', due: '2024-03-01' }] }
 */
import { didYouMean } from '../util/did-you-mean.ts';
import { parseUserDate } from '../time/parse-date.ts';
import { ACTION_MAX } from '../followups/followup-rules.ts';
import type { FollowUpLine } from './record-rules.ts';

export const FOLLOWUP_LINE_SYNTAX = 'CODE[,CODE]: action text (due DATE)';

export type FollowUpLinesResult = { ok: true; lines: FollowUpLine[] } | { ok: false; error: string };

export interface FollowUpLineOptions {
  /** The committee's organization codes. */
  codes: readonly string[];
  zone: string;
  now: Date;
}

const LINE = /^([^:]+):\s*(.+?)\s*(?:\(\s*due\s+([^)]*)\))?\s*$/i;

export function parseFollowUpLines(text: string, options: FollowUpLineOptions): FollowUpLinesResult {
  const lines: FollowUpLine[] = [];
  const known = new Map(options.codes.map((c) => [c.toUpperCase(), c]));
  const rows = text.split(/\r?\n/);
  for (const [i, raw] of rows.entries()) {
    const line = raw.trim().replace(/^[-•*]\s+/, '');
    if (!line) continue;
    const where = `Line ${i + 1}`;
    const m = LINE.exec(line);
    if (!m) return { ok: false, error: `${where} (“${clip(line)}”) is not ${FOLLOWUP_LINE_SYNTAX}.` };
    const codes: string[] = [];
    for (const typed of m[1]!.split(',').map((c) => c.trim()).filter(Boolean)) {
      const code = known.get(typed.toUpperCase());
      if (!code) {
        const guess = didYouMean(typed, [...known.values()]);
        return { ok: false, error: `${where}: “${clip(typed)}” is not an organization of this committee.${guess ? ` Did you mean ${guess}?` : ''}` };
      }
      if (!codes.includes(code)) codes.push(code);
    }
    if (!codes.length) return { ok: false, error: `${where} names no organization: write ${FOLLOWUP_LINE_SYNTAX}.` };
    const action = m[2]!.trim();
    if (action.length > ACTION_MAX) return { ok: false, error: `${where}: the action is ${action.length} characters long; at most ${ACTION_MAX}.` };
    let due: string | null = null;
    if (m[3] !== undefined) {
      const parsed = parseUserDate(m[3].trim(), { zone: options.zone, now: options.now });
      if (!parsed.ok) return { ok: false, error: `${where}: ${parsed.message}` };
      due = parsed.date;
    }
    lines.push({ codes, action, due });
  }
  return { ok: true, lines };
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
