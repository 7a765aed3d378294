import type { Db } from '../db/database.ts';
import { inTransaction, isUniqueViolation } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { createCommittee, findCommittee, updateCommittee, type TeamKey } from './committee-repository.ts';
import { upsertMember } from './member-repository.ts';
import { writeCommittee } from './committee-write.ts';
import { validateZone } from './validate.ts';

const DEFAULT_COMMITTEE_ZONE = 'Europe/Zurich';

export interface SetupInput {
  name: string;
  channelId: string;
  timeZone?: string;
}

/**
 * `setup "Name"`: binds the workspace's committee to a channel. The first caller creates it and becomes
 * secretariat; afterwards only the secretariat may rename it or move it to another channel. When several
 * people set up a new committee at the same moment, one creates it and the others are answered as if they
 * had come just after (the creation they lost is retried once, and then finds the committee).
 */
export async function setupCommittee(db: Db, key: TeamKey, actorId: string, input: SetupInput) {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 120) throw new UserError('The committee name must be 2 to 120 characters.');
  const zone = input.timeZone === undefined ? undefined : validateZone(input.timeZone);
  const attempt = async () => {
    const existing = await findCommittee(db, key);
    if (existing) return { committee: await reconfigure(db, existing.id, actorId, name, input.channelId, zone), created: false };
    return { committee: await create(db, key, actorId, name, input.channelId, zone), created: true };
  };
  try {
    return await attempt();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return attempt();
  }
}

function create(db: Db, key: TeamKey, actorId: string, name: string, channelId: string, zone: string | undefined) {
  return inTransaction(db, async (tx) => {
    const committee = await createCommittee(tx, key, { name, channelId, timeZone: zone ?? DEFAULT_COMMITTEE_ZONE });
    await upsertMember(tx, committee.id, actorId, { role: 'secretariat' });
    await recordAudit(tx, { committeeId: committee.id, actorId, action: 'committee.setup', subject: committee.id, after: committee });
    await recordAudit(tx, { committeeId: committee.id, actorId, action: 'role.set', subject: actorId, after: { role: 'secretariat' } });
    return committee;
  });
}

function reconfigure(db: Db, committeeId: string, actorId: string, name: string, channelId: string, zone: string | undefined) {
  return writeCommittee(db, committeeId, actorId, 'committee.setup', async (tx, { committee: before }) => {
    const committee = await updateCommittee(tx, before.id, { name, channelId, ...(zone ? { timeZone: zone } : {}) });
    await recordAudit(tx, { committeeId: committee.id, actorId, action: 'committee.setup', subject: committee.id, before, after: committee });
    return committee;
  });
}
