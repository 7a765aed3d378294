/**
 * What follows a change to one organization's part, after the ack: every DM sent about that part is
 * edited in place through the outbox, and the Home tabs of the people concerned are republished.
 * (The committee-channel announcement of a completed follow-up is written by `markDone` itself.)
 */
import type { WebClient } from '@slack/web-api';
import type { Scope } from '../../committees/scope.ts';
import type { TeamKey } from '../../committees/committee-repository.ts';
import { showFollowUp } from '../../followups/followup-queries.ts';
import { editPartMessages } from '../../followups/part-messages.ts';
import { todayInZone } from '../../time/local-date.ts';
import type { CommandDeps } from '../commands/context.ts';
import { partDmEdit } from '../blocks/followup-dm-edits.ts';
import { refreshHomes } from '../home/home-publisher.ts';

export async function followThrough(deps: CommandDeps, client: WebClient, key: TeamKey, scope: Scope, number: number, assignmentId: string): Promise<void> {
  const organizationId = await editPartDms(deps, scope, number, assignmentId);
  if (organizationId) await refreshHomes(deps, client, key, scope.committee.id, organizationId);
}

/** Queues the in-place edit of every DM about the part; returns the part's organization id. */
export async function editPartDms(deps: CommandDeps, scope: Scope, number: number, assignmentId: string): Promise<string | undefined> {
  const detail = await showFollowUp(scope, number);
  const part = detail.followUp.assignments.find((a) => a.id === assignmentId);
  if (!part) return undefined;
  const zone = part.organization.timeZone || scope.committee.timeZone;
  const today = todayInZone(deps.now(), zone);
  const ids = await editPartMessages(deps.db, scope.committee.id, assignmentId, (recipientId) =>
    partDmEdit({ followUp: detail.followUp, assignment: part, meeting: detail.meeting, events: detail.events, recipientId, zone, today }),
  );
  await deps.dispatch(ids);
  return part.organization.id;
}
