/**
 * `app_home_opened` (Home tab): Bolt acks the event at once; Concord then publishes the viewer's Home.
 * A retried event (same event_id, `x-slack-retry-num`) publishes once: with `deps.homes` the retry builds
 * the same Home, which is not published again (no claim needed, no Redis call of its own); without it
 * the event id is claimed.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../logger.ts';
import type { CommandDeps } from '../commands/context.ts';
import { publishHome } from './home-publisher.ts';

export function homeOpenedListener(deps: CommandDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const claim = deps.homes ? undefined : `event:${body.event_id}`;
    if (claim && deps.interactions && !(await deps.interactions.claim(claim))) return;
    const key = { teamId: body.team_id, enterpriseId: body.enterprise_id ?? '' };
    try {
      await publishHome(deps, client, key, event.user);
    } catch (err) {
      if (claim) await deps.interactions?.release(claim);
      deps.logger.warn({ ...describeError(err), userId: event.user }, 'could not publish a Home tab');
    }
  };
}
