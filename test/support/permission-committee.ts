/**
 * The committee the permission matrices run against: IOCC with WHO and FAO, a chair, FAO's focal point and
 * alternate, WHO's focal point, an observer and a non-member — each actor's Slack zone already learned, so a
 * refusal starts from a database at rest.
 */
import { expect } from 'vitest';
import { startTestApp, type TestApp } from './app.ts';
import { concord } from './commands.ts';

export interface PermissionCommittee {
  t: TestApp;
  /** Role name → Slack user id: secretariat, chair, member (FAO's focal point), observer, not a member, alternate (FAO's), other focal point (WHO's). */
  actors: Record<string, string>;
}

export async function startPermissionCommittee(): Promise<PermissionCommittee> {
  const actors: Record<string, string> = {};
  const t = await startTestApp();
  const fp = t.iomc.focalPoints;
  Object.assign(actors, {
    secretariat: t.iomc.secretariat,
    chair: t.iomc.chair,
    member: fp.FAO,
    observer: fp.OECD,
    'not a member': fp.UNIDO,
    // For the buttons: FAO's alternate, and the focal point of another organization (WHO).
    alternate: fp.UNDP,
    'other focal point': fp.WB,
  });
  const setup = [
    'setup "IOCC"',
    'org add WHO "World Health Organization" tz:Europe/Zurich',
    'org add FAO "Food and Agriculture Organization of the United Nations" tz:Europe/Rome',
    `role <@${t.iomc.chair}> chair`,
    `member add <@${fp.FAO}> FAO as:focal`,
    `role <@${fp.OECD}> observer`,
    `member add <@${fp.UNDP}> FAO as:alternate`,
    `member add <@${fp.WB}> WHO as:focal`,
  ];
  for (const text of setup) expect((await concord(t, t.iomc.secretariat, text)).text).not.toMatch(/⚠️/);
  // A command that reads dates looks up the caller's Slack zone and stores it on their membership (for their
  // reminders) the first time: each actor does so once now, so a refusal below starts from a database at rest.
  for (const user of Object.values(actors)) expect((await concord(t, user, 'meeting add "Zone check" 2027-02-30')).text).toMatch(/⚠️/);
  const unlearned = () => t.db.member.count({ where: { slackUserId: { in: Object.values(actors) }, slackTz: null } });
  for (const until = Date.now() + 5000; (await unlearned()) > 0 && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await unlearned()).toBe(0);
  return { t, actors };
}

export const OFFICERS = ['secretariat', 'chair'];
/** Who may report on FAO's part from a command: the officers and FAO's focal point. */
export const REPORTERS = [...OFFICERS, 'member'];
