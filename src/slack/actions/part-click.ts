/**
 * What every follow-up button shares: reading the click (the button's value is the assignment id), finding
 * that part in the clicker's committee, checking the clicker may act for THAT organization, and telling
 * the clicker something only they see — an ephemeral message through response_url (a DM or channel
 * message), or, from the Home tab (which has none), a small modal.
 */
import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { UserError } from '../../errors.ts';
import { resolveScope, type Scope } from '../../committees/scope.ts';
import type { TeamKey } from '../../committees/committee-repository.ts';
import { usersWithRoles } from '../../committees/member-repository.ts';
import { mayActFor, OrganizationPermissionError } from '../../committees/permissions.ts';
import { findFollowUpByAssignment, organizationPeople } from '../../followups/followup-repository.ts';
import { shortFollowUpId, type Assignment, type FollowUp } from '../../followups/followup-rules.ts';
import type { CommandDeps, Reply } from '../commands/context.ts';
import { plain } from '../text.ts';

export interface Click {
  key: TeamKey;
  userId: string;
  assignmentId: string;
  /** The conversation of the clicked message; none on the Home tab. */
  channelId?: string;
  triggerId: string;
}

export function readClick(body: BlockAction, action: ButtonAction): Click {
  return {
    key: { teamId: body.team?.id ?? body.user.team_id ?? '', enterpriseId: body.enterprise?.id ?? '' },
    userId: body.user.id,
    // A button's value is a string; anything else (a payload Slack never sends) names no part.
    assignmentId: typeof action.value === 'string' ? action.value : '',
    ...(body.channel?.id ? { channelId: body.channel.id } : {}),
    triggerId: body.trigger_id,
  };
}

export interface ClickedPart {
  scope: Scope;
  followUp: FollowUp;
  part: Assignment;
}

/** What an assignment id can look like (a uuid); anything else — too long, a NUL byte, JSON — names no part. */
const PLAUSIBLE_ID = /^[\w-]{1,64}$/;

/** The part the button is about, in the clicker's committee (another workspace's id finds nothing). */
export async function clickedPart(deps: CommandDeps, click: Pick<Click, 'key' | 'userId' | 'assignmentId'>): Promise<ClickedPart> {
  const scope = await resolveScope(deps.db, click.key, click.userId);
  const followUp = PLAUSIBLE_ID.test(click.assignmentId) ? await findFollowUpByAssignment(deps.db, scope.committee.id, click.assignmentId) : null;
  const part = followUp?.assignments.find((a) => a.id === click.assignmentId);
  if (!followUp || !part) throw new UserError('This follow-up no longer exists in your committee: nothing was changed. See `followups all`.');
  return { scope, followUp, part };
}

/** Before opening a modal: refuses at once, as the service would on submission, a clicker who may not act for the organization. */
export async function assertMayReport({ scope, followUp, part }: ClickedPart, verb: string): Promise<void> {
  const id = shortFollowUpId(followUp.number);
  if (followUp.status === 'cancelled' || part.status === 'cancelled') throw new UserError(`${part.organization.code}'s part of ${id} is cancelled: there is nothing to ${verb}.`);
  if (!mayActFor(scope.actor, part.organization.id)) {
    const holders = [...new Set([...(await organizationPeople(scope.db, scope.committee.id, part.organization.id)), ...(await usersWithRoles(scope.db, scope.committee.id, ['secretariat', 'chair']))])];
    throw new OrganizationPermissionError('followup.report', part.organization.code, `${verb} ${part.organization.code}'s part of ${id}`, holders);
  }
}

/** Says `reply` to the clicker only: ephemeral via response_url, else (Home tab) in a modal. */
export async function tellClicker(client: WebClient, click: Click, respond: RespondFn | undefined, reply: Reply): Promise<void> {
  if (respond) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: reply.text, ...(reply.blocks ? { blocks: reply.blocks } : {}) });
    return;
  }
  await client.views.open({
    trigger_id: click.triggerId,
    view: { type: 'modal', title: plain('Concord', 24), close: plain('OK', 24), blocks: reply.blocks?.length ? reply.blocks : [{ type: 'section', text: { type: 'mrkdwn', text: reply.text } }] },
  });
}
