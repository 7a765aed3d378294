/**
 * The only reader of process.env. Validates every setting at startup and reports all problems at once.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z
  .object({
    SLACK_BOT_TOKEN: z.string({ error: 'is required (the bot token, xoxb-…)' }).min(1, 'is required (the bot token, xoxb-…)'),
    SLACK_SIGNING_SECRET: z.string().optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-/, 'must be an app-level token starting with xapp-')
      .optional(),
    SLACK_API_URL: z.url({ error: 'must be a URL such as https://slack.com/api/' }).default('https://slack.com/api/'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL (leave it unset for the embedded database)')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1 to 40 letters, digits, _ or -').default('concord'),
    PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
    SLACK_COMMAND: z.string().regex(/^\/[a-z0-9_-]{1,31}$/, 'must look like /concord (a slash, then up to 31 lowercase letters, digits, - or _)').default('/concord'),
    ROLE: z.enum(['all', 'web', 'worker'], { error: 'must be all, web or worker' }).default('all'),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    PUBLIC_URL: z.url({ error: 'must be a URL such as https://concord.example.org' }).optional(),
    TEST_CLOCK: z.enum(['on', 'off'], { error: 'must be on or off' }).default('off'),
    DELIVERY_LEASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(3, 'must be at least 3').max(3600).default(60),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(1, 'must be at least 1').max(300).default(10),
  });

export interface Config {
  slackBotToken: string;
  slackSigningSecret?: string;
  slackAppToken?: string;
  slackApiUrl: string;
  databaseUrl?: string;
  dataDir: string;
  redisUrl: string;
  /** Prefix of every Redis key and queue: several Concord instances can share one Redis. */
  redisPrefix: string;
  port: number;
  slackCommand: string;
  role: 'all' | 'web' | 'worker';
  logLevel: (typeof LOG_LEVELS)[number];
  /** Base URL users reach the app at (for calendar feed links); defaults to http://localhost:PORT. */
  publicUrl: string;
  /**
   * How long a message may stay "sending" before another worker takes it over (a worker died mid-post).
   * Slack calls of the delivery worker time out after a third of it, so a live worker never loses its lease.
   */
  deliveryLeaseMs: number;
  /** On SIGTERM/SIGINT: how long in-flight requests and jobs may take to finish before they are cut off. */
  shutdownGraceMs: number;
  /** A movable clock for trying and testing time (reminders, digests); never with Slack's real API. */
  testClock: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Concord cannot start; fix these settings (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Empty strings count as unset, as in most .env files. */
function clean(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = clean(env);
  const parsed = schema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`);
  // Checked on the raw values so that it is reported together with every other problem.
  if (!raw.SLACK_APP_TOKEN && !raw.SLACK_SIGNING_SECRET && raw.ROLE !== 'worker') {
    problems.push('SLACK_SIGNING_SECRET is required in HTTP mode (set SLACK_APP_TOKEN for Socket Mode instead)');
  }
  if (raw.TEST_CLOCK === 'on' && /^https:\/\/([a-z0-9-]+\.)*slack\.com\//i.test(raw.SLACK_API_URL ?? 'https://slack.com/api/')) {
    problems.push('TEST_CLOCK=on is only for the sandbox and tests: set SLACK_API_URL to a stand-in (npm run sandbox), not Slack itself');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const apiUrl = e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`;
  return {
    slackBotToken: e.SLACK_BOT_TOKEN,
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    slackAppToken: e.SLACK_APP_TOKEN,
    slackApiUrl: apiUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    port: e.PORT,
    slackCommand: e.SLACK_COMMAND,
    role: e.ROLE,
    logLevel: e.LOG_LEVEL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    deliveryLeaseMs: e.DELIVERY_LEASE_SECONDS * 1000,
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    testClock: e.TEST_CLOCK === 'on',
  };
}

/** For command-line tools (seed, import, migrate) that use only the database settings: no Slack tokens needed. */
export function loadToolConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig({ SLACK_BOT_TOKEN: 'unused-by-tools', SLACK_SIGNING_SECRET: 'unused-by-tools', ...env });
}

/** Reads `./.env` into the environment when the file exists; variables already set win over the file. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
