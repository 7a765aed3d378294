import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../src/calendar-formats/csv.ts';
import { parseMeetingsFile } from '../../../src/calendar-formats/import-parse.ts';

describe('parseCsv (csv-parse)', () => {
  it('splits records and fields, with quoting', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""",\r\n')).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['x, y', 'say "hi"', ''] },
      ],
    });
  });

  it('keeps line breaks inside quotes in one spreadsheet row', () => {
    expect(parseCsv('h1,h2\n"multi\nline",2\nlast,3')).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['h1', 'h2'] },
        { line: 2, cells: ['multi\nline', '2'] },
        { line: 3, cells: ['last', '3'] },
      ],
    });
  });

  it('drops a BOM and blank lines, and detects ; and tab delimiters', () => {
    expect(parseCsv('\uFEFFa;b\n\n1;2')).toEqual({ ok: true, records: [{ line: 1, cells: ['a', 'b'] }, { line: 3, cells: ['1', '2'] }] });
    expect(parseCsv('a\tb\n1\t2')).toMatchObject({ ok: true, records: [{ cells: ['a', 'b'] }, { cells: ['1', '2'] }] });
  });

  it('detects the delimiter outside quotes: a quoted header cell full of ; does not make ; the delimiter', () => {
    expect(detectDelimiter('"title (a;b;c)",start\r\nx,y')).toBe(',');
    expect(detectDelimiter('"title, with, commas";start;end')).toBe(';');
    expect(parseCsv('"title (a;b;c)",start\r\nBureau,2026-01-20')).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['title (a;b;c)', 'start'] },
        { line: 2, cells: ['Bureau', '2026-01-20'] },
      ],
    });
  });

  it('reports an unclosed quote with the row it started on', () => {
    expect(parseCsv('a,b\n1,"oops\n2,3')).toEqual({ ok: false, error: 'row 2: a quoted field is never closed (missing ")' });
  });
});

describe('importing Excel’s CSV exports', () => {
  // Excel "CSV UTF-8" in a German or French locale: BOM, `;`, CRLF, a cell with a line break quoted.
  const excel =
    '\uFEFFTitle;Body;Start;End;Time;TimeZone;Venue\r\n' +
    'IOCC-62;IOCC;2026-11-03;2026-11-04;09:30;Europe/Zurich;"ILO\r\nRoute des Morillons 4; Geneva"\r\n' +
    '"COP-12 (BRS; ""triple"" COPs)";BRS;2027-05-03;2027-05-14;;Europe/Zurich;CICG, Geneva\r\n';

  it('reads ; BOM CRLF and quoted line breaks', () => {
    const result = parseMeetingsFile('export.csv', excel);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.meetings.map((m) => [m.label, m.title, m.start, m.end, m.time ?? null, m.venue])).toEqual([
      ['row 2', 'IOCC-62', '2026-11-03', '2026-11-04', '09:30', 'ILO\r\nRoute des Morillons 4; Geneva'],
      ['row 3', 'COP-12 (BRS; "triple" COPs)', '2027-05-03', '2027-05-14', null, 'CICG, Geneva'],
    ]);
  });

  it('keeps cells starting with = + - @ as literal text (never evaluated; Concord writes no CSV to echo them into)', () => {
    const csv = 'title,body,start,timeZone,venue\r\n"=HYPERLINK(""http://evil.example"",""x"")",+SUM(A1:A2),2026-03-01,UTC,-2+3\r\n@cmd,IOCC,2026-03-02,UTC,@venue\r\n';
    const result = parseMeetingsFile('formulas.csv', csv);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.meetings.map((m) => [m.title, m.body, m.venue])).toEqual([
      ['=HYPERLINK("http://evil.example","x")', '+SUM(A1:A2)', '-2+3'],
      ['@cmd', 'IOCC', '@venue'],
    ]);
  });

  it('reads a header whose quoted cell holds ; as comma-separated', () => {
    const result = parseMeetingsFile('m.csv', '"title (a;b;c)",start,tz\r\nBureau,2026-01-20,Europe/Zurich\r\n');
    // "title (a;b;c)" is not a known column: the file is reported as missing its title column, not as one cell.
    expect(result).toEqual({ ok: false, errors: ['row 1 (header): missing column title (or name)'] });
    const named = parseMeetingsFile('m.csv', '"title",start,"tz (IANA; e.g. Europe/Zurich)"\r\nBureau,2026-01-20,Europe/Zurich\r\n');
    expect(named.ok).toBe(false);
    const ok = parseMeetingsFile('m.csv', 'title,"start",tz,"notes (a;b;c)"\r\nBureau,2026-01-20,Europe/Zurich,x;y\r\n');
    expect(ok.ok && ok.meetings[0]).toMatchObject({ title: 'Bureau', start: '2026-01-20', zone: 'Europe/Zurich' });
  });
});
