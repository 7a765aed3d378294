/** Reading follow-ups: lists (mine, overdue, one organization's, all) and one follow-up with its history. */
import { UserError } from '../errors.ts';
import type { Scope } from '../committees/scope.ts';
import { requireOrganization } from '../organizations/organization-service.ts';
import { meetingsByIds } from '../meetings/meeting-repository.ts';
import type { Meeting } from '../meetings/meeting-rules.ts';
import type { LocalDate } from '../time/local-date.ts';
import { requireFollowUp } from './followup-lookup.ts';
import { allFollowUps, countFollowUps, eventsOf, organizationRef, openForOrganization, overdueFollowUps } from './followup-repository.ts';
import { rollUp, type FollowUp, type FollowUpEvent } from './followup-rules.ts';

export type ListFilter = { kind: 'mine' } | { kind: 'overdue' } | { kind: 'org'; code: string } | { kind: 'all' };

export interface FollowUpList {
  filter: ListFilter;
  /** For `mine` and CODE: the organization listed. */
  organization: { id: string; code: string } | null;
  /** The first LIST_SHOWN of the list. */
  followUps: FollowUp[];
  /** How many the whole list has. */
  total: number;
  meetings: Map<string, Meeting>;
}

/** A list shows this many rows; the rest are counted ("N more"). */
export const LIST_SHOWN = 40;

/** `today` is the reader's local date (what is overdue). */
export async function listFollowUps(scope: Scope, filter: ListFilter, today: LocalDate): Promise<FollowUpList> {
  const { db, committee, actor } = scope;
  let organization: { id: string; code: string } | null = null;
  let followUps: FollowUp[];
  if (filter.kind === 'mine') {
    if (!actor.organizationId) {
      throw new UserError('You belong to no organization, so nothing is “yours”. See `followups all`, `followups overdue` or `followups CODE`.');
    }
    const org = await organizationRef(db, committee.id, actor.organizationId);
    organization = org;
    followUps = org ? await openForOrganization(db, committee.id, org.id, LIST_SHOWN) : [];
  } else if (filter.kind === 'org') {
    const org = await requireOrganization(db, committee, filter.code);
    organization = { id: org.id, code: org.code };
    followUps = await openForOrganization(db, committee.id, org.id, LIST_SHOWN);
  } else if (filter.kind === 'overdue') {
    followUps = await overdueFollowUps(db, committee.id, today, LIST_SHOWN);
  } else {
    followUps = await allFollowUps(db, committee.id, LIST_SHOWN);
  }
  const total =
    followUps.length < LIST_SHOWN
      ? followUps.length
      : await countFollowUps(db, committee.id, filter.kind === 'overdue' ? { kind: 'overdue', today } : organization ? { kind: 'org', organizationId: organization.id } : { kind: 'all' });
  const meetingIds = [...new Set(followUps.map((f) => f.meetingId).filter((id): id is string => id !== null))];
  return { filter, organization, followUps, total, meetings: await meetingsByIds(db, committee.id, meetingIds) };
}

export interface FollowUpDetail {
  followUp: FollowUp;
  meeting: Meeting | null;
  /** Oldest first. */
  events: FollowUpEvent[];
  done: number;
  total: number;
}

export async function showFollowUp(scope: Scope, number: number): Promise<FollowUpDetail> {
  const followUp = await requireFollowUp(scope.db, scope.committee.id, number);
  const meetings = followUp.meetingId ? await meetingsByIds(scope.db, scope.committee.id, [followUp.meetingId]) : new Map<string, Meeting>();
  return { followUp, meeting: meetings.get(followUp.meetingId ?? '') ?? null, events: await eventsOf(scope.db, followUp.id), ...rollUp(followUp) };
}
