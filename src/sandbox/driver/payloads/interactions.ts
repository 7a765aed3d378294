/**
 * Interaction payloads: `block_actions`, `view_submission`, `view_closed`
 * (DOC https://docs.slack.dev/reference/interaction-payloads; fixtures block_actions.json, view_submission.json).
 * Message containers carry `message`, `channel` and a `response_url`; view containers carry `view`
 * and no response_url. An ephemeral message container has `is_ephemeral: true` and no `message`.
 */
import type { Channel, User, Workspace } from '../../state/types.ts';
import { enterpriseRef, teamRef, userRef } from './common.ts';

export interface Origin {
  workspace: Workspace;
  user: User;
  appId: string;
  verificationToken: string;
}

export type ActionSurface =
  | { kind: 'message'; channel: Channel; ts: string; message: Record<string, unknown> }
  | { kind: 'ephemeral'; channel: Channel; ts: string }
  | { kind: 'view'; view: Record<string, unknown> };

function base(origin: Origin, type: string): Record<string, unknown> {
  return {
    type,
    user: userRef(origin.user),
    api_app_id: origin.appId,
    token: origin.verificationToken,
    team: teamRef(origin.workspace),
    enterprise: enterpriseRef(origin.workspace),
    is_enterprise_install: false,
  };
}

/** A `block_actions` payload for one action on a surface. */
export function blockActionsPayload(
  origin: Origin,
  surface: ActionSurface,
  action: Record<string, unknown>,
  triggerId: string,
  responseUrl: string | undefined,
  state: Record<string, unknown>,
): Record<string, unknown> {
  const payload: Record<string, unknown> = { ...base(origin, 'block_actions'), trigger_id: triggerId };
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
export function viewSubmissionPayload(origin: Origin, view: Record<string, unknown>, triggerId: string): Record<string, unknown> {
  return { ...base(origin, 'view_submission'), trigger_id: triggerId, view, response_urls: [] };
}

/** A `view_closed` payload (sent only for views with `notify_on_close: true`). */
export function viewClosedPayload(origin: Origin, view: Record<string, unknown>, isCleared: boolean): Record<string, unknown> {
  return { ...base(origin, 'view_closed'), view, is_cleared: isCleared };
}
