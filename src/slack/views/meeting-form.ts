/**
 * Reads the `meeting new` modal's state into a meeting input, or into field errors keyed by block_id
 * (for `response_action: errors`, shown inline). Pure.
 */
import type { MeetingInput } from '../../meetings/meeting-service.ts';
import { BODY_MAX, checkUrl, TITLE_MAX, VENUE_MAX } from '../../meetings/meeting-rules.ts';
import { isMeetingKind } from '../../meetings/meeting-kind.ts';
import { resolveZone } from '../../time/zones.ts';
import { isLocalDate } from '../../time/local-date.ts';
import { formatLocalDate } from '../../time/format.ts';
import { UserError } from '../../errors.ts';
import { parseTimeOfDay } from '../../time/parse-time.ts';
import { MEETING_MODAL, type MeetingModalField } from '../ids.ts';
import { selectedValue, stateOf, stateString, type ViewValues } from './view-state.ts';

export type MeetingForm = { ok: true; input: MeetingInput } | { ok: false; errors: Record<string, string> };

export function readMeetingForm(values: ViewValues): MeetingForm {
  const errors: Partial<Record<MeetingModalField, string>> = {};
  /** A field's text ('' when empty); a value of another type than Slack sends is an error on that field. */
  const read = (field: MeetingModalField, key: 'value' | 'selected_date' | 'selected_time'): string => {
    const ids = MEETING_MODAL.fields[field];
    const raw = stateOf(values, ids.blockId, ids.actionId)[key];
    if (raw === undefined || raw === null) return '';
    if (typeof raw === 'string') return stateString(raw);
    errors[field] ??= 'This field did not come through: fill it in again.';
    return '';
  };
  const textOf = (field: MeetingModalField) => read(field, 'value').replace(/\s+/g, ' ').trim();

  const title = textOf('title');
  if (title === '') errors.title ??= 'Give the meeting a title.';
  else if (title.length > TITLE_MAX) errors.title = `At most ${TITLE_MAX} characters.`;

  const startDate = read('startDate', 'selected_date');
  const endDate = read('endDate', 'selected_date') || startDate;
  if (!isLocalDate(startDate)) errors.startDate ??= 'Pick the first day.';
  else if (!isLocalDate(endDate)) errors.endDate ??= 'Pick a real date.';
  else if (endDate < startDate) errors.endDate ??= `The last day is before the first day (${formatLocalDate(startDate)}).`;

  const time = (field: 'startTime' | 'endTime'): string | null => {
    const text = read(field, 'selected_time');
    if (text === '') return null;
    const parsed = parseTimeOfDay(text);
    if (!parsed.ok) errors[field] = 'Pick a time of day (HH:MM).';
    return parsed.ok ? parsed.time : null;
  };
  const startTime = time('startTime');
  const endTime = time('endTime');
  const timesRead = !errors.startTime && !errors.endTime;
  if (timesRead && endTime && !startTime) errors.startTime = 'Give a start time too, or clear the end time.';
  else if (timesRead && startTime && endTime && endDate === startDate && endTime <= startTime) errors.endTime = `The meeting must end after it starts (${startTime}).`;

  const zoneText = textOf('zone');
  const zone = resolveZone(zoneText);
  if (!zone.ok) errors.zone ??= zone.message.slice(0, 2000);

  const venue = textOf('venue');
  if (venue.length > VENUE_MAX) errors.venue = `At most ${VENUE_MAX} characters.`;
  const body = textOf('body');
  if (body.length > BODY_MAX) errors.body = `At most ${BODY_MAX} characters.`;
  const kind = selectedValue(stateOf(values, MEETING_MODAL.fields.kind.blockId, MEETING_MODAL.fields.kind.actionId));

  const link = textOf('url');
  let url: string | undefined;
  let documentSymbol: string | undefined;
  if (/^https?:/i.test(link)) {
    try {
      url = checkUrl(link);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      errors.url ??= err.message;
    }
  } else if (link.length > 100) errors.url ??= 'A document symbol is at most 100 characters; a link starts with https://.';
  else if (link !== '') documentSymbol = link;

  const keyed = Object.entries(errors).map(([field, message]) => [MEETING_MODAL.fields[field as MeetingModalField].blockId, message] as const);
  if (keyed.length > 0) return { ok: false, errors: Object.fromEntries(keyed) };
  return {
    ok: true,
    input: {
      title,
      startDate,
      endDate,
      startTime,
      endTime,
      timeZone: zone.ok ? zone.zone : zoneText,
      venue,
      body,
      ...(kind && isMeetingKind(kind) ? { kind } : {}),
      ...(url ? { url } : {}),
      ...(documentSymbol ? { documentSymbol } : {}),
    },
  };
}
