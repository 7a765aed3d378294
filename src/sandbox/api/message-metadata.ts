/**
 * Message metadata as chat.postMessage / chat.update take it (DOC https://docs.slack.dev/messaging/message-metadata/):
 * `{ "event_type": "task_created", "event_payload": { … } }`.
 *
 * - Not JSON, or JSON that is not an object → `invalid_metadata_format` ("Invalid metadata format provided",
 *   chat.postMessage error table).
 * - An object without a non-empty string `event_type` or without an object `event_payload` →
 *   `invalid_metadata_schema` ("Invalid metadata schema provided"). The design guide's naming advice
 *   (snake_case, past tense) is "not enforced programmatically"
 *   (DOC https://docs.slack.dev/messaging/message-metadata/designing-metadata-event-schema), so neither is it here.
 * - `metadata_too_large` ("Metadata exceeds size limit") is not modelled: Slack publishes no number.
 */
import { SlackApiError } from './api-error.ts';
import type { MessageMetadata } from '../state/types.ts';
import type { Args } from './args.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The call's `metadata`, validated; undefined when absent or empty. */
export function readMetadata(args: Args): MessageMetadata | undefined {
  let value = args.metadata;
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw new SlackApiError('invalid_metadata_format');
    }
  }
  if (!isObject(value)) throw new SlackApiError('invalid_metadata_format');
  const { event_type: eventType, event_payload: payload } = value;
  if (typeof eventType !== 'string' || eventType.trim() === '' || !isObject(payload)) throw new SlackApiError('invalid_metadata_schema');
  return { event_type: eventType, event_payload: structuredClone(payload) };
}
