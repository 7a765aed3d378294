/** Everything the calendar announces in the committee's channel; rendered by the Slack layer (see `src/meetings/announcements.ts`). */
import type { AnnounceEnv, MeetingAnnouncement, RenderedAnnouncement } from '../meetings/announcements.ts';
import type { Meeting } from '../meetings/meeting-rules.ts';
import type { Deadline } from './deadline-rules.ts';

/** A relative deadline that followed its meeting. */
export interface MovedDeadline {
  deadline: Deadline;
  from: string;
  to: string;
}

export type CalendarAnnouncement =
  | MeetingAnnouncement
  | { type: 'meeting.moved'; meeting: Meeting; before: Meeting; deadlines: MovedDeadline[]; actorId: string }
  | { type: 'meeting.cancelled'; meeting: Meeting; orphaned: Deadline[]; actorId: string }
  | { type: 'deadline.added'; deadline: Deadline; meeting: Meeting | null; actorId: string }
  | { type: 'deadline.cancelled'; deadline: Deadline; actorId: string }
  | { type: 'calendar.reset'; actorId: string };

export type RenderAnnouncement = (a: CalendarAnnouncement) => RenderedAnnouncement;

/** What a calendar change needs besides its scope: the clock, the renderer of every announcement, the dispatcher. */
export type ChangeEnv = AnnounceEnv<CalendarAnnouncement>;

