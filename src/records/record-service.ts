/**
 * Summary records as the chair and the secretariat keep them: save a draft, circulate (silence procedure),
 * adopt now; members object, the chair resolves. Every change: permission and lock (`committeeWrite`), one
 * transaction, an audit event, messages through the outbox. An adopted record is locked; an amendment of a
 * draft or circulated record adds a version and keeps the old ones.
 */
import type { DbClient, Tx } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { Committee, Scope } from '../committees/scope.ts';
import { committeeWrite } from '../committees/committee-write.ts';
import { nextNumber } from '../committees/committee-repository.ts';
import { requireMeeting } from '../meetings/meeting-lookup.ts';
import { addOutbound } from '../outbox/outbox-repository.ts';
import {
  addObjection,
  addVersion,
  createRecord,
  deleteDraft,
  findRecord,
  findVersion,
  openObjections,
  resolveObjections,
  updateRecord,
  type SummaryRecord,
} from './record-repository.ts';
import { bodyText, recordTitle, shortRecordId, silenceDeadline, type RecordContent } from './record-rules.ts';
import { cancelSilence, planSilence } from './record-silence-repository.ts';
import { adoptInside } from './record-adoption.ts';
import type { RecordEnv, RecordNotice } from './record-notices.ts';

export type SubmitMode = 'draft' | 'circulate' | 'adopt';

export interface SubmitInput {
  /** Amend R-n (a new version); none = a new record. */
  recordNumber?: number;
  meetingNumber?: number;
  content: RecordContent;
  mode: SubmitMode;
}

export interface SubmitResult {
  record: SummaryRecord;
  version: number;
  title: string;
}

async function notify(tx: Tx, committee: Committee, env: RecordEnv, notice: RecordNotice): Promise<string[]> {
  if (!committee.channelId) return [];
  const ids: string[] = [];
  for (const message of env.render(notice)) ids.push(await addOutbound(tx, { committeeId: committee.id, channelId: committee.channelId, ...message }));
  return ids;
}

export async function requireRecord(tx: DbClient, committeeId: string, number: number): Promise<SummaryRecord> {
  const record = await findRecord(tx, committeeId, number);
  if (!record) throw new UserError(`There is no ${shortRecordId(number)}: \`records\` lists them.`);
  return record;
}

function refuseIfAdopted(record: SummaryRecord): void {
  if (record.status === 'adopted') throw new UserError(`${shortRecordId(record.number)} is adopted and locked: it cannot be changed.`);
}

/** Saves the modal as a new record or a new version, then keeps it as a draft, circulates it, or adopts it. */
export async function submitRecord(scope: Scope, input: SubmitInput, env: RecordEnv): Promise<SubmitResult> {
  const action = input.mode === 'adopt' ? 'record.adopt' : 'record.write';
  const result = await committeeWrite(scope, action, async (tx, { committee, actor }) => {
    const meeting = input.meetingNumber !== undefined ? await requireMeeting(tx, committee.id, input.meetingNumber) : null;
    let record: SummaryRecord;
    let version: number;
    if (input.recordNumber !== undefined) {
      const before = await requireRecord(tx, committee.id, input.recordNumber);
      refuseIfAdopted(before);
      version = before.currentVersion + 1;
      record = await updateRecord(tx, before.id, { currentVersion: version, ...(meeting ? { meetingId: meeting.id } : {}) });
    } else {
      const number = await nextNumber(tx, committee.id, 'record');
      record = await createRecord(tx, { committeeId: committee.id, number, meetingId: meeting?.id ?? null, createdBy: actor.userId });
      version = 1;
    }
    const title = recordTitle(input.content.header, record.number);
    await addVersion(tx, committee.id, record.id, version, { ...input.content, title, bodyText: bodyText(input.content), createdBy: actor.userId });
    const id = shortRecordId(record.number);
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: version === 1 ? 'record.create' : 'record.amend', subject: `${id} v${version}`, after: { title, mode: input.mode } });
    await deleteDraft(tx, committee.id, actor.userId);
    let ids: string[] = [];
    if (input.mode === 'draft') {
      if (record.status === 'circulated') {
        await cancelSilence(tx, record.id, 'the record went back to draft');
        record = await updateRecord(tx, record.id, { status: 'draft', silenceEndsAt: null });
      }
    } else if (input.mode === 'circulate') {
      ids = await circulate(tx, committee, record, version, title, actor.userId, env);
      record = (await findRecord(tx, committee.id, record.number))!;
    } else {
      ids = await adoptChecked(tx, committee, record, actor.userId, env);
      record = (await findRecord(tx, committee.id, record.number))!;
    }
    return { record, version, title, ids };
  });
  await env.dispatch(result.ids);
  const { ids: _ids, ...rest } = result;
  return rest;
}

