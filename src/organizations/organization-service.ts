import { inTransaction } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { Scope } from '../committees/scope.ts';
import { authorize } from '../committees/permissions.ts';
import { normalizeOrgCode, requireLength, validateZone } from '../committees/validate.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import {
  createOrganization,
  deleteOrganization,
  findOrganization,
  listOrganizations,
  organizationCodes,
  updateOrganization,
  type OrganizationData,
} from './organization-repository.ts';
import { listMembers } from '../members/member-repository.ts';

export const ORG_ADD_SYNTAX = 'org add CODE "Full name" [acronym:"World Bank"] [tz:Area/City] [channel:#channel]';
export const ORG_EDIT_SYNTAX = 'org edit CODE [name:"Full name"] [acronym:"…"] [tz:Area/City] [channel:#channel|none]';

export interface OrganizationInput {
  code: string;
  name: string;
  acronym?: string;
  timeZone?: string;
  channelId?: string | null;
}

/** Finds an organization by code or explains, with a "did you mean", that there is none. */
export async function requireOrganization(scope: Scope, code: string) {
  const org = await findOrganization(scope.db, scope.committee.id, code);
  if (org) return org;
  const suggestion = didYouMean(code, await organizationCodes(scope.db, scope.committee.id));
  throw new UserError(`There is no organization “${code}” in ${scope.committee.name}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''} See \`org list\`.`);
}

export async function addOrganization(scope: Scope, input: OrganizationInput) {
  await authorize(scope.actor, 'org.add', scope.holdersOf);
  const code = normalizeOrgCode(input.code);
  const data: OrganizationData = {
    code,
    name: requireLength('full name', input.name, 2, 200),
    acronym: input.acronym === undefined ? code : requireLength('acronym', input.acronym, 1, 40),
    timeZone: input.timeZone === undefined ? scope.committee.timeZone : validateZone(input.timeZone),
    channelId: input.channelId ?? null,
  };
  return inTransaction(scope.db, async (tx) => {
    if (await findOrganization(tx, scope.committee.id, code)) {
      throw new UserError(`${code} is already an organization of ${scope.committee.name}. Use \`org edit ${code} …\` to change it.`);
    }
    const org = await createOrganization(tx, scope.committee.id, data);
    await recordAudit(tx, { committeeId: scope.committee.id, actorId: scope.actor.userId, action: 'org.add', subject: code, after: org });
    return org;
  });
}

export async function editOrganization(scope: Scope, code: string, changes: Partial<Omit<OrganizationInput, 'code'>>) {
  await authorize(scope.actor, 'org.edit', scope.holdersOf);
  const data: Partial<OrganizationData> = {};
  if (changes.name !== undefined) data.name = requireLength('full name', changes.name, 2, 200);
  if (changes.acronym !== undefined) data.acronym = requireLength('acronym', changes.acronym, 1, 40);
  if (changes.timeZone !== undefined) data.timeZone = validateZone(changes.timeZone);
  if (changes.channelId !== undefined) data.channelId = changes.channelId;
  if (Object.keys(data).length === 0) throw new UserError('Nothing to change: give at least one of name:, acronym:, tz:, channel:.', ORG_EDIT_SYNTAX);
  const before = await requireOrganization(scope, code);
  return inTransaction(scope.db, async (tx) => {
    const org = await updateOrganization(tx, before.id, data);
    await recordAudit(tx, { committeeId: scope.committee.id, actorId: scope.actor.userId, action: 'org.edit', subject: org.code, before, after: org });
    return org;
  });
}

/** Removes an organization; its members stay in the committee without an organization. */
export async function removeOrganization(scope: Scope, code: string) {
  await authorize(scope.actor, 'org.remove', scope.holdersOf);
  const org = await requireOrganization(scope, code);
  return inTransaction(scope.db, async (tx) => {
    await deleteOrganization(tx, org.id);
    await recordAudit(tx, { committeeId: scope.committee.id, actorId: scope.actor.userId, action: 'org.remove', subject: org.code, before: org });
    return org;
  });
}

export function listCommitteeOrganizations(scope: Scope) {
  return listOrganizations(scope.db, scope.committee.id);
}

export async function showOrganization(scope: Scope, code: string) {
  const org = await requireOrganization(scope, code);
  const members = await listMembers(scope.db, scope.committee.id, org.id);
  return { org, members };
}
