/** Committee members and their roles: who may do what (scope, permissions) and who belongs to which organization. */
import type { DbClient } from '../db/transaction.ts';
import type { MemberKind, Role } from './membership.ts';

export function findMember(db: DbClient, committeeId: string, slackUserId: string) {
  return db.member.findUnique({ where: { committeeId_slackUserId: { committeeId, slackUserId } }, include: { organization: true } });
}

/** Only what a permission check needs: the member's role and organization (null for a non-member). */
export function findRole(db: DbClient, committeeId: string, slackUserId: string) {
  return db.member.findUnique({ where: { committeeId_slackUserId: { committeeId, slackUserId } }, select: { role: true, organizationId: true } });
}

export function listMembers(db: DbClient, committeeId: string, organizationId?: string) {
  return db.member.findMany({
    where: { committeeId, ...(organizationId ? { organizationId } : {}) },
    include: { organization: true },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
  });
}

export async function usersWithRoles(db: DbClient, committeeId: string, roles: readonly Role[]): Promise<string[]> {
  const rows = await db.member.findMany({ where: { committeeId, role: { in: [...roles] } }, select: { slackUserId: true }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => r.slackUserId);
}

export function countRole(db: DbClient, committeeId: string, role: Role) {
  return db.member.count({ where: { committeeId, role } });
}

export function upsertMember(
  db: DbClient,
  committeeId: string,
  slackUserId: string,
  data: { role?: Role; organizationId?: string | null; kind?: MemberKind; slackTz?: string | null },
) {
  return db.member.upsert({
    where: { committeeId_slackUserId: { committeeId, slackUserId } },
    create: { committeeId, slackUserId, role: data.role ?? 'member', organizationId: data.organizationId ?? null, kind: data.kind ?? 'member', slackTz: data.slackTz ?? null },
    update: data,
    include: { organization: true },
  });
}

export function deleteMember(db: DbClient, committeeId: string, slackUserId: string) {
  return db.member.delete({ where: { committeeId_slackUserId: { committeeId, slackUserId } } });
}
