/** The command parser and the organization service read organization codes by one rule (README: 2–16 letters, digits or -, any case). */
import { describe, expect, it } from 'vitest';
import { parseOrgCode } from '../../../src/slack/commands/args.ts';
import { normalizeOrgCode } from '../../../src/organizations/org-code.ts';
import { UserError } from '../../../src/errors.ts';

const TABLE: Array<[string, string | null]> = [
  ['WB', 'WB'],
  ['who', 'WHO'],
  ['Unitar', 'UNITAR'],
  ['CCM-ISU', 'CCM-ISU'],
  ['A1', 'A1'],
  ['12', '12'],
  ['ABCDEFGHIJKLMNOP', 'ABCDEFGHIJKLMNOP'],
  [' FAO ', 'FAO'],
  ['X', null],
  ['ABCDEFGHIJKLMNOPQ', null],
  ['--', null],
  ['W@B', null],
  ['FA O', null],
  ['ÉCO', null],
  ['W_B', null],
  ['', null],
];

function service(code: string): string | null {
  try {
    return normalizeOrgCode(code);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain('2–16 letters, digits or -');
    return null;
  }
}

describe('organization codes: parser and service agree', () => {
  it.each(TABLE)('%j → %s', (code, expected) => {
    const parsed = parseOrgCode(code);
    expect(parsed.ok ? parsed.value : null).toBe(expected);
    expect(service(code)).toBe(expected);
    if (!parsed.ok) expect(parsed.error).toContain('2–16 letters, digits or -');
  });
});
