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

/** The summary-record modal (`record [M-n]`): fields by name; matters are numbered blocks per section. */
export const RECORD_MODAL = {
  callbackId: 'concord_record',
  /** "Add another matter" buttons (value = the section): the form grows through views.update. */
  addMatter: 'record_add_matter',
  addMatterBlock: 'record_add_matter_actions',
  fields: {
    meeting: { blockId: 'record_meeting', actionId: 'meeting' },
    meetingNumber: { blockId: 'record_meeting_number', actionId: 'meeting_number' },
    dates: { blockId: 'record_dates', actionId: 'dates' },
    venue: { blockId: 'record_venue', actionId: 'venue' },
    host: { blockId: 'record_host', actionId: 'host' },
    chair: { blockId: 'record_chair', actionId: 'chair' },
    rapporteur: { blockId: 'record_rapporteur', actionId: 'rapporteur' },
    present: { blockId: 'record_present', actionId: 'present' },
    observers: { blockId: 'record_observers', actionId: 'observers' },
    apologies: { blockId: 'record_apologies', actionId: 'apologies' },
    agenda: { blockId: 'record_agenda', actionId: 'agenda' },
    decisions: { blockId: 'record_decisions', actionId: 'decisions' },
    followUps: { blockId: 'record_followups', actionId: 'followups' },
    nextMeeting: { blockId: 'record_next_meeting', actionId: 'next_meeting' },
    mode: { blockId: 'record_mode', actionId: 'mode' },
  },
  /** Matter k (1-based) of a section: block `record_specific_1`, action `text`. */
  matterBlock: (section: 'specific' | 'general', k: number) => `record_${section}_${k}`,
  matterAction: 'text',
  /** An earlier meeting's open follow-up: block `record_carry_<follow-up id>`, radio `choice`. */
  carryPrefix: 'record_carry_',
  carryAction: 'choice',
} as const;

export type RecordModalField = keyof typeof RECORD_MODAL.fields;

/**
 * *Object* on a circulated record (value = the record id), and the reason modal it opens; *Post summary
 * record* on a meeting's announcement (value = the meeting id) opens the record modal for that meeting.
 */
export const RECORD_ACTIONS = {
  blockId: 'record_actions',
  object: 'record_object',
  meetingBlockId: 'meeting_record_actions',
  postRecord: 'record_post_for_meeting',
} as const;

export const RECORD_OBJECTION_MODAL = {
  callbackId: 'concord_record_objection',
  fields: {
    reason: { blockId: 'record_objection_reason', actionId: 'reason' },
  },
} as const;
