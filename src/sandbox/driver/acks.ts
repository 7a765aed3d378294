/**
 * What Slack does with the app's HTTP answer (the "ack"):
 *  - slash command / block action: a body with `text`/`blocks` (or plain text) is shown to the user as an
 *    ephemeral message, or in the channel with `response_type: in_channel` — and then "both the response
 *    message and the initial slash command entered by the user will be shared in the channel"
 *    (DOC implementing-slash-commands);
 *  - view_submission: empty 200 closes the view; `response_action` errors | update | push | clear
 *    (DOC https://docs.slack.dev/surfaces/modals);
 *  - a late (> 3 s) or failed answer shows the user an error instead (`operation_timeout`, `dispatch_failed`),
 *    recorded in `sb.problems()`.
 */
import { addBotMessage } from '../state/bot-message.ts';
import { isObject } from '../block-kit/problem.ts';
import { SlackApiError } from '../api/api-error.ts';
import { validContent, readContent, type MessageContent } from '../api/message-content.ts';
import { assertValidView, clearStack, closeTop, pushModal, replaceView } from '../api/view-stacks.ts';
import { withGeneratedIds } from '../block-kit/fill-ids.ts';
import type { SandboxCore } from '../core.ts';
import type { Channel, User, ViewRecord, Workspace } from '../state/types.ts';
import type { DriverResponse } from './transport.ts';

export interface MessageAckContext {
  workspace: Workspace;
  user: User;
  channel: Channel;
  /** For a slash command: what the user typed, e.g. `/concord help`. */
  invocation?: string;
}

/** Records a failed/late delivery as a user-visible problem; true when the ack can be applied. */
export function deliveredInTime(core: SandboxCore, user: User, response: DriverResponse, label: string): boolean {
  let error: string | undefined;
  if (response.status === 0) error = 'dispatch_failed';
  else if (response.timedOut) error = 'operation_timeout';
  else if (response.status < 200 || response.status >= 300) error = 'dispatch_failed';
  if (!error) return true;
  core.store.addProblem({ userId: user.id, kind: error, message: `${label} failed with the error "${error}"`, detail: { status: response.status, error: response.error } });
  return false;
}

/** Applies a slash command or block action ack. */
export function applyMessageAck(core: SandboxCore, ctx: MessageAckContext, response: DriverResponse): void {
  const body = response.body;
  const fields: Record<string, unknown> = typeof body === 'string' ? (body.trim() ? { text: body } : {}) : isObject(body) ? body : {};
  const inChannel = fields.response_type === 'in_channel';
  const hasContent = fields.text !== undefined || fields.blocks !== undefined || fields.attachments !== undefined;
  if (inChannel && ctx.invocation) postUserInvocation(core, ctx);
  if (!hasContent) return;
  let content: MessageContent;
  try {
    content = validContent(readContent(fields));
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    core.store.addProblem({ userId: ctx.user.id, kind: 'invalid_ack', message: `The app's answer was refused: ${error.code}`, detail: error.toBody() });
    return;
  }
  if (inChannel) postBotMessage(core, ctx, content);
  else postEphemeral(core, ctx, content);
}

function postUserInvocation(core: SandboxCore, ctx: MessageAckContext): void {
  core.store.addMessage({ type: 'message', ts: core.ts.next(), channel: ctx.channel.id, team: ctx.workspace.id, user: ctx.user.id, text: ctx.invocation ?? '', origin: 'user' });
}

function postBotMessage(core: SandboxCore, ctx: MessageAckContext, content: MessageContent): void {
  addBotMessage(core, {
    channel: ctx.channel.id,
    team: ctx.workspace.id,
    text: content.text ?? '',
    blocks: content.blocks,
    attachments: content.attachments,
    origin: 'ack',
  });
}

function postEphemeral(core: SandboxCore, ctx: MessageAckContext, content: MessageContent): void {
  core.store.addEphemeral({ ts: core.ts.next(), channel: ctx.channel.id, user: ctx.user.id, team: ctx.workspace.id, text: content.text ?? '', blocks: content.blocks, origin: 'ack' });
}

/** Applies a view_submission ack to the user's view stack. */
export function applyViewSubmissionAck(core: SandboxCore, user: User, view: ViewRecord, response: DriverResponse): void {
  const body = isObject(response.body) ? response.body : {};
  try {
    applyResponseAction(core, user, view, body);
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    core.store.addProblem({ userId: user.id, kind: 'invalid_response_action', message: `response_action refused: ${error.code}`, detail: error.toBody() });
  }
}

function applyResponseAction(core: SandboxCore, user: User, view: ViewRecord, body: Record<string, unknown>): void {
  switch (body.response_action) {
    case 'errors':
      return recordErrors(core, user, view, body.errors);
    case 'update':
      replaceView(core, view, checkedView(body.view));
      return;
    case 'push':
      pushModal(core, user.id, view.teamId, checkedView(body.view));
      return;
    case 'clear':
      return clearStack(core, user.id);
    default:
      // "Your HTTP 200 response must be empty" to close the current view.
      return closeTop(core, user.id);
  }
}

function checkedView(view: unknown): Record<string, unknown> {
  assertValidView(view);
  return Array.isArray(view.blocks) ? { ...view, blocks: withGeneratedIds(view.blocks) } : view;
}

/** Errors are keyed by block_id of an input block; other keys are reported as problems. */
function recordErrors(core: SandboxCore, user: User, view: ViewRecord, errors: unknown): void {
  const map = isObject(errors) ? (errors as Record<string, string>) : {};
  const blocks = Array.isArray(view.definition.blocks) ? view.definition.blocks : [];
  const inputIds = new Set(blocks.filter((b) => isObject(b) && b.type === 'input').map((b) => (b as Record<string, unknown>).block_id));
  const unknown = Object.keys(map).filter((id) => !inputIds.has(id));
  if (unknown.length) {
    core.store.addProblem({ userId: user.id, kind: 'invalid_errors', message: `response_action errors name no input block: ${unknown.join(', ')}`, detail: map });
  }
  view.errors = map;
  core.store.changed();
}
