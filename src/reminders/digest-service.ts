/** What a digest says, read from the database and shaped by the pure rules (used at send time and by `/concord digest`). */
import type { DbClient } from '../db/transaction.ts';
import type { LocalDate } from '../time/local-date.ts';
import { openParts, upcomingEvents } from './digest-repository.ts';
import { committeeDigest, organizationDigest, type CommitteeDigest, type OrganizationDigest } from './digest-rules.ts';

/** The committee digest of the week of `monday`, as of `today` (the committee's date). */
export async function readCommitteeDigest(db: DbClient, c: { id: string; name: string }, monday: LocalDate, today: LocalDate): Promise<CommitteeDigest> {
  const [parts, events] = await Promise.all([openParts(db, c.id), upcomingEvents(db, c.id, today)]);
  return committeeDigest({ committeeName: c.name, monday, today, parts, events });
}

/** One organization's digest as of `today` (the recipient's date); undefined when there is nothing to report. */
export async function readOrganizationDigest(
  db: DbClient,
  committeeId: string,
  org: { id: string; code: string },
  monday: LocalDate,
  today: LocalDate,
): Promise<OrganizationDigest | undefined> {
  const [parts, deadlines] = await Promise.all([openParts(db, committeeId, org.id), upcomingEvents(db, committeeId, today, org.id)]);
  return organizationDigest({ organization: org.code, monday, today, parts, deadlines });
}
