import type { Tx } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { Scope } from '../committees/scope.ts';
import { committeeWrite } from '../committees/committee-write.ts';
import type { MemberKind, Role } from '../committees/membership.ts';
import { countRole, deleteMember, findMember, listMembers, upsertMember } from '../committees/member-repository.ts';
import { requireOrganization } from '../organizations/organization-service.ts';

/**
 * A committee must always keep one secretariat, or nobody could administer it again. Counted inside the
 * change's transaction, with the committee locked (`committeeWrite`): two secretariats demoting each other
 * at once cannot both pass.
 */
async function keepOneSecretariat(tx: Tx, committeeId: string, userId: string): Promise<void> {
  const member = await findMember(tx, committeeId, userId);
  if (member?.role === 'secretariat' && (await countRole(tx, committeeId, 'secretariat')) <= 1) {
    throw new UserError('That would leave the committee without a secretariat. Make someone else secretariat first (`role @user secretariat`).');
  }
}

/**
 * `profileZone`: the person's Slack profile zone as just read (null: none set; undefined: Slack could not
 * be asked — the stored one is kept). Their reminders are planned in it, in this same write.
 */
export function addMember(scope: Scope, userId: string, orgCode: string, kind: MemberKind = 'member', profileZone?: string | null) {
  return committeeWrite(scope, 'member.add', async (tx, { committee, actor }) => {
    const org = await requireOrganization(tx, committee, orgCode);
    const before = await findMember(tx, committee.id, userId);
    const after = await upsertMember(tx, committee.id, userId, { organizationId: org.id, kind, ...(profileZone !== undefined ? { slackTz: profileZone } : {}) });
    await recordAudit(tx, {
      committeeId: committee.id,
      actorId: actor.userId,
      action: 'member.add',
      subject: userId,
      before: before ? { organization: before.organization?.code ?? null, kind: before.kind, role: before.role } : undefined,
      after: { organization: org.code, kind, role: after.role },
    });
    return { member: after, org, previousOrg: before?.organization?.code ?? null };
  });
}

export function removeMember(scope: Scope, userId: string) {
  return committeeWrite(scope, 'member.remove', async (tx, { committee, actor }) => {
    const before = await findMember(tx, committee.id, userId);
    if (!before) throw new UserError('That person is not a member of the committee. See `members`.');
    await keepOneSecretariat(tx, committee.id, userId);
    await deleteMember(tx, committee.id, userId);
    await recordAudit(tx, {
      committeeId: committee.id,
      actorId: actor.userId,
      action: 'member.remove',
      subject: userId,
      before: { organization: before.organization?.code ?? null, kind: before.kind, role: before.role },
    });
    return before;
  });
}

export function setRole(scope: Scope, userId: string, role: Role) {
  return committeeWrite(scope, 'role.set', async (tx, { committee, actor }) => {
    const before = await findMember(tx, committee.id, userId);
    if (before?.role === role) return { member: before, changed: false };
    if (role !== 'secretariat') await keepOneSecretariat(tx, committee.id, userId);
    const member = await upsertMember(tx, committee.id, userId, { role });
    await recordAudit(tx, {
      committeeId: committee.id,
      actorId: actor.userId,
      action: 'role.set',
      subject: userId,
      before: before ? { role: before.role } : undefined,
      after: { role },
    });
    return { member, changed: true };
  });
}

/** One organization with its members (`org show CODE`, `members CODE`). */
export async function showOrganization(scope: Scope, code: string) {
  const org = await requireOrganization(scope.db, scope.committee, code);
  return { org, members: await listMembers(scope.db, scope.committee.id, org.id) };
}

/** The committee's members, or one organization's. */
export async function listCommitteeMembers(scope: Scope, orgCode?: string) {
  if (orgCode) return showOrganization(scope, orgCode);
  return { org: undefined, members: await listMembers(scope.db, scope.committee.id) };
}

export function whoAmI(scope: Scope) {
  return findMember(scope.db, scope.committee.id, scope.actor.userId);
}
