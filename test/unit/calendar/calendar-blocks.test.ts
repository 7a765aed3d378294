/**
 * The calendar's Block Kit builders (lists, detail, modal, announcements) pass the sandbox's validator with
 * 0 and 60+ items and hostile text; date-only meetings are shown as dates, timed ones in the venue's time
 * plus a `<!date>` token for the viewer; the modal's submission is read into inline errors keyed by block_id.
 */
import { describe, expect, it } from 'vitest';
import { validateMessage, validateView } from '../../../src/sandbox/index.ts';
import { meetingDetailBlocks, meetingListBlocks, MAX_LIST_ROWS } from '../../../src/slack/blocks/meetings.ts';
import { deadlineListBlocks, type DeadlineRow } from '../../../src/slack/blocks/deadlines.ts';
import { meetingModalView } from '../../../src/slack/blocks/meeting-modal.ts';
import { calendarAnnouncer } from '../../../src/slack/blocks/calendar-announcements.ts';
import { readMeetingForm } from '../../../src/slack/views/meeting-form.ts';
import { MEETING_MODAL } from '../../../src/slack/ids.ts';
import { resolveSchedule, type Meeting } from '../../../src/meetings/meeting-rules.ts';
import { effectiveDue, type Deadline } from '../../../src/deadlines/deadline-rules.ts';
import { addDays } from '../../../src/time/local-date.ts';

const NOW = new Date('2025-09-01T10:00:00Z');

function meeting(n: number, over: Partial<Meeting> = {}): Meeting {
  const base = { startDate: addDays('2025-09-16', n), endDate: addDays('2025-09-19', n), startTime: null, endTime: null, timeZone: 'Europe/Zurich', ...over };
  const { startsAt } = resolveSchedule({ startDate: base.startDate, endDate: base.endDate, startTime: base.startTime, endTime: base.endTime, timeZone: base.timeZone });
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    committeeId: 'c',
    number: n,
    title: `Meeting ${n}`,
    body: 'CCM MSP',
    kind: 'governing-body',
    venue: 'Palais des Nations, Geneva',
    status: 'scheduled',
    url: null,
    documentSymbol: null,
    externalKey: null,
    revision: 0,
    createdBy: 'U0SEC',
    createdAt: NOW,
    updatedAt: NOW,
    ...base,
    startsAt,
    ...over,
  };
}

function deadline(n: number, over: Partial<Deadline> = {}): Deadline {
  return {
    id: `d-${n}`,
    committeeId: 'c',
    number: n,
    title: `Deadline ${n}`,
    dueDate: addDays('2025-09-02', n),
    meetingId: null,
    offsetAmount: null,
    offsetUnit: null,
    direction: null,
    rrule: null,
    effectiveDue: addDays('2025-09-02', n),
    timeZone: 'Europe/Zurich',
    status: 'active',
    revision: 0,
    createdBy: 'U0SEC',
    createdAt: NOW,
    updatedAt: NOW,
    organizations: [],
    ...over,
  };
}

const list = (upcoming: Meeting[], past: Meeting[] = [], window: { kind: 'upcoming'; days?: number } | { kind: 'all' } = { kind: 'upcoming' }) =>
  meetingListBlocks({ committeeName: 'IOCC', upcoming, past, window, now: NOW, commandName: '/concord' });

