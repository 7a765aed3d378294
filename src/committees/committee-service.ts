import type { Db } from '../db/database.ts';
import { inTransaction, isUniqueViolation } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { createCommittee, findCommittee, updateCommittee, type TeamKey } from './committee-repository.ts';
import { upsertMember } from './member-repository.ts';
import { writeCommittee } from './committee-write.ts';
import { NoCommitteeError, type Committee } from './scope.ts';
import { validateZone } from './validate.ts';
import { invalidateCommittee } from '../cache/attach.ts';
import { addOutbound } from '../outbox/outbox-repository.ts';
import type { Dispatch } from '../outbox/announcer.ts';
import { planCommitteeDigests } from '../reminders/digest-repository.ts';
import { clockNow } from '../clock/clock.ts';

const DEFAULT_COMMITTEE_ZONE = 'Europe/Zurich';

export interface SetupInput {
  name: string;
  channelId: string;
  timeZone?: string;
  /** The caller's Slack profile zone, when known (their reminders' zone). */
  actorProfileZone?: string | null;
}

/**
 * `setup "Name"`: binds the workspace's committee to a channel. The first caller creates it and becomes
 * secretariat. Run again, it changes nothing (`created: false`): the secretariat is told the committee
 * exists and how to change it (`changeCommittee`); anyone else is refused as for any set-up change. When
 * several people set up a new committee at the same moment, one creates it and the others are answered as
 * if they had come just after (the creation they lost is retried once, and then finds the committee).
 */
export async function setupCommittee(db: Db, key: TeamKey, actorId: string, input: SetupInput) {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 120) throw new UserError('The committee name must be 2 to 120 characters.');
  const zone = input.timeZone === undefined ? undefined : validateZone(input.timeZone);
  const attempt = async () => {
    const existing = await findCommittee(db, key);
    if (existing) return { committee: await writeCommittee(db, existing.id, actorId, 'committee.setup', async (_tx, w) => w.committee), created: false };
    return { committee: await create(db, key, actorId, name, input.channelId, zone, input.actorProfileZone ?? null), created: true };
  };
  try {
    return await attempt();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return attempt();
  }
}

async function create(db: Db, key: TeamKey, actorId: string, name: string, channelId: string, zone: string | undefined, actorProfileZone: string | null) {
  const created = await inTransaction(db, async (tx) => {
    const committee = await createCommittee(tx, key, { name, channelId, timeZone: zone ?? DEFAULT_COMMITTEE_ZONE });
    await upsertMember(tx, committee.id, actorId, { role: 'secretariat', slackTz: actorProfileZone });
    await recordAudit(tx, { committeeId: committee.id, actorId, action: 'committee.setup', subject: committee.id, after: committee });
    await recordAudit(tx, { committeeId: committee.id, actorId, action: 'role.set', subject: actorId, after: { role: 'secretariat' } });
    await planCommitteeDigests(tx, committee.id, clockNow()); // its first Monday digest
    return committee;
  });
  await invalidateCommittee(db, created.id);
  return created;
}

export interface CommitteeChange {
  name?: string;
  channelId?: string;
  timeZone?: string;
}

export interface CommitteeChangeEnv {
  dispatch: Dispatch;
  /** The channel message announcing the change (rendered by the Slack layer). */
  render: (c: { before: Committee; after: Committee; actorId: string }) => { text: string; blocks?: unknown[] };
}

/**
 * `setup rename "New name"`, `setup move`, `setup zone Area/City`: the secretariat changes the committee's
 * name, home channel or time zone. The change is announced in the committee's channel (and, after a move,
 * in the channel it left). Returns `changed: false`, announcing nothing, when nothing would change.
 */
export async function changeCommittee(db: Db, key: TeamKey, actorId: string, change: CommitteeChange, env: CommitteeChangeEnv) {
  const data: CommitteeChange = {};
  if (change.name !== undefined) {
    data.name = change.name.trim();
    if (data.name.length < 2 || data.name.length > 120) throw new UserError('The committee name must be 2 to 120 characters.');
  }
  if (change.timeZone !== undefined) data.timeZone = validateZone(change.timeZone);
  if (change.channelId !== undefined) data.channelId = change.channelId;
  const existing = await findCommittee(db, key);
  if (!existing) throw new NoCommitteeError();
  const result = await writeCommittee(db, existing.id, actorId, 'committee.setup', async (tx, { committee: before }) => {
    const same = (Object.keys(data) as (keyof CommitteeChange)[]).every((k) => data[k] === before[k]);
    if (same) return { before, after: before, changed: false, ids: [] as string[] };
    const after = await updateCommittee(tx, before.id, data);
    await recordAudit(tx, { committeeId: after.id, actorId, action: 'committee.change', subject: after.id, before, after });
    const message = env.render({ before, after, actorId });
    const channels = [...new Set([after.channelId, before.channelId].filter((c): c is string => !!c))];
    const ids: string[] = [];
    for (const channelId of channels) ids.push(await addOutbound(tx, { committeeId: after.id, channelId, text: message.text, blocks: message.blocks }));
    return { before, after, changed: true, ids };
  });
  await env.dispatch(result.ids);
  return { before: result.before, committee: result.after, changed: result.changed };
}
