/**
 * Pure builders: the *Snooze* modal (date + reason, both required) and the *Add update* modal (one text)
 * opened from a follow-up part's buttons. Ids come from `../ids.ts`; submissions are read in
 * `../views/followup-modal-form.ts`.
 */
import type { ModalView } from '@slack/types';
import { NOTE_MAX, shortFollowUpId } from '../../followups/followup-rules.ts';
import type { LocalDate } from '../../time/local-date.ts';
import { FOLLOWUP_SNOOZE_MODAL, FOLLOWUP_UPDATE_MODAL } from '../ids.ts';
import { escapeMrkdwn, plain, truncate } from '../text.ts';
import { context, section } from './reply.ts';

/** What a submission needs back: which part, and where to answer (the clicked message's channel, if any). */
export interface PartModalMetadata {
  assignmentId: string;
  channelId?: string;
}

export interface PartModalInput {
  followUp: { number: number; title: string };
  orgCode: string;
  metadata: PartModalMetadata;
}

function about(input: PartModalInput) {
  return section(`*${shortFollowUpId(input.followUp.number)}* ${escapeMrkdwn(truncate(input.followUp.title, 300))} — *${escapeMrkdwn(input.orgCode)}*'s part`);
}

/** *Snooze*: until a date (a date picker starting tomorrow in the clicker's zone) and a required reason. */
export function snoozeModalView(input: PartModalInput & { tomorrow: LocalDate }): ModalView {
  const f = FOLLOWUP_SNOOZE_MODAL.fields;
  return {
    type: 'modal',
    callback_id: FOLLOWUP_SNOOZE_MODAL.callbackId,
    title: plain('Snooze follow-up', 24),
    submit: plain('Snooze', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(input.metadata),
    blocks: [
      about(input),
      {
        type: 'input',
        block_id: f.until.blockId,
        label: plain('Snooze until'),
        element: { type: 'datepicker', action_id: f.until.actionId, initial_date: input.tomorrow, placeholder: plain('Pick a date') },
        hint: plain('Reminders pause until this day (at most a year ahead).'),
      },
      {
        type: 'input',
        block_id: f.reason.blockId,
        label: plain('Reason'),
        element: { type: 'plain_text_input', action_id: f.reason.actionId, multiline: true, max_length: NOTE_MAX, placeholder: plain('e.g. Waiting for the Bureau’s comments') },
      },
      context('The chair sees how many times a part was snoozed, and why.'),
    ],
  };
}

/** *Add update*: a progress note on the part, which stays open. */
export function updateModalView(input: PartModalInput): ModalView {
  const f = FOLLOWUP_UPDATE_MODAL.fields;
  return {
    type: 'modal',
    callback_id: FOLLOWUP_UPDATE_MODAL.callbackId,
    title: plain('Add an update', 24),
    submit: plain('Add update', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(input.metadata),
    blocks: [
      about(input),
      {
        type: 'input',
        block_id: f.text.blockId,
        label: plain('Update'),
        element: { type: 'plain_text_input', action_id: f.text.actionId, multiline: true, max_length: NOTE_MAX, placeholder: plain('e.g. Draft sent to the Bureau') },
      },
      context('The part stays open; `followup F-n` shows the history.'),
    ],
  };
}
