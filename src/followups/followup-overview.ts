/**
 * What the App Home shows of follow-ups: the viewer's organization's open follow-ups (overdue first) and,
 * for the chair and the secretariat, the committee's open follow-ups and the roll-up per organization
 * (open, overdue, snoozed). Bounded pages: the Home stays small whatever the committee holds.
 */
import type { Scope } from '../committees/scope.ts';
import type { LocalDate } from '../time/local-date.ts';
import { organizationRef } from './followup-repository.ts';
import {
  countOpenForOrganization,
  latestSnoozes,
  openFollowUpsPage,
  organizationCounts,
  type LatestSnooze,
  type OrganizationCounts,
} from './followup-overview-repository.ts';
import type { FollowUp } from './followup-rules.ts';

export interface HomeOverview {
  /** The viewer's organization (null: the viewer belongs to none). */
  mine: { organization: { id: string; code: string }; followUps: FollowUp[]; total: number } | null;
  /** Chair and secretariat only. */
  committee: { followUps: FollowUp[]; counts: OrganizationCounts[] } | null;
  /** Latest snooze of each part shown, by assignment id. */
  snoozes: Map<string, LatestSnooze>;
}

export async function homeOverview(scope: Scope, today: LocalDate, take: number): Promise<HomeOverview> {
  const { db, committee, actor } = scope;
  const org = actor.organizationId ? await organizationRef(db, committee.id, actor.organizationId) : null;
  const mine = org
    ? { organization: org, followUps: await openFollowUpsPage(db, committee.id, org.id, take), total: await countOpenForOrganization(db, committee.id, org.id) }
    : null;
  const officer = actor.role === 'chair' || actor.role === 'secretariat';
  const all = officer ? { followUps: await openFollowUpsPage(db, committee.id, null, take), counts: await organizationCounts(db, committee.id, today) } : null;
  const parts = [...(mine?.followUps ?? []), ...(all?.followUps ?? [])].flatMap((f) => f.assignments.filter((a) => a.snoozeCount > 0).map((a) => a.id));
  return { mine, committee: all, snoozes: await latestSnoozes(db, [...new Set(parts)]) };
}
