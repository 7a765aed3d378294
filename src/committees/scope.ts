/** Who is acting, in which committee: every service call is scoped by it (tenancy). */
import type { Db } from '../db/database.ts';
import { UserError } from '../errors.ts';
import { findCommittee, type TeamKey } from './committee-repository.ts';
import { findMember, usersWithRoles } from '../members/member-repository.ts';
import type { Actor, Role } from './permissions.ts';

export type Committee = NonNullable<Awaited<ReturnType<typeof findCommittee>>>;

export interface Scope {
  db: Db;
  committee: Committee;
  actor: Actor;
  /** Slack user ids holding these roles in this committee (to name who may do something). */
  holdersOf(roles: readonly Role[]): Promise<string[]>;
}

export class NoCommitteeError extends UserError {
  constructor() {
    super('This workspace has no committee yet.', 'setup "Committee name"');
  }
}

export async function resolveScope(db: Db, key: TeamKey, userId: string): Promise<Scope> {
  const committee = await findCommittee(db, key);
  if (!committee) throw new NoCommitteeError();
  const member = await findMember(db, committee.id, userId);
  return {
    db,
    committee,
    actor: { userId, role: member?.role ?? null, organizationId: member?.organizationId ?? null },
    holdersOf: (roles) => usersWithRoles(db, committee.id, roles),
  };
}
