/**
 * Buttons of summary records: "Add another matter" in the modal (keeps the draft, grows the form through
 * views.update), *Object* on a circulated record (refuses at once those who may not object, else opens
 * the reason modal with the click's trigger_id), and *Post summary record* on a meeting's announcement
 * (opens the record modal for that meeting with the click's trigger_id, as `record M-n` does).
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { resolveScope } from '../../committees/scope.ts';
import { authorize } from '../../committees/permissions.ts';
import { UserError } from '../../errors.ts';
import { keepRecordDraft, prepareRecordForm } from '../../records/record-drafts.ts';
import { findRecordById } from '../../records/record-repository.ts';
import { shortRecordId } from '../../records/record-rules.ts';
import type { CommandDeps } from '../commands/context.ts';
import { toReply } from '../commands/router.ts';
import { MATTERS_PER_SECTION_MAX, recordModalView } from '../blocks/record-modal.ts';
import { objectionModalView } from '../blocks/record-objection-modal.ts';
import { readRecordMetadata, readRecordValues } from '../views/record-form.ts';
import { openRecordModal } from '../views/record-open.ts';
import { tellClicker } from './part-click.ts';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const keyOf = (body: BlockAction) => ({ teamId: body.team?.id ?? body.user.team_id ?? '', enterpriseId: body.enterprise?.id ?? '' });

export function addMatterButton(deps: CommandDeps) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const view = body.view;
    const meta = view ? readRecordMetadata(view.private_metadata) : undefined;
    if (!view || !meta) return;
    const section = action.value === 'general' ? 'general' : 'specific';
    try {
      const scope = await resolveScope(deps.db, keyOf(body), body.user.id);
      const values = readRecordValues(view, meta);
      await keepRecordDraft(scope, meta.recordNumber, values as never);
      const chosen = Number.parseInt(typeof values.fields.meeting === 'string' ? values.fields.meeting : '', 10);
      const data = await prepareRecordForm(scope, {
        ...(meta.recordNumber !== undefined ? { recordNumber: meta.recordNumber } : {}),
        ...(Number.isFinite(chosen) ? { listedFor: chosen } : {}),
      });
      const grown = { ...meta, [section]: Math.min(MATTERS_PER_SECTION_MAX, meta[section] + 1) };
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: recordModalView({ metadata: grown, values, meetings: data.meetings, organizations: data.organizations, openFollowUps: data.openFollowUps }),
      });
    } catch (err) {
      deps.logger.warn({ userId: body.user.id, errorName: err instanceof Error ? err.name : typeof err }, 'could not add a matter to the record modal');
    }
  };
}

export function objectButton(deps: CommandDeps) {
  return async ({ ack, body, action, client, respond }: Args): Promise<void> => {
    await ack();
    const click = { key: keyOf(body), userId: body.user.id, assignmentId: '', triggerId: body.trigger_id, ...(body.channel?.id ? { channelId: body.channel.id } : {}) };
    try {
      const scope = await resolveScope(deps.db, click.key, click.userId);
      await authorize(scope.actor, 'record.object', scope.holdersOf);
      const record = await findRecordById(deps.db, action.value ?? '');
      if (!record || record.committeeId !== scope.committee.id) throw new UserError('This record no longer exists.');
      if (record.status !== 'circulated') throw new UserError(`${shortRecordId(record.number)} is ${record.status}: objections are taken only while it is circulated.`);
      await client.views.open({ trigger_id: click.triggerId, view: objectionModalView({ number: record.number, metadata: { recordNumber: record.number, channelId: click.channelId ?? '' } }) });
    } catch (err) {
      await tellClicker(client, click, body.response_url ? respond : undefined, toReply(deps, 'record object', err)).catch(() => deps.logger.warn({ userId: click.userId }, 'could not tell the clicker the outcome of Object'));
    }
  };
}

/** *Post summary record* (value = the meeting id): chair and secretariat get the modal; others a refusal naming who may. */
export function postRecordButton(deps: CommandDeps) {
  return async ({ ack, body, action, client, respond }: Args): Promise<void> => {
    await ack();
    const click = { key: keyOf(body), userId: body.user.id, assignmentId: '', triggerId: body.trigger_id, ...(body.channel?.id ? { channelId: body.channel.id } : {}) };
    try {
      const scope = await resolveScope(deps.db, click.key, click.userId);
      const channelId = click.channelId ?? scope.committee.channelId ?? '';
      await openRecordModal(client, { scope, triggerId: click.triggerId, channelId, meetingId: action.value ?? '' });
    } catch (err) {
      await tellClicker(client, click, body.response_url ? respond : undefined, toReply(deps, 'record', err)).catch(() =>
        deps.logger.warn({ userId: click.userId }, 'could not tell the clicker the outcome of Post summary record'),
      );
    }
  };
}
