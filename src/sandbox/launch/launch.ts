/**
 * `npm run sandbox` as a function (the CLI prints; tests call it): Redis (the configured one or a private
 * one), the Slack sandbox with the IOMC workspace, Concord's data (seeded, or a fresh empty database with
 * `empty`), then Concord itself — web and worker — pointed at the sandbox. The page opens as the
 * secretariat in #iocc. `close()` stops all of it and removes whatever was temporary.
 */
import type { Config } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { applyPendingMigrations } from '../../db/migrate.ts';
import { createLogger } from '../../logger.ts';
import { startConcord, type RunningConcord } from '../../runtime.ts';
import { startSandbox, type Sandbox } from '../sandbox.ts';
import { loadIomcWorkspace, type IomcWorkspace } from '../seed-workspace.ts';
import { testClockClient } from '../ui/test-clock-client.ts';
import { sandboxRedis, type SandboxRedis } from './private-redis.ts';
import { sandboxData, type SandboxData } from './sandbox-data.ts';
import { seedSandboxConcord, type SeededConcord } from './seed-concord.ts';

export const SANDBOX_SIGNING_SECRET = 'sandbox-signing-secret';
export const SANDBOX_BOT_TOKEN = 'xoxb-sandbox-org';

export interface LaunchOptions {
  /** Settings from the environment (database, Redis, PORT, log level). */
  base: Config;
  /** The sandbox page's port (0: any free one). */
  port: number;
  empty?: boolean;
  rateLimits?: boolean;
  socketMode?: boolean;
  /** For tests: the Redis server binary to start when none answers. */
  redisBinary?: string;
}

export interface LaunchedSandbox {
  sb: Sandbox;
  iomc: IomcWorkspace;
  running: RunningConcord;
  data: SandboxData;
  redis: SandboxRedis;
  /** Absent with `empty`. */
  seeded?: SeededConcord;
  /** Concord's test-clock time at start (ISO), or undefined when this Concord serves no `/test/clock`. */
  testClock?: string;
  close(): Promise<void>;
}

export async function launchSandbox(o: LaunchOptions): Promise<LaunchedSandbox> {
  const undo: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const step of undo.reverse()) await step().catch(() => {});
  };
  try {
    const redis = await sandboxRedis(o.base.redisUrl, o.redisBinary);
    undo.push(() => redis.stop());
    const sb = await startSandbox({
      port: o.port,
      signingSecret: SANDBOX_SIGNING_SECRET,
      botToken: SANDBOX_BOT_TOKEN,
      rateLimits: o.rateLimits === false ? false : undefined,
      socketMode: o.socketMode,
    });
    undo.push(() => sb.close());
    const iomc = loadIomcWorkspace(sb);
    sb.setUiStart({ userId: iomc.secretariat, channelId: iomc.channelId });
    const data = await sandboxData(o.base, o.empty ?? false);
    undo.push(() => data.discard());
    const config: Config = withTestClock({
      ...o.base,
      slackApiUrl: sb.apiUrl,
      slackBotToken: SANDBOX_BOT_TOKEN,
      slackSigningSecret: SANDBOX_SIGNING_SECRET,
      slackAppToken: o.socketMode ? sb.appToken : undefined,
      role: 'all',
      databaseUrl: data.databaseUrl,
      dataDir: data.dataDir,
      redisUrl: redis.url,
    });
    let seeded: SeededConcord | undefined;
    if (!o.empty) {
      const database = await openDatabase(config);
      try {
        await applyPendingMigrations(database);
        seeded = await seedSandboxConcord(database.prisma, iomc);
      } finally {
        await database.close();
      }
    }
    const running = await startConcord(config, createLogger(config.logLevel));
    undo.push(() => running.close());
    sb.setAppUrl(`http://127.0.0.1:${running.port}/slack/events`);
    const testClock = await testClockClient(sb.appUrl).now().catch(() => undefined);
    return { sb, iomc, running, data, redis, seeded, testClock, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** TEST_CLOCK=on: Concord reads its time from the clock the sandbox page moves. */
function withTestClock(config: Config): Config {
  return { ...config, testClock: true } as Config;
}
