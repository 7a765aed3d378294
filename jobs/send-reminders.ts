/**
 * Sends what is due: claims due reminders (pending → sending, so two workers never both take one), checks
 * each subject again (never for a done item, a cancelled or past meeting, a moved deadline), and writes the
 * messages to the outbox in the same transaction — the outbox delivers them (per-channel order, rate
 * limits, crash recovery). Of several due reminders for one subject and recipient (missed while Concord
 * was down) only the latest is sent; the others are skipped with the reason.
 *
 * Follow-up, meeting and deadline reminders go a batch at a time: one transaction claims the batch in one
 * statement, loads its subjects in a few queries and writes its outbox rows in one insert. A reminder whose
 * committee is being changed, or whose recipient's outbox channel another transaction is writing to, at
 * that moment is left for a transaction of its own, which waits its turn before claiming anything: the
 * sweep never waits while holding claims (a committee write may be re-planning them: a deadlock). Digests
 * and silence periods, which read and write more, take one transaction each.
 */
import type { Db } from '../src/db/database.ts';
import { inTransaction, type Tx } from '../src/db/transaction.ts';
import { invalidateCommittee } from '../src/cache/attach.ts';
import type { Logger } from '../src/logger.ts';
import { addOutbound, addOutboundUnlessBusy } from '../src/outbox/outbox-repository.ts';
import { planFor } from '../src/reminders/reminder-planner.ts';
import { claimDueBatch, claimReminder, dueReminders, holdCommittee, markReminderDone, settleReminder, settleReminders, type ClaimedReminder, type Settlement } from '../src/reminders/reminder-repository.ts';
import { reminderTopics, subjectKey, subjectStates, type ReminderTopic, type Subject, type SubjectKind, type SubjectState } from '../src/reminders/reminder-subjects.ts';
import { stillUseful, type Planned } from '../src/reminders/reminder-rules.ts';
import { reminderMessage } from '../src/slack/blocks/reminders.ts';
import { DIGEST_KIND } from '../src/reminders/digest-repository.ts';
import { sendDigest } from './send-digest.ts';
import { adoptBySilence, RECORD_KIND } from '../src/records/record-silence.ts';
import { recordNotices } from '../src/slack/blocks/record-notices.ts';
import { followUpNotices } from '../src/slack/blocks/followup-notices.ts';
import { noDispatch } from '../src/outbox/announcer.ts';

export interface SendRemindersDeps {
  db: Db;
  logger: Logger;
  dispatch(outboundIds: string[]): Promise<void>;
  /** The slash command digests point at (`/concord`). */
  commandName?: string;
}

const BATCH = 500;
const BATCHES = 20;
const BATCHED_KINDS: SubjectKind[] = ['followup', 'meeting', 'deadline'];

/** Sends everything due at `now`; returns how many messages were queued. */
export async function sendDueReminders(deps: SendRemindersDeps, now: Date): Promise<number> {
  const commandName = deps.commandName ?? '/concord';
  let queued = 0;
  for (let batch = 0; batch < BATCHES; batch++) {
    const { claimed, outboundIds, busy } = await inTransaction(deps.db, (tx) => sendBatch(tx, now));
    for (const group of busy) outboundIds.push(...(await inTransaction(deps.db, (tx) => sendGroup(tx, group, now, commandName))));
    queued += outboundIds.length;
    await deps.dispatch(outboundIds);
    if (claimed < BATCH) break;
  }
  // Digests and silence periods; and reminders the batches passed over (their committee was being changed).
  for (let batch = 0; batch < BATCHES; batch++) {
    const due = await dueReminders(deps.db, now, 200);
    if (!due.length) break;
    const outboundIds: string[] = [];
    for (const group of groupsOf(due)) {
      const ids = await inTransaction(deps.db, (tx) => sendGroup(tx, group, now, commandName));
      outboundIds.push(...ids);
      // A record adopted by silence changed follow-ups and records: what processes cached of its committee goes.
      if (ids.length && group[0]!.subjectKind === RECORD_KIND) await invalidateCommittee(deps.db, group[0]!.committeeId);
    }
    queued += outboundIds.length;
    await deps.dispatch(outboundIds);
  }
  if (queued) deps.logger.info({ queued }, 'reminders queued for delivery');
  return queued;
}

