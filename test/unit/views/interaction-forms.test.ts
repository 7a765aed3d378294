/**
 * Reading modal state that Slack never sends but a hostile or broken payload can: values of another type,
 * control characters, missing state. The forms answer with field errors, never throw; and the catch-all
 * for unknown buttons leaves every action id Concord handles to its own listener.
 */
import { describe, expect, it } from 'vitest';
import { readMeetingForm } from '../../../src/slack/views/meeting-form.ts';
import { viewValues, type ViewValues } from '../../../src/slack/views/view-state.ts';
import { readSnoozeForm, readUpdateForm } from '../../../src/slack/views/followup-part-form.ts';
import { UNKNOWN_ACTION } from '../../../src/slack/actions/unknown-action.ts';
import { FOLLOWUP_ACTIONS, FOLLOWUP_SNOOZE_MODAL, FOLLOWUP_UPDATE_MODAL, MEETING_MODAL, RECORD_ACTIONS, RECORD_MODAL } from '../../../src/slack/ids.ts';

const M = MEETING_MODAL.fields;
const meeting = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).map(([field, state]) => [M[field as keyof typeof M].blockId, { [M[field as keyof typeof M].actionId]: state }])) as ViewValues;
const valid = { title: { value: 'IOCC-61' }, startDate: { selected_date: '2027-03-02' }, zone: { value: 'Europe/Zurich' } };

describe('the meeting form', () => {
  it('reads a valid form', () => {
    expect(readMeetingForm(meeting(valid))).toMatchObject({ ok: true, input: { title: 'IOCC-61', startDate: '2027-03-02', timeZone: 'Europe/Zurich', startTime: null } });
  });

  it('refuses a value of another type on its field instead of ignoring it', () => {
    for (const [field, state] of [
      ['title', { value: 99 }],
      ['startDate', { selected_date: 20270302 }],
      ['endDate', { selected_date: ['2027-03-03'] }],
      ['startTime', { selected_time: 1000 }],
      ['venue', { value: { name: 'CICG' } }],
      ['zone', { value: true }],
    ] as const) {
      const form = readMeetingForm(meeting({ ...valid, [field]: state }));
      expect(form, field).toEqual({ ok: false, errors: { [M[field].blockId]: 'This field did not come through: fill it in again.' } });
    }
  });

  it('refuses a time that is not one, and removes control characters from texts', () => {
    expect(readMeetingForm(meeting({ ...valid, startTime: { selected_time: '25:99' } }))).toEqual({ ok: false, errors: { [M.startTime.blockId]: 'Pick a time of day (HH:MM).' } });
    expect(readMeetingForm(meeting({ ...valid, title: { value: '\u0000\u0008' } }))).toEqual({ ok: false, errors: { [M.title.blockId]: 'Give the meeting a title.' } });
    expect(readMeetingForm(meeting({ ...valid, title: { value: 'IOCC\u0000-61' } }))).toMatchObject({ ok: true, input: { title: 'IOCC -61' } });
  });

  it('treats a missing or malformed state as an empty form', () => {
    for (const view of [{}, { state: null }, { state: { values: 'garbage' } }, { state: { values: [] } }]) {
      expect(readMeetingForm(viewValues(view)), JSON.stringify(view)).toMatchObject({ ok: false, errors: { [M.title.blockId]: 'Give the meeting a title.' } });
    }
    expect(readMeetingForm({ [M.title.blockId]: 'x', [M.startDate.blockId]: { start_date: null } } as unknown as ViewValues)).toMatchObject({ ok: false });
  });
});

describe('the Snooze and Add update forms', () => {
  const S = FOLLOWUP_SNOOZE_MODAL.fields;
  const snooze = (until: unknown, reason: unknown) => ({ [S.until.blockId]: { [S.until.actionId]: { selected_date: until } }, [S.reason.blockId]: { [S.reason.actionId]: { value: reason } } }) as ViewValues;
  const U = FOLLOWUP_UPDATE_MODAL.fields.text;

  it('refuses values of another type with the field errors, never a throw', () => {
    expect(readSnoozeForm(snooze(20261215, { text: 'x' }), '2026-12-01')).toEqual({ ok: false, errors: { [S.until.blockId]: 'Pick the day reminders resume.', [S.reason.blockId]: expect.stringMatching(/^Give a reason/) } });
    expect(readSnoozeForm({ [S.until.blockId]: 'x', [S.reason.blockId]: [1] } as unknown as ViewValues, '2026-12-01')).toMatchObject({ ok: false });
    expect(readUpdateForm({ [U.blockId]: { [U.actionId]: { value: 42 } } } as unknown as ViewValues)).toEqual({ ok: false, errors: { [U.blockId]: expect.stringMatching(/^Give the update/) } });
  });

  it('removes control characters: only those is no text', () => {
    expect(readUpdateForm({ [U.blockId]: { [U.actionId]: { value: '\u0000\u0007' } } })).toMatchObject({ ok: false });
    expect(readUpdateForm({ [U.blockId]: { [U.actionId]: { value: 'Draft\u0000sent' } } })).toEqual({ ok: true, value: { text: 'Draft sent' } });
    expect(readSnoozeForm(snooze('2026-12-08', 'Waiting\u001b'), '2026-12-01')).toEqual({ ok: true, value: { until: '2026-12-08', reason: 'Waiting' } });
  });
});

describe('the catch-all for unknown buttons', () => {
  it('leaves every action id Concord handles to its listener', () => {
    for (const id of [...Object.values(FOLLOWUP_ACTIONS), ...Object.values(RECORD_ACTIONS), `${RECORD_MODAL.addMatter}_specific`, `${RECORD_MODAL.addMatter}_general`]) {
      expect(UNKNOWN_ACTION.test(id), id).toBe(false);
    }
  });

  it('takes any other', () => {
    for (const id of ['followup_destroy', 'followup_done_x', 'xfollowup_done', 'record_object2', 'record_add_matte', '', 'constructor']) {
      expect(UNKNOWN_ACTION.test(id), id).toBe(true);
    }
  });
});
