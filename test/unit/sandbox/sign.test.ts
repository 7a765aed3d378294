/**
 * The driver's signer against the test vector of Slack's "Verifying requests from Slack" page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../../src/sandbox/index.ts';

describe('signRequest', () => {
  it('reproduces the docs test vector', () => {
    const body = readFileSync(new URL('../../fixtures/slack/signing_test_vector.body.txt', import.meta.url), 'utf8');
    expect(signRequest('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it('changes with one byte of the body', () => {
    expect(signRequest('s', 1, 'a=1')).not.toBe(signRequest('s', 1, 'a=2'));
  });
});
