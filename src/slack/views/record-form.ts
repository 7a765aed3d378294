/**
 * Reads the summary-record modal's state: as typed (`RecordValues`, what a draft keeps) and, on submit,
 * checked into the record's content — or field errors keyed by block_id (`response_action: errors`),
 * naming the bad line of the follow-ups field. Pure.
 */
import { parseFollowUpLines } from '../../records/followup-lines.ts';
import { emptyHeader, type CarryChoice, type RecordContent } from '../../records/record-rules.ts';
import type { SubmitMode } from '../../records/record-service.ts';
import { RECORD_MODAL, type RecordModalField } from '../ids.ts';
import type { RecordModalMetadata, RecordValues } from '../blocks/record-modal.ts';
import { isObject, selectedValue, stateOf, stateString, viewValues } from './view-state.ts';

export function readRecordMetadata(raw: string): RecordModalMetadata | undefined {
  try {
    const m = JSON.parse(raw) as Partial<RecordModalMetadata>;
    if (typeof m.channelId !== 'string' || typeof m.specific !== 'number' || typeof m.general !== 'number') return undefined;
    return { channelId: m.channelId, specific: m.specific, general: m.general, ...(typeof m.recordNumber === 'number' ? { recordNumber: m.recordNumber } : {}) };
  } catch {
    return undefined;
  }
}

/** What the form holds as typed; a field missing or of another type than Slack sends reads as empty. */
export function readRecordValues(view: { state?: unknown } | undefined, meta: Pick<RecordModalMetadata, 'specific' | 'general'>): RecordValues {
  const state = viewValues(view);
  const out: RecordValues = { fields: {}, specific: [], general: [], carry: {} };
  for (const [field, ids] of Object.entries(RECORD_MODAL.fields) as Array<[RecordModalField, { blockId: string; actionId: string }]>) {
    const v = stateOf(state, ids.blockId, ids.actionId);
    if (Array.isArray(v.selected_options)) out.fields[field] = v.selected_options.filter(isObject).map((o) => stateString(o.value)).filter(Boolean);
    else if (isObject(v.selected_option)) out.fields[field] = selectedValue(v);
    else if (typeof v.value === 'string') out.fields[field] = stateString(v.value);
  }
  for (const s of ['specific', 'general'] as const) {
    for (let k = 1; k <= meta[s]; k++) out[s].push(stateString(stateOf(state, RECORD_MODAL.matterBlock(s, k), RECORD_MODAL.matterAction).value));
  }
  for (const blockId of Object.keys(state)) {
    if (!blockId.startsWith(RECORD_MODAL.carryPrefix)) continue;
    const choice = selectedValue(stateOf(state, blockId, RECORD_MODAL.carryAction));
    if (choice) out.carry[blockId.slice(RECORD_MODAL.carryPrefix.length)] = choice;
  }
  return out;
}

export interface RecordSubmission {
  content: RecordContent;
  mode: SubmitMode;
  meetingNumber?: number;
}

export type RecordFormResult = { ok: true; submission: RecordSubmission } | { ok: false; errors: Record<string, string> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

export function checkRecordValues(values: RecordValues, options: { codes: readonly string[]; zone: string; now: Date }): RecordFormResult {
  const f = values.fields;
  const errors: Record<string, string> = {};
  const header = emptyHeader();
  for (const key of ['meetingNumber', 'dates', 'venue', 'host', 'chair', 'rapporteur', 'observers', 'apologies', 'agenda', 'nextMeeting'] as const) header[key] = one(f[key]);
  header.present = Array.isArray(f.present) ? f.present : [];
  const matters = [
    ...values.specific.map((text) => ({ section: 'specific' as const, text: text.trim() })),
    ...values.general.map((text) => ({ section: 'general' as const, text: text.trim() })),
  ].filter((m) => m.text);
  const mode = (['draft', 'circulate', 'adopt'] as const).find((m) => m === one(f.mode)) ?? 'draft';
  if (mode !== 'draft' && !matters.length) errors[RECORD_MODAL.matterBlock('specific', 1)] = 'A record to circulate or adopt needs at least one matter.';
  const lines = parseFollowUpLines(one(f.followUps), options);
  if (!lines.ok) errors[RECORD_MODAL.fields.followUps.blockId] = lines.error;
  if (Object.keys(errors).length || !lines.ok) return { ok: false, errors };
  const decisions = one(f.decisions).split(/\r?\n/).map((d) => d.trim().replace(/^[-•*]\s+/, '')).filter(Boolean);
  const carryOver = Object.entries(values.carry)
    .filter((e): e is [string, CarryChoice] => e[1] === 'carried' || e[1] === 'closed')
    .map(([followUpId, choice]) => ({ followUpId, choice }));
  const meeting = Number.parseInt(one(f.meeting), 10);
  return {
    ok: true,
    submission: { content: { header, matters, decisions, followUps: lines.lines, carryOver }, mode, ...(Number.isFinite(meeting) ? { meetingNumber: meeting } : {}) },
  };
}
