/**
 * Slack request signing, v0 (https://docs.slack.dev/authentication/verifying-requests-from-slack).
 * Stricter than Bolt's check: timestamps more than 5 minutes in the future are refused too,
 * as the docs' `abs(now - ts) > 300` says (slack-platform.md §2).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_SKEW_SECONDS = 300;

export function computeSignature(secret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch' };

export function checkSignature(opts: {
  secret: string;
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: string;
  nowSeconds: number;
}): SignatureCheck {
  const { signature, timestamp } = opts;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp) || !/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed' };
  const ts = Number(timestamp);
  if (ts < opts.nowSeconds - MAX_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  if (ts > opts.nowSeconds + MAX_SKEW_SECONDS) return { ok: false, reason: 'future' };
  const expected = Buffer.from(computeSignature(opts.secret, timestamp, opts.rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
