import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/calendar/csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it('splits records and fields, with quoting', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""",\r\n')).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['x, y', 'say "hi"', ''] },
      ],
    });
  });

  it('keeps line breaks inside quotes and counts lines for the next record', () => {
    const result = parseCsv('h1,h2\n"multi\nline",2\nlast,3');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['h1', 'h2'] },
        { line: 2, cells: ['multi\nline', '2'] },
        { line: 4, cells: ['last', '3'] },
      ],
    });
  });

  it('drops a BOM and blank lines, and detects ; and tab delimiters', () => {
    expect(parseCsv('\uFEFFa;b\n\n1;2')).toEqual({ ok: true, records: [{ line: 1, cells: ['a', 'b'] }, { line: 3, cells: ['1', '2'] }] });
    expect(parseCsv('a\tb\n1\t2')).toMatchObject({ ok: true, records: [{ cells: ['a', 'b'] }, { cells: ['1', '2'] }] });
  });

  it('reports an unclosed quote with the line it started on', () => {
    expect(parseCsv('a,b\n1,"oops\n2,3')).toEqual({ ok: false, error: 'row 2: a quoted field is never closed (missing ")' });
  });
});
