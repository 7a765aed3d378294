import type { DbClient } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { Committee, Scope } from '../committees/scope.ts';
import { committeeWrite } from '../committees/committee-write.ts';
import { requireLength, validateZone } from '../committees/validate.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { normalizeOrgCode } from './org-code.ts';
import {
  createOrganization,
  deleteOrganization,
  findOrganization,
  listOrganizations,
  openFollowUpNumbers,
  organizationCodes,
  updateOrganization,
  type OrganizationData,
} from './organization-repository.ts';

export interface OrganizationInput {
  code: string;
  name: string;
  acronym?: string;
  timeZone?: string;
  channelId?: string | null;
}

/** Finds an organization of the committee by code or explains, with a "did you mean", that there is none. */
export async function requireOrganization(db: DbClient, committee: Pick<Committee, 'id' | 'name'>, code: string) {
  const org = await findOrganization(db, committee.id, code);
  if (org) return org;
  const suggestion = didYouMean(code, await organizationCodes(db, committee.id));
  throw new UserError(`There is no organization “${code}” in ${committee.name}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''} See \`org list\`.`);
}

export function addOrganization(scope: Scope, input: OrganizationInput) {
  return committeeWrite(scope, 'org.add', async (tx, { committee, actor }) => {
    const code = normalizeOrgCode(input.code);
    const data: OrganizationData = {
      code,
      name: requireLength('full name', input.name, 2, 200),
      acronym: input.acronym === undefined ? code : requireLength('acronym', input.acronym, 1, 40),
      timeZone: input.timeZone === undefined ? committee.timeZone : validateZone(input.timeZone),
      channelId: input.channelId ?? null,
    };
    if (await findOrganization(tx, committee.id, code)) {
      throw new UserError(`${code} is already an organization of ${committee.name}. Use \`org edit ${code} …\` to change it.`);
    }
    const org = await createOrganization(tx, committee.id, data);
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'org.add', subject: code, after: org });
    return org;
  });
}

export function editOrganization(scope: Scope, code: string, changes: Partial<Omit<OrganizationInput, 'code'>>) {
  return committeeWrite(scope, 'org.edit', async (tx, { committee, actor }) => {
    const data: Partial<OrganizationData> = {};
    if (changes.name !== undefined) data.name = requireLength('full name', changes.name, 2, 200);
    if (changes.acronym !== undefined) data.acronym = requireLength('acronym', changes.acronym, 1, 40);
    if (changes.timeZone !== undefined) data.timeZone = validateZone(changes.timeZone);
    if (changes.channelId !== undefined) data.channelId = changes.channelId;
    if (Object.keys(data).length === 0) throw new UserError('Nothing to change: give at least one of name:, acronym:, tz:, channel:.');
    const before = await requireOrganization(tx, committee, code);
    const org = await updateOrganization(tx, before.id, data);
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'org.edit', subject: org.code, before, after: org });
    return org;
  });
}

/** Removes an organization (refused while it has open follow-ups); its members stay in the committee without an organization. */
export function removeOrganization(scope: Scope, code: string) {
  return committeeWrite(scope, 'org.remove', async (tx, { committee, actor }) => {
    const org = await requireOrganization(tx, committee, code);
    const open = await openFollowUpNumbers(tx, org.id);
    if (open.length > 0) {
      const ids = open.map((n) => `F-${n}`);
      const shown = ids.length > 10 ? `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more` : ids.join(', ');
      throw new UserError(
        `${org.code} still has open follow-ups: ${shown}. Mark them done, reassign or cancel them first (\`followups ${org.code}\`).`,
      );
    }
    await deleteOrganization(tx, org.id);
    await recordAudit(tx, { committeeId: committee.id, actorId: actor.userId, action: 'org.remove', subject: org.code, before: org });
    return org;
  });
}

export function listCommitteeOrganizations(scope: Scope) {
  return listOrganizations(scope.db, scope.committee.id);
}
