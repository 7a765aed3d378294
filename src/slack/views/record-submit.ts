/**
 * Submission and closing of the summary-record modal. Field errors (a bad follow-up line, with its number
 * and a "did you mean") come back inline (`response_action: errors`, keyed by block_id) and the values are
 * kept as the person's draft. A valid form is saved as a draft, circulated or adopted; a refusal by the
 * service within the ack budget is shown inline too. Closing the modal keeps what was typed as a draft.
 */
import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewClosedAction, ViewSubmitAction } from '@slack/bolt';
import { resolveScope, type Scope } from '../../committees/scope.ts';
import { UserError } from '../../errors.ts';
import { keepRecordDraft } from '../../records/record-drafts.ts';
import { submitRecord, type SubmitResult } from '../../records/record-service.ts';
import { shortRecordId } from '../../records/record-rules.ts';
import { organizationCodes } from '../../organizations/organization-repository.ts';
import { resultWithin } from '../../util/timeout.ts';
import type { CommandDeps, Reply } from '../commands/context.ts';
import { toReply } from '../commands/router.ts';
import { recordEnv } from '../commands/record.ts';
import { successReply } from '../blocks/reply.ts';
import { escapeMrkdwn } from '../text.ts';
import { RECORD_MODAL } from '../ids.ts';
import { checkRecordValues, readRecordMetadata, readRecordValues } from './record-form.ts';

const ACK_BUDGET_MS = 2000;
const MODE_BLOCK = RECORD_MODAL.fields.mode.blockId;

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const keyOf = (body: { team?: { id: string } | null; user: { team_id?: string }; enterprise?: { id: string } | null }) => ({
  teamId: body.team?.id ?? body.user.team_id ?? '',
  enterpriseId: body.enterprise?.id ?? '',
});

function outcomeText(r: SubmitResult): string {
  const id = `*${shortRecordId(r.record.number)}* ${escapeMrkdwn(r.title)} (version ${r.version})`;
  if (r.record.status === 'adopted') return `${id} is adopted: it is posted in the committee channel and its follow-ups are assigned.`;
  if (r.record.status === 'circulated') return `${id} is circulated under the silence procedure; members can object in the channel.`;
  return `${id} is saved as a draft. \`record amend ${shortRecordId(r.record.number)}\` opens it again.`;
}

export function recordSubmission(deps: CommandDeps) {
  return async ({ ack, body, view, client }: SubmitArgs): Promise<void> => {
    const userId = body.user.id;
    const meta = readRecordMetadata(view.private_metadata);
    if (!meta) {
      await ack({ response_action: 'errors', errors: { [MODE_BLOCK]: 'This form is no longer valid: close it and run the command again.' } });
      return;
    }
    const values = readRecordValues(view, meta);
    const claim = `view:${view.id}:${createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 32)}`;
    let scope: Scope | undefined;
    const work = (async () => {
      scope = await resolveScope(deps.db, keyOf(body), userId);
      const form = checkRecordValues(values, { codes: await organizationCodes(deps.db, scope.committee.id), zone: scope.committee.timeZone, now: deps.now() });
      if (!form.ok) {
        await keepRecordDraft(scope, meta.recordNumber, values as never);
        return { errors: form.errors };
      }
      if (deps.interactions && !(await deps.interactions.claim(claim))) return { repeated: true as const };
      // Kept first: if the change fails, nothing typed is lost (a successful change deletes the draft).
      await keepRecordDraft(scope, meta.recordNumber, values as never);
      try {
        const result = await submitRecord(scope, { ...form.submission, ...(meta.recordNumber !== undefined ? { recordNumber: meta.recordNumber } : {}) }, recordEnv(deps));
        return { result };
      } catch (err) {
        await deps.interactions?.release(claim);
        throw err;
      }
    })();
    const settled = work.then((value) => ({ ok: true as const, value })).catch((err: unknown) => ({ ok: false as const, err }));
    const early = await resultWithin(settled, ACK_BUDGET_MS);
    const inline = early.settled && early.value.ok && 'errors' in early.value.value ? early.value.value.errors : undefined;
    if (inline) {
      await ack({ response_action: 'errors', errors: inline });
      return;
    }
    if (early.settled && !early.value.ok && early.value.err instanceof UserError) {
      await ack({ response_action: 'errors', errors: { [MODE_BLOCK]: toReply(deps, 'record', early.value.err).text.slice(0, 1900) } });
      return;
    }
    await ack();
    const outcome = early.settled ? early.value : await settled;
    let reply: Reply;
    if (!outcome.ok) reply = toReply(deps, 'record', outcome.err);
    else if ('errors' in outcome.value && outcome.value.errors) reply = { text: `${Object.values(outcome.value.errors).join(' ')} Your text is kept: run the command again to fix it.` };
    else if ('result' in outcome.value && outcome.value.result) reply = successReply(outcomeText(outcome.value.result));
    else return;
    const channel = meta.channelId || scope?.committee.channelId;
    if (!channel) return;
    await client.chat.postEphemeral({ channel, user: userId, text: reply.text, ...(reply.blocks ? { blocks: reply.blocks } : {}) }).catch(() => deps.logger.warn({ userId }, 'could not tell the submitter the outcome of the record'));
  };
}

/** Closing the modal (notify_on_close): what was typed is kept as the person's draft. */
export function recordClosed(deps: CommandDeps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewClosedAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const meta = readRecordMetadata(view.private_metadata);
    if (!meta) return;
    try {
      const scope = await resolveScope(deps.db, keyOf(body), body.user.id);
      await keepRecordDraft(scope, meta.recordNumber, readRecordValues(view, meta) as never);
    } catch (err) {
      deps.logger.warn({ userId: body.user.id, errorName: err instanceof Error ? err.name : typeof err }, 'could not keep the record draft on close');
    }
  };
}
