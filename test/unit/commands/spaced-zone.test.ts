/** Issue 13.9: `tz:New York` gets the did-you-mean `tz:Geneva` gets, and a hint to quote it. */
import { describe, expect, it } from 'vitest';
import { takeOptions } from '../../../src/slack/commands/args.ts';
import { tokenize } from '../../../src/slack/commands/tokenize.ts';

function options(text: string) {
  const t = tokenize(text);
  if (!t.ok) throw new Error(t.error);
  return takeOptions(t.tokens, ['tz', 'at']);
}

describe('a time zone typed with a space', () => {
  it.each([
    ['WB "World Bank" tz:New York', 'New York', 'America/New_York'],
    ['"IOCC call" 2028-03-07 tz:Buenos Aires', 'Buenos Aires', 'America/Argentina/Buenos_Aires'],
    ['"Call" 2028-03-07 tz:America/New York at:"UN HQ"', 'America/New York', 'America/New_York'],
  ])('%s → did you mean, and quote it', (text, typed, zone) => {
    const r = options(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain(`“${typed}” is not a time zone I know. Did you mean ${zone}?`);
    expect(r.error).toContain(`tz:"${typed}"`);
    expect(r.suggestion).toBe(`tz:${zone}`);
  });

  it('leaves a valid zone followed by other words alone, and a quoted zone with a space to the zone check', () => {
    expect(options('"Call" tz:Europe/Zurich next Tuesday')).toMatchObject({ ok: true, rest: [{ text: 'Call' }, { text: 'next' }, { text: 'Tuesday' }] });
    expect(options('"Call" tz:"New York"')).toMatchObject({ ok: true, options: { tz: { text: 'New York' } } });
  });

  it('does not guess when the words after the zone make no zone', () => {
    expect(options('"Call" tz:Genva 2028-03-07')).toMatchObject({ ok: true });
  });
});
