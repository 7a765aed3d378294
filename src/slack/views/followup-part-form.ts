/**
 * Reads the *Snooze* and *Add update* modals: their metadata (which part, where the click came from) and
 * their fields, or field errors keyed by block_id (for `response_action: errors`, shown inline). Pure.
 */
import { NOTE_MAX, SNOOZE_MAX_DAYS } from '../../followups/followup-rules.ts';
import { addDays, isLocalDate, type LocalDate } from '../../time/local-date.ts';
import { formatLocalDate } from '../../time/format.ts';
import { FOLLOWUP_SNOOZE_MODAL, FOLLOWUP_UPDATE_MODAL } from '../ids.ts';
import type { PartModalMetadata } from '../blocks/followup-modals.ts';
import { stateOf as stateIn, stateString, type ViewValues } from './view-state.ts';

export type Form<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export function readPartMetadata(privateMetadata: string): PartModalMetadata | null {
  try {
    const m = JSON.parse(privateMetadata) as { assignmentId?: unknown; channelId?: unknown };
    if (typeof m.assignmentId !== 'string' || m.assignmentId === '') return null;
    return { assignmentId: m.assignmentId, ...(typeof m.channelId === 'string' ? { channelId: m.channelId } : {}) };
  } catch {
    return null;
  }
}

function stateOf(values: ViewValues, ids: { blockId: string; actionId: string }): Record<string, unknown> {
  return stateIn(values, ids.blockId, ids.actionId);
}

function textOf(values: ViewValues, ids: { blockId: string; actionId: string }): string {
  return stateString(stateOf(values, ids).value).trim();
}

function checkNote(text: string, what: string): string | null {
  if (text === '') return `Give ${what}.`;
  if (text.length > NOTE_MAX) return `At most ${NOTE_MAX} characters (this is ${text.length}).`;
  return null;
}

/** Until (after `today`, at most a year ahead, `today` in the submitter's zone) and a reason, both required. */
export function readSnoozeForm(values: ViewValues, today: LocalDate): Form<{ until: LocalDate; reason: string }> {
  const f = FOLLOWUP_SNOOZE_MODAL.fields;
  const errors: Record<string, string> = {};
  const until = stateString(stateOf(values, f.until).selected_date);
  const last = addDays(today, SNOOZE_MAX_DAYS);
  if (!isLocalDate(until)) errors[f.until.blockId] = 'Pick the day reminders resume.';
  else if (until <= today) errors[f.until.blockId] = `Pick a day after today (${formatLocalDate(today)}).`;
  else if (until > last) errors[f.until.blockId] = `A snooze lasts at most a year (until ${formatLocalDate(last)}).`;
  const reason = textOf(values, f.reason);
  const bad = checkNote(reason, 'a reason: the chair sees it with the snooze count');
  if (bad) errors[f.reason.blockId] = bad;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: { until, reason } };
}

export function readUpdateForm(values: ViewValues): Form<{ text: string }> {
  const f = FOLLOWUP_UPDATE_MODAL.fields;
  const text = textOf(values, f.text);
  const bad = checkNote(text, 'the update, e.g. “Draft sent to the Bureau”');
  return bad ? { ok: false, errors: { [f.text.blockId]: bad } } : { ok: true, value: { text } };
}
