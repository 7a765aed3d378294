import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter, previousWorkingDayOnOrBefore } from '../../../src/time/working-days.ts';

describe('working days (Mon–Fri)', () => {
  it('knows weekends', () => {
    expect(isWorkingDay('2025-11-14')).toBe(true); // Fri
    expect(isWorkingDay('2025-11-15')).toBe(false); // Sat
    expect(isWorkingDay('2025-11-16')).toBe(false); // Sun
    expect(isWorkingDay('2025-11-17')).toBe(true); // Mon
  });

  it('finds the next and previous working day', () => {
    expect(nextWorkingDayOnOrAfter('2025-11-15')).toBe('2025-11-17');
    expect(nextWorkingDayOnOrAfter('2025-11-14')).toBe('2025-11-14');
    expect(previousWorkingDayOnOrBefore('2025-11-16')).toBe('2025-11-14');
  });

  it('counts the silence procedure: 5 working days from a Thursday ends the next Thursday', () => {
    expect(addWorkingDays('2025-11-13', 5)).toBe('2025-11-20');
  });

  it('counts "every 3 working days" across a weekend', () => {
    const first = addWorkingDays('2025-11-13', 3); // Thu → Tue
    expect(first).toBe('2025-11-18');
    expect(addWorkingDays(first, 3)).toBe('2025-11-21');
    expect(addWorkingDays('2025-11-15', 1)).toBe('2025-11-17'); // from a Saturday
  });

  it('counts backwards, and honours holidays', () => {
    expect(addWorkingDays('2025-11-17', -1)).toBe('2025-11-14');
    expect(addWorkingDays('2025-12-24', 1, { holidays: new Set(['2025-12-25', '2025-12-26']) })).toBe('2025-12-29');
  });
});
