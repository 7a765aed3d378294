/**
 * Pure builder: the summary-record modal. Every field of PRODUCT.md's "Summary-record modal"; matters are
 * numbered inputs per section (one input holds at most 3000 characters), grown by "Add another matter";
 * the open follow-ups of earlier meetings each get a choice (carried over / closed). Values come back
 * from a saved draft as initial values. Ids from `../ids.ts`; read in `../views/record-form.ts`.
 */
import type { Block, InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { RECORD_MODAL, type RecordModalField } from '../ids.ts';
import { plain, truncate } from '../text.ts';
import { context, header } from './reply.ts';

export const MATTER_MAX = 3000;
export const MATTERS_PER_SECTION_MAX = 12;
export const CARRY_MAX = 15;

/** What the modal holds, as typed: also the shape of a saved draft. */
export interface RecordValues {
  fields: Partial<Record<RecordModalField, string | string[]>>;
  specific: string[];
  general: string[];
  /** follow-up id → 'carried' | 'closed' */
  carry: Record<string, string>;
}

export interface RecordModalMetadata {
  channelId: string;
  /** Amending R-n. */
  recordNumber?: number;
  specific: number;
  general: number;
}

export interface RecordModalInput {
  metadata: RecordModalMetadata;
  values: RecordValues;
  meetings: Array<{ number: number; title: string }>;
  organizations: string[];
  openFollowUps: Array<{ id: string; number: number; title: string; organizations: string[] }>;
}

export function emptyValues(): RecordValues {
  return { fields: {}, specific: [], general: [], carry: {} };
}

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

function textInput(field: RecordModalField, label: string, values: RecordValues, opts: { multiline?: boolean; max?: number; placeholder?: string; hint?: string; optional?: boolean } = {}): InputBlock {
  const ids = RECORD_MODAL.fields[field];
  const initial = str(values.fields[field]);
  return {
    type: 'input',
    block_id: ids.blockId,
    optional: opts.optional ?? true,
    label: plain(label, 2000),
    element: {
      type: 'plain_text_input',
      action_id: ids.actionId,
      multiline: opts.multiline ?? false,
      max_length: opts.max ?? 200,
      ...(initial ? { initial_value: initial.slice(0, opts.max ?? 200) } : {}),
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
    },
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
  };
}

function matterInput(sectionName: 'specific' | 'general', k: number, initial: string): InputBlock {
  return {
    type: 'input',
    block_id: RECORD_MODAL.matterBlock(sectionName, k),
    optional: true,
    label: plain(`${sectionName === 'specific' ? 'Specific' : 'General'} matter ${k}`, 2000),
    element: {
      type: 'plain_text_input',
      action_id: RECORD_MODAL.matterAction,
      multiline: true,
      max_length: MATTER_MAX,
      ...(initial ? { initial_value: initial.slice(0, MATTER_MAX) } : {}),
      placeholder: plain('One matter; put its topic in **bold**', 150),
    },
  };
}

const option = (text: string, value: string): PlainTextOption => ({ text: plain(truncate(text, 75), 75), value });

export function recordModalView(input: RecordModalInput): ModalView {
  const { values, metadata } = input;
  const f = RECORD_MODAL.fields;
  const blocks: Array<KnownBlock | Block> = [];
  if (input.meetings.length) {
    const options = input.meetings.slice(0, 100).map((m) => option(`M-${m.number} ${m.title}`, String(m.number)));
    const chosen = options.find((o) => o.value === str(values.fields.meeting));
    blocks.push({
      type: 'input', block_id: f.meeting.blockId, optional: true, label: plain('Meeting', 2000),
      element: { type: 'static_select', action_id: f.meeting.actionId, options, placeholder: plain('The meeting this record is of', 150), ...(chosen ? { initial_option: chosen } : {}) },
    });
  }
  blocks.push(
    textInput('meetingNumber', 'Meeting number', values, { placeholder: 'e.g. 60th', max: 50 }),
    textInput('dates', 'Dates', values, { placeholder: 'e.g. 21-22 November 2023' }),
    textInput('venue', 'Venue', values, { placeholder: 'e.g. ILO, Geneva' }),
    textInput('host', 'Host organization', values, { max: 100 }),
    textInput('chair', 'Chair', values),
    textInput('rapporteur', 'Rapporteur', values),
  );
  if (input.organizations.length) {
    const options = input.organizations.slice(0, 100).map((c) => option(c, c));
    const present = Array.isArray(values.fields.present) ? values.fields.present : [];
    const initial = options.filter((o) => present.includes(o.value ?? ''));
    blocks.push({
      type: 'input', block_id: f.present.blockId, optional: true, label: plain('Organizations present', 2000),
      element: { type: 'multi_static_select', action_id: f.present.actionId, options, ...(initial.length ? { initial_options: initial } : {}) },
    });
  }
  blocks.push(
    textInput('observers', 'Observers', values, { max: 1000 }),
    textInput('apologies', 'Apologies', values, { max: 1000 }),
    textInput('agenda', 'Agenda', values, { multiline: true, max: 3000 }),
    header('Specific matters'),
  );
  for (let k = 1; k <= metadata.specific; k++) blocks.push(matterInput('specific', k, values.specific[k - 1] ?? ''));
  blocks.push(header('General matters'));
  for (let k = 1; k <= metadata.general; k++) blocks.push(matterInput('general', k, values.general[k - 1] ?? ''));
  const buttons = (['specific', 'general'] as const)
    .filter((s) => metadata[s] < MATTERS_PER_SECTION_MAX)
    .map((s) => ({ type: 'button' as const, action_id: `${RECORD_MODAL.addMatter}_${s}`, text: plain(`Add another ${s} matter`, 75), value: s }));
  if (buttons.length) blocks.push({ type: 'actions', block_id: RECORD_MODAL.addMatterBlock, elements: buttons });
  blocks.push(
    textInput('decisions', 'Decisions (one per line)', values, { multiline: true, max: 3000 }),
    textInput('followUps', 'Follow-ups (one per line)', values, {
      multiline: true,
      max: 3000,
      placeholder: 'UNEP,WHO: Submit the GFC outcomes to UNEA (due 2027-03-01)',
      hint: 'One per line: CODE[,CODE]: action text (due DATE). Created, and each organization notified, when the record is adopted.',
    }),
  );
  const carry = input.openFollowUps.slice(0, CARRY_MAX);
  if (carry.length) {
    blocks.push(header('Open follow-ups of earlier meetings'));
    for (const fu of carry) {
      const options = [option('Carried over', 'carried'), option('Closed', 'closed')];
      const chosen = options.find((o) => o.value === values.carry[fu.id]) ?? options[0]!;
      blocks.push({
        type: 'input', block_id: `${RECORD_MODAL.carryPrefix}${fu.id}`, optional: true,
        label: plain(truncate(`F-${fu.number} ${fu.organizations.join(', ')}: ${fu.title}`, 150), 2000),
        element: { type: 'radio_buttons', action_id: RECORD_MODAL.carryAction, options, initial_option: chosen },
      });
    }
    if (input.openFollowUps.length > carry.length) blocks.push(context(`${input.openFollowUps.length - carry.length} more open follow-ups are not listed.`));
  }
  const modes = [option('Save as draft', 'draft'), option('Circulate (silence procedure)', 'circulate'), option('Adopt now (chair)', 'adopt')];
  const mode = modes.find((o) => o.value === str(values.fields.mode)) ?? modes[0]!;
  blocks.push(
    textInput('nextMeeting', 'Next meeting (date, venue)', values, { max: 300 }),
    { type: 'input', block_id: f.mode.blockId, label: plain('On submit', 2000), element: { type: 'radio_buttons', action_id: f.mode.actionId, options: modes, initial_option: mode } },
  );
  const title = metadata.recordNumber ? `Amend R-${metadata.recordNumber}` : 'Summary record';
  return {
    type: 'modal',
    callback_id: RECORD_MODAL.callbackId,
    title: plain(title, 24),
    submit: plain('Submit', 24),
    close: plain('Close', 24),
    notify_on_close: true,
    private_metadata: JSON.stringify(metadata),
    blocks: blocks as KnownBlock[],
  };
}
