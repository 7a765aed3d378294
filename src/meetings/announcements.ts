/**
 * What the calendar services announce in the committee's channel, as data. The Slack layer renders it
 * (`src/slack/blocks/calendar-announcements.ts`) and hands the renderer in, so domain code stays free of
 * Slack; the service writes the rendered message to the outbox in its own transaction and dispatches it
 * after commit.
 */
import type { Dispatch } from '../outbox/announcer.ts';
import { addOutbound } from '../outbox/outbox-repository.ts';
import type { DbClient } from '../db/transaction.ts';
import type { Meeting } from './meeting-rules.ts';
import type { Deadline } from '../deadlines/deadline-rules.ts';

/** A relative deadline that followed its meeting. */
export interface MovedDeadline {
  deadline: Deadline;
  from: string;
  to: string;
}

export type CalendarAnnouncement =
  | { type: 'meeting.added'; meeting: Meeting; actorId: string }
  | { type: 'meeting.moved'; meeting: Meeting; before: Meeting; deadlines: MovedDeadline[]; actorId: string }
  | { type: 'meeting.cancelled'; meeting: Meeting; orphaned: Deadline[]; actorId: string }
  | { type: 'deadline.added'; deadline: Deadline; meeting: Meeting | null; actorId: string }
  | { type: 'deadline.cancelled'; deadline: Deadline; actorId: string }
  | { type: 'calendar.reset'; actorId: string };

export interface RenderedAnnouncement {
  text: string;
  blocks?: unknown[];
}

export type RenderAnnouncement = (a: CalendarAnnouncement) => RenderedAnnouncement;

/** What a calendar change needs besides its scope: the clock, the renderer, and the outbox dispatcher. */
export interface ChangeEnv {
  now: Date;
  dispatch: Dispatch;
  render: RenderAnnouncement;
}

/**
 * Renders the announcement into the committee channel's outbox inside the transaction `tx`; returns the
 * outbox ids to dispatch after commit (none when the committee has no channel).
 */
export async function announce(
  tx: DbClient,
  committee: { id: string; channelId: string | null },
  env: Pick<ChangeEnv, 'render'>,
  announcement: CalendarAnnouncement,
): Promise<string[]> {
  if (!committee.channelId) return [];
  const message = env.render(announcement);
  return [await addOutbound(tx, { committeeId: committee.id, channelId: committee.channelId, text: message.text, blocks: message.blocks })];
}
