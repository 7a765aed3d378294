/** The follow-up builders: the DM with its buttons, the list and the detail pass Slack's validator, stay within limits and escape user text. */
import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../../src/sandbox/index.ts';
import { followUpNotices } from '../../../src/slack/blocks/followup-notices.ts';
import { followUpDetailBlocks, followUpListBlocks } from '../../../src/slack/blocks/followups.ts';
import { FOLLOWUP_ACTIONS } from '../../../src/slack/ids.ts';
import type { Assignment, FollowUp, FollowUpStatus } from '../../../src/followups/followup-rules.ts';

function part(code: string, status: FollowUpStatus, extra: Partial<Assignment> = {}): Assignment {
  return {
    id: `a-${code}`,
    followUpId: 'f1',
    organization: { id: `o-${code}`, code, acronym: code, timeZone: 'Africa/Nairobi', channelId: null },
    status,
    note: null,
    doneBy: null,
    doneAt: null,
    snoozedUntil: null,
    snoozeCount: 0,
    ...extra,
  };
}

function followUp(n: number, title: string, assignments: Assignment[], dueDate: string | null = '2027-03-01'): FollowUp {
  const at = new Date('2027-02-08T09:00:00Z');
  return { id: `f${n}`, committeeId: 'c', number: n, title, dueDate, timeZone: 'Europe/Zurich', meetingId: null, status: 'open', createdBy: 'U0CHAIR', cancelledBy: null, cancelledAt: null, createdAt: at, updatedAt: at, assignments };
}

describe('assignment DM', () => {
  it('says the action, the due date in the recipient’s zone, and carries Done / Snooze / Add update for that part', () => {
    const f = followUp(1, 'Submit <!channel> outcomes & notes', [part('UNEP', 'open'), part('WHO', 'open')]);
    const m = followUpNotices()({ type: 'followup.assignment-dm', followUp: f, assignment: f.assignments[0]!, meeting: null, recipientId: 'U0UNEP', zone: 'Africa/Nairobi', today: '2027-02-08', actorId: 'U0CHAIR' });
    expect(validateMessage(m, { warnings: true })).toEqual([]);
    expect(m.text).toContain('Submit &lt;!channel&gt; outcomes &amp; notes');
    expect(m.text).not.toContain('<!channel>');
    const json = JSON.stringify(m.blocks);
    expect(json).toContain('due *Mon 1 Mar 2027* (in 21 days) — Africa/Nairobi time');
    expect(json).toContain('Also assigned to WHO');
    const actions = (m.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => [e.action_id, e.value])).toEqual([
      [FOLLOWUP_ACTIONS.done, 'a-UNEP'],
      [FOLLOWUP_ACTIONS.snooze, 'a-UNEP'],
      [FOLLOWUP_ACTIONS.update, 'a-UNEP'],
    ]);
  });
});

describe('list and detail', () => {
  it('a list of 60 follow-ups stays within 50 blocks and says how many are not shown', () => {
    const many = Array.from({ length: 60 }, (_, i) => followUp(i + 1, `Action ${i + 1} ${'x'.repeat(400)}`, [part('UNEP', 'done'), part('WHO', 'open', { snoozeCount: 2 })]));
    const r = followUpListBlocks({ filter: { kind: 'overdue' }, organization: null, followUps: many, total: 60, meetings: new Map() }, '2027-03-05', '/concord');
    expect(validateMessage(r, { warnings: true })).toEqual([]);
    expect(r.blocks!.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(r.blocks)).toContain('20 more not shown');
    expect(JSON.stringify(r.blocks)).toContain('1/2 done · open: WHO (😴 2×)');
    expect(JSON.stringify(r.blocks)).toContain('⚠️ *overdue*');
  });

  it('the detail shows each part’s status, who and when, the note, snoozes with their reasons, and the roll-up', () => {
    const doneAt = new Date('2027-02-09T10:00:00Z');
    const f = followUp(1, 'Submit GFC outcomes to UNEA', [
      part('UNEP', 'done', { doneBy: 'U0UNEP', doneAt, note: 'Sent <@U0ALL>' }),
      part('WHO', 'open', { snoozeCount: 1, snoozedUntil: '2027-02-22' }),
    ]);
    const events = [
      { id: 'e1', assignmentId: 'a-WHO', kind: 'snooze' as const, actorId: 'U0WHO', text: 'Waiting for the Bureau', until: '2027-02-22', createdAt: doneAt },
      { id: 'e2', assignmentId: null, kind: 'update' as const, actorId: 'U0CHAIR', text: 'Discussed', until: null, createdAt: doneAt },
    ];
    const r = followUpDetailBlocks({ followUp: f, meeting: null, events, done: 1, total: 2 }, '2027-02-10', 'Europe/Zurich');
    expect(validateMessage(r, { warnings: true })).toEqual([]);
    const json = JSON.stringify(r.blocks);
    expect(json).toContain('*1/2 done*');
    expect(json).toContain('*UNEP* — ✅ done by <@U0UNEP> <!date^');
    expect(json).toContain('“Sent &lt;@U0ALL&gt;”');
    expect(json).toContain('*WHO* — ⏳ open · 😴 snoozed until Mon 22 Feb 2027 (1×)');
    expect(json).toContain('Snoozed until Mon 22 Feb 2027 by <@U0WHO>');
    expect(json).toContain('Waiting for the Bureau');
    expect(json).toContain('📝 Update by <@U0CHAIR>');
  });
});