describe('meeting list', () => {
  it.each([
    ['upcoming', { kind: 'upcoming' as const }],
    ['next 30 days', { kind: 'upcoming' as const, days: 30 }],
    ['all', { kind: 'all' as const }],
  ])('with no meetings (%s) says so and how to go on, and is valid', (_label, window) => {
    const r = list([], [], window);
    expect(validateMessage(r)).toEqual([]);
    expect(r.text).toMatch(/No (upcoming )?meetings/);
    expect(r.text).toContain('/concord');
  });

  it('with 65 meetings shows 40, stays under 50 blocks and says how to narrow it', () => {
    const upcoming = Array.from({ length: 45 }, (_, i) => meeting(i + 1));
    const past = Array.from({ length: 20 }, (_, i) => meeting(100 + i, { startDate: '2024-01-01', endDate: '2024-01-02' }));
    const r = list(upcoming, past, { kind: 'all' });
    expect(validateMessage(r)).toEqual([]);
    expect(r.blocks.length).toBeLessThanOrEqual(50);
    expect(r.blocks.filter((b) => b.type === 'section')).toHaveLength(MAX_LIST_ROWS);
    expect(JSON.stringify(r.blocks)).toContain('Showing 40 of 65 — narrow with `/concord meetings 30`');
    expect(r.text.length).toBeLessThanOrEqual(4000);
  });

  it('escapes user text and survives very long titles and venues', () => {
    const evil = meeting(1, { title: `<!channel> ${'x'.repeat(400)}`, venue: `<@U123> & ${'y'.repeat(400)}`, body: '*bold* <!here>' });
    const r = list([evil]);
    expect(validateMessage(r)).toEqual([]);
    const shown = JSON.stringify(r);
    expect(shown).not.toContain('<!channel>');
    expect(shown).not.toContain('<!here>');
    expect(shown).toContain('&lt;!channel&gt;');
  });

  it('shows a date-only Nairobi meeting as its dates, with no time token (the same for a New York viewer)', () => {
    const unea = meeting(7, { title: 'UNEA-7', startDate: '2025-12-08', endDate: '2025-12-12', timeZone: 'Africa/Nairobi', venue: 'Nairobi' });
    const r = list([unea]);
    const line = JSON.stringify(r.blocks[1]);
    expect(line).toContain('8–12 Dec 2025 · Nairobi');
    expect(line).not.toContain('<!date');
  });

  it('shows a timed meeting in the venue’s time and, through <!date>, in the viewer’s', () => {
    const call = meeting(3, { title: 'IOCC call', startDate: '2025-09-16', endDate: '2025-09-16', startTime: '10:00', endTime: '11:30' });
    const r = list([call]);
    const line = (r.blocks[1] as { text: { text: string } }).text.text;
    expect(line).toContain('Tue 16 Sep 2025, 10:00–11:30 CEST (Europe/Zurich)');
    expect(line).toContain('your time: <!date^1758009600^{date_short_pretty} at {time}|Tue 16 Sep 2025, 10:00 CEST>');
  });

  it('meeting detail lists the deadlines that hang on it and is valid, also for an imported meeting', () => {
    const m = meeting(4, { url: 'https://www.clusterconvention.org/13msp/', documentSymbol: 'CCM/MSP/2025/1', createdBy: 'import', revision: 2 });
    const deadlines = Array.from({ length: 40 }, (_, i) => deadline(i + 1, { meetingId: m.id, dueDate: null, offsetAmount: 60 + i, offsetUnit: 'day', direction: 'before' }));
    const r = meetingDetailBlocks(m, deadlines, NOW);
    expect(validateMessage(r)).toEqual([]);
    const shown = JSON.stringify(r);
    expect(shown).toContain('60 days before: due');
    expect(shown).toContain('the calendar import');
    expect(shown).toContain('…and 10 more');
  });
});

