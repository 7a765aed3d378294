/**
 * Every callback_id, block_id and action_id Concord's surfaces use, in one place: builders and listeners
 * import them from here, so a renamed id cannot leave a listener deaf.
 */

/** `meeting new`: the modal that adds a meeting. */
export const MEETING_MODAL = {
  callbackId: 'concord_meeting_new',
  /** block_id → action_id of each input. Errors (`response_action: errors`) are keyed by block_id. */
  fields: {
    title: { blockId: 'meeting_title', actionId: 'title' },
    startDate: { blockId: 'meeting_start_date', actionId: 'start_date' },
    endDate: { blockId: 'meeting_end_date', actionId: 'end_date' },
    startTime: { blockId: 'meeting_start_time', actionId: 'start_time' },
    endTime: { blockId: 'meeting_end_time', actionId: 'end_time' },
    zone: { blockId: 'meeting_zone', actionId: 'zone' },
    venue: { blockId: 'meeting_venue', actionId: 'venue' },
    body: { blockId: 'meeting_body', actionId: 'body' },
    kind: { blockId: 'meeting_kind', actionId: 'kind' },
    url: { blockId: 'meeting_url', actionId: 'url' },
  },
} as const;

export type MeetingModalField = keyof typeof MEETING_MODAL.fields;

/**
 * Buttons on a follow-up DM (and on the App Home): each button's `value` is the assignment id (one
 * organization's part). `blockId` is the actions block holding them.
 */
export const FOLLOWUP_ACTIONS = {
  blockId: 'followup_actions',
  done: 'followup_done',
  snooze: 'followup_snooze',
  update: 'followup_update',
} as const;

/** *Snooze* on a follow-up part: the modal (date + reason, both required). */
export const FOLLOWUP_SNOOZE_MODAL = {
  callbackId: 'concord_followup_snooze',
  fields: {
    until: { blockId: 'followup_snooze_until', actionId: 'until' },
    reason: { blockId: 'followup_snooze_reason', actionId: 'reason' },
  },
} as const;

/** *Add update* on a follow-up part: the modal (one text). */
export const FOLLOWUP_UPDATE_MODAL = {
  callbackId: 'concord_followup_update',
  fields: {
    text: { blockId: 'followup_update_text', actionId: 'text' },
  },
} as const;

/** The App Home tab. */
export const HOME = {
  /** Per-user publish dedup of a retried `app_home_opened` is keyed by event_id, not by this. */
  callbackId: 'concord_home',
} as const;
