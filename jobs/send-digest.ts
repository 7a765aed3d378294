/**
 * Sends one claimed digest row: checks that it still applies (the committee's channel, the focal point
 * still one), writes the digest as it stands now, and puts it in the outbox. The committee's always goes
 * out ("Nothing overdue…"); an organization's with nothing in it is skipped.
 */
import type { Tx } from '../src/db/transaction.ts';
import { addDirectMessage, addOutbound } from '../src/outbox/outbox-repository.ts';
import { digestSubject } from '../src/reminders/digest-repository.ts';
import { mondayOf } from '../src/reminders/digest-rules.ts';
import { readCommitteeDigest, readOrganizationDigest } from '../src/reminders/digest-service.ts';
import { settleReminder } from '../src/reminders/reminder-repository.ts';
import { committeeDigestMessage, organizationDigestMessage } from '../src/slack/blocks/digest.ts';
import { todayInZone } from '../src/time/local-date.ts';

interface DigestRow {
  id: string;
  committeeId: string;
  subjectId: string;
  rule: string;
  recipient: string;
  recipientKind: string;
  zone: string;
}

/** Returns the outbox row id, or undefined when the digest was skipped (with the reason on the row). */
export async function sendDigest(tx: Tx, row: DigestRow, now: Date, commandName: string): Promise<string | undefined> {
  const skip = async (reason: string) => {
    await settleReminder(tx, row.id, { status: 'skipped', reason });
    return undefined;
  };
  const subject = await digestSubject(tx, row.committeeId, row.subjectId);
  if (!subject) return skip('its subject was removed');
  let outboundId: string;
  if (!subject.organization) {
    if (row.recipientKind !== 'channel' || subject.channelId !== row.recipient) return skip('no longer applies (the committee channel changed)');
    const today = todayInZone(now, subject.committeeZone);
    const digest = await readCommitteeDigest(tx, { id: subject.committeeId, name: subject.committeeName }, mondayOf(today), today);
    outboundId = await addOutbound(tx, { committeeId: row.committeeId, channelId: row.recipient, ...committeeDigestMessage(digest, today, commandName) });
  } else {
    const org = subject.organization;
    if (row.recipientKind !== 'user' || !org.focalPoints.includes(row.recipient)) return skip('no longer applies (not a focal point of the organization any more)');
    const today = todayInZone(now, row.zone);
    const digest = await readOrganizationDigest(tx, row.committeeId, org, mondayOf(today), today);
    if (!digest) return skip('nothing to report');
    const fallbackChannelId = org.channelId ?? subject.channelId ?? undefined;
    outboundId = await addDirectMessage(tx, { committeeId: row.committeeId, userId: row.recipient, ...organizationDigestMessage(digest, commandName), fallbackChannelId });
  }
  await settleReminder(tx, row.id, { status: 'sending', outboundId });
  return outboundId;
}
