/**
 * A tiny real Bolt app (HTTPReceiver, signature verification on) used to prove the driver speaks
 * Slack's wire format and that Bolt's WebClient and respond() work against the sandbox.
 */
import { App, LogLevel } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '../../../src/sandbox/index.ts';

const plain = (text: string) => ({ type: 'plain_text' as const, text });

export const MEETING_VIEW = {
  type: 'modal' as const,
  callback_id: 'meeting',
  title: plain('New meeting'),
  submit: plain('Create'),
  close: plain('Cancel'),
  notify_on_close: true,
  private_metadata: 'committee=iocc',
  blocks: [
    { type: 'input' as const, block_id: 'title', label: plain('Title'), element: { type: 'plain_text_input' as const, action_id: 'title_input' } },
    { type: 'input' as const, block_id: 'date', label: plain('Date'), element: { type: 'datepicker' as const, action_id: 'date_pick', initial_date: '2026-03-12' } },
    {
      type: 'input' as const,
      block_id: 'orgs',
      optional: true,
      label: plain('Organizations'),
      element: { type: 'multi_static_select' as const, action_id: 'orgs_select', options: ['FAO', 'WHO'].map((o) => ({ text: plain(o), value: o })) },
    },
  ],
};

export interface TestBolt {
  app: App;
  url: string;
  /** What the listeners saw, for assertions. */
  seen: { submissions: unknown[]; closed: unknown[]; retryNums: (number | undefined)[]; commands: Record<string, unknown>[] };
  stop(): Promise<void>;
}

export async function startTestBolt(sb: Sandbox): Promise<TestBolt> {
  const app = new App({ token: sb.botToken, signingSecret: sb.signingSecret, clientOptions: { slackApiUrl: sb.apiUrl }, logLevel: LogLevel.ERROR });
  const seen: TestBolt['seen'] = { submissions: [], closed: [], retryNums: [], commands: [] };

  app.command('/concord', async ({ command, ack, respond, client }) => {
    seen.commands.push({ ...command });
    const [verb] = command.text.split(' ');
    if (verb === 'help') return ack({ text: 'Concord help: /concord new' });
    if (verb === 'announce') return ack({ response_type: 'in_channel', text: 'Meeting IOCC-61 is confirmed' });
    if (verb === 'bad') return ack({ blocks: [{ type: 'header', text: { type: 'mrkdwn', text: '*no*' } }] } as never);
    if (verb === 'slow') {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return ack({ text: 'too late' });
    }
    await ack();
    if (verb === 'later') await respond({ text: 'Here is your report' });
    if (verb === 'new') await client.views.open({ trigger_id: command.trigger_id, view: MEETING_VIEW });
    if (verb === 'vote') {
      await client.chat.postMessage({
        channel: command.channel_id,
        text: 'Vote on the agenda',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: '*Agenda* for IOCC-61' } },
          { type: 'actions', block_id: 'vote', elements: [{ type: 'button', action_id: 'vote_yes', text: plain('Yes'), value: 'yes', style: 'primary' }] },
        ],
      });
    }
  });

  app.action('vote_yes', async ({ ack, respond, body }) => {
    await ack();
    await respond({ replace_original: true, text: `Thanks <@${body.user.id}>, vote recorded` });
  });

  app.view('meeting', async ({ ack, view }) => {
    seen.submissions.push(view);
    const title = view.state.values.title?.title_input?.value ?? '';
    if (!title) return ack({ response_action: 'errors', errors: { title: 'Please give the meeting a title' } });
    if (title === 'more') return ack({ response_action: 'push', view: { type: 'modal', title: plain('Details'), blocks: [{ type: 'section', text: plain('More') }] } });
    if (title === 'edit') return ack({ response_action: 'update', view: { ...MEETING_VIEW, title: plain('Edit meeting') } });
    return ack();
  });

  app.view({ callback_id: 'meeting', type: 'view_closed' }, async ({ ack, view }) => {
    seen.closed.push(view);
    await ack();
  });

  app.event('app_home_opened', async ({ event, client, context }) => {
    seen.retryNums.push(context.retryNum);
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: [{ type: 'header', text: plain('Your committees') }, { type: 'actions', elements: [{ type: 'button', action_id: 'home_refresh', text: plain('Refresh') }] }] },
    });
  });

  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return { app, url, seen, stop: () => app.stop().then(() => undefined) };
}
