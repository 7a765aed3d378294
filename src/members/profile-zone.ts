/**
 * A person's Slack profile zone, whenever Concord learns it (users.info at `member add`, `setup`, or any
 * lookup for a command): stored on each of their memberships that has another one, and their reminders
 * and digests re-planned to 09:00 in it, through the committee's write path (locked, re-planned in the
 * same transaction). A profile without a zone (null) falls back to the duty station, else the committee's.
 */
import type { Db } from '../db/database.ts';
import { writeCommitteeAsConcord } from '../committees/committee-write.ts';
import { committeesWithOtherZone, setMemberZone } from './profile-zone-repository.ts';

export async function recordProfileZone(db: Db, userId: string, zone: string | null): Promise<number> {
  const committees = await committeesWithOtherZone(db, userId, zone);
  for (const committeeId of committees) {
    await writeCommitteeAsConcord(db, committeeId, async (tx) => {
      await setMemberZone(tx, committeeId, userId, zone);
    });
  }
  return committees.length;
}
