/** Pure builder: the reason modal behind *Object* on a circulated record. */
import type { ModalView } from '@slack/types';
import { RECORD_OBJECTION_MODAL } from '../ids.ts';
import { plain } from '../text.ts';
import { REASON_MAX } from '../../records/record-service.ts';
import { section } from './reply.ts';

export interface ObjectionMetadata {
  recordNumber: number;
  channelId: string;
}

export function objectionModalView(input: { number: number; metadata: ObjectionMetadata }): ModalView {
  const f = RECORD_OBJECTION_MODAL.fields.reason;
  return {
    type: 'modal',
    callback_id: RECORD_OBJECTION_MODAL.callbackId,
    title: plain(`Object to R-${input.number}`, 24),
    submit: plain('Object', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(input.metadata),
    blocks: [
      section(`Your objection stops *R-${input.number}* from being adopted by silence until the chair resolves it.`),
      { type: 'input', block_id: f.blockId, label: plain('Reason', 2000), element: { type: 'plain_text_input', action_id: f.actionId, multiline: true, max_length: REASON_MAX } },
    ],
  };
}
