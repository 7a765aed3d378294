/**
 * Slack's v0 request signature (DOC https://docs.slack.dev/authentication/verifying-requests-from-slack):
 * `'v0=' + hex(HMAC_SHA256(signing_secret, 'v0:' + timestamp + ':' + raw_body))`.
 *
 * @example
 *   signRequest('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)
 *   // → 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503' for the docs' test body
 */
import { createHmac } from 'node:crypto';

export function signRequest(signingSecret: string, timestampSec: number | string, rawBody: string): string {
  const hmac = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`);
  return `v0=${hmac.digest('hex')}`;
}
