/** The sandbox page's test-clock reading (viewer's zone and UTC) and its "set" field. */
import { describe, expect, it } from 'vitest';
import { describeClock, instantFromInput } from '../../../src/sandbox/ui/clock-format.ts';

describe('describeClock', () => {
  it('shows the instant in the acting person’s zone and in UTC', () => {
    expect(describeClock('2027-03-03T06:00:00.000Z', 'Europe/Zurich')).toEqual({
      iso: '2027-03-03T06:00:00.000Z',
      zone: 'Europe/Zurich',
      local: 'Wed 3 Mar 2027, 07:00 Europe/Zurich (UTC+01)',
      utc: 'Wed 3 Mar 2027, 06:00 UTC',
      input: '2027-03-03T07:00',
    });
    expect(describeClock('2027-03-03T06:00:00.000Z', 'America/New_York').local).toBe('Wed 3 Mar 2027, 01:00 America/New_York (UTC-05)');
    expect(describeClock('2027-03-03T06:00:00.000Z', 'Asia/Kolkata').local).toBe('Wed 3 Mar 2027, 11:30 Asia/Kolkata (UTC+05:30)');
    expect(describeClock('2027-03-29T07:00:00Z', 'Europe/Zurich').local).toBe('Mon 29 Mar 2027, 09:00 Europe/Zurich (UTC+02)');
  });

  it('falls back to UTC for a person without a zone, and refuses a non-instant', () => {
    expect(describeClock('2027-03-03T06:00:00Z', undefined).local).toBe('Wed 3 Mar 2027, 06:00 UTC');
    expect(describeClock('2027-03-03T06:00:00Z', 'Mars/Olympus').zone).toBe('UTC');
    expect(() => describeClock('tomorrow', 'UTC')).toThrow('not an ISO 8601 instant');
  });
});

describe('instantFromInput', () => {
  it('reads a local date-time in the acting person’s zone, across the spring DST change', () => {
    expect(instantFromInput('2027-03-26T09:00', 'Europe/Zurich')).toBe('2027-03-26T08:00:00Z');
    expect(instantFromInput('2027-03-29 09:00', 'Europe/Zurich')).toBe('2027-03-29T07:00:00Z');
    expect(instantFromInput('2027-03-03T09:00', 'Africa/Nairobi')).toBe('2027-03-03T06:00:00Z');
    expect(instantFromInput('2027-03-03', 'UTC')).toBe('2027-03-03T00:00:00Z');
  });

  it('takes an instant with an offset as it is', () => {
    expect(instantFromInput('2027-03-03T06:00:00Z', 'Europe/Zurich')).toBe('2027-03-03T06:00:00Z');
    expect(instantFromInput('2027-03-03T09:00+03:00', 'Europe/Zurich')).toBe('2027-03-03T06:00:00Z');
  });

  it('refuses empty, malformed and non-existent local times with a clear message', () => {
    expect(() => instantFromInput('  ', 'UTC')).toThrow('Type a date and time');
    expect(() => instantFromInput('next monday', 'Europe/Zurich')).toThrow('"next monday" is not a date and time; use the form 2027-03-03 09:00 (in Europe/Zurich).');
    expect(() => instantFromInput('2027-02-30T09:00', 'UTC')).toThrow('is not a date and time');
    expect(() => instantFromInput('2027-03-28T02:30', 'Europe/Zurich')).toThrow('2027-03-28 02:30 does not exist in Europe/Zurich');
  });
});
