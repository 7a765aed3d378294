/**
 * Slack-shaped identifiers: message `ts` ("1732260000.000100", unique and increasing), view ids
 * (V…), file ids (F…), DM ids (D…), event ids (Ev…), trigger ids ("13345224609.738474920.8088…").
 */
import { randomBytes } from 'node:crypto';
import type { Now } from './clock.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Random uppercase alphanumerics, as in Slack ids after their prefix. */
export function randomId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** Lowercase hex of `bytes` random bytes. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Makes message timestamps from the clock, bumped by 1 µs whenever two would collide. */
export class TsFactory {
  private lastMicros = 0;

  constructor(private readonly now: Now) {}

  next(): string {
    let micros = Math.floor(this.now()) * 1000;
    if (micros <= this.lastMicros) micros = this.lastMicros + 1;
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    const fraction = String(micros % 1_000_000).padStart(6, '0');
    return `${seconds}.${fraction}`;
  }
}

/** A trigger id shaped like Slack's: `<digits>.<digits>.<hex>`. */
export function triggerId(nowMs: number): string {
  const a = String(Math.floor(nowMs / 1000)) + String(Math.floor(Math.random() * 10));
  const b = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  return `${a}.${b}.${randomHex(16)}`;
}

/** A view hash shaped like Slack's: `<seconds>.<8 chars>`. */
export function viewHash(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}.${randomBytes(6).toString('base64url').slice(0, 8)}`;
}
