/** Where a person's Slack profile zone is stored: on each of their memberships (`Member.slackTz`). */
import type { DbClient } from '../db/transaction.ts';

/** The committees where `userId` is a member whose stored zone is not `zone`. */
export async function committeesWithOtherZone(db: DbClient, userId: string, zone: string | null): Promise<string[]> {
  const rows = await db.member.findMany({
    where: { slackUserId: userId, ...(zone === null ? { slackTz: { not: null } } : { OR: [{ slackTz: null }, { slackTz: { not: zone } }] }) },
    select: { committeeId: true },
  });
  return rows.map((r) => r.committeeId);
}

/** Stores the zone on the person's membership of the committee (touching it, so its reminders are re-planned). */
export function setMemberZone(db: DbClient, committeeId: string, userId: string, zone: string | null) {
  return db.member.updateMany({ where: { committeeId, slackUserId: userId }, data: { slackTz: zone } });
}