async function circulate(tx: Tx, committee: Committee, record: SummaryRecord, version: number, title: string, actorId: string, env: RecordEnv): Promise<string[]> {
  const deadline = silenceDeadline(env.now, committee.timeZone);
  // A new circulation starts a new silence period: earlier objections were about an earlier text.
  await resolveObjections(tx, record.id, actorId, env.now);
  const after = await updateRecord(tx, record.id, { status: 'circulated', silenceEndsAt: deadline, circulatedBy: actorId, circulatedAt: env.now });
  await planSilence(tx, committee, record.id, deadline);
  await recordAudit(tx, { committeeId: committee.id, actorId, action: 'record.circulate', subject: shortRecordId(record.number), before: record, after });
  return notify(tx, committee, env, { type: 'record.circulated', recordId: record.id, number: record.number, title, version, deadline, zone: committee.timeZone, actorId });
}

async function adoptChecked(tx: Tx, committee: Committee, record: SummaryRecord, actorId: string, env: RecordEnv): Promise<string[]> {
  const open = await openObjections(tx, record.id);
  if (open.length) {
    throw new UserError(`${shortRecordId(record.number)} has ${open.length} unresolved objection${open.length > 1 ? 's' : ''}: resolve ${open.length > 1 ? 'them' : 'it'} first (\`record resolve ${shortRecordId(record.number)}\`).`);
  }
  return adoptInside(tx, committee, record, actorId, env);
}

/** The chair adopts R-n at once (no unresolved objection). */
export async function adoptRecordNow(scope: Scope, number: number, env: RecordEnv): Promise<SummaryRecord> {
  const result = await committeeWrite(scope, 'record.adopt', async (tx, { committee, actor }) => {
    const record = await requireRecord(tx, committee.id, number);
    refuseIfAdopted(record);
    const ids = await adoptChecked(tx, committee, record, actor.userId, env);
    return { record: (await findRecord(tx, committee.id, number))!, ids };
  });
  await env.dispatch(result.ids);
  return result.record;
}

export const REASON_MAX = 2000;

/** A member objects to a circulated record: it is not adopted by silence until the chair resolves it. */
export async function objectToRecord(scope: Scope, number: number, reason: string, env: RecordEnv): Promise<SummaryRecord> {
  const text = reason.trim();
  if (!text) throw new UserError('Give the reason for your objection.');
  if (text.length > REASON_MAX) throw new UserError(`The reason is ${text.length} characters long; at most ${REASON_MAX}.`);
  const result = await committeeWrite(scope, 'record.object', async (tx, { committee, actor }) => {
    const record = await requireRecord(tx, committee.id, number);
    const id = shortRecordId(number);
    if (record.status !== 'circulated') throw new UserError(`${id} is ${record.status === 'adopted' ? 'adopted' : 'a draft'}: objections are taken only while it is circulated.`);
    await addObjection(tx, { committeeId: committee.id, recordId: record.id, version: record.currentVersion, userId: actor.userId, reason: text });
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'record.object', subject: id, after: { reason: text } });
    const title = await currentTitle(tx, record);
    const ids = await notify(tx, committee, env, { type: 'record.objection', number, title, userId: actor.userId, reason: text });
    return { record, ids };
  });
  await env.dispatch(result.ids);
  return result.record;
}

/**
 * The chair resolves every open objection to R-n. A circulated record then gets a new silence period, counted
 * from now in the committee's zone: its deadline on the reminder engine moves, and the channel is told.
 */
export async function resolveRecordObjections(scope: Scope, number: number, env: RecordEnv): Promise<{ record: SummaryRecord; resolved: number }> {
  const result = await committeeWrite(scope, 'record.resolve', async (tx, { committee, actor }) => {
    const before = await requireRecord(tx, committee.id, number);
    const id = shortRecordId(number);
    refuseIfAdopted(before);
    const { count } = await resolveObjections(tx, before.id, actor.userId, env.now);
    if (count === 0) throw new UserError(`${id} has no unresolved objection.`);
    let record = before;
    if (before.status === 'circulated') {
      const deadline = silenceDeadline(env.now, committee.timeZone);
      record = await updateRecord(tx, before.id, { silenceEndsAt: deadline });
      await planSilence(tx, committee, before.id, deadline);
    }
    await recordAudit(tx, {
      committeeId: committee.id,
      actorId: actor.userId,
      action: 'record.resolve',
      subject: id,
      before: { silenceEndsAt: before.silenceEndsAt },
      after: { resolved: count, silenceEndsAt: record.silenceEndsAt },
    });
    const title = await currentTitle(tx, record);
    const ids = await notify(tx, committee, env, { type: 'record.resolved', number, title, actorId: actor.userId, deadline: record.silenceEndsAt, zone: committee.timeZone });
    return { record, resolved: count, ids };
  });
  await env.dispatch(result.ids);
  return { record: result.record, resolved: result.resolved };
}

async function currentTitle(tx: Tx, record: SummaryRecord): Promise<string> {
  return (await findVersion(tx, record.id, record.currentVersion))?.title ?? shortRecordId(record.number);
}
