import type { DbClient } from '../db/transaction.ts';

export interface OrganizationData {
  code: string;
  acronym: string;
  name: string;
  timeZone: string;
  channelId: string | null;
}

export function findOrganization(db: DbClient, committeeId: string, code: string) {
  return db.organization.findUnique({ where: { committeeId_code: { committeeId, code: code.toUpperCase() } } });
}

export function listOrganizations(db: DbClient, committeeId: string) {
  return db.organization.findMany({
    where: { committeeId },
    orderBy: { code: 'asc' },
    include: { members: { select: { slackUserId: true, kind: true } } },
  });
}

export function createOrganization(db: DbClient, committeeId: string, data: OrganizationData) {
  return db.organization.create({ data: { committeeId, ...data } });
}

export function updateOrganization(db: DbClient, id: string, data: Partial<OrganizationData>) {
  return db.organization.update({ where: { id }, data });
}

export function deleteOrganization(db: DbClient, id: string) {
  return db.organization.delete({ where: { id } });
}

export function organizationCodes(db: DbClient, committeeId: string) {
  return db.organization.findMany({ where: { committeeId }, select: { code: true }, orderBy: { code: 'asc' } }).then((r) => r.map((o) => o.code));
}

/** Numbers of the follow-ups in which the organization still has an open part (removal waits for them). */
export async function openFollowUpNumbers(db: DbClient, organizationId: string): Promise<number[]> {
  const rows = await db.followUpAssignment.findMany({
    where: { organizationId, status: 'open', followUp: { status: 'open' } },
    select: { followUp: { select: { number: true } } },
    orderBy: { followUp: { number: 'asc' } },
  });
  return rows.map((r) => r.followUp.number);
}
