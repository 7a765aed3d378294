/**
 * Events API bodies (DOC https://docs.slack.dev/apis/events-api/): the `event_callback` envelope with
 * `event_id`, `event_time` and `authorizations`; `url_verification`; and the slash-command `ssl_check`.
 * Fixture: app_home_opened.event_callback.json.
 */
import type { Workspace } from '../../state/types.ts';

export interface EnvelopeInput {
  workspace: Workspace;
  appId: string;
  botUserId: string;
  verificationToken: string;
  event: Record<string, unknown>;
  eventId: string;
  eventTime: number;
}

export function eventEnvelope(input: EnvelopeInput): Record<string, unknown> {
  const ws = input.workspace;
  return {
    token: input.verificationToken,
    team_id: ws.id,
    ...(ws.enterpriseId ? { enterprise_id: ws.enterpriseId } : {}),
    api_app_id: input.appId,
    event: input.event,
    type: 'event_callback',
    event_id: input.eventId,
    event_time: input.eventTime,
    authorizations: [{ enterprise_id: ws.enterpriseId ?? null, team_id: ws.id, user_id: input.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(JSON.stringify({ et: input.event.type, tid: ws.id, aid: input.appId })).toString('base64url')}`,
  };
}

/** `{ token, challenge, type: 'url_verification' }` (fixture url_verification.request.json). */
export function urlVerificationBody(verificationToken: string, challenge: string): Record<string, unknown> {
  return { token: verificationToken, challenge, type: 'url_verification' };
}

/** `ssl_check=1&token=…`, form-encoded (implementing-slash-commands §SSL check). */
export function sslCheckBody(verificationToken: string): string {
  return new URLSearchParams({ ssl_check: '1', token: verificationToken }).toString();
}
