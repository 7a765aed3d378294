/**
 * *Done* on a follow-up part (a DM or the Home tab): ack at once, then `markDone` for THAT organization
 * (the service checks the clicker may act for it; a refusal changes nothing and is said ephemerally).
 * A change edits every DM of the part in place and refreshes the Homes concerned; a second click finds the
 * part done and says so, changing nothing.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { markDone } from '../../followups/followup-progress.ts';
import { rollUp, shortFollowUpId } from '../../followups/followup-rules.ts';
import type { CommandDeps } from '../commands/context.ts';
import { toReply } from '../commands/router.ts';
import { followUpEnv } from '../commands/followup.ts';
import { infoReply } from '../blocks/reply.ts';
import { addedBy } from '../blocks/meetings.ts';
import { escapeMrkdwn } from '../text.ts';
import { clickedPart, readClick, tellClicker } from './part-click.ts';
import { followThrough } from './follow-through.ts';

export function doneButton(deps: CommandDeps) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    const answer = body.response_url ? respond : undefined;
    try {
      const clicked = await clickedPart(deps, click);
      const { scope, followUp, part } = clicked;
      const r = await markDone(scope, followUp.number, { code: part.organization.code }, followUpEnv(deps));
      if (!r.changed) {
        const by = r.assignment.doneBy ? ` by ${addedBy(r.assignment.doneBy)}` : '';
        await tellClicker(client, click, answer, infoReply(`ℹ️ ${escapeMrkdwn(part.organization.code)}'s part of *${shortFollowUpId(followUp.number)}* is already done${by}: nothing changed.`));
        return;
      }
      await followThrough(deps, client, click.key, scope, followUp.number, part.id);
      const { done, total } = rollUp(r.followUp);
      if (!answer) await tellClicker(client, click, answer, infoReply(`✅ ${escapeMrkdwn(part.organization.code)}'s part of *${shortFollowUpId(followUp.number)}* is done (${done}/${total}).`));
    } catch (err) {
      await tellClicker(client, click, answer, toReply(deps, 'done', err)).catch(() => deps.logger.warn({ userId: click.userId }, 'could not tell the clicker the outcome of Done'));
    }
  };
}
