/** Finding a meeting by its short id, or saying clearly that there is none. */
import type { DbClient, Tx } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { findMeeting, lastMeetingNumber, lockMeeting } from './meeting-repository.ts';
import { shortMeetingId, type Meeting } from './meeting-rules.ts';

/** The meeting M-n of a committee; with `lock`, its row stays locked until the transaction ends. */
export async function requireMeeting(db: DbClient, committeeId: string, number: number, lock?: { tx: Tx }): Promise<Meeting> {
  const meeting = lock ? await lockMeeting(lock.tx, committeeId, number) : await findMeeting(db, committeeId, number);
  if (meeting) return meeting;
  const last = await lastMeetingNumber(db, committeeId);
  if (last === null) throw new UserError(`There is no ${shortMeetingId(number)}: no meeting has been added yet. Add one with \`meeting add\`.`);
  throw new UserError(`There is no ${shortMeetingId(number)}; the last meeting is ${shortMeetingId(last)}. See \`meetings all\`.`);
}
