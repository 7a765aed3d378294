/** Submission of the objection modal: a missing reason is shown on the field; a refusal too; else recorded. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { resolveScope } from '../../committees/scope.ts';
import { UserError } from '../../errors.ts';
import { objectToRecord } from '../../records/record-service.ts';
import type { CommandDeps } from '../commands/context.ts';
import { toReply } from '../commands/router.ts';
import { recordEnv } from '../commands/record.ts';
import { RECORD_OBJECTION_MODAL } from '../ids.ts';
import { stateOf, stateString, viewValues } from './view-state.ts';

const FIELD = RECORD_OBJECTION_MODAL.fields.reason;

export function objectionSubmission(deps: CommandDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    let meta: { recordNumber?: unknown; channelId?: unknown } = {};
    try {
      meta = JSON.parse(view.private_metadata) as typeof meta;
    } catch {
      // handled below
    }
    const reason = stateString(stateOf(viewValues(view), FIELD.blockId, FIELD.actionId).value).trim();
    if (typeof meta.recordNumber !== 'number') return void (await ack({ response_action: 'errors', errors: { [FIELD.blockId]: 'This form is no longer valid: click Object again.' } }));
    if (!reason) return void (await ack({ response_action: 'errors', errors: { [FIELD.blockId]: 'Give the reason for your objection.' } }));
    try {
      const scope = await resolveScope(deps.db, { teamId: body.team?.id ?? body.user.team_id ?? '', enterpriseId: body.enterprise?.id ?? '' }, body.user.id);
      await objectToRecord(scope, meta.recordNumber, reason, recordEnv(deps));
    } catch (err) {
      if (err instanceof UserError) return void (await ack({ response_action: 'errors', errors: { [FIELD.blockId]: toReply(deps, 'record object', err).text.slice(0, 1900) } }));
      await ack();
      if (typeof meta.channelId === 'string' && meta.channelId) {
        const r = toReply(deps, 'record object', err);
        await client.chat.postEphemeral({ channel: meta.channelId, user: body.user.id, text: r.text }).catch(() => {});
      }
      return;
    }
    await ack();
  };
}
