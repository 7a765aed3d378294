/**
 * What follow-up changes tell people, as data: the Slack layer renders each notice
 * (`src/slack/blocks/followup-notices.ts`) and hands the renderer in, so this folder stays free of Slack.
 * Channel notices go through `announce` (committee channel); DMs through the outbox's direct messages.
 */
import type { AnnounceEnv } from '../meetings/announcements.ts';
import type { Meeting } from '../meetings/meeting-rules.ts';
import type { LocalDate } from '../time/local-date.ts';
import type { Assignment, FollowUp } from './followup-rules.ts';

export type FollowUpNotice =
  /** Committee channel: a new follow-up. */
  | { type: 'followup.assigned'; followUp: FollowUp; meeting: Meeting | null; actorId: string }
  /** DM to a focal point or alternate: their organization's part, with Done / Snooze / Add update buttons. */
  | {
      type: 'followup.assignment-dm';
      followUp: FollowUp;
      assignment: Assignment;
      meeting: Meeting | null;
      recipientId: string;
      /** The zone the due date is told in (the recipient's best known zone). */
      zone: string;
      /** "Today" in that zone, for "in 21 days". */
      today: LocalDate;
      actorId: string;
    }
  /** Committee channel: every part is done. */
  | { type: 'followup.completed'; followUp: FollowUp; actorId: string }
  /** Committee channel: the follow-up is cancelled for everyone. */
  | { type: 'followup.cancelled'; followUp: FollowUp; actorId: string };

/** What a follow-up change needs besides its scope: the clock, the renderer of every notice, the dispatcher. */
export type FollowUpEnv = AnnounceEnv<FollowUpNotice>;