describe('deadline list', () => {
  const today = '2025-09-01';
  it('with none is valid and suggests a wider window', () => {
    const r = deadlineListBlocks({ rows: [], days: 90, today, commandName: '/concord' });
    expect(validateMessage(r)).toEqual([]);
    expect(r.text).toContain('/concord deadlines 365');
  });

  it('with 60 shows 40 and a hint, each with its rule and organizations', () => {
    const m = meeting(2, { title: '13MSP' });
    const rows: DeadlineRow[] = Array.from({ length: 60 }, (_, i) => {
      const d = deadline(i + 1, i % 2 ? { organizations: [{ id: 'o1', code: 'UNEP' }, { id: 'o2', code: 'WHO' }], rrule: 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=3' } : { meetingId: m.id, dueDate: null, offsetAmount: 6, offsetUnit: 'week', direction: 'before' });
      return { deadline: d, meeting: d.meetingId ? m : null, due: d.effectiveDue };
    });
    const r = deadlineListBlocks({ rows, days: 365, today, commandName: '/concord' });
    expect(validateMessage(r)).toEqual([]);
    expect(r.blocks.length).toBeLessThanOrEqual(50);
    const shown = JSON.stringify(r.blocks);
    expect(shown).toContain('Showing 40 of 60');
    expect(shown).toContain('6 weeks before M-2 (13MSP)');
    expect(shown).toContain('every year · UNEP, WHO');
    expect(shown).toContain('due *Wed 3 Sep 2025* (in 2 days)');
  });
});

describe('effectiveDue', () => {
  const rel = { dueDate: null, rrule: null, effectiveDue: '2000-01-01' } as const;
  it('counts calendar days and weeks from the meeting’s start', () => {
    expect(effectiveDue({ ...rel, offsetAmount: 60, offsetUnit: 'day', direction: 'before' }, { startDate: '2025-09-16' }, '2025-01-01')).toBe('2025-07-18');
    expect(effectiveDue({ ...rel, offsetAmount: 6, offsetUnit: 'week', direction: 'before' }, { startDate: '2025-04-28' }, '2025-01-01')).toBe('2025-03-17');
    expect(effectiveDue({ ...rel, offsetAmount: 2, offsetUnit: 'week', direction: 'after' }, { startDate: '2025-03-20' }, '2025-01-01')).toBe('2025-04-03');
  });
  it('a yearly deadline is due on the next occurrence on or after today; an absolute one on its date', () => {
    const yearly = { dueDate: '2025-04-30', rrule: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30', offsetAmount: null, offsetUnit: null, direction: null, effectiveDue: '2025-04-30' };
    expect(effectiveDue(yearly, null, '2025-04-30')).toBe('2025-04-30');
    expect(effectiveDue(yearly, null, '2025-05-01')).toBe('2026-04-30');
    expect(effectiveDue({ ...yearly, rrule: null }, null, '2030-01-01')).toBe('2025-04-30');
  });
});

describe('meeting modal', () => {
  const ids = MEETING_MODAL.fields;
  const values = (v: Partial<Record<keyof typeof ids, Record<string, unknown>>>) =>
    Object.fromEntries(Object.entries(v).map(([k, state]) => [ids[k as keyof typeof ids].blockId, { [ids[k as keyof typeof ids].actionId]: state }]));

  it('is a valid view with the committee’s zone filled in', () => {
    const view = meetingModalView({ committeeZone: 'Europe/Zurich', metadata: { channelId: 'C0IOCC' } });
    expect(validateView(view)).toEqual([]);
    expect(JSON.stringify(view)).toContain('"initial_value":"Europe/Zurich"');
  });

  it('turns bad fields into inline errors keyed by block_id', () => {
    const r = readMeetingForm(
      values({
        title: { value: '' },
        startDate: { selected_date: '2025-09-19' },
        endDate: { selected_date: '2025-09-16' },
        endTime: { selected_time: '12:00' },
        zone: { value: 'Geneva' },
        url: { value: 'https://' },
      }) as never,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual([ids.endDate.blockId, ids.startTime.blockId, ids.title.blockId, ids.url.blockId, ids.zone.blockId].sort());
    expect(r.errors[ids.zone.blockId]).toMatch(/Did you mean Europe\/Zurich\?/);
    expect(r.errors[ids.endDate.blockId]).toMatch(/before the first day/);
  });

  it('reads a good submission (a link or a document symbol in the same field)', () => {
    const r = readMeetingForm(
      values({
        title: { value: '  GFC IC-1 ' },
        startDate: { selected_date: '2026-11-16' },
        endDate: { selected_date: null },
        zone: { value: 'europe/zurich' },
        venue: { value: 'CICG, Geneva' },
        kind: { selected_option: { value: 'governing-body' } },
        url: { value: 'SAICM/IC.1/1' },
      }) as never,
    );
    expect(r).toEqual({
      ok: true,
      input: { title: 'GFC IC-1', startDate: '2026-11-16', endDate: '2026-11-16', startTime: null, endTime: null, timeZone: 'Europe/Zurich', venue: 'CICG, Geneva', body: '', kind: 'governing-body', documentSymbol: 'SAICM/IC.1/1' },
    });
  });
});

describe('announcements', () => {
  const render = calendarAnnouncer('/concord');
  it('every kind is a valid message, even with many deadlines and hostile titles', () => {
    const m = meeting(4, { title: '<!everyone> 13MSP' });
    const many = Array.from({ length: 60 }, (_, i) => deadline(i + 1, { title: `<@U1> ${'z'.repeat(300)}`, meetingId: m.id, offsetAmount: i, offsetUnit: 'day', direction: 'before' }));
    const all = [
      render({ type: 'meeting.added', meeting: m, actorId: 'U0SEC' }),
      render({ type: 'meeting.moved', meeting: m, before: meeting(4, { startDate: '2025-09-10', endDate: '2025-09-13' }), deadlines: many.map((d) => ({ deadline: d, from: '2025-07-01', to: '2025-07-02' })), actorId: 'U0SEC' }),
      render({ type: 'meeting.cancelled', meeting: m, orphaned: many, actorId: 'U0CHAIR' }),
      render({ type: 'deadline.added', deadline: many[0]!, meeting: m, actorId: 'U0SEC' }),
      render({ type: 'deadline.cancelled', deadline: many[1]!, actorId: 'U0SEC' }),
      render({ type: 'calendar.reset', actorId: 'U0CHAIR' }),
    ];
    for (const message of all) {
      expect(validateMessage(message)).toEqual([]);
      expect(JSON.stringify(message)).not.toMatch(/<!everyone>|<@U1>/);
    }
    expect(JSON.stringify(all[1]!.blocks)).toContain('…and 40 more');
  });
});
