/**
 * `npm run sandbox [-- --port 3001 --empty --no-rate-limits --socket-mode]`
 * Try Concord without Slack: starts the Slack sandbox with the IOMC workspace, then Concord itself
 * (web + worker) against it, with the IOMC committee seeded (nine organizations, chair, secretariat,
 * focal points, the external OECD alternate, and the 35 real governing-body meetings) unless `--empty`,
 * which starts from a new empty database. Data lives in DATA_DIR/sandbox (or DATABASE_URL). When no Redis
 * answers and `redis-server` is installed, the sandbox runs a private one. Open the printed URL.
 * `--socket-mode` runs Concord in Socket Mode (SLACK_APP_TOKEN = the sandbox's app-level token).
 * Concord runs on a test clock (TEST_CLOCK=on), frozen until moved with the page's clock control.
 */
import { parseArgs } from 'node:util';
import { loadConfigForTools } from '../cli/tool-config.ts';
import { UserFacingStartupError } from '../errors.ts';
import { launchSandbox, type LaunchedSandbox } from './launch/launch.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3001' },
    empty: { type: 'boolean', default: false },
    'no-rate-limits': { type: 'boolean', default: false },
    'socket-mode': { type: 'boolean', default: false },
  },
});

const base = loadConfigForTools();
let launched: LaunchedSandbox;
try {
  launched = await launchSandbox({
    base: { ...base, logLevel: base.logLevel === 'info' ? 'warn' : base.logLevel },
    port: Number(values.port),
    empty: values.empty,
    rateLimits: !values['no-rate-limits'],
    socketMode: values['socket-mode'],
  });
} catch (err) {
  console.error(err instanceof UserFacingStartupError ? err.message : `The sandbox could not start Concord: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

const { sb, iomc, running, data, redis, seeded, testClock } = launched;
const name = (id: string) => sb.users().find((u) => u.id === id)?.realName ?? id;
console.log(`Concord is running against the Slack sandbox.

  Open ${sb.url} — you act as the secretariat (${name(iomc.secretariat)}) in #iocc; pick anyone else at the top.
  Try  /concord help,  /concord meetings all,  /concord member add @ (pick a person from the list)

  Workspace IOMC (${iomc.teamId}), channel #iocc. People:
    secretariat  ${name(iomc.secretariat)}
    chair        ${name(iomc.chair)}
    focal points one per organization (FAO, ILO, UNDP, UNEP, UNIDO, UNITAR, WHO, World Bank, OECD), in their duty-station time zones
    external     ${name(iomc.external)} (Slack Connect, OECD alternate: receives messages and clicks buttons, cannot type commands)
  ${values.empty ? 'The database is empty: start with  /concord setup "Committee name"  as the secretariat.' : `The IOMC committee is seeded with its nine organizations${seeded?.meetings ? ` and the real governing-body meetings (${seeded.meetings})` : ''}.`}
  Clock: ${testClock ? `Concord runs on a TEST CLOCK (TEST_CLOCK=on), frozen at ${testClock} until you move it with the page's clock panel (set, +1 h, +1 day, next reminder).` : 'this Concord serves no test clock (/test/clock answered nothing): it runs on the real time.'}
  Data: ${data.where}.
  Redis: ${redis.privateDir ? `a private redis-server for this run at ${redis.url} (none answered at REDIS_URL)` : 'REDIS_URL'}. Concord listens on port ${running.port}${values['socket-mode'] ? ' (health only: Slack traffic goes over Socket Mode)' : ''}. Ctrl+C stops everything.`);

const stop = (): void => {
  void launched.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
