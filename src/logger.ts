/**
 * One root logger (pino). Log ids (team, user, job), never tokens, secrets, message text or payloads.
 * The redact list is a safety net, not a licence to log objects wholesale.
 */
import { pino, type Logger } from 'pino';
import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'concord' },
    redact: {
      paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'text', '*.text', 'blocks', '*.blocks', 'payload', '*.payload', 'body', '*.body'],
      censor: '[redacted]',
    },
  });
}

const BOLT_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
/** Longest line Bolt may log; its useful lines ("Slack API error: invalid_blocks") are short. */
const BOLT_LINE_MAX = 300;

/** Anything shaped like a Slack token or signature, in case a library line quotes one. */
const SECRET_SHAPES = /\b(?:xox[a-z]-[\w-]+|xapp-[\w-]+|v0=[0-9a-f]{16,})/gi;

/**
 * Bolt's Logger interface over pino, capped: Bolt, its WebClient and its Socket Mode client log whole
 * request and response bodies at debug (message text, trigger_ids, view contents), so their debug lines
 * are never emitted, whatever LOG_LEVEL says; Bolt's own level (setLevel) is honoured on top of pino's.
 * The remaining lines are short library messages; errors are reduced to their class and code.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level = 'info' as LogLevel; // Bolt's LogLevel values are these strings
  const emit = (at: Exclude<(typeof BOLT_LEVELS)[number], 'debug'>, msg: unknown[]) => {
    if (BOLT_LEVELS.indexOf(at) < BOLT_LEVELS.indexOf(level as (typeof BOLT_LEVELS)[number])) return;
    child[at](boltLine(msg));
  };
  return {
    debug: () => {},
    info: (...msg) => emit('info', msg),
    warn: (...msg) => emit('warn', msg),
    error: (...msg) => emit('error', msg),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function boltLine(msg: unknown[]): string {
  const parts = msg.map((m) => {
    if (m instanceof Error) {
      const { errorName, errorCode } = describeError(m);
      return errorCode ? `${errorName} (${errorCode})` : errorName;
    }
    return typeof m === 'string' ? m : '[object]';
  });
  const line = parts.join(' ').replace(SECRET_SHAPES, '[redacted]');
  return line.length > BOLT_LINE_MAX ? `${line.slice(0, BOLT_LINE_MAX)}…` : line;
}

/** What may be logged of an error: its class and code, never its message (it can quote user text or SQL values). */
export function describeError(err: unknown): { errorName: string; errorCode?: string } {
  if (!(err instanceof Error)) return { errorName: typeof err };
  const code = (err as { code?: unknown }).code;
  return { errorName: err.name, ...(typeof code === 'string' ? { errorCode: code } : {}) };
}
