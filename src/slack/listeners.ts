/** The routing table of listeners: one line per surface. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { CommandDeps } from './commands/context.ts';
import { commandListener } from './commands/listener.ts';
import { FOLLOWUP_ACTIONS, FOLLOWUP_SNOOZE_MODAL, FOLLOWUP_UPDATE_MODAL, MEETING_MODAL, RECORD_ACTIONS, RECORD_MODAL, RECORD_OBJECTION_MODAL } from './ids.ts';
import { recordClosed, recordSubmission } from './views/record-submit.ts';
import { objectionSubmission } from './views/record-objection.ts';
import { addMatterButton, objectButton, postRecordButton } from './actions/record-buttons.ts';
import { meetingNewSubmission } from './views/meeting-new.ts';
import { doneButton } from './actions/done-button.ts';
import { snoozeButton, updateButton } from './actions/modal-buttons.ts';
import { snoozeSubmission, updateSubmission } from './views/followup-part-submit.ts';
import { homeOpenedListener } from './home/home-opened.ts';
import { UNKNOWN_ACTION, unknownAction } from './actions/unknown-action.ts';

export type ListenerDeps = CommandDeps;

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(deps.commandName, commandListener(deps));
  app.view(MEETING_MODAL.callbackId, meetingNewSubmission(deps));
  app.action<BlockAction<ButtonAction>>(FOLLOWUP_ACTIONS.done, doneButton(deps));
  app.action<BlockAction<ButtonAction>>(FOLLOWUP_ACTIONS.snooze, snoozeButton(deps));
  app.action<BlockAction<ButtonAction>>(FOLLOWUP_ACTIONS.update, updateButton(deps));
  app.view(FOLLOWUP_SNOOZE_MODAL.callbackId, snoozeSubmission(deps));
  app.view(FOLLOWUP_UPDATE_MODAL.callbackId, updateSubmission(deps));
  app.view(RECORD_MODAL.callbackId, recordSubmission(deps));
  app.view({ callback_id: RECORD_MODAL.callbackId, type: 'view_closed' }, recordClosed(deps));
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${RECORD_MODAL.addMatter}_`), addMatterButton(deps));
  app.action<BlockAction<ButtonAction>>(RECORD_ACTIONS.object, objectButton(deps));
  app.action<BlockAction<ButtonAction>>(RECORD_ACTIONS.postRecord, postRecordButton(deps));
  app.view(RECORD_OBJECTION_MODAL.callbackId, objectionSubmission(deps));
  app.event('app_home_opened', homeOpenedListener(deps));
  // Every action id not handled above (a button Concord no longer has): told so, nothing changed.
  app.action<BlockAction<ButtonAction>>(UNKNOWN_ACTION, unknownAction(deps));
}
