/**
 * Interaction payloads: `block_actions`, `view_submission`, `view_closed`
 * (DOC https://docs.slack.dev/reference/interaction-payloads; fixtures block_actions.json, view_submission.json).
 * Message containers carry `message`, `channel` and a `response_url`; view containers carry `view`
 * and no response_url. An ephemeral message container has `is_ephemeral: true` and no `message`.
 */
import type { Channel, User, Workspace } from '../../state/types.ts';
import { enterpriseRef, teamRef, userRef } from './common.ts';

/** The user acting, in which workspace, as which app. */
export interface Actor {
  workspace: Workspace;
  user: User;
  appId: string;
  verificationToken: string;
}

export type ActionSurface =
  | { kind: 'message'; channel: Channel; ts: string; message: Record<string, unknown> }
  | { kind: 'ephemeral'; channel: Channel; ts: string }
  | { kind: 'view'; view: Record<string, unknown> };

function base(actor: Actor, type: string): Record<string, unknown> {
  return {
    type,
    user: userRef(actor.user),
    api_app_id: actor.appId,
    token: actor.verificationToken,
    team: teamRef(actor.workspace),
    enterprise: enterpriseRef(actor.workspace),
    is_enterprise_install: false,
  };
}

/** A `block_actions` payload for one action on a surface. */
export function blockActionsPayload(
  actor: Actor,
  surface: ActionSurface,
  action: Record<string, unknown>,
  triggerId: string,
  responseUrl: string | undefined,
  state: Record<string, unknown>,
): Record<string, unknown> {
  const payload: Record<string, unknown> = { ...base(actor, 'block_actions'), trigger_id: triggerId };
  if (surface.kind === 'view') {
    payload.container = { type: 'view', view_id: surface.view.id };
    payload.view = surface.view;
  } else {
    payload.container = { type: 'message', message_ts: surface.ts, channel_id: surface.channel.id, is_ephemeral: surface.kind === 'ephemeral' };
    payload.channel = { id: surface.channel.id, name: surface.channel.isIm ? 'directmessage' : surface.channel.name };
    if (surface.kind === 'message') payload.message = surface.message;
    payload.state = state;
    payload.response_url = responseUrl;
  }
  payload.actions = [action];
  return payload;
}

/** A `view_submission` payload; `view.state.values` must already be filled in. */
export function viewSubmissionPayload(actor: Actor, view: Record<string, unknown>, triggerId: string): Record<string, unknown> {
  return { ...base(actor, 'view_submission'), trigger_id: triggerId, view, response_urls: [] };
}

/** A `view_closed` payload (sent only for views with `notify_on_close: true`). */
export function viewClosedPayload(actor: Actor, view: Record<string, unknown>, isCleared: boolean): Record<string, unknown> {
  return { ...base(actor, 'view_closed'), view, is_cleared: isCleared };
}
