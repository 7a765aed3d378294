/**
 * After a part changed (done, snoozed, updated), every DM sent about it is edited in place through the
 * outbox (`addMessageUpdate`, in order after the DM itself), rendered by the Slack layer per recipient.
 * Returns the outbox ids to dispatch.
 */
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { addMessageUpdate } from '../outbox/outbox-repository.ts';
import type { RenderedAnnouncement } from '../meetings/announcements.ts';
import { messagesOf } from './followup-repository.ts';

export async function editPartMessages(
  db: Db,
  committeeId: string,
  assignmentId: string,
  render: (recipientId: string) => RenderedAnnouncement,
): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    const ids: string[] = [];
    for (const m of await messagesOf(tx, assignmentId)) {
      const message = render(m.recipientUserId);
      ids.push(await addMessageUpdate(tx, { committeeId, of: m.outboundId, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) }));
    }
    return ids;
  });
}
