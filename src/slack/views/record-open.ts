/**
 * Opens the summary-record modal with a trigger_id (a `record [M-n]` command, or *Post summary record* on a
 * meeting's announcement), inside the request's 3 seconds: prefilled from the person's draft, else from the
 * version being amended, else empty with the meeting chosen. Refusals come from `prepareRecordForm`.
 */
import type { WebClient } from '@slack/web-api';
import type { Scope } from '../../committees/scope.ts';
import { prepareRecordForm } from '../../records/record-drafts.ts';
import { emptyValues, recordModalView, type RecordValues } from '../blocks/record-modal.ts';
import { valuesFromVersion } from './record-values.ts';

export interface OpenRecordModal {
  scope: Scope;
  triggerId: string;
  /** Where outcomes are told (ephemeral). */
  channelId: string;
  meetingNumber?: number;
  /** The meeting by id (a button on its announcement). */
  meetingId?: string;
  recordNumber?: number;
}

export async function openRecordModal(client: WebClient, input: OpenRecordModal): Promise<void> {
  const { scope, triggerId: _t, channelId: _c, ...opts } = input;
  const data = await prepareRecordForm(scope, opts);
  let values: RecordValues = (data.draft as RecordValues | null) ?? (data.current ? valuesFromVersion(data.current) : emptyValues());
  if (data.meetingNumber !== undefined && !data.draft) values = { ...values, fields: { ...values.fields, meeting: String(data.meetingNumber) } };
  const metadata = {
    channelId: input.channelId,
    ...(input.recordNumber !== undefined ? { recordNumber: input.recordNumber } : {}),
    specific: Math.max(1, values.specific.length),
    general: Math.max(1, values.general.length),
  };
  const view = recordModalView({ metadata, values, meetings: data.meetings, organizations: data.organizations, openFollowUps: data.openFollowUps });
  await client.views.open({ trigger_id: input.triggerId, view });
}
