import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from '../../../src/util/did-you-mean.ts';
import { resolveZone } from '../../../src/time/zones.ts';

const SUBCOMMANDS = ['help', 'setup', 'org', 'member', 'members', 'role', 'whoami', 'meeting', 'meetings', 'deadline', 'deadlines', 'assign', 'followups', 'followup', 'done', 'snooze', 'cancel', 'reassign', 'record', 'records', 'export', 'digest', 'calendar'];
const ORGS = ['FAO', 'ILO', 'UNDP', 'UNEP', 'UNIDO', 'UNITAR', 'WHO', 'WB', 'OECD'];

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['org', 'ogr', 1],
    ['members', 'memebrs', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
    ['👩🏽', '👩', 1],
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('didYouMean', () => {
  it.each([
    ['ogr', SUBCOMMANDS, 'org'],
    ['memebrs', SUBCOMMANDS, 'members'],
    ['UNPD', ORGS, 'UNDP'],
    ['unpd', ORGS, 'UNDP'],
    ['FOA', ORGS, 'FAO'],
    ['hlep', SUBCOMMANDS, 'help'],
    ['calender', SUBCOMMANDS, 'calendar'],
    ['dealines', SUBCOMMANDS, 'deadlines'],
    ['whoamI', SUBCOMMANDS, 'whoami'],
  ])('%s → %s', (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });

  it('returns an exact case-insensitive match in the candidate’s spelling', () => {
    expect(didYouMean('fao', ORGS)).toBe('FAO');
  });

  it('prefers a prefix match, the shortest one', () => {
    expect(didYouMean('meet', SUBCOMMANDS)).toBe('meeting');
    expect(didYouMean('cal', SUBCOMMANDS)).toBe('calendar');
    expect(didYouMean('UNI', ORGS)).toBe('UNIDO');
  });

  it('compares multi-word candidates with spaces normalized', () => {
    expect(didYouMean('org  ad', ['org add', 'org list'])).toBe('org add');
    expect(didYouMean('meting add', ['meeting add', 'meetings'])).toBe('meeting add');
  });

  it('suggests nothing when nothing is close', () => {
    expect(didYouMean('xyz', SUBCOMMANDS)).toBeUndefined();
    expect(didYouMean('', SUBCOMMANDS)).toBeUndefined();
    expect(didYouMean('   ', SUBCOMMANDS)).toBeUndefined();
    expect(didYouMean('ABCD', ORGS)).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });

  it('scales the threshold with length and honours max', () => {
    expect(didYouMean('rcrods', SUBCOMMANDS)).toBe('records');
    expect(didYouMean('rcrods', SUBCOMMANDS, { max: 1 })).toBeUndefined();
    expect(didYouMean('UNEEP', ORGS, { max: 0 })).toBeUndefined();
  });

  it('keeps candidate order on ties', () => {
    expect(didYouMean('UNXP', ['UNDP', 'UNEP'])).toBe('UNDP');
    expect(didYouMean('UNXP', ['UNEP', 'UNDP'])).toBe('UNEP');
  });

  it('stays cheap for pasted text', () => {
    expect(didYouMean('x'.repeat(4_000), SUBCOMMANDS)).toBeUndefined();
  });
});

describe('closestMatch (time zones and cities): the same distance and threshold as didYouMean', () => {
  const ZONES = ['europe/zurich', 'europe/vienna', 'america/new_york', 'africa/nairobi'];

  it('suggests within the threshold of the input length, and not beyond', () => {
    expect(closestMatch('europe/zurik', ZONES)).toBe('europe/zurich');
    expect(closestMatch('africa/nairbio', ZONES)).toBe('africa/nairobi'); // a swap of two neighbours counts once
    expect(closestMatch('europe/zxxxxx', ZONES)).toBeUndefined();
    expect(closestMatch('x'.repeat(4_000), ZONES)).toBeUndefined();
  });

  it.each([
    ['UNPD', ['UNDP', 'UNEP']],
    ['rcrods', ['records', 'record']],
    ['calender', ['calendar']],
    ['qqqqqqqq', ['calendar']],
  ])('agrees with didYouMean on %s beyond exact and prefix matches', (input, candidates) => {
    expect(closestMatch(input, candidates)).toBe(didYouMean(input, candidates));
  });

  it('is what a misspelt time zone gets as "did you mean"', () => {
    expect(resolveZone('Europe/Zurik')).toMatchObject({ ok: false, suggestion: 'Europe/Zurich' });
    expect(resolveZone('Africa/Nairbio')).toMatchObject({ ok: false, suggestion: 'Africa/Nairobi' });
  });
});
