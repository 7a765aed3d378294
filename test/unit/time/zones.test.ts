import { describe, expect, it } from 'vitest';
import { resolveZone } from '../../../src/time/zones.ts';
import { readFileSync } from 'node:fs';

const meetings = JSON.parse(readFileSync(new URL('../../../prisma/seed-data/meetings.json', import.meta.url), 'utf8')) as Array<{ city: string; timeZone: string }>;

describe('resolveZone', () => {
  it.each([
    ['Europe/Zurich', 'Europe/Zurich'],
    ['europe/zurich', 'Europe/Zurich'],
    ['  EUROPE/ZURICH ', 'Europe/Zurich'],
    ['Asia/Vientiane', 'Asia/Vientiane'],
    ['asia/phnom_penh', 'Asia/Phnom_Penh'],
    ['Africa/Harare', 'Africa/Harare'],
    ['Europe/Amsterdam', 'Europe/Amsterdam'],
    ['America/Toronto', 'America/Toronto'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['UTC', 'UTC'],
  ])('accepts the IANA name %j as %s (links included, any case)', (input, zone) => {
    expect(resolveZone(input)).toEqual({ ok: true, zone });
  });

  it('accepts every zone used by the meetings fixture', () => {
    for (const m of meetings) expect(resolveZone(m.timeZone)).toEqual({ ok: true, zone: m.timeZone });
  });

  it.each([
    ['Geneva', 'Europe/Zurich'],
    ['Bonn', 'Europe/Berlin'],
    ['Montreal', 'America/Toronto'],
    ['Ottawa', 'America/Toronto'],
    ['Washington', 'America/New_York'],
    ['Washington, D.C.', 'America/New_York'],
    ['The Hague', 'Europe/Amsterdam'],
    ['Punta del Este', 'America/Montevideo'],
    ['Vientiane', 'Asia/Vientiane'],
    ['Belém', 'America/Belem'],
    ['Europe/Geneva', 'Europe/Zurich'],
    ['Europe/Zurik', 'Europe/Zurich'],
    ['Genva', 'Europe/Zurich'],
    ['America/New York', 'America/New_York'],
  ])('refuses %j and suggests %s', (input, suggestion) => {
    const result = resolveZone(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.suggestion).toBe(suggestion);
      expect(result.message).toContain(`Did you mean ${suggestion}?`);
    }
  });

  it('suggests a zone for every venue city and duty station in the fixtures', () => {
    const cities = [...meetings.map((m) => [m.city, m.timeZone]), ['New York', 'America/New_York'], ['Vienna', 'Europe/Vienna'], ['Paris', 'Europe/Paris'], ['Rome', 'Europe/Rome']];
    for (const [city, zone] of cities) {
      const result = resolveZone(city!);
      expect(result.ok ? 'accepted' : result.suggestion, city).toBe(zone);
    }
  });

  it.each(['UTC+2', 'utc+02:00', 'GMT-5', '+02:00', 'Etc/GMT-2'])('refuses the offset %j', (input) => {
    const result = resolveZone(input);
    expect(result).toMatchObject({ ok: false, reason: 'offset' });
  });

  it.each([
    ['CET', 'Europe/Zurich'],
    ['CEST', 'Europe/Zurich'],
    ['EST', 'America/New_York'],
    ['EAT', 'Africa/Nairobi'],
  ])('refuses the abbreviation %j (which ICU would accept) and suggests %s', (input, suggestion) => {
    expect(resolveZone(input)).toMatchObject({ ok: false, reason: 'abbreviation', suggestion });
  });

  it('refuses nonsense without a suggestion, and empty input', () => {
    const nonsense = resolveZone('Nowhere/Special');
    expect(nonsense).toMatchObject({ ok: false, reason: 'unknown' });
    expect('suggestion' in nonsense).toBe(false);
    expect(resolveZone('   ')).toMatchObject({ ok: false, reason: 'empty' });
  });
});
