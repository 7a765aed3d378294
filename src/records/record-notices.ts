/**
 * What record changes tell the committee, as data: the Slack layer renders each notice
 * (`src/slack/blocks/record-post.ts`, `record-notices.ts`) and hands the renderer in. A rendering is one or
 * more messages: the first goes to the channel, the others as replies in its thread.
 */
import type { RenderedAnnouncement } from '../meetings/announcements.ts';
import type { Dispatch } from '../outbox/announcer.ts';
import type { FollowUpEnv } from '../followups/announcements.ts';
import type { RecordDocument } from './record-document.ts';

export type RecordNotice =
  | { type: 'record.circulated'; recordId: string; number: number; title: string; version: number; deadline: Date; zone: string; actorId: string }
  | { type: 'record.objection'; number: number; title: string; userId: string; reason: string }
  | { type: 'record.resolved'; number: number; title: string; actorId: string; deadline: Date | null; zone: string }
  | { type: 'record.adopted'; document: RecordDocument; actorId: string | null };

export interface RecordEnv {
  now: Date;
  dispatch: Dispatch;
  render: (n: RecordNotice) => RenderedAnnouncement[];
  /** Follow-ups created on adoption are notified as `assign` does. */
  followUps: FollowUpEnv;
}
