/**
 * A committee for the search tests, on any database (PostgreSQL or the embedded PGlite): UNEP, WHO and
 * UNITAR; three follow-ups made through the follow-up services (one with an update, one done with a note);
 * and the IOCC 60th record inserted through the records repository (its current version is version 2).
 */
import type { Database } from '../../../src/db/database.ts';
import { createCommittee } from '../../../src/committees/committee-repository.ts';
import { upsertMember } from '../../../src/committees/member-repository.ts';
import { resolveScope, type Scope } from '../../../src/committees/scope.ts';
import { createOrganization } from '../../../src/organizations/organization-repository.ts';
import { assignFollowUp } from '../../../src/followups/followup-service.ts';
import { addUpdate, markDone } from '../../../src/followups/followup-progress.ts';
import { addVersion, createRecord, linkFollowUps } from '../../../src/records/record-repository.ts';
import { bodyText, emptyHeader, type RecordContent } from '../../../src/records/record-rules.ts';
import { followUpNotices } from '../../../src/slack/blocks/followup-notices.ts';

export const SEC = 'U0SEC';
const NOW = new Date('2027-03-03T09:00:00Z');

export async function seedSearch(database: Database): Promise<{ scope: () => Promise<Scope>; otherScope: () => Promise<Scope> }> {
  const db = database.prisma;
  const key = { teamId: 'T0IOMC', enterpriseId: '' };
  const committee = await createCommittee(db, key, { name: 'IOCC', channelId: 'C0IOCC', timeZone: 'Europe/Zurich' });
  await upsertMember(db, committee.id, SEC, { role: 'secretariat' });
  for (const code of ['UNEP', 'WHO', 'UNITAR']) await createOrganization(db, committee.id, { code, acronym: code, name: `${code} organization`, timeZone: 'Europe/Zurich', channelId: null });
  const scope = () => resolveScope(db, key, SEC);
  const env = { now: NOW, dispatch: async () => {}, render: followUpNotices() };
  await assignFollowUp(await scope(), { orgs: ['UNEP', 'WHO'], title: 'Submit the GFC outcomes to UNEA' }, env); // F-1
  await assignFollowUp(await scope(), { orgs: ['UNITAR'], title: 'Engage with the INC secretariat' }, env); // F-2
  await assignFollowUp(await scope(), { orgs: ['WHO'], title: 'Circulate the Toolbox evaluation' }, env); // F-3
  await addUpdate(await scope(), 2, { code: 'UNITAR', text: 'Met the negotiators on microplastics in Nairobi' }, env);
  await markDone(await scope(), 3, { code: 'WHO', note: 'Sent with the mercury inventory annexed' }, env);

  const record = await createRecord(db, { committeeId: committee.id, number: 1, meetingId: null, createdBy: SEC });
  const v1: RecordContent = { header: { ...emptyHeader(), meetingNumber: '60' }, matters: [{ section: 'specific', text: 'First draft about **chemicals**.' }], decisions: [], followUps: [], carryOver: [] };
  await addVersion(db, committee.id, record.id, 1, { ...v1, title: 'Summary record of the 60th meeting', bodyText: bodyText(v1), createdBy: SEC });
  const v2: RecordContent = {
    ...v1,
    matters: [
      { section: 'specific', text: 'Participants identified a need for greater input on the **plastics convention** negotiations.' },
      { section: 'general', text: 'A progress report on the **IOMC Toolbox** was provided.' },
    ],
    decisions: ['Hold a special session in early 2024.'],
  };
  await addVersion(db, committee.id, record.id, 2, { ...v2, title: 'Summary record of the 60th meeting', bodyText: bodyText(v2), createdBy: SEC });
  await db.summaryRecord.update({ where: { id: record.id }, data: { currentVersion: 2, status: 'adopted' } });
  const f2 = await db.followUp.findFirstOrThrow({ where: { committeeId: committee.id, number: 2 } });
  await linkFollowUps(db, committee.id, record.id, [f2.id]);

  const otherKey = { teamId: 'T0OTHER', enterpriseId: '' };
  const other = await createCommittee(db, otherKey, { name: 'Other', channelId: 'C0OTHER', timeZone: 'Europe/Zurich' });
  await upsertMember(db, other.id, SEC, { role: 'secretariat' });
  return { scope, otherScope: () => resolveScope(db, otherKey, SEC) };
}
