import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../../../src/calendar-formats/ics-text.ts';
import { buildIcs } from '../../../src/calendar-formats/ics-writer.ts';
import { readFeed } from '../../integration/calendar/ical-client.ts';

const lastModified = new Date('2026-01-15T10:00:00Z');
/** A one-event feed titled `summary`, read back by ical.js. */
function roundTrip(summary: string, description?: string) {
  const ics = buildIcs({
    calendarName: 'IOCC',
    events: [{ kind: 'date', uid: 'meeting-1@concord', summary, ...(description ? { description } : {}), start: '2026-03-12', endInclusive: '2026-03-12', lastModified }],
  });
  return { ics, read: readFeed(ics) };
}

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
    expect(roundTrip(summary).read.events[0]!.summary).toBe(summary);
  });

  it('folds a feed of multi-byte titles by octets, and ical.js reads the titles back whole', () => {
    const title = 'Заседание Бюро — 第十三次缔约方会议 — اجتماع المكتب 🌍 '.repeat(3);
    const { ics, read } = roundTrip(title, title);
    for (const bytes of physicalLines(ics.replace(/\r\n$/, ''))) expect(bytes.length).toBeLessThanOrEqual(75);
    expect(read.events[0]).toMatchObject({ summary: title, description: title });
  });

  it('never splits a 4-byte character (emoji) either', () => {
    const folded = foldLine(`SUMMARY:${'🌍'.repeat(40)}`);
    for (const bytes of physicalLines(folded)) {
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(() => strictUtf8.decode(bytes)).not.toThrow();
    }
    expect(roundTrip('🌍'.repeat(40)).read.events[0]!.summary).toBe('🌍'.repeat(40));
  });

  it('leaves short lines alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
  });
});

describe('TEXT escaping', () => {
  it('escapes ; , \\ and line breaks', () => {
    const text = 'Agenda; item 1, item 2 \\ path C:\\docs\nsecond line\r\nthird';
    expect(escapeText(text)).toBe('Agenda\\; item 1\\, item 2 \\\\ path C:\\\\docs\\nsecond line\\nthird');
    expect(roundTrip(text).read.events[0]!.summary).toBe(text.replace(/\r\n/g, '\n'));
  });

  it('keeps a title holding CRLF + BEGIN:VEVENT one event whose title round-trips', () => {
    const title = 'Bureau call\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nSUMMARY:injected';
    const { ics, read } = roundTrip(title, title);
    expect(read.events).toHaveLength(1);
    expect(read.events[0]).toMatchObject({ uid: 'meeting-1@concord', summary: title.replace(/\r\n/g, '\n'), description: title.replace(/\r\n/g, '\n') });
    expect(ics.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
  });
});
