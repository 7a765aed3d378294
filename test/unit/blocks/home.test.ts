/** The App Home builder: what each viewer sees, overdue first, and always under Slack's 100 blocks. */
import { describe, expect, it } from 'vitest';
import { HOME_MAX_BLOCKS, homeView, type HomeInput } from '../../../src/slack/blocks/home.ts';
import { snoozeModalView, updateModalView } from '../../../src/slack/blocks/followup-modals.ts';
import { partDmEdit } from '../../../src/slack/blocks/followup-dm-edits.ts';
import type { Assignment, FollowUp } from '../../../src/followups/followup-rules.ts';
import { errorsOnly, validateMessage, validateView } from '../../../src/sandbox/index.ts';
import { FOLLOWUP_ACTIONS } from '../../../src/slack/ids.ts';

const org = (code: string) => ({ id: `org-${code}`, code, acronym: code, timeZone: 'Europe/Zurich', channelId: null });

function part(f: string, code: string, over: Partial<Assignment> = {}): Assignment {
  return { id: `${f}-${code}`, followUpId: f, organization: org(code), status: 'open', note: null, doneBy: null, doneAt: null, snoozedUntil: null, snoozeCount: 0, ...over };
}

function followUp(n: number, due: string | null, parts: Assignment[]): FollowUp {
  const at = new Date('2026-11-01T10:00:00Z');
  return { id: `f${n}`, committeeId: 'c', number: n, title: `Action <!channel> number ${n}`, dueDate: due, timeZone: 'Europe/Zurich', meetingId: null, status: 'open', createdBy: 'UCHAIR', cancelledBy: null, cancelledAt: null, createdAt: at, updatedAt: at, assignments: parts };
}

const TODAY = '2026-12-02';

function input(over: Partial<HomeInput> = {}): HomeInput {
  const f1 = followUp(1, '2026-11-20', [part('f1', 'UNEP', { status: 'done', doneBy: 'U1', doneAt: new Date() }), part('f1', 'WHO', { snoozeCount: 1, snoozedUntil: '2026-12-30' })]);
  return {
    committeeName: 'IOCC',
    commandName: '/concord',
    today: TODAY,
    now: new Date('2026-12-02T09:00:00Z'),
    member: true,
    overview: {
      mine: { organization: { id: 'org-WHO', code: 'WHO' }, followUps: [f1], total: 1 },
      committee: { followUps: [f1], counts: [{ organizationId: 'org-UNEP', code: 'UNEP', open: 0, overdue: 0, snoozed: 0 }, { organizationId: 'org-WHO', code: 'WHO', open: 1, overdue: 1, snoozed: 1 }] },
      snoozes: new Map([['f1-WHO', { actorId: 'UWHO', reason: 'Waiting for the Bureau', until: '2026-12-30', at: new Date() }]]),
    },
    meetings: [],
    deadlines: [],
    ...over,
  };
}

describe('homeView', () => {
  it('shows my organization’s part with its buttons, the roll-up, overdue and the snooze reason, escaped', () => {
    const view = homeView(input());
    expect(errorsOnly(validateView(view))).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Open follow-ups of WHO (1)');
    expect(text).toContain('1/2 done*');
    expect(text).toContain('⚠️ *overdue*');
    expect(text).toContain('😴 WHO snoozed until Wed 30 Dec 2026 (1×) by <@UWHO>: “Waiting for the Bureau”');
    expect(text).toContain('*WHO* — 1 open · ⚠️ 1 overdue · 😴 1 snoozed');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    const actions = view.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(1);
    expect(JSON.stringify(actions[0])).toContain('"value":"f1-WHO"');
  });

  it('shows a member no committee roll-up, and a non-member how to join', () => {
    expect(JSON.stringify(homeView(input({ overview: { ...input().overview, committee: null } })).blocks)).not.toContain('Committee roll-up');
    const stranger = homeView(input({ member: false, overview: { mine: null, committee: null, snoozes: new Map() } }));
    expect(JSON.stringify(stranger.blocks)).toContain('You are not a member');
  });

  it('stays under 100 blocks with many follow-ups, organizations, meetings and deadlines, pointing to the commands', () => {
    const many = Array.from({ length: 500 }, (_, i) => followUp(i + 1, '2026-11-01', [part(`f${i}`, 'WHO')]));
    const counts = Array.from({ length: 60 }, (_, i) => ({ organizationId: `o${i}`, code: `ORG${i}`, open: 100, overdue: 30, snoozed: 5 }));
    const view = homeView(input({ overview: { mine: { organization: { id: 'org-WHO', code: 'WHO' }, followUps: many, total: 500 }, committee: { followUps: many, counts }, snoozes: new Map() } }));
    expect(view.blocks.length).toBeLessThan(HOME_MAX_BLOCKS);
    expect(errorsOnly(validateView(view))).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('490 more not shown. `/concord followups mine` shows them all.');
    expect(text).toContain('/concord followups overdue');
  });
});

describe('follow-up modals and DM edits', () => {
  it('builds valid Snooze and Add update modals carrying the part', () => {
    const base = { followUp: { number: 3, title: 'Submit <b>' }, orgCode: 'WHO', metadata: { assignmentId: 'a1', channelId: 'D1' } };
    for (const view of [snoozeModalView({ ...base, tomorrow: '2026-12-03' }), updateModalView(base)]) {
      expect(errorsOnly(validateView(view))).toEqual([]);
      expect(JSON.parse(view.private_metadata!)).toEqual({ assignmentId: 'a1', channelId: 'D1' });
    }
  });

  it('a done part’s DM loses its buttons and says who and when; a snoozed one keeps them with the reason', () => {
    const f = followUp(1, '2026-12-20', [part('f1', 'UNEP', { status: 'done', doneBy: 'U1', doneAt: new Date('2026-12-02T13:02:00Z') })]);
    const done = partDmEdit({ followUp: f, assignment: f.assignments[0]!, meeting: null, events: [], recipientId: 'U1', zone: 'Africa/Nairobi', today: TODAY });
    expect(errorsOnly(validateMessage(done))).toEqual([]);
    expect(done.text).toMatch(/^✅ UNEP's part is done — Done by <@U1> at <!date\^\d+\^\{time\} on \{date_short\}\|Wed 2 Dec 2026, 16:02 UTC\+3>/);
    expect(JSON.stringify(done.blocks)).not.toContain(FOLLOWUP_ACTIONS.done);
    const s = followUp(2, '2026-12-20', [part('f2', 'WHO', { snoozeCount: 2, snoozedUntil: '2027-01-10' })]);
    const events = [{ id: 'e', assignmentId: 'f2-WHO', kind: 'snooze' as const, actorId: 'UWHO', text: 'Bureau <!here>', until: '2027-01-10', createdAt: new Date() }];
    const snoozed = partDmEdit({ followUp: s, assignment: s.assignments[0]!, meeting: null, events, recipientId: 'UWHO', zone: 'Europe/Zurich', today: TODAY });
    expect(errorsOnly(validateMessage(snoozed))).toEqual([]);
    expect(JSON.stringify(snoozed.blocks)).toContain('😴 Snoozed until *Sun 10 Jan 2027* by <@UWHO> (2×): “Bureau &lt;!here&gt;”');
    expect(JSON.stringify(snoozed.blocks)).toContain(FOLLOWUP_ACTIONS.snooze);
  });
});