/** Reminders by subject and recipient, in the order first seen. */
function groupsOf<T extends ClaimedReminder>(due: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of due) {
    const key = `${r.subjectKind}:${r.subjectId}:${r.recipient}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()];
}

const latestOf = <T extends ClaimedReminder>(group: T[]): T => group.reduce((a, b) => (b.dueAt > a.dueAt ? b : a));
const skippedFor = (latest: ClaimedReminder) => `missed; a later reminder (${latest.rule}) was sent instead`;
const subjectOf = (r: ClaimedReminder): Subject => ({ kind: r.subjectKind as SubjectKind, id: r.subjectId });

/** Why a reminder is not sent after all, or undefined when it is (checked against its subject as it is now). */
function whyNot(r: ClaimedReminder, state: SubjectState | undefined, plan: Planned[] | undefined, topic: ReminderTopic | undefined, now: Date): string | undefined {
  const planned = state && plan?.find((p) => p.rule === r.rule && p.recipient === r.recipient);
  if (!state || !planned || planned.dueAt.getTime() !== r.dueAt.getTime()) return 'no longer applies (its subject changed)';
  if (!stillUseful(r.rule, state.date, r.zone, now)) return 'too late to be useful';
  if (!topic) return 'its subject was removed';
  return undefined;
}

/** The outbox row of a reminder: a DM's channel is its recipient's user id (as `addDirectMessage` does), with the subject's fallback channel. */
function outboxRow(r: ClaimedReminder, topic: ReminderTopic) {
  const message = reminderMessage(r.rule, topic);
  const fallbackChannelId = 'fallbackChannelId' in topic ? (topic.fallbackChannelId ?? undefined) : undefined;
  return r.recipientKind === 'user'
    ? { committeeId: r.committeeId, channelId: r.recipient, recipientUserId: r.recipient, fallbackChannelId, ...message }
    : { committeeId: r.committeeId, channelId: r.recipient, ...message };
}

/**
 * One batch of follow-up, meeting and deadline reminders in one transaction. Groups whose outbox channel
 * was busy are put back to pending and returned in `busy`, to be sent one by one.
 */
async function sendBatch(tx: Tx, now: Date): Promise<{ claimed: number; outboundIds: string[]; busy: ClaimedReminder[][] }> {
  const claimed = await claimDueBatch(tx, now, BATCHED_KINDS, BATCH);
  if (!claimed.length) return { claimed: 0, outboundIds: [], busy: [] };
  const groups = groupsOf(claimed);
  const subjects = [...new Map(groups.map((g) => [subjectKey(subjectOf(g[0]!)), subjectOf(g[0]!)])).values()];
  const [states, topics] = await Promise.all([subjectStates(tx, subjects), reminderTopics(tx, subjects)]);
  const plans = new Map<string, Planned[]>(); // a subject's plan, computed once for all its recipients

  const settled: Settlement[] = [];
  const sending: Array<{ group: ClaimedReminder[]; latest: ClaimedReminder; row: ReturnType<typeof outboxRow> }> = [];
  for (const group of groups) {
    const latest = latestOf(group);
    const key = subjectKey(subjectOf(latest));
    const state = states.get(key);
    if (state && !plans.has(key)) plans.set(key, planFor(state));
    const why = whyNot(latest, state, plans.get(key), topics.get(key), now);
    if (why) {
      settled.push(...group.map((r) => ({ id: r.id, status: 'skipped' as const, reason: r === latest ? why : skippedFor(latest) })));
    } else {
      sending.push({ group, latest, row: outboxRow(latest, topics.get(key)!) });
    }
  }
  const ids = await addOutboundUnlessBusy(tx, sending.map((s) => s.row));
  const busy: ClaimedReminder[][] = [];
  sending.forEach(({ group, latest }, i) => {
    const outboundId = ids[i];
    if (!outboundId) {
      busy.push(group);
      settled.push(...group.map((r) => ({ id: r.id, status: 'pending' as const })));
    } else {
      settled.push(...group.map((r) => (r === latest ? { id: r.id, status: 'sending' as const, outboundId } : { id: r.id, status: 'skipped' as const, reason: skippedFor(latest) })));
    }
  });
  await settleReminders(tx, settled);
  return { claimed: claimed.length, outboundIds: ids.filter((id): id is string => Boolean(id)), busy };
}

/** One subject and recipient in a transaction of its own: send the latest due reminder, skip the rest. Returns the outbox row ids. */
async function sendGroup(tx: Tx, group: ClaimedReminder[], now: Date, commandName: string): Promise<string[]> {
  // First, while holding nothing: wait for a change of the committee under way (see holdCommittee).
  // A silence period's end locks its committee for update itself.
  if (group[0]!.subjectKind !== RECORD_KIND) await holdCommittee(tx, group[0]!.committeeId);
  const claimed: ClaimedReminder[] = [];
  for (const r of group) if (await claimReminder(tx, r.id)) claimed.push(r);
  if (!claimed.length) return [];
  const latest = latestOf(claimed);
  for (const r of claimed) if (r !== latest) await settleReminder(tx, r.id, { status: 'skipped', reason: skippedFor(latest) });

  if (latest.subjectKind === DIGEST_KIND) {
    const id = await sendDigest(tx, latest, now, commandName);
    return id ? [id] : [];
  }
  if (latest.subjectKind === RECORD_KIND) return endSilence(tx, latest, now, commandName);
  const subject = subjectOf(latest);
  const [states, topics] = await Promise.all([subjectStates(tx, [subject]), reminderTopics(tx, [subject])]);
  const topic = topics.get(subjectKey(subject));
  const state = states.get(subjectKey(subject));
  const why = whyNot(latest, state, state && planFor(state), topic, now);
  if (why) {
    await settleReminder(tx, latest.id, { status: 'skipped', reason: why });
    return [];
  }
  const outboundId = await addOutbound(tx, outboxRow(latest, topic!)); // waits for the channel's lock
  await settleReminder(tx, latest.id, { status: 'sending', outboundId });
  return [outboundId];
}

/** A record's silence period ended: adopt it (posted, follow-ups created) unless an objection stands. */
async function endSilence(tx: Tx, due: ClaimedReminder, now: Date, commandName: string): Promise<string[]> {
  const followUps = { now, dispatch: noDispatch, render: followUpNotices() };
  const outcome = await adoptBySilence(tx, due.subjectId, now, { now, dispatch: noDispatch, render: recordNotices(commandName), followUps });
  if (!outcome.adopted) {
    await settleReminder(tx, due.id, { status: 'skipped', reason: outcome.reason });
    return [];
  }
  await markReminderDone(tx, due.id, outcome.outboundIds[0] ?? null);
  return outcome.outboundIds;
}
