/**
 * The baseline of `bench/side-by-side.ts` and `bench/followups.ts`: a bare Bolt app as its documentation
 * writes one — Bolt's defaults (HTTP receiver, conversation store, ignoreSelf) — that acks `/concord` with
 * a constant and ignores `app_home_opened`. Same signing secret as Concord.
 * Env: PORT, SLACK_SIGNING_SECRET, SLACK_COMMAND (default /concord).
 */
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  // A constant token: no auth.test call, nothing but the receiver and the listener is measured.
  authorize: async () => ({ botToken: 'xoxb-bare', botId: 'B0BARE', botUserId: 'U0BARE' }),
  logLevel: LogLevel.ERROR,
});
app.command(process.env.SLACK_COMMAND ?? '/concord', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'Overdue follow-ups: none (constant).' });
});
app.event('app_home_opened', async () => {});
await app.start(Number(process.env.PORT));
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
