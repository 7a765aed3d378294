/**
 * Builds the Bolt App: HTTP (Concord's own receiver) or Socket Mode, and registers every listener.
 * Listeners stay thin: parse → ack → service → builder.
 */
import { App, LogLevel, type Receiver } from '@slack/bolt';
import type { Config } from '../config.ts';
import { boltLogger, describeError, type Logger } from '../logger.ts';
import { registerListeners, type ListenerDeps } from './listeners.ts';
import { cachedAuthorize } from './authorize.ts';
import { WebClient } from '@slack/web-api';

export interface SlackAppOptions {
  config: Config;
  logger: Logger;
  deps: ListenerDeps;
  /** HTTP mode: Concord's receiver. Socket Mode when undefined and config.slackAppToken is set. */
  receiver?: Receiver;
}

export function buildSlackApp({ config, logger, deps, receiver }: SlackAppOptions): App {
  const socketMode = !receiver && Boolean(config.slackAppToken);
  const clientOptions = { slackApiUrl: config.slackApiUrl, retryConfig: { retries: 2, factor: 1.5 } };
  const app = new App({
    authorize: cachedAuthorize(new WebClient(undefined, clientOptions), config.slackBotToken),
    ...(socketMode ? { socketMode: true, appToken: config.slackAppToken } : { receiver }),
    logger: boltLogger(logger),
    logLevel: LogLevel.WARN,
    // Concord keeps no per-conversation state in Bolt; the default in-memory store costs every request a
    // lookup that fails with a new Error (a stack trace) for nothing.
    convoStore: false,
    // slackApiUrl reaches app.client, per-request clients and the Socket Mode client (slack-platform.md §10).
    clientOptions,
  });
  registerListeners(app, deps);
  app.error(async (err) => {
    logger.error({ ...describeError(err.original ?? err) }, 'unhandled error in a listener');
  });
  return app;
}
