import { describe, expect, it } from 'vitest';
import { parseTimeOfDay } from '../../../src/time/parse-time.ts';
import { parseDuration } from '../../../src/time/parse-duration.ts';

describe('parseTimeOfDay', () => {
  it.each([
    ['14:30', '14:30'],
    ['9:00', '09:00'],
    ['09:05', '09:05'],
    ['14h30', '14:30'],
    ['2pm', '14:00'],
    ['2:30 pm', '14:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
  ])('%j → %s', (text, time) => {
    expect(parseTimeOfDay(text)).toMatchObject({ ok: true, time });
  });

  it.each(['24:00', '14:60', '2.5', 'noon-ish', ''])('refuses %j', (text) => {
    expect(parseTimeOfDay(text).ok).toBe(false);
  });
});

describe('parseDuration', () => {
  it.each(['constructor days', '2 constructor', '__proto__ weeks', 'toString'])('does not read object internals in %j as a number or unit', (text) => {
    expect(parseDuration(text).ok).toBe(false);
  });

  it.each([
    ['3d', 3, 'day'],
    ['2w', 2, 'week'],
    ['1 week', 1, 'week'],
    ['10 days', 10, 'day'],
    ['two weeks', 2, 'week'],
    ['in 3 days', 3, 'day'],
    ['1 month', 1, 'month'],
  ] as const)('%j → %i %s', (text, amount, unit) => {
    expect(parseDuration(text)).toEqual({ ok: true, duration: { amount, unit } });
  });

  it.each(['3m', '0d', 'soon', '3', '500 days'])('refuses %j', (text) => {
    expect(parseDuration(text).ok).toBe(false);
  });
});
