/**
 * How calendar services announce a change in the committee's channel, as data: each service says what
 * happened (its own announcement type), the Slack layer renders it (`src/slack/blocks/calendar-announcements.ts`)
 * and hands the renderer in, so domain code stays free of Slack. The service writes the rendered message to
 * the outbox in its own transaction and dispatches it after commit. Meetings add `meeting.added`; the
 * deadlines folder, which stands on meetings, adds the rest (`src/deadlines/announcements.ts`).
 */
import type { Dispatch } from '../outbox/announcer.ts';
import { addOutbound } from '../outbox/outbox-repository.ts';
import type { DbClient } from '../db/transaction.ts';
import type { Meeting } from './meeting-rules.ts';

export type MeetingAnnouncement = { type: 'meeting.added'; meeting: Meeting; actorId: string };

export interface RenderedAnnouncement {
  text: string;
  blocks?: unknown[];
}

/** What a change announcing `A` needs besides its scope: the clock, the renderer, and the outbox dispatcher. */
export interface AnnounceEnv<A> {
  now: Date;
  dispatch: Dispatch;
  render: (a: A) => RenderedAnnouncement;
}

/**
 * Renders the announcement into the committee channel's outbox inside the transaction `tx`; returns the
 * outbox ids to dispatch after commit (none when the committee has no channel).
 */
export async function announce<A>(
  tx: DbClient,
  committee: { id: string; channelId: string | null },
  env: Pick<AnnounceEnv<A>, 'render'>,
  announcement: A,
): Promise<string[]> {
  if (!committee.channelId) return [];
  const message = env.render(announcement);
  return [await addOutbound(tx, { committeeId: committee.id, channelId: committee.channelId, text: message.text, blocks: message.blocks })];
}
