import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { createCommittee, findCommittee, updateCommittee, type TeamKey } from './committee-repository.ts';
import { upsertMember, usersWithRoles } from '../members/member-repository.ts';
import { authorize } from './permissions.ts';
import { findMember } from '../members/member-repository.ts';
import { validateZone } from './validate.ts';

export const DEFAULT_COMMITTEE_ZONE = 'Europe/Zurich';

export interface SetupInput {
  name: string;
  channelId: string;
  timeZone?: string;
}

/**
 * `setup "Name"`: binds the workspace's committee to a channel. The first caller creates it and becomes
 * secretariat; afterwards only the secretariat may rename it or move it to another channel.
 */
export async function setupCommittee(db: Db, key: TeamKey, actorId: string, input: SetupInput) {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 120) throw new UserError('The committee name must be 2 to 120 characters.', 'setup "Committee name" [tz:Area/City]');
  const zone = input.timeZone === undefined ? undefined : validateZone(input.timeZone);
  return inTransaction(db, async (tx) => {
    const existing = await findCommittee(tx, key);
    if (!existing) {
      const committee = await createCommittee(tx, key, { name, channelId: input.channelId, timeZone: zone ?? DEFAULT_COMMITTEE_ZONE });
      await upsertMember(tx, committee.id, actorId, { role: 'secretariat' });
      await recordAudit(tx, { committeeId: committee.id, actorId, action: 'committee.setup', subject: committee.id, after: committee });
      await recordAudit(tx, { committeeId: committee.id, actorId, action: 'role.set', subject: actorId, after: { role: 'secretariat' } });
      return { committee, created: true };
    }
    const member = await findMember(tx, existing.id, actorId);
    await authorize({ userId: actorId, role: member?.role ?? null, organizationId: member?.organizationId ?? null }, 'committee.setup', (roles) =>
      usersWithRoles(tx, existing.id, roles),
    );
    const committee = await updateCommittee(tx, existing.id, { name, channelId: input.channelId, ...(zone ? { timeZone: zone } : {}) });
    await recordAudit(tx, { committeeId: committee.id, actorId, action: 'committee.setup', subject: committee.id, before: existing, after: committee });
    return { committee, created: false };
  });
}
