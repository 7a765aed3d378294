/** The routing table of listeners: one line per surface. */
import type { App } from '@slack/bolt';
import type { CommandDeps } from './commands/context.ts';
import { commandListener } from './commands/listener.ts';
import { MEETING_MODAL } from './ids.ts';
import { meetingNewSubmission } from './views/meeting-new.ts';

export type ListenerDeps = CommandDeps;

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(deps.commandName, commandListener(deps));
  app.view(MEETING_MODAL.callbackId, meetingNewSubmission(deps));
}
