/**
 * `npm run sandbox [-- --port 3100 --app-url http://127.0.0.1:3000/slack/events]`
 * Starts the sandbox with the IOMC workspace and prints how to point Concord at it.
 * Reads command-line flags only (config.ts stays the only reader of process.env).
 */
import { parseArgs } from 'node:util';
import { loadIomcWorkspace, startSandbox } from './index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3100' },
    'app-url': { type: 'string', default: 'http://127.0.0.1:3000/slack/events' },
    'signing-secret': { type: 'string', default: 'sandbox-signing-secret' },
    'bot-token': { type: 'string', default: 'xoxb-sandbox-org' },
    'no-rate-limits': { type: 'boolean', default: false },
  },
});

const sb = await startSandbox({
  port: Number(values.port),
  appUrl: values['app-url'],
  signingSecret: values['signing-secret'],
  botToken: values['bot-token'],
  rateLimits: values['no-rate-limits'] ? false : undefined,
});
const iomc = loadIomcWorkspace(sb);

console.log(`Slack sandbox ready.

  UI:          ${sb.url}
  Web API:     ${sb.apiUrl}
  App URL:     ${sb.appUrl}   (where slash commands, actions and events are sent)

Start Concord against it in another terminal:

  SLACK_API_URL=${sb.apiUrl} SLACK_BOT_TOKEN=${sb.botToken} SLACK_SIGNING_SECRET=${sb.signingSecret} npm start

Workspace ${iomc.teamId} (#iocc = ${iomc.channelId}); chair ${iomc.chair}, secretariat ${iomc.secretariat},
external Slack Connect user ${iomc.external}. Press Ctrl+C to stop.`);

const stop = (): void => {
  void sb.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
