import { inTransaction, type Tx } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { Scope } from '../committees/scope.ts';
import { authorize, type Role } from '../committees/permissions.ts';
import { requireOrganization } from '../organizations/organization-service.ts';
import { countRole, deleteMember, findMember, listMembers, upsertMember, type MemberKind } from './member-repository.ts';

/** A committee must always keep one secretariat, or nobody could administer it again. */
async function keepOneSecretariat(tx: Tx, scope: Scope, userId: string): Promise<void> {
  const member = await findMember(tx, scope.committee.id, userId);
  if (member?.role === 'secretariat' && (await countRole(tx, scope.committee.id, 'secretariat')) <= 1) {
    throw new UserError('That would leave the committee without a secretariat. Make someone else secretariat first (`role @user secretariat`).');
  }
}

export async function addMember(scope: Scope, userId: string, orgCode: string, kind: MemberKind = 'member') {
  await authorize(scope.actor, 'member.add', scope.holdersOf);
  const org = await requireOrganization(scope, orgCode);
  return inTransaction(scope.db, async (tx) => {
    const before = await findMember(tx, scope.committee.id, userId);
    const after = await upsertMember(tx, scope.committee.id, userId, { organizationId: org.id, kind });
    await recordAudit(tx, {
      committeeId: scope.committee.id,
      actorId: scope.actor.userId,
      action: 'member.add',
      subject: userId,
      before: before ? { organization: before.organization?.code ?? null, kind: before.kind, role: before.role } : undefined,
      after: { organization: org.code, kind, role: after.role },
    });
    return { member: after, org, previousOrg: before?.organization?.code ?? null };
  });
}

export async function removeMember(scope: Scope, userId: string) {
  await authorize(scope.actor, 'member.remove', scope.holdersOf);
  return inTransaction(scope.db, async (tx) => {
    const before = await findMember(tx, scope.committee.id, userId);
    if (!before) throw new UserError('That person is not a member of the committee. See `members`.');
    await keepOneSecretariat(tx, scope, userId);
    await deleteMember(tx, scope.committee.id, userId);
    await recordAudit(tx, {
      committeeId: scope.committee.id,
      actorId: scope.actor.userId,
      action: 'member.remove',
      subject: userId,
      before: { organization: before.organization?.code ?? null, kind: before.kind, role: before.role },
    });
    return before;
  });
}

export async function setRole(scope: Scope, userId: string, role: Role) {
  await authorize(scope.actor, 'role.set', scope.holdersOf);
  return inTransaction(scope.db, async (tx) => {
    const before = await findMember(tx, scope.committee.id, userId);
    if (before?.role === role) return { member: before, changed: false };
    if (role !== 'secretariat') await keepOneSecretariat(tx, scope, userId);
    const member = await upsertMember(tx, scope.committee.id, userId, { role });
    await recordAudit(tx, {
      committeeId: scope.committee.id,
      actorId: scope.actor.userId,
      action: 'role.set',
      subject: userId,
      before: before ? { role: before.role } : undefined,
      after: { role },
    });
    return { member, changed: true };
  });
}

export async function listCommitteeMembers(scope: Scope, orgCode?: string) {
  const org = orgCode ? await requireOrganization(scope, orgCode) : undefined;
  return { org, members: await listMembers(scope.db, scope.committee.id, org?.id) };
}

export function whoAmI(scope: Scope) {
  return findMember(scope.db, scope.committee.id, scope.actor.userId);
}
