import { describe, expect, it } from 'vitest';
import { daysUntil, formatDateRange, formatInstantInZone, formatLocalDate } from '../../../src/time/format.ts';
import { localDateTimeToUtc } from '../../../src/time/wall-time.ts';

describe('format', () => {
  it('formats dates and ranges', () => {
    expect(formatLocalDate('2025-04-28')).toBe('Mon 28 Apr 2025');
    expect(formatLocalDate('2025-09-16')).toBe('Tue 16 Sep 2025');
    expect(formatDateRange('2025-04-28', '2025-05-09')).toBe('28 Apr – 9 May 2025');
    expect(formatDateRange('2025-09-16', '2025-09-19')).toBe('16–19 Sep 2025');
    expect(formatDateRange('2024-11-25', '2024-12-01')).toBe('25 Nov – 1 Dec 2024');
    expect(formatDateRange('2025-12-29', '2026-01-02')).toBe('29 Dec 2025 – 2 Jan 2026');
    expect(formatDateRange('2026-02-07', '2026-02-07')).toBe('7 Feb 2026');
  });

  it('formats an instant in a zone with its abbreviation', () => {
    const opening = localDateTimeToUtc('2025-09-16', '10:00', 'Europe/Zurich');
    expect(formatInstantInZone(opening, 'Europe/Zurich')).toBe('Tue 16 Sep 2025, 10:00 CEST (Europe/Zurich)');
    expect(formatInstantInZone(opening, 'America/New_York')).toBe('Tue 16 Sep 2025, 04:00 EDT (America/New_York)');
    expect(formatInstantInZone(opening, 'Africa/Nairobi')).toBe('Tue 16 Sep 2025, 11:00 UTC+3 (Africa/Nairobi)');
    expect(formatInstantInZone(localDateTimeToUtc('2025-11-03', '10:00', 'Europe/Zurich'), 'Europe/Zurich')).toBe('Mon 3 Nov 2025, 10:00 CET (Europe/Zurich)');
    expect(formatInstantInZone(opening, 'UTC')).toBe('Tue 16 Sep 2025, 08:00 UTC');
    expect(formatInstantInZone(new Date('2025-01-10T10:00:00Z'), 'Europe/London')).toBe('Fri 10 Jan 2025, 10:00 GMT (Europe/London)');
  });

  it('keeps a date-only meeting in Nairobi on 8–12 Dec for a viewer in New York', () => {
    // Date-only meetings are calendar dates, never instants: no zone conversion can move them.
    expect(formatDateRange('2025-12-08', '2025-12-12')).toBe('8–12 Dec 2025');
    const lateEveningInNewYork = new Date('2025-12-08T04:30:00Z'); // 23:30 on 7 Dec in New York, 07:30 on 8 Dec in Nairobi
    expect(daysUntil('2025-12-08', 'America/New_York', lateEveningInNewYork)).toBe(1);
    expect(daysUntil('2025-12-08', 'Africa/Nairobi', lateEveningInNewYork)).toBe(0);
  });

  it('counts days until a date in the viewer zone', () => {
    const now = new Date('2025-11-14T11:30:00Z');
    expect(daysUntil('2025-11-15', 'Pacific/Auckland', now)).toBe(0);
    expect(daysUntil('2025-11-15', 'America/New_York', now)).toBe(1);
    expect(daysUntil('2025-11-10', 'America/New_York', now)).toBe(-4);
  });
});
