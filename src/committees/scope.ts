/** Who is acting, in which committee: every service call is scoped by it (tenancy). */
import type { Db } from '../db/database.ts';
import type { DbClient } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { findCommittee, type TeamKey } from './committee-repository.ts';
import { findRole, usersWithRoles } from './member-repository.ts';
import { committeeCacheOf } from '../cache/attach.ts';
import type { Actor } from './permissions.ts';
import type { Role } from './membership.ts';

export type Committee = NonNullable<Awaited<ReturnType<typeof findCommittee>>>;

export interface Scope {
  db: Db;
  committee: Committee;
  /**
   * As read when the command arrived (from the committee cache when fresh); a change reads it again inside
   * its transaction (`committeeWrite`), never from the cache.
   */
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
  const member = await findRole(db, committeeId, userId);
  return { userId, role: member?.role ?? null, organizationId: member?.organizationId ?? null };
}

/** The committee of the team and the caller's membership: no query when the committee cache has them. */
export async function resolveScope(db: Db, key: TeamKey, userId: string): Promise<Scope> {
  const cache = committeeCacheOf(db);
  const committee = cache
    ? await cache.readUnscoped(`team:${key.teamId}:${key.enterpriseId}`, () => findCommittee(db, key))
    : await findCommittee(db, key);
  if (!committee) throw new NoCommitteeError();
  return {
    db,
    committee,
    actor: cache ? await cache.read(committee.id, `actor:${userId}`, () => actorIn(db, committee.id, userId)) : await actorIn(db, committee.id, userId),
    holdersOf: (roles) => usersWithRoles(db, committee.id, roles),
  };
}
