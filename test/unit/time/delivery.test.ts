import { describe, expect, it } from 'vitest';
import { deliveryDate, deliveryInstant } from '../../../src/time/delivery.ts';
import { shiftLocalDate } from '../../../src/time/calendar-math.ts';

const iso = (d: Date) => d.toISOString().replace('.000', '');

describe('deliveryInstant: 09:00 on a working day in the recipient zone', () => {
  it('delivers at 09:00 local, whatever the DST state', () => {
    expect(iso(deliveryInstant('2025-03-28', 'Europe/Zurich'))).toBe('2025-03-28T08:00:00Z'); // Fri, CET
    expect(iso(deliveryInstant('2025-03-31', 'Europe/Zurich'))).toBe('2025-03-31T07:00:00Z'); // Mon, CEST
    expect(iso(deliveryInstant('2025-11-14', 'America/New_York'))).toBe('2025-11-14T14:00:00Z');
    expect(iso(deliveryInstant('2025-11-14', 'Pacific/Auckland'))).toBe('2025-11-13T20:00:00Z');
  });

  it('moves a weekend date to the preceding Friday so "before" reminders are never late', () => {
    expect(deliveryDate('2025-11-15')).toBe('2025-11-14');
    expect(deliveryDate('2025-11-16')).toBe('2025-11-14');
    expect(iso(deliveryInstant('2025-11-16', 'Europe/Zurich'))).toBe('2025-11-14T08:00:00Z');
  });

  it('moves a weekend date to Monday for reminders after the fact, and keeps it when weekends are allowed', () => {
    expect(deliveryDate('2025-11-15', { weekend: 'next' })).toBe('2025-11-17');
    expect(deliveryDate('2025-11-15', { workingDaysOnly: false })).toBe('2025-11-15');
  });

  it('schedules the "7 days before" reminder of 13MSP at 09:00 Geneva time', () => {
    const day = shiftLocalDate('2025-09-16', { amount: 7, unit: 'day', direction: 'before' }); // Tue 9 Sep
    expect(iso(deliveryInstant(day, 'Europe/Zurich'))).toBe('2025-09-09T07:00:00Z');
  });

  it('moves a delivery time in the DST gap forward and takes the earlier of a repeated time', () => {
    // Mon 2025-03-31 does not have a gap, so use the DST Sunday with weekends allowed.
    const gap = deliveryInstant('2025-03-30', 'Europe/Zurich', { hour: 2, minute: 30 }, { workingDaysOnly: false });
    expect(iso(gap)).toBe('2025-03-30T01:30:00Z');
    const overlap = deliveryInstant('2025-10-26', 'Europe/Zurich', { hour: 2, minute: 30 }, { workingDaysOnly: false });
    expect(iso(overlap)).toBe('2025-10-26T00:30:00Z');
  });
});
