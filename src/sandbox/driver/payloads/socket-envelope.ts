/**
 * Socket Mode envelopes (DOC https://docs.slack.dev/apis/events-api/using-socket-mode; fixture
 * socket_mode.slash_command.envelope.json): `{ envelope_id, payload, type, accepts_response_payload }`,
 * plus `retry_attempt`/`retry_reason` on `events_api` (0 and "" on a first delivery). Field order and
 * values as in python-slack-sdk's socket-mode test data, which match captured traffic:
 *  - `slash_commands`: the slash command's fields as a JSON object of strings (not form-encoded),
 *    `accepts_response_payload: true`;
 *  - `interactive`: the interaction payload itself; `true` for view_submission (DOC modal example),
 *    `false` for block_actions and shortcuts (python-slack-sdk data; the guide's button example says true);
 *  - `events_api`: the whole `event_callback` body, `accepts_response_payload: false`.
 */
import { randomUUID } from 'node:crypto';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface EnvelopeSpec {
  type: EnvelopeType;
  payload: Record<string, unknown>;
  acceptsResponsePayload: boolean;
  /** events_api only: Slack's retry counter and reason (e.g. `timeout`). */
  retryAttempt?: number;
  retryReason?: string;
}

export function socketEnvelope(spec: EnvelopeSpec, envelopeId: string = randomUUID()): Record<string, unknown> {
  const envelope: Record<string, unknown> = { envelope_id: envelopeId, payload: spec.payload, type: spec.type, accepts_response_payload: spec.acceptsResponsePayload };
  if (spec.type === 'events_api') {
    envelope.retry_attempt = spec.retryAttempt ?? 0;
    envelope.retry_reason = spec.retryReason ?? '';
  }
  return envelope;
}

/** A form-encoded slash command body as the JSON object Socket Mode carries (same fields, same order). */
export function slashCommandPayload(formBody: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(formBody));
}
