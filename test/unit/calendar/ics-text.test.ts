import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, parseContentLine, unescapeText, unfoldLines } from '../../../src/calendar/ics-text.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Splits folded text into physical lines as bytes, exactly as they would go over the wire. */
function physicalLines(folded: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(folded);
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.slice(start, i));
      start = i + 2;
    }
  }
  lines.push(bytes.slice(start));
  return lines;
}

describe('folding (RFC 5545 §3.1)', () => {
  const summary = 'Réunion über die Zusammenarbeit – Genève, Zürich, Montréal; café ü é. '.repeat(4).slice(0, 200);

  it('keeps every physical line within 75 octets without splitting a UTF-8 sequence, and unfolds to the original', () => {
    expect([...summary].length).toBe(200);
    const line = `SUMMARY:${escapeText(summary)}`;
    const folded = foldLine(line);
    const lines = physicalLines(folded);
    expect(lines.length).toBeGreaterThan(3);
    lines.forEach((bytes, i) => {
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(() => strictUtf8.decode(bytes)).not.toThrow();
      if (i > 0) expect(bytes[0]).toBe(0x20);
    });
    const [unfolded] = unfoldLines(folded);
    expect(unfolded).toBe(line);
    expect(unescapeText(parseContentLine(unfolded!)!.value)).toBe(summary);
  });

  it('never splits a 4-byte character (emoji) either', () => {
    const folded = foldLine(`SUMMARY:${'🌍'.repeat(40)}`);
    for (const bytes of physicalLines(folded)) {
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(() => strictUtf8.decode(bytes)).not.toThrow();
    }
    expect(unfoldLines(folded)).toEqual([`SUMMARY:${'🌍'.repeat(40)}`]);
  });

  it('leaves short lines alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
  });
});

describe('TEXT escaping', () => {
  it('escapes and round-trips ; , \\ and line breaks', () => {
    const text = 'Agenda; item 1, item 2 \\ path C:\\docs\nsecond line\r\nthird';
    const escaped = escapeText(text);
    expect(escaped).toBe('Agenda\\; item 1\\, item 2 \\\\ path C:\\\\docs\\nsecond line\\nthird');
    expect(unescapeText(escaped)).toBe(text.replace(/\r\n/g, '\n'));
  });

  it('reads \\N as a line break too', () => {
    expect(unescapeText('a\\Nb')).toBe('a\nb');
  });
});

describe('parseContentLine', () => {
  it('reads parameters, quoted values holding : ; , and the value', () => {
    expect(parseContentLine('DTSTART;TZID="W. Europe Standard Time":20250916T100000')).toEqual({
      name: 'DTSTART',
      params: { TZID: 'W. Europe Standard Time' },
      value: '20250916T100000',
    });
    expect(parseContentLine('ATTENDEE;CN="Doe, Jane";ROLE=CHAIR:mailto:j@example.org')).toEqual({
      name: 'ATTENDEE',
      params: { CN: 'Doe, Jane', ROLE: 'CHAIR' },
      value: 'mailto:j@example.org',
    });
    expect(parseContentLine('no colon here')).toBeUndefined();
  });
});
