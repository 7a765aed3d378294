/** Who is acting, in which committee: every service call is scoped by it (tenancy). */
import type { Db } from '../db/database.ts';
import type { DbClient } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { findCommittee, type TeamKey } from './committee-repository.ts';
import { findMember, usersWithRoles } from './member-repository.ts';
import type { Actor } from './permissions.ts';
import type { Role } from './membership.ts';

export type Committee = NonNullable<Awaited<ReturnType<typeof findCommittee>>>;

export interface Scope {
  db: Db;
  committee: Committee;
  /** As read when the command arrived; a change reads it again inside its transaction (`committeeWrite`). */
  actor: Actor;
  /** Slack user ids holding these roles in this committee (to name who may do something). */
  holdersOf(roles: readonly Role[]): Promise<string[]>;
}

export class NoCommitteeError extends UserError {
  constructor() {
    super('This workspace has no committee yet.');
  }
}

/** The user's role and organization in the committee; a non-member has none. */
export async function actorIn(db: DbClient, committeeId: string, userId: string): Promise<Actor> {
  const member = await findMember(db, committeeId, userId);
  return { userId, role: member?.role ?? null, organizationId: member?.organizationId ?? null };
}

export async function resolveScope(db: Db, key: TeamKey, userId: string): Promise<Scope> {
  const committee = await findCommittee(db, key);
  if (!committee) throw new NoCommitteeError();
  return {
    db,
    committee,
    actor: await actorIn(db, committee.id, userId),
    holdersOf: (roles) => usersWithRoles(db, committee.id, roles),
  };
}
