/**
 * The one way a committee is changed: a transaction that first locks the committee's row, then reads the
 * actor's role again and checks the permission, then runs the change. Two changes of one committee never
 * interleave, so whatever a change checks before writing (the last secretariat, a code already taken, the
 * next M-n) still holds when it commits, a role taken away a moment ago is no longer used, and the
 * committee's outbox rows are written in commit order. Before it commits, the reminders of everything
 * it touched are planned again.
 */
import type { Db } from '../db/database.ts';
import { inTransaction, type Tx } from '../db/transaction.ts';
import { rowStamp } from '../db/row-stamp.ts';
import { lockCommittee } from './committee-repository.ts';
import { replanTouched } from '../reminders/reminder-planner.ts';
import { clockNow } from '../clock/clock.ts';
import { usersWithRoles } from './member-repository.ts';
import { authorize, type Action, type Actor } from './permissions.ts';
import { invalidateCommittee } from '../cache/attach.ts';
import { actorIn, NoCommitteeError, type Committee, type Scope } from './scope.ts';

/** What a change sees inside its transaction: the committee as locked, the actor as of now. */
export interface CommitteeWrite {
  committee: Committee;
  actor: Actor;
}

/**
 * Runs `fn` as `userId`'s change of committee `committeeId`, if their role allows `action`. Once it has
 * committed, and before the caller answers, what every process cached about the committee is dropped.
 */
export async function writeCommittee<T>(db: Db, committeeId: string, userId: string, action: Action, fn: (tx: Tx, w: CommitteeWrite) => Promise<T>): Promise<T> {
  const result = await inTransaction(db, async (tx) => {
    // What this write touches is stamped at or after this.
    const since = rowStamp();
    const committee = await lockCommittee(tx, committeeId);
    if (!committee) throw new NoCommitteeError();
    const actor = await actorIn(tx, committee.id, userId);
    await authorize(actor, action, (roles) => usersWithRoles(tx, committee.id, roles));
    const result = await fn(tx, { committee, actor });
    // Reminders follow their subjects in the same transaction (a moved meeting moves its reminders).
    await replanTouched(tx, committee.id, since, clockNow());
    return result;
  });
  await invalidateCommittee(db, committeeId);
  return result;
}

/**
 * A change Concord makes of its own accord, not at anyone's command (a person's Slack profile zone learned):
 * the same lock, re-plan and cache invalidation as `writeCommittee`, without an actor or a permission check.
 * Does nothing when the committee is gone.
 */
export async function writeCommitteeAsConcord(db: Db, committeeId: string, fn: (tx: Tx, committee: Committee) => Promise<void>): Promise<void> {
  const done = await inTransaction(db, async (tx) => {
    const since = rowStamp();
    const committee = await lockCommittee(tx, committeeId);
    if (!committee) return false;
    await fn(tx, committee);
    await replanTouched(tx, committee.id, since, clockNow());
    return true;
  });
  if (done) await invalidateCommittee(db, committeeId);
}

/**
 * @example
 *   await committeeWrite(scope, 'org.remove', async (tx, { committee, actor }) => { … })
 */
export function committeeWrite<T>(scope: Scope, action: Action, fn: (tx: Tx, w: CommitteeWrite) => Promise<T>): Promise<T> {
  return writeCommittee(scope.db, scope.committee.id, scope.actor.userId, action, fn);
}
