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
import { MEETING_MODAL, type MeetingModalField } from '../ids.ts';

interface StateValue {
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_option?: { value: string } | null;
}

export type ViewValues = Record<string, Record<string, StateValue>>;

export type MeetingForm = { ok: true; input: MeetingInput } | { ok: false; errors: Record<string, string> };

export function readMeetingForm(values: ViewValues): MeetingForm {
  const get = (field: MeetingModalField): StateValue | undefined => {
    const ids = MEETING_MODAL.fields[field];
    return values[ids.blockId]?.[ids.actionId];
  };
  const textOf = (field: MeetingModalField) => (get(field)?.value ?? '').replace(/\s+/g, ' ').trim();
  const errors: Partial<Record<MeetingModalField, string>> = {};

  const title = textOf('title');
  if (title === '') errors.title = 'Give the meeting a title.';
  else if (title.length > TITLE_MAX) errors.title = `At most ${TITLE_MAX} characters.`;

  const startDate = get('startDate')?.selected_date ?? '';
  const endDate = get('endDate')?.selected_date || startDate;
  if (!isLocalDate(startDate)) errors.startDate = 'Pick the first day.';
  else if (!isLocalDate(endDate)) errors.endDate = 'Pick a real date.';
  else if (endDate < startDate) errors.endDate = `The last day is before the first day (${formatLocalDate(startDate)}).`;

  const startTime = get('startTime')?.selected_time || null;
  const endTime = get('endTime')?.selected_time || null;
  if (endTime && !startTime) errors.startTime = 'Give a start time too, or clear the end time.';
  else if (startTime && endTime && endDate === startDate && endTime <= startTime) errors.endTime = `The meeting must end after it starts (${startTime}).`;

  const zoneText = textOf('zone');
  const zone = resolveZone(zoneText);
  if (!zone.ok) errors.zone = zone.message.slice(0, 2000);

  const venue = textOf('venue');
  if (venue.length > VENUE_MAX) errors.venue = `At most ${VENUE_MAX} characters.`;
  const body = textOf('body');
  if (body.length > BODY_MAX) errors.body = `At most ${BODY_MAX} characters.`;
  const kind = get('kind')?.selected_option?.value;

  const link = textOf('url');
  let url: string | undefined;
  let documentSymbol: string | undefined;
  if (/^https?:/i.test(link)) {
    try {
      url = checkUrl(link);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      errors.url = err.message;
    }
  } else if (link.length > 100) errors.url = 'A document symbol is at most 100 characters; a link starts with https://.';
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
