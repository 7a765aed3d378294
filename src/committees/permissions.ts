/**
 * Who may do what. The one place the permission matrix lives; services call `authorize` before changing
 * anything, so a refused command changes nothing whatever surface it came from.
 */
import { UserError } from '../errors.ts';
import type { Role } from './membership.ts';

export interface Actor {
  userId: string;
  /** null: a workspace user who is not (yet) a committee member — may read, not change. */
  role: Role | null;
  organizationId: string | null;
}

const SECRETARIAT: Role[] = ['secretariat'];
const OFFICERS: Role[] = ['secretariat', 'chair'];
const REPORTERS: Role[] = ['secretariat', 'chair', 'member'];
const CHAIR: Role[] = ['chair'];

const PERMISSIONS = {
  'committee.setup': { roles: SECRETARIAT, what: 'change the committee set-up' },
  'org.add': { roles: SECRETARIAT, what: 'add organizations' },
  'org.edit': { roles: SECRETARIAT, what: 'edit organizations' },
  'org.remove': { roles: SECRETARIAT, what: 'remove organizations' },
  'member.add': { roles: SECRETARIAT, what: 'add members' },
  'member.remove': { roles: SECRETARIAT, what: 'remove members' },
  'role.set': { roles: SECRETARIAT, what: 'change roles' },
  'meeting.add': { roles: OFFICERS, what: 'add meetings' },
  'meeting.move': { roles: OFFICERS, what: 'move meetings' },
  'meeting.cancel': { roles: OFFICERS, what: 'cancel meetings' },
  'deadline.add': { roles: OFFICERS, what: 'add deadlines' },
  'deadline.cancel': { roles: OFFICERS, what: 'cancel deadlines' },
  'calendar.reset': { roles: OFFICERS, what: 'reset the calendar link' },
  'followup.assign': { roles: OFFICERS, what: 'assign follow-ups' },
  'followup.cancel': { roles: OFFICERS, what: 'cancel follow-ups' },
  'followup.reassign': { roles: OFFICERS, what: 'reassign follow-ups' },
  'followup.reopen': { roles: OFFICERS, what: 'reopen follow-ups' },
  // done / snooze / update: this lets members in; the service then checks the organization
  // (`authorizeForOrganization`): a member of FAO may not report on WHO's part.
  'followup.report': { roles: REPORTERS, what: 'report on follow-ups', who: "an organization's focal points, alternates and members, the secretariat or the chair" },
  'record.write': { roles: OFFICERS, what: 'write summary records' },
  'record.adopt': { roles: CHAIR, what: 'adopt summary records' },
  'record.resolve': { roles: CHAIR, what: 'resolve objections to summary records' },
  'record.object': { roles: REPORTERS, what: 'object to summary records', who: "the committee's members, the secretariat or the chair" },
} as const satisfies Record<string, { roles: Role[]; what: string; who?: string }>;

export type Action = keyof typeof PERMISSIONS;

export class PermissionError extends UserError {
  constructor(
    readonly action: Action,
    readonly allowedRoles: readonly Role[],
    /** Slack user ids of the people who hold an allowed role, to name them in the refusal. */
    readonly holders: string[],
  ) {
    const p: { what: string; who?: string } = PERMISSIONS[action];
    super(`Only ${p.who ?? `the ${allowedRoles.join(' or the ')}`} can ${p.what}.`);
  }
}

/**
 * Refusal of a change to one organization's part (e.g. marking WHO's part of a follow-up done): says who
 * may, and `holders` names them (that organization's people first, then the officers).
 */
export class OrganizationPermissionError extends PermissionError {
  constructor(action: Action, orgCode: string, what: string, holders: string[]) {
    super(action, OFFICERS, holders);
    this.message = `Only ${orgCode}'s focal points, alternates and members, the secretariat or the chair can ${what}.`;
  }
}

/** May `actor` act for the organization `organizationId` (its own people, or an officer)? */
export function mayActFor(actor: Actor, organizationId: string): boolean {
  if (actor.role === 'secretariat' || actor.role === 'chair') return true;
  return actor.role === 'member' && actor.organizationId === organizationId;
}

function isAllowed(actor: Actor, action: Action): boolean {
  return actor.role !== null && (PERMISSIONS[action].roles as readonly Role[]).includes(actor.role);
}

/** Throws PermissionError naming the people who may do it (looked up only when refusing). */
export async function authorize(actor: Actor, action: Action, holdersOf: (roles: readonly Role[]) => Promise<string[]>): Promise<void> {
  if (isAllowed(actor, action)) return;
  const roles = PERMISSIONS[action].roles;
  throw new PermissionError(action, roles, await holdersOf(roles));
}
