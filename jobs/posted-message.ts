/**
 * Finding a message Concord already posted: every outbound message carries Slack message metadata
 * naming its outbox row (DOC https://docs.slack.dev/messaging/message-metadata/), and
 * `conversations.history` with `include_all_metadata` returns it.
 */
import type { WebClient } from '@slack/web-api';

export const OUTBOUND_EVENT_TYPE = 'concord_outbound';

export function outboundMetadata(outboundId: string) {
  return { event_type: OUTBOUND_EVENT_TYPE, event_payload: { outbound_id: outboundId } };
}

/** Searched back to a minute before the row was written; a few pages at most. */
const LOOKBACK_MS = 60_000;
const PAGES = 5;

/** The `ts` of the message posted for this row, if Slack has it. */
export async function findPostedMessage(client: WebClient, row: { id: string; channelId: string; createdAt: Date }): Promise<string | undefined> {
  const oldest = ((row.createdAt.getTime() - LOOKBACK_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const res = await client.conversations.history({ channel: row.channelId, oldest, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
    const hit = res.messages?.find((m) => m.metadata?.event_type === OUTBOUND_EVENT_TYPE && (m.metadata.event_payload as { outbound_id?: unknown } | undefined)?.outbound_id === row.id);
    if (hit?.ts) return hit.ts;
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || !cursor) return undefined;
  }
  return undefined;
}
