/**
 * A committee on a fresh migrated PostgreSQL database for the calendar tests: secretariat, chair, a plain
 * member and an observer, three organizations, a fixed clock, and an outbox dispatcher that records ids.
 */
import { openPostgres, type Database } from '../../../src/db/database.ts';
import { createCommittee } from '../../../src/committees/committee-repository.ts';
import { resolveScope, type Scope } from '../../../src/committees/scope.ts';
import { upsertMember } from '../../../src/committees/member-repository.ts';
import { createOrganization } from '../../../src/organizations/organization-repository.ts';
import type { ChangeEnv } from '../../../src/deadlines/announcements.ts';
import { calendarAnnouncer } from '../../../src/slack/blocks/calendar-announcements.ts';
import { createTestDatabase } from '../../support/postgres.ts';

export const PEOPLE = { secretariat: 'U0SEC', chair: 'U0CHAIR', member: 'U0MEMBER', observer: 'U0OBS', stranger: 'U0STRANGER' } as const;
export const CHANNEL = 'C0IOCC';

export interface CalendarFixture {
  database: Database;
  db: Database['prisma'];
  committeeId: string;
  key: { teamId: string; enterpriseId: string };
  scope(userId?: string): Promise<Scope>;
  env(now: string | Date): ChangeEnv & { dispatched: string[] };
  /** Another committee (another workspace) on the same database, for tenancy checks. */
  otherCommittee(): Promise<{ key: { teamId: string; enterpriseId: string }; scope(userId?: string): Promise<Scope> }>;
  close(): Promise<void>;
}

async function seedCommittee(db: Database['prisma'], teamId: string, name: string) {
  const key = { teamId, enterpriseId: '' };
  const committee = await createCommittee(db, key, { name, channelId: CHANNEL, timeZone: 'Europe/Zurich' });
  await upsertMember(db, committee.id, PEOPLE.secretariat, { role: 'secretariat' });
  await upsertMember(db, committee.id, PEOPLE.chair, { role: 'chair' });
  await upsertMember(db, committee.id, PEOPLE.member, { role: 'member' });
  await upsertMember(db, committee.id, PEOPLE.observer, { role: 'observer' });
  for (const [code, orgName, timeZone] of [
    ['UNEP', 'United Nations Environment Programme', 'Africa/Nairobi'],
    ['WHO', 'World Health Organization', 'Europe/Zurich'],
    ['UNITAR', 'United Nations Institute for Training and Research', 'Europe/Zurich'],
  ] as const) {
    await createOrganization(db, committee.id, { code, acronym: code, name: orgName, timeZone, channelId: null });
  }
  return { key, committee };
}

export async function calendarFixture(): Promise<CalendarFixture> {
  const testDb = await createTestDatabase();
  const database = await openPostgres(testDb.url);
  const db = database.prisma;
  const { key, committee } = await seedCommittee(db, 'T0IOMC', 'IOCC');
  return {
    database,
    db,
    committeeId: committee.id,
    key,
    scope: (userId = PEOPLE.secretariat) => resolveScope(db, key, userId),
    env(now) {
      const dispatched: string[] = [];
      return {
        now: typeof now === 'string' ? new Date(now) : now,
        dispatch: async (ids) => {
          dispatched.push(...ids);
        },
        render: calendarAnnouncer('/concord'),
        dispatched,
      };
    },
    async otherCommittee() {
      const other = await seedCommittee(db, 'T0OTHER', 'Another committee');
      return { key: other.key, scope: (userId = PEOPLE.secretariat) => resolveScope(db, other.key, userId) };
    },
    async close() {
      await database.close();
      await testDb.drop();
    },
  };
}
