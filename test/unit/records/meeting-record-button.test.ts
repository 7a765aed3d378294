/** *Post summary record* on meeting announcements: on added and moved meetings (value = the meeting id), not on a cancelled one. */
import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../../src/sandbox/index.ts';
import { calendarAnnouncer } from '../../../src/slack/blocks/calendar-announcements.ts';
import { RECORD_ACTIONS } from '../../../src/slack/ids.ts';
import { resolveSchedule, type Meeting } from '../../../src/meetings/meeting-rules.ts';

const NOW = new Date('2026-11-01T10:00:00Z');
const schedule = { startDate: '2026-11-24', endDate: '2026-11-24', startTime: '14:00', endTime: '16:00', timeZone: 'Europe/Zurich' };
const MEETING: Meeting = {
  id: '00000000-0000-4000-8000-000000000061',
  committeeId: 'c',
  number: 61,
  title: 'IOCC-61',
  body: 'IOCC',
  kind: 'coordination',
  venue: 'WHO, Geneva',
  status: 'scheduled',
  url: null,
  documentSymbol: null,
  externalKey: null,
  revision: 0,
  createdBy: 'U0SEC',
  createdAt: NOW,
  updatedAt: NOW,
  ...schedule,
  startsAt: resolveSchedule(schedule).startsAt,
};

type Button = { type: string; action_id?: string; value?: string; text?: { text: string } };
const buttons = (blocks: unknown[] | undefined): Button[] =>
  (blocks ?? []).flatMap((b) => ((b as { type: string }).type === 'actions' ? ((b as { elements: Button[] }).elements ?? []) : []));

describe('meeting announcements', () => {
  const render = calendarAnnouncer('/concord');

  it('an added and a moved meeting carry Post summary record, with the meeting id', () => {
    const added = render({ type: 'meeting.added', meeting: MEETING, actorId: 'U0SEC' });
    const moved = render({ type: 'meeting.moved', meeting: MEETING, before: { ...MEETING, startDate: '2026-11-23', endDate: '2026-11-23' }, deadlines: [], actorId: 'U0SEC' });
    for (const message of [added, moved]) {
      expect(validateMessage(message)).toEqual([]);
      expect(buttons(message.blocks)).toEqual([{ type: 'button', action_id: RECORD_ACTIONS.postRecord, text: expect.objectContaining({ text: 'Post summary record' }), value: MEETING.id }]);
    }
  });

  it('a cancelled meeting has no such button', () => {
    const cancelled = render({ type: 'meeting.cancelled', meeting: { ...MEETING, status: 'cancelled' }, orphaned: [], actorId: 'U0SEC' });
    expect(buttons(cancelled.blocks)).toEqual([]);
  });
});
