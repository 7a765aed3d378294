/**
 * *Snooze* and *Add update* on a follow-up part: ack, check the clicker may act for THAT organization
 * (refused at once, ephemerally, before any form), then open the modal with the click's trigger_id
 * (valid 3 seconds). The submission is handled in `../views/followup-part-submit.ts`.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { UserError } from '../../errors.ts';
import { shortFollowUpId } from '../../followups/followup-rules.ts';
import { addDays, todayInZone } from '../../time/local-date.ts';
import type { CommandDeps } from '../commands/context.ts';
import { toReply } from '../commands/router.ts';
import { snoozeModalView, updateModalView } from '../blocks/followup-modals.ts';
import { assertMayReport, clickedPart, readClick, tellClicker } from './part-click.ts';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * Opens the form; when Slack refuses (the trigger_id expired after 3 s, was used, or is missing), says so
 * plainly: nothing was changed and the button can be clicked again.
 */
async function openForm(client: Args['client'], triggerId: string | undefined, view: ModalView, button: string): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId ?? '', view });
  } catch {
    throw new UserError(`Slack could not open the form in time: nothing was changed. Click *${button}* again.`);
  }
}

export function snoozeButton(deps: CommandDeps) {
  return async ({ ack, body, action, client, respond }: Args): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    try {
      const clicked = await clickedPart(deps, click);
      await assertMayReport(clicked, 'snooze');
      const { scope, followUp, part } = clicked;
      if (part.status === 'done') throw new UserError(`${part.organization.code}'s part of ${shortFollowUpId(followUp.number)} is already done: there is nothing to snooze.`);
      const zone = await deps.userZones.zoneOf(client, click.userId, scope.committee.timeZone);
      const metadata = { assignmentId: part.id, ...(click.channelId ? { channelId: click.channelId } : {}) };
      const view = snoozeModalView({ followUp, orgCode: part.organization.code, metadata, tomorrow: addDays(todayInZone(deps.now(), zone), 1) });
      await openForm(client, click.triggerId, view, 'Snooze');
    } catch (err) {
      await tellClicker(client, click, body.response_url ? respond : undefined, toReply(deps, 'snooze', err)).catch(() => deps.logger.warn({ userId: click.userId }, 'could not tell the clicker the outcome of Snooze'));
    }
  };
}

export function updateButton(deps: CommandDeps) {
  return async ({ ack, body, action, client, respond }: Args): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    try {
      const clicked = await clickedPart(deps, click);
      await assertMayReport(clicked, 'add updates to');
      const { followUp, part } = clicked;
      const metadata = { assignmentId: part.id, ...(click.channelId ? { channelId: click.channelId } : {}) };
      await openForm(client, click.triggerId, updateModalView({ followUp, orgCode: part.organization.code, metadata }), 'Add update');
    } catch (err) {
      await tellClicker(client, click, body.response_url ? respond : undefined, toReply(deps, 'update', err)).catch(() => deps.logger.warn({ userId: click.userId }, 'could not tell the clicker the outcome of Add update'));
    }
  };
}
