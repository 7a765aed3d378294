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

/** Bolt's Logger interface over pino. Bolt logs strings; we pass them through at the same level. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level = child.level as LogLevel;
  return {
    debug: (...msg) => child.debug(msg.map(String).join(' ')),
    info: (...msg) => child.info(msg.map(String).join(' ')),
    warn: (...msg) => child.warn(msg.map(String).join(' ')),
    error: (...msg) => child.error(msg.map((m) => (m instanceof Error ? `${m.name}: ${m.message}` : String(m))).join(' ')),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** What may be logged of an error: its class and code, never its message (it can quote user text or SQL values). */
export function describeError(err: unknown): { errorName: string; errorCode?: string } {
  if (!(err instanceof Error)) return { errorName: typeof err };
  const code = (err as { code?: unknown }).code;
  return { errorName: err.name, ...(typeof code === 'string' ? { errorCode: code } : {}) };
}
