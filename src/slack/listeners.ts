/**
 * The routing table: one Bolt listener per surface (command, block actions, views, the Home event), each
 * routing by id to Concord's handlers (`surface-router.ts`) — Bolt runs every listener's middleware for
 * every request, so fewer listeners cost less per request.
 */
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
import { actionRouter, viewRouter } from './surface-router.ts';

export type ListenerDeps = CommandDeps;

/** Any action_id (Bolt's matcher, as before, passes only block payloads with one); the router does the rest. */
const ANY_ACTION = /^/;

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(deps.commandName, commandListener(deps));
  app.action<BlockAction<ButtonAction>>(
    ANY_ACTION,
    actionRouter({
      exact: {
        [FOLLOWUP_ACTIONS.done]: doneButton(deps),
        [FOLLOWUP_ACTIONS.snooze]: snoozeButton(deps),
        [FOLLOWUP_ACTIONS.update]: updateButton(deps),
        [RECORD_ACTIONS.object]: objectButton(deps),
        [RECORD_ACTIONS.postRecord]: postRecordButton(deps),
      },
      prefixes: [[`${RECORD_MODAL.addMatter}_`, addMatterButton(deps)]],
      // Every action id not handled above (a button Concord no longer has): told so, nothing changed.
      otherwise: [UNKNOWN_ACTION, unknownAction(deps)],
    }),
  );
  app.view(
    {},
    viewRouter({
      submission: {
        [MEETING_MODAL.callbackId]: meetingNewSubmission(deps),
        [FOLLOWUP_SNOOZE_MODAL.callbackId]: snoozeSubmission(deps),
        [FOLLOWUP_UPDATE_MODAL.callbackId]: updateSubmission(deps),
        [RECORD_MODAL.callbackId]: recordSubmission(deps),
        [RECORD_OBJECTION_MODAL.callbackId]: objectionSubmission(deps),
      },
      closed: { [RECORD_MODAL.callbackId]: recordClosed(deps) },
    }),
  );
  app.event('app_home_opened', homeOpenedListener(deps));
}
