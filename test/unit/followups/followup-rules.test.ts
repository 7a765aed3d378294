/** The pure follow-up rules: roll-up, derived status, overdue, which part a caller means. */
import { describe, expect, it } from 'vitest';
import { choosePart, derivedStatus, isOverdue, rollUp, type Assignment, type FollowUpStatus } from '../../../src/followups/followup-rules.ts';

function part(code: string, status: FollowUpStatus): Assignment {
  return {
    id: `a-${code}`,
    followUpId: 'f',
    organization: { id: `o-${code}`, code, acronym: code, timeZone: 'Europe/Zurich', channelId: null },
    status,
    note: null,
    doneBy: null,
    doneAt: null,
    snoozedUntil: null,
    snoozeCount: 0,
  };
}

describe('roll-up and status', () => {
  it('counts done parts among those not cancelled: 3/9', () => {
    const parts = [...['FAO', 'ILO', 'UNDP'].map((c) => part(c, 'done')), ...['UNEP', 'UNIDO', 'UNITAR', 'WHO', 'WB', 'OECD'].map((c) => part(c, 'open'))];
    expect(rollUp({ assignments: parts })).toEqual({ done: 3, total: 9 });
    expect(rollUp({ assignments: [part('FAO', 'done'), part('WHO', 'cancelled')] })).toEqual({ done: 1, total: 1 });
  });

  it('is done when every counted part is done; a cancelled follow-up stays cancelled', () => {
    expect(derivedStatus({ status: 'open', assignments: [part('FAO', 'done'), part('WHO', 'cancelled')] })).toBe('done');
    expect(derivedStatus({ status: 'done', assignments: [part('FAO', 'done'), part('WHO', 'open')] })).toBe('open');
    expect(derivedStatus({ status: 'cancelled', assignments: [part('FAO', 'done')] })).toBe('cancelled');
    expect(derivedStatus({ status: 'open', assignments: [part('FAO', 'cancelled')] })).toBe('open');
  });

  it('is overdue from the day after the due date, only while open', () => {
    expect(isOverdue({ status: 'open', dueDate: '2027-03-01' }, '2027-03-01')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: '2027-03-01' }, '2027-03-02')).toBe(true);
    expect(isOverdue({ status: 'done', dueDate: '2027-03-01' }, '2027-03-02')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: null }, '2027-03-02')).toBe(false);
  });
});

describe('which part a caller means', () => {
  const f = { assignments: [part('UNEP', 'open'), part('WHO', 'open'), part('FAO', 'cancelled')] };

  it('a code names its part (case-insensitive); an unassigned code is unknown', () => {
    expect(choosePart(f, 'who', null)).toMatchObject({ ok: true, assignment: { id: 'a-WHO' } });
    expect(choosePart(f, 'ILO', null)).toEqual({ ok: false, reason: 'unknown-code' });
  });

  it('without a code: the caller’s own organization’s part, else the only one, else ambiguous', () => {
    expect(choosePart(f, undefined, 'o-UNEP')).toMatchObject({ ok: true, assignment: { id: 'a-UNEP' } });
    expect(choosePart(f, undefined, 'o-FAO')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(choosePart(f, undefined, null)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(choosePart({ assignments: [part('WHO', 'open'), part('FAO', 'cancelled')] }, undefined, null)).toMatchObject({ ok: true, assignment: { id: 'a-WHO' } });
    expect(choosePart({ assignments: [part('FAO', 'cancelled')] }, undefined, null)).toEqual({ ok: false, reason: 'none' });
  });
});
