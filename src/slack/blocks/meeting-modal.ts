/** Pure builder: the `meeting new` modal. Ids come from `../ids.ts`; the submission is read in `../views/meeting-new.ts`. */
import type { InputBlock, ModalView, PlainTextInput } from '@slack/types';
import { KIND_LABELS } from '../../meetings/meeting-rules.ts';
import { MEETING_KINDS } from '../../meetings/meeting-kind.ts';
import { MEETING_MODAL } from '../ids.ts';
import { plain } from '../text.ts';

/** What the submission needs back: where the command was typed. */
export interface MeetingModalMetadata {
  channelId: string;
}

/** An input element without its action_id (set from `../ids.ts`). */
type Element = DistributiveOmit<InputBlock['element'], 'action_id'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function input(field: keyof typeof MEETING_MODAL.fields, label: string, element: Element, opts: { optional?: boolean; hint?: string } = {}): InputBlock {
  const ids = MEETING_MODAL.fields[field];
  return {
    type: 'input',
    block_id: ids.blockId,
    label: plain(label, 2000),
    optional: opts.optional ?? false,
    element: { ...element, action_id: ids.actionId },
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
  };
}

const text = (placeholder: string, maxLength: number): Omit<PlainTextInput, 'action_id'> => ({ type: 'plain_text_input', placeholder: plain(placeholder, 150), max_length: maxLength });

/**
 * The modal: title, first and last day (date pickers), optional start/end time, time zone (the
 * committee's by default), venue, body, kind, link.
 */
export function meetingModalView(input_: { committeeZone: string; metadata: MeetingModalMetadata }): ModalView {
  return {
    type: 'modal',
    callback_id: MEETING_MODAL.callbackId,
    title: plain('New meeting', 24),
    submit: plain('Add meeting', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(input_.metadata),
    blocks: [
      input('title', 'Title', text('e.g. Thirteenth Meeting of States Parties (13MSP)', 200)),
      input('startDate', 'First day', { type: 'datepicker', placeholder: plain('Pick a date', 150) }),
      input('endDate', 'Last day', { type: 'datepicker', placeholder: plain('Same as the first day', 150) }, { optional: true, hint: 'Leave empty for a one-day meeting.' }),
      input('startTime', 'Start time', { type: 'timepicker', placeholder: plain('No time: an all-day conference', 150) }, {
        optional: true,
        hint: 'Local time at the venue. Leave empty for all-day conferences.',
      }),
      input('endTime', 'End time', { type: 'timepicker', placeholder: plain('One hour after the start', 150) }, { optional: true }),
      input('zone', 'Time zone of the venue', { ...text('Area/City, e.g. Africa/Nairobi', 64), initial_value: input_.committeeZone }, {
        hint: 'An IANA name such as Europe/Zurich (Geneva) or America/New_York.',
      }),
      input('venue', 'Venue', text('e.g. CICG, Geneva', 200), { optional: true }),
      input('body', 'Body', text('e.g. CCM MSP, BRS COPs, IOCC', 100), { optional: true }),
      input('kind', 'Kind', {
        type: 'static_select',
        placeholder: plain('Guess from the title and body', 150),
        options: MEETING_KINDS.map((k) => ({ text: plain(KIND_LABELS[k], 75), value: k })),
      }, { optional: true }),
      input('url', 'Link or document', text('https://…', 1000), { optional: true }),
    ],
  };
}
