/**
 * Submissions of the *Snooze* and *Add update* modals. Field errors come back inline (`response_action:
 * errors`, keyed by block_id). The change runs within the ack budget, so a refusal by the service (not
 * allowed for that organization, the part meanwhile done) is shown inline too and changes nothing; a slow
 * change acks first and reports afterwards. The same submission sent again (a retry) changes nothing more.
 * After a change: every DM of the part is edited in place and the Homes concerned are refreshed.
 */
import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { UserError } from '../../errors.ts';
import type { Scope } from '../../committees/scope.ts';
import { addUpdate, snoozeFollowUp } from '../../followups/followup-progress.ts';
import { todayInZone } from '../../time/local-date.ts';
import { resultWithin } from '../../util/timeout.ts';
import type { CommandDeps, Reply } from '../commands/context.ts';
import { toReply } from '../commands/router.ts';
import { followUpEnv } from '../commands/followup.ts';
import { FOLLOWUP_SNOOZE_MODAL, FOLLOWUP_UPDATE_MODAL } from '../ids.ts';
import { clickedPart } from '../actions/part-click.ts';
import { followThrough } from '../actions/follow-through.ts';
import { viewValues, type ViewValues } from './view-state.ts';
import { readPartMetadata, readSnoozeForm, readUpdateForm } from './followup-part-form.ts';

const ACK_BUDGET_MS = 2000;

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The change itself, given the part's scope; returns nothing (the follow-through renders the outcome). */
type Change = (deps: CommandDeps, submit: { scope: Scope; values: ViewValues; number: number; code: string; zone: string }) => Promise<void>;

function submission(deps: CommandDeps, name: 'snooze' | 'update', errorBlock: string, validate: (values: ViewValues, today: string) => Record<string, string> | null, change: Change) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    const userId = body.user.id;
    const key = { teamId: body.team?.id ?? body.user.team_id ?? '', enterpriseId: body.enterprise?.id ?? '' };
    const metadata = readPartMetadata(view.private_metadata);
    if (!metadata) {
      await ack({ response_action: 'errors', errors: { [errorBlock]: 'This form is no longer valid: close it and click the button again.' } });
      return;
    }
    const values = viewValues(view);
    const claim = `view:${view.id}:${createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 32)}`;
    const work = (async () => {
      const { scope, followUp, part } = await clickedPart(deps, { key, userId, assignmentId: metadata.assignmentId });
      const zone = await deps.userZones.zoneOf(client, userId, scope.committee.timeZone);
      const invalid = validate(values, todayInZone(deps.now(), zone));
      if (invalid) return { invalid };
      if (deps.interactions && !(await deps.interactions.claim(claim))) return { repeated: true };
      try {
        await change(deps, { scope, values, number: followUp.number, code: part.organization.code, zone });
      } catch (err) {
        await deps.interactions?.release(claim);
        throw err;
      }
      return { done: { scope, number: followUp.number, assignmentId: part.id } };
    })();
    const outcome = await resultWithin(
      work.then((value) => ({ ok: true as const, value })).catch((err: unknown) => ({ ok: false as const, err })),
      ACK_BUDGET_MS,
    );
    if (outcome.settled && !outcome.value.ok && outcome.value.err instanceof UserError) {
      await ack({ response_action: 'errors', errors: { [errorBlock]: toReply(deps, name, outcome.value.err).text.slice(0, 1900) } });
      return;
    }
    if (outcome.settled && outcome.value.ok && outcome.value.value.invalid) {
      await ack({ response_action: 'errors', errors: outcome.value.value.invalid });
      return;
    }
    await ack();
    const result = outcome.settled ? outcome.value : await work.then((value) => ({ ok: true as const, value })).catch((err: unknown) => ({ ok: false as const, err }));
    if (!result.ok) {
      await tellLater(deps, client, userId, metadata.channelId, toReply(deps, name, result.err));
      return;
    }
    if (result.value.invalid) {
      await tellLater(deps, client, userId, metadata.channelId, { text: Object.values(result.value.invalid).join(' ') });
      return;
    }
    const done = result.value.done;
    if (done) await followThrough(deps, client, key, done.scope, done.number, done.assignmentId);
  };
}

/** After the modal closed: ephemeral in the conversation of the click, when there is one. */
async function tellLater(deps: CommandDeps, client: Args['client'], userId: string, channelId: string | undefined, reply: Reply): Promise<void> {
  if (!channelId) return void deps.logger.warn({ userId }, 'a follow-up change failed after its modal closed; no conversation to say so in');
  await client.chat
    .postEphemeral({ channel: channelId, user: userId, text: reply.text, ...(reply.blocks ? { blocks: reply.blocks } : {}) })
    .catch(() => deps.logger.warn({ userId }, 'could not tell the submitter the outcome'));
}

export function snoozeSubmission(deps: CommandDeps) {
  return submission(
    deps,
    'snooze',
    FOLLOWUP_SNOOZE_MODAL.fields.reason.blockId,
    (values, today) => {
      const form = readSnoozeForm(values, today);
      return form.ok ? null : form.errors;
    },
    async (d, s) => {
      const form = readSnoozeForm(s.values, todayInZone(d.now(), s.zone));
      if (!form.ok) throw new UserError(Object.values(form.errors).join(' '));
      await snoozeFollowUp(s.scope, s.number, { code: s.code, until: form.value.until, reason: form.value.reason, zone: s.zone }, followUpEnv(d));
    },
  );
}

export function updateSubmission(deps: CommandDeps) {
  return submission(
    deps,
    'update',
    FOLLOWUP_UPDATE_MODAL.fields.text.blockId,
    (values) => {
      const form = readUpdateForm(values);
      return form.ok ? null : form.errors;
    },
    async (d, s) => {
      const form = readUpdateForm(s.values);
      if (!form.ok) throw new UserError(Object.values(form.errors).join(' '));
      await addUpdate(s.scope, s.number, { code: s.code, text: form.value.text }, followUpEnv(d));
    },
  );
}
