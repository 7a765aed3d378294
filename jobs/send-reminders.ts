/**
 * Sends what is due: claims each due reminder (pending → sending, so two workers never both take it),
 * checks its subject again (never for a done item, a cancelled or past meeting, a moved deadline), and
 * writes its message to the outbox in the same transaction — the outbox delivers it (per-channel order,
 * rate limits, crash recovery). Of several due reminders for one subject and recipient (missed while
 * Concord was down) only the latest is sent; the others are skipped with the reason.
 */
import type { Db } from '../src/db/database.ts';
import { inTransaction, type Tx } from '../src/db/transaction.ts';
import type { Logger } from '../src/logger.ts';
import { addDirectMessage, addOutbound } from '../src/outbox/outbox-repository.ts';
import { planFor } from '../src/reminders/reminder-planner.ts';
import { claimReminder, dueReminders, markReminderDone, reminderTopic, settleReminder, subjectState, type SubjectKind } from '../src/reminders/reminder-repository.ts';
import { stillUseful } from '../src/reminders/reminder-rules.ts';
import { reminderMessage } from '../src/slack/blocks/reminders.ts';
import { DIGEST_KIND } from '../src/reminders/digest-repository.ts';
import { sendDigest } from './send-digest.ts';
import { adoptBySilence, RECORD_KIND } from '../src/records/record-silence.ts';
import { recordNotices } from '../src/slack/blocks/record-notices.ts';
import { followUpNotices } from '../src/slack/blocks/followup-notices.ts';
import { noDispatch } from '../src/outbox/announcer.ts';

type Due = Awaited<ReturnType<typeof dueReminders>>[number];

export interface SendRemindersDeps {
  db: Db;
  logger: Logger;
  dispatch(outboundIds: string[]): Promise<void>;
  /** The slash command digests point at (`/concord`). */
  commandName?: string;
}

const BATCHES = 20;

/** Sends everything due at `now`; returns how many messages were queued. */
export async function sendDueReminders(deps: SendRemindersDeps, now: Date): Promise<number> {
  let queued = 0;
  for (let batch = 0; batch < BATCHES; batch++) {
    const due = await dueReminders(deps.db, now);
    if (!due.length) break;
    const groups = new Map<string, Due[]>();
    for (const r of due) {
      const key = `${r.subjectKind}:${r.subjectId}:${r.recipient}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const outboundIds: string[] = [];
    for (const group of groups.values()) {
      const id = await inTransaction(deps.db, (tx) => sendGroup(tx, group, now, deps.commandName ?? '/concord'));
      if (id) outboundIds.push(...[id].flat());
    }
    queued += outboundIds.length;
    await deps.dispatch(outboundIds);
  }
  if (queued) deps.logger.info({ queued }, 'reminders queued for delivery');
  return queued;
}

/** One subject and recipient: send the latest due reminder, skip the rest. Returns the outbox row id. */
async function sendGroup(tx: Tx, group: Due[], now: Date, commandName: string): Promise<string | string[] | undefined> {
  const claimed: Due[] = [];
  for (const r of group) if (await claimReminder(tx, r.id)) claimed.push(r);
  if (!claimed.length) return undefined;
  const latest = claimed.reduce((a, b) => (b.dueAt > a.dueAt ? b : a));
  for (const r of claimed) if (r !== latest) await settleReminder(tx, r.id, { status: 'skipped', reason: `missed; a later reminder (${latest.rule}) was sent instead` });

  if (latest.subjectKind === DIGEST_KIND) return sendDigest(tx, latest, now, commandName);
  if (latest.subjectKind === RECORD_KIND) return endSilence(tx, latest, now, commandName);
  const subject = { kind: latest.subjectKind as SubjectKind, id: latest.subjectId };
  const state = await subjectState(tx, subject);
  const planned = state && planFor(state).find((p) => p.rule === latest.rule && p.recipient === latest.recipient);
  if (!state || !planned || planned.dueAt.getTime() !== latest.dueAt.getTime()) {
    await settleReminder(tx, latest.id, { status: 'skipped', reason: 'no longer applies (its subject changed)' });
    return undefined;
  }
  if (!stillUseful(latest.rule, state.date, latest.zone, now)) {
    await settleReminder(tx, latest.id, { status: 'skipped', reason: 'too late to be useful' });
    return undefined;
  }
  const topic = await reminderTopic(tx, subject);
  if (!topic) {
    await settleReminder(tx, latest.id, { status: 'skipped', reason: 'its subject was removed' });
    return undefined;
  }
  const message = reminderMessage(latest.rule, topic);
  const fallbackChannelId = 'fallbackChannelId' in topic ? (topic.fallbackChannelId ?? undefined) : undefined;
  const outboundId =
    latest.recipientKind === 'user'
      ? await addDirectMessage(tx, { committeeId: latest.committeeId, userId: latest.recipient, ...message, fallbackChannelId })
      : await addOutbound(tx, { committeeId: latest.committeeId, channelId: latest.recipient, ...message });
  await settleReminder(tx, latest.id, { status: 'sending', outboundId });
  return outboundId;
}

/** A record's silence period ended: adopt it (posted, follow-ups created) unless an objection stands. */
async function endSilence(tx: Tx, due: Due, now: Date, commandName: string): Promise<string[]> {
  const followUps = { now, dispatch: noDispatch, render: followUpNotices() };
  const outcome = await adoptBySilence(tx, due.subjectId, now, { now, dispatch: noDispatch, render: recordNotices(commandName), followUps });
  if (!outcome.adopted) {
    await settleReminder(tx, due.id, { status: 'skipped', reason: outcome.reason });
    return [];
  }
  await markReminderDone(tx, due.id, outcome.outboundIds[0] ?? null);
  return outcome.outboundIds;
}
