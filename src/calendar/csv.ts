/** One CSV record and the file line it starts on (1-based; the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; error: string };

/** `,` unless the header line has more `;` (European spreadsheets) or tabs. */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r\n|\n|\r|$/));
  const count = (c: string) => header.split(c).length - 1;
  const candidates: Array<[string, number]> = [[',', count(',')], [';', count(';')], ['\t', count('\t')]];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/**
 * RFC 4180 CSV: quoted fields may hold the delimiter, `""` and line breaks; CRLF, LF or CR line
 * endings; a leading BOM is dropped; blank lines are skipped. The delimiter is detected from the header.
 *
 * @example parseCsv('a,b\n"x, y",z') // { ok: true, records: [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['x, y', 'z'] }] }
 */
export function parseCsv(input: string): CsvParseResult {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedAt = 0;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && cell.trim() === '') {
      quotedAt = line;
      cell = '';
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, error: `row ${quotedAt}: a quoted field is never closed (missing ")` };
        const q = text[i]!;
        if (q === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (q === '"') {
          i++;
          break;
        } else {
          if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++;
          cell += q;
          i++;
        }
      }
      // Tolerate spaces between the closing quote and the delimiter.
      while (text[i] === ' ') i++;
      continue;
    }
    if (c === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      cell += c;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return { ok: true, records };
}
