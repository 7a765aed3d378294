/**
 * The IOMC's Inter-Organization Coordinating Committee with its nine participating organizations
 * (prisma/seed-data/iomc-organizations.json). Idempotent: running it again changes nothing.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { createCommittee, findCommittee, type TeamKey } from '../committees/committee-repository.ts';
import { findMember, upsertMember } from '../committees/member-repository.ts';
import { createOrganization, findOrganization } from './organization-repository.ts';
import { PRISMA_DIR } from '../db/migrations.ts';
import path from 'node:path';

export interface SeedOrganization {
  code: string;
  acronym: string;
  name: string;
  city: string;
  timeZone: string;
}

const IOCC_NAME = 'IOMC Inter-Organization Coordinating Committee (IOCC)';

function iomcOrganizations(): SeedOrganization[] {
  return JSON.parse(readFileSync(path.join(PRISMA_DIR, 'seed-data/iomc-organizations.json'), 'utf8')) as SeedOrganization[];
}

export interface SeedOptions extends TeamKey {
  channelId: string;
  /** Slack user ids to make secretariat / chair, if given. */
  secretariat?: string;
  chair?: string;
  /** Focal points: organization code → Slack user id. */
  focalPoints?: Record<string, string>;
  /** Alternates: organization code → Slack user id (e.g. a Slack Connect user of that organization). */
  alternates?: Record<string, string>;
}

export async function seedIomc(db: Db, opts: SeedOptions): Promise<{ committeeId: string; created: string[] }> {
  const actor = opts.secretariat ?? 'seed';
  return inTransaction(db, async (tx) => {
    const created: string[] = [];
    const key = { teamId: opts.teamId, enterpriseId: opts.enterpriseId };
    let committee = await findCommittee(tx, key);
    if (!committee) {
      committee = await createCommittee(tx, key, { name: IOCC_NAME, channelId: opts.channelId, timeZone: 'Europe/Zurich' });
      await recordAudit(tx, { committeeId: committee.id, actorId: actor, action: 'committee.setup', subject: committee.id, after: committee });
      created.push('committee');
    }
    const committeeId = committee.id;
    const orgIds = new Map<string, string>();
    for (const o of iomcOrganizations()) {
      let org = await findOrganization(tx, committeeId, o.code);
      if (!org) {
        org = await createOrganization(tx, committeeId, { code: o.code, acronym: o.acronym, name: o.name, timeZone: o.timeZone, channelId: null });
        await recordAudit(tx, { committeeId, actorId: actor, action: 'org.add', subject: o.code, after: org });
        created.push(o.code);
      }
      orgIds.set(o.code, org.id);
    }
    const people: Array<[string, Parameters<typeof upsertMember>[3]]> = [];
    if (opts.secretariat) people.push([opts.secretariat, { role: 'secretariat' }]);
    if (opts.chair) people.push([opts.chair, { role: 'chair' }]);
    for (const [code, userId] of Object.entries(opts.focalPoints ?? {})) {
      const organizationId = orgIds.get(code);
      if (organizationId) people.push([userId, { organizationId, kind: 'focal' }]);
    }
    for (const [code, userId] of Object.entries(opts.alternates ?? {})) {
      const organizationId = orgIds.get(code);
      if (organizationId) people.push([userId, { organizationId, kind: 'alternate' }]);
    }
    for (const [userId, data] of people) {
      const before = await findMember(tx, committeeId, userId);
      if (before && Object.entries(data).every(([k, v]) => (before as Record<string, unknown>)[k] === v)) continue;
      await upsertMember(tx, committeeId, userId, data);
      await recordAudit(tx, { committeeId, actorId: actor, action: 'member.add', subject: userId, after: data });
      created.push(userId);
    }
    return { committeeId, created };
  });
}
