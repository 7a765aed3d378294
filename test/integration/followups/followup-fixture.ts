/**
 * The calendar fixture's committee (secretariat, chair, member, observer; UNEP, WHO, UNITAR) plus FAO and
 * the people of each organization: focal points and alternates to notify, a plain member of FAO who must
 * not report on WHO's part. UNITAR has nobody to notify. The renderer is the real one.
 */
import { upsertMember } from '../../../src/committees/member-repository.ts';
import { createOrganization } from '../../../src/organizations/organization-repository.ts';
import type { FollowUpEnv } from '../../../src/followups/announcements.ts';
import { followUpNotices } from '../../../src/slack/blocks/followup-notices.ts';
import { calendarFixture, type CalendarFixture } from '../calendar/calendar-fixture.ts';

export { PEOPLE, CHANNEL } from '../calendar/calendar-fixture.ts';

export const ORG_PEOPLE = {
  unepFocal: 'U0UNEPFP',
  unepAlternate: 'U0UNEPALT',
  unepMember: 'U0UNEPMEM',
  whoFocal: 'U0WHOFP',
  faoFocal: 'U0FAOFP',
  faoMember: 'U0FAOMEM',
} as const;

export const FAO_CHANNEL = 'C0FAO';

export interface FollowUpFixture extends CalendarFixture {
  fenv(now: string | Date): FollowUpEnv & { dispatched: string[] };
}

export async function followUpFixture(): Promise<FollowUpFixture> {
  const f = await calendarFixture();
  const fao = await createOrganization(f.db, f.committeeId, { code: 'FAO', acronym: 'FAO', name: 'Food and Agriculture Organization', timeZone: 'Europe/Rome', channelId: FAO_CHANNEL });
  const orgs = new Map((await f.db.organization.findMany({ where: { committeeId: f.committeeId } })).map((o) => [o.code, o.id]));
  const add = (user: string, code: string, kind: 'focal' | 'alternate' | 'member') =>
    upsertMember(f.db, f.committeeId, user, { role: 'member', organizationId: code === 'FAO' ? fao.id : orgs.get(code)!, kind });
  await add(ORG_PEOPLE.unepFocal, 'UNEP', 'focal');
  await add(ORG_PEOPLE.unepAlternate, 'UNEP', 'alternate');
  await add(ORG_PEOPLE.unepMember, 'UNEP', 'member');
  await add(ORG_PEOPLE.whoFocal, 'WHO', 'focal');
  await add(ORG_PEOPLE.faoFocal, 'FAO', 'focal');
  await add(ORG_PEOPLE.faoMember, 'FAO', 'member');
  return {
    ...f,
    fenv(now) {
      const dispatched: string[] = [];
      return {
        now: typeof now === 'string' ? new Date(now) : now,
        dispatch: async (ids) => {
          dispatched.push(...ids);
        },
        render: followUpNotices(),
        dispatched,
      };
    },
  };
}
