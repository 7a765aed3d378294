import { describe, expect, it } from 'vitest';
import { localDateTimeToUtc, utcToLocal } from '../../../src/time/wall-time.ts';
import { zoneTransitions } from '../../../src/calendar-formats/ics-vtimezone.ts';

const iso = (d: Date) => d.toISOString().replace('.000', '');

describe('Geneva (Europe/Zurich) daylight saving changes', () => {
  it('switches on 31 Mar / 27 Oct 2024, 30 Mar / 26 Oct 2025, 29 Mar / 25 Oct 2026, 28 Mar / 31 Oct 2027', () => {
    const from = Date.UTC(2024, 0, 1);
    const to = Date.UTC(2028, 0, 1);
    const changes = zoneTransitions('Europe/Zurich', from, to).map((t) => `${new Date(t.at).toISOString()} ${t.fromMinutes}→${t.toMinutes}`);
    expect(changes).toEqual([
      '2024-03-31T01:00:00.000Z 60→120',
      '2024-10-27T01:00:00.000Z 120→60',
      '2025-03-30T01:00:00.000Z 60→120',
      '2025-10-26T01:00:00.000Z 120→60',
      '2026-03-29T01:00:00.000Z 60→120',
      '2026-10-25T01:00:00.000Z 120→60',
      '2027-03-28T01:00:00.000Z 60→120',
      '2027-10-31T01:00:00.000Z 120→60',
    ]);
  });

  it('reads 10:00 as CET before the switch and CEST after', () => {
    expect(iso(localDateTimeToUtc('2025-03-29', '10:00', 'Europe/Zurich'))).toBe('2025-03-29T09:00:00Z');
    expect(iso(localDateTimeToUtc('2025-03-30', '10:00', 'Europe/Zurich'))).toBe('2025-03-30T08:00:00Z');
    expect(iso(localDateTimeToUtc('2025-10-26', '10:00', 'Europe/Zurich'))).toBe('2025-10-26T09:00:00Z');
    expect(iso(localDateTimeToUtc('2025-09-16', '10:00', 'Europe/Zurich'))).toBe('2025-09-16T08:00:00Z');
  });
});

describe('localDateTimeToUtc: gap and overlap', () => {
  it('moves a time skipped by the spring gap forward: 02:30 on 2025-03-30 → 03:30 CEST', () => {
    const instant = localDateTimeToUtc('2025-03-30', '02:30', 'Europe/Zurich');
    expect(iso(instant)).toBe('2025-03-30T01:30:00Z');
    expect(utcToLocal(instant, 'Europe/Zurich')).toMatchObject({ date: '2025-03-30', time: '03:30', offsetMinutes: 120 });
  });

  it('takes the earlier instant for a time that occurs twice: 02:30 on 2025-10-26 → 00:30Z (CEST)', () => {
    expect(iso(localDateTimeToUtc('2025-10-26', '02:30', 'Europe/Zurich'))).toBe('2025-10-26T00:30:00Z');
  });

  it('applies the same rules in New York and in the southern hemisphere', () => {
    expect(iso(localDateTimeToUtc('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00Z'); // → 03:30 EDT
    expect(iso(localDateTimeToUtc('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00Z'); // EDT, the first 01:30
    expect(iso(localDateTimeToUtc('2025-09-28', '02:30', 'Pacific/Auckland'))).toBe('2025-09-27T14:30:00Z'); // → 03:30 NZDT
    expect(iso(localDateTimeToUtc('2026-04-05', '02:30', 'Pacific/Auckland'))).toBe('2026-04-04T13:30:00Z'); // NZDT, the first 02:30
  });

  it('handles zones without DST and refuses bad input', () => {
    expect(iso(localDateTimeToUtc('2025-12-08', '10:00', 'Africa/Nairobi'))).toBe('2025-12-08T07:00:00Z');
    expect(() => localDateTimeToUtc('2025-12-08', '25:00', 'Africa/Nairobi')).toThrow(RangeError);
    expect(() => localDateTimeToUtc('2025-12-08', '10:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('utcToLocal', () => {
  it('reads an instant in several zones', () => {
    const instant = new Date('2025-11-14T11:30:00Z');
    expect(utcToLocal(instant, 'Pacific/Auckland')).toMatchObject({ date: '2025-11-15', time: '00:30', offsetMinutes: 780 });
    expect(utcToLocal(instant, 'America/New_York')).toMatchObject({ date: '2025-11-14', time: '06:30', offsetMinutes: -300 });
  });
});
