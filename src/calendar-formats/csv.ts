/**
 * CSV as spreadsheets write it, parsed by `csv-parse`: `,`, `;` (Excel in European locales) or tab,
 * detected from the header outside quotes; a UTF-8 BOM; CRLF; quoted fields holding delimiters, `""` and
 * line breaks. Cells are text, stored as written: a cell starting with `=`, `+`, `-` or `@` is never
 * evaluated (Concord writes no CSV, so nothing echoes it back into a spreadsheet).
 */
import { parse } from 'csv-parse/sync';

/** One CSV record and its spreadsheet row (1-based; the header is row 1; a quoted line break stays in its row). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; error: string };

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the header line uses most, counting only characters outside double quotes; `,` on a tie. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

interface Info {
  records: number;
  empty_lines: number;
}

/**
 * @example parseCsv('title;start\r\n"a; b";2026-03-12') // { ok: true, records: [{ line: 1, cells: ['title', 'start'] }, { line: 2, cells: ['a; b', '2026-03-12'] }] }
 */
export function parseCsv(input: string): CsvParseResult {
  const text = input.replace(/^\uFEFF/, '');
  try {
    const rows = parse(text, { delimiter: detectDelimiter(text), info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Array<{
      record: string[];
      info: Info;
    }>;
    const records = rows
      .filter((r) => r.record.some((cell) => cell.trim() !== ''))
      .map((r) => ({ line: r.info.records + r.info.empty_lines, cells: r.record }));
    return { ok: true, records };
  } catch (err) {
    const e = err as Error & { code?: string } & Partial<Info>;
    const row = (e.records ?? 0) + (e.empty_lines ?? 0) + 1;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') return { ok: false, error: `row ${row}: a quoted field is never closed (missing ")` };
    return { ok: false, error: `The file is not valid CSV: ${e.message}` };
  }
}
