/**
 * `npm run sandbox [-- --port 3001 --empty --no-rate-limits --socket-mode]`
 * Try Concord without Slack: starts the Slack sandbox with the IOMC workspace, then Concord itself
 * (web + worker) against it, with the IOMC committee seeded (nine organizations, chair, secretariat,
 * focal points) unless `--empty`. Data lives in DATA_DIR/sandbox (or DATABASE_URL). Open the printed URL.
 * `--socket-mode` runs Concord in Socket Mode (SLACK_APP_TOKEN = the sandbox's app-level token).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigForTools } from '../cli/tool-config.ts';
import { createLogger } from '../logger.ts';
import { UserFacingStartupError } from '../errors.ts';
import { startConcord } from '../runtime.ts';
import { openDatabase } from '../db/database.ts';
import { applyPendingMigrations } from '../db/migrate.ts';
import { seedIomc } from '../organizations/seed-iomc.ts';
import { loadIomcWorkspace, startSandbox } from './index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3001' },
    empty: { type: 'boolean', default: false },
    'no-rate-limits': { type: 'boolean', default: false },
    'socket-mode': { type: 'boolean', default: false },
  },
});

const SIGNING_SECRET = 'sandbox-signing-secret';
const BOT_TOKEN = 'xoxb-sandbox-org';

const base = loadConfigForTools();
const sb = await startSandbox({
  port: Number(values.port),
  signingSecret: SIGNING_SECRET,
  botToken: BOT_TOKEN,
  rateLimits: values['no-rate-limits'] ? false : undefined,
  socketMode: values['socket-mode'],
});
const iomc = loadIomcWorkspace(sb);
const config = {
  ...base,
  slackApiUrl: sb.apiUrl,
  slackBotToken: BOT_TOKEN,
  slackSigningSecret: SIGNING_SECRET,
  slackAppToken: values['socket-mode'] ? sb.appToken : undefined,
  role: 'all' as const,
  dataDir: base.databaseUrl ? base.dataDir : path.join(base.dataDir, 'sandbox'),
  logLevel: base.logLevel === 'info' ? ('warn' as const) : base.logLevel,
};

try {
  if (!values.empty) {
    const database = await openDatabase(config);
    try {
      await applyPendingMigrations(database);
      await seedIomc(database.prisma, {
        teamId: iomc.teamId,
        enterpriseId: '',
        channelId: iomc.channelId,
        secretariat: iomc.secretariat,
        chair: iomc.chair,
        focalPoints: iomc.focalPoints,
      });
    } finally {
      await database.close();
    }
  }
  const running = await startConcord(config, createLogger(config.logLevel));
  sb.setAppUrl(`http://127.0.0.1:${running.port}/slack/events`);
  const users = sb.users(iomc.teamId);
  const name = (id: string) => users.find((u) => u.id === id)?.realName ?? id;
  console.log(`Concord is running against the Slack sandbox.

  Open ${sb.url} — pick a person and #iocc, type a command such as  /concord help

  Workspace IOMC (${iomc.teamId}), channel #iocc. People:
    secretariat  ${name(iomc.secretariat)}
    chair        ${name(iomc.chair)}
    focal points one per organization (FAO, ILO, UNDP, UNEP, UNIDO, UNITAR, WHO, World Bank, OECD), in their duty-station time zones
    external     ${name(iomc.external)} (Slack Connect, shares no channel)
  ${values.empty ? 'The database is empty: start with  /concord setup "Committee name"  as the secretariat.' : 'The IOMC committee is seeded with its nine organizations (run with --empty to start from nothing).'}
  Data: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir}. Concord listens on port ${running.port}${values['socket-mode'] ? ' (health only: Slack traffic goes over Socket Mode)' : ''}. Ctrl+C stops both.`);

  const stop = (): void => {
    void running
      .close()
      .then(() => sb.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  await sb.close();
  console.error(err instanceof UserFacingStartupError ? err.message : `The sandbox could not start Concord: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
