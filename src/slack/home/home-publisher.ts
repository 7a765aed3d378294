/**
 * Builds and publishes a person's App Home (`views.publish`): on `app_home_opened`, and again for the
 * people a change concerns (the organization's people and the officers) after a button or modal changed
 * a follow-up. Publishing is after the ack, never in its way; a failed publish is logged by id only.
 * A Home identical to the one last published to that person is not published again.
 */
import type { WebClient } from '@slack/web-api';
import { NoCommitteeError, resolveScope } from '../../committees/scope.ts';
import type { TeamKey } from '../../committees/committee-repository.ts';
import { homeOverview } from '../../followups/followup-overview.ts';
import { homeAudience } from '../../followups/followup-overview-repository.ts';
import { listCommitteeMeetings } from '../../meetings/meeting-service.ts';
import { listUpcomingDeadlines } from '../../deadlines/deadline-service.ts';
import { todayInZone } from '../../time/local-date.ts';
import { describeError } from '../../logger.ts';
import type { CommandDeps } from '../commands/context.ts';
import { cachedRead, quarterHour } from '../../cache/attach.ts';
import { HOME_LIST_ROWS, homeView, homeWithoutCommittee } from '../blocks/home.ts';

const HOME_DAYS = 90;

async function buildHome(deps: CommandDeps, client: WebClient, key: TeamKey, userId: string) {
  let scope;
  try {
    scope = await resolveScope(deps.db, key, userId);
  } catch (err) {
    if (err instanceof NoCommitteeError) return homeWithoutCommittee(deps.commandName);
    throw err;
  }
  const now = deps.now();
  const zone = await deps.userZones.zoneOf(client, userId, scope.committee.timeZone);
  const today = todayInZone(now, zone);
  // What a Home shows depends on the caller's organization, whether they are a member or an officer, and on
  // the day (countdowns: the same for every `now` in one quarter hour) — not on who they are otherwise.
  const officer = scope.actor.role === 'chair' || scope.actor.role === 'secretariat';
  const member = scope.actor.role !== null;
  const s = scope;
  return cachedRead(s, `home:${s.actor.organizationId}:${officer}:${member}:${today}:${quarterHour(now)}`, async () => {
    const [overview, meetings, deadlines] = await Promise.all([
      homeOverview(s, today, HOME_LIST_ROWS),
      listCommitteeMeetings(s, { kind: 'upcoming', days: HOME_DAYS }, { now }),
      listUpcomingDeadlines(s, { today, days: HOME_DAYS }),
    ]);
    return homeView({ committeeName: s.committee.name, commandName: deps.commandName, today, now, member, overview, meetings: meetings.upcoming, deadlines });
  });
}

/** Publishes the person's Home, unless it is identical to the one last published to them (`published-homes.ts`). */
export async function publishHome(deps: CommandDeps, client: WebClient, key: TeamKey, userId: string): Promise<void> {
  const build = () => buildHome(deps, client, key, userId);
  const publish = (view: Awaited<ReturnType<typeof buildHome>>) => client.views.publish({ user_id: userId, view });
  if (deps.homes) await deps.homes.publish({ ...key, userId }, build, publish);
  else await publish(await build());
}

/** Republishes the Home of everyone a change of this organization's part concerns; failures are logged, not thrown. */
export async function refreshHomes(deps: CommandDeps, client: WebClient, key: TeamKey, committeeId: string, organizationId: string): Promise<void> {
  for (const userId of await homeAudience(deps.db, committeeId, organizationId)) {
    await publishHome(deps, client, key, userId).catch((err: unknown) => deps.logger.warn({ ...describeError(err), userId }, 'could not refresh a Home tab'));
  }
}
