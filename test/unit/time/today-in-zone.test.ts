/**
 * `todayInZone` remembers the day it last worked out per zone; whatever order instants come in, it answers
 * what Luxon answers — across midnight, DST changes (also one at midnight) and the date line.
 */
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { todayInZone } from '../../../src/time/local-date.ts';

const ZONES = ['Europe/Zurich', 'America/Santiago', 'America/Havana', 'Pacific/Auckland', 'Pacific/Kiritimati', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'UTC'];
const direct = (t: number, zone: string) => DateTime.fromMillis(t, { zone }).toISODate();

describe('todayInZone', () => {
  it.each(ZONES)('matches Luxon minute by minute around midnight and DST changes in %s', (zone) => {
    // Days with a DST change in 2026 in several of these zones, and ordinary days.
    for (const day of ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-09-27', '2026-10-25', '2026-11-01', '2026-12-01']) {
      const start = Date.parse(`${day}T00:00:00Z`) - 36 * 3600_000;
      for (let t = start; t < start + 72 * 3600_000; t += 7 * 60_000) expect(todayInZone(new Date(t), zone)).toBe(direct(t, zone));
    }
  });

  it('matches Luxon for instants in no order, across zones', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const t = Date.parse('2025-01-01T00:00:00Z') + Math.floor(next() * 3 * 365 * 86400_000);
      const zone = ZONES[Math.floor(next() * ZONES.length)]!;
      expect(todayInZone(new Date(t), zone)).toBe(direct(t, zone));
      // The instant just before the day's start and at it, right after a cached answer.
      const dayStart = DateTime.fromMillis(t, { zone }).startOf('day').toMillis();
      expect(todayInZone(new Date(dayStart - 1), zone)).toBe(direct(dayStart - 1, zone));
      expect(todayInZone(new Date(dayStart), zone)).toBe(direct(dayStart, zone));
    }
  });

  it('still refuses a zone that does not exist', () => {
    expect(() => todayInZone(new Date(), 'Mars/Olympus_Mons')).toThrow();
  });
});
