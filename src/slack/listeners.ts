/** The routing table of listeners: one line per surface. */
import type { App } from '@slack/bolt';
import type { CommandDeps } from './commands/context.ts';
import { commandListener } from './commands/listener.ts';

export type ListenerDeps = CommandDeps;

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(deps.commandName, commandListener(deps));
}
