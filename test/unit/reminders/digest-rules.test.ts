import { describe, expect, it } from 'vitest';
import { committeeDigest, digestPlan, mondayOf, nextDigest, organizationDigest, type DigestPart } from '../../../src/reminders/digest-rules.ts';

const part = (number: number, organization: string, due: string | null, escalated = false): DigestPart => ({ number, title: `Item ${number}`, organization, due, escalated });

describe('nextDigest', () => {
  it('is this Monday 09:00 until it has gone by, then next Monday', () => {
    expect(nextDigest(new Date('2027-03-08T07:59:00Z'), 'Europe/Zurich')).toEqual({ monday: '2027-03-08', at: new Date('2027-03-08T08:00:00Z') });
    expect(nextDigest(new Date('2027-03-08T08:00:00Z'), 'Europe/Zurich')).toEqual({ monday: '2027-03-15', at: new Date('2027-03-15T08:00:00Z') });
    expect(nextDigest(new Date('2027-03-07T20:00:00Z'), 'Europe/Zurich').monday).toBe('2027-03-08'); // Sunday
  });

  it('is 09:00 in the recipient’s zone across the spring DST change', () => {
    expect(nextDigest(new Date('2027-03-24T12:00:00Z'), 'Europe/Zurich').at).toEqual(new Date('2027-03-29T07:00:00Z')); // CEST
    expect(nextDigest(new Date('2027-03-10T12:00:00Z'), 'America/New_York').at).toEqual(new Date('2027-03-15T13:00:00Z')); // EDT from 14 Mar
  });

  it('reads "Monday" in the zone: already Monday 10:00 in Auckland while it is Sunday in Geneva', () => {
    expect(nextDigest(new Date('2027-03-07T21:00:00Z'), 'Pacific/Auckland').monday).toBe('2027-03-15');
  });
});

it('mondayOf: the week a date is in', () => {
  expect(mondayOf('2027-03-23')).toBe('2027-03-22');
  expect(mondayOf('2027-03-22')).toBe('2027-03-22');
  expect(mondayOf('2027-03-28')).toBe('2027-03-22');
});

describe('digestPlan', () => {
  const audience = {
    committeeId: 'c1',
    channelId: 'C1',
    committeeZone: 'Europe/Zurich',
    organizations: [
      { id: 'o1', zone: 'America/New_York', focalPoints: [{ userId: 'U1', zone: null }, { userId: 'U2', zone: 'Asia/Tokyo' }] },
      { id: 'o2', zone: null, focalPoints: [] },
      { id: 'o3', zone: null, focalPoints: [{ userId: 'U3', zone: null }] },
    ],
  };
  it('plans the channel digest and one per focal point, 09:00 in each one’s zone (Slack profile, else duty station, else committee), named by its Monday', () => {
    const plan = digestPlan(audience, new Date('2027-03-03T10:00:00Z'));
    expect(plan.map((p) => [p.subjectId, p.recipient, p.rule, p.zone, p.dueAt.toISOString()])).toEqual([
      ['c1', 'C1', 'digest-2027-03-08', 'Europe/Zurich', '2027-03-08T08:00:00.000Z'],
      ['o1', 'U1', 'digest-2027-03-08', 'America/New_York', '2027-03-08T14:00:00.000Z'],
      ['o1', 'U2', 'digest-2027-03-08', 'Asia/Tokyo', '2027-03-08T00:00:00.000Z'],
      ['o3', 'U3', 'digest-2027-03-08', 'Europe/Zurich', '2027-03-08T08:00:00.000Z'],
    ]);
  });
  it('plans no channel digest for a committee without a channel', () => {
    expect(digestPlan({ ...audience, channelId: null }, new Date('2027-03-03T10:00:00Z')).map((p) => p.recipient)).toEqual(['U1', 'U2', 'U3']);
  });
});

describe('what a digest lists', () => {
  const today = '2027-03-08';
  it('committee: overdue by organization, due within 14 days, meetings and deadlines within 30, the escalated', () => {
    const d = committeeDigest({
      committeeName: 'IOCC',
      monday: today,
      today,
      parts: [part(1, 'WHO', '2027-03-01', true), part(2, 'FAO', '2027-03-05'), part(3, 'WHO', '2027-03-08'), part(4, 'FAO', '2027-03-22'), part(5, 'FAO', '2027-03-23'), part(6, 'WHO', null)],
      events: [
        { kind: 'meeting', number: 1, title: 'M', date: '2027-04-07' },
        { kind: 'meeting', number: 2, title: 'Too far', date: '2027-04-08' },
        { kind: 'deadline', number: 1, title: 'D', date: '2027-03-08', organizations: [] },
        { kind: 'deadline', number: 2, title: 'Past', date: '2027-03-07', organizations: [] },
      ],
    });
    expect(d.overdue.map((p) => p.number)).toEqual([2, 1]); // FAO before WHO
    expect(d.dueSoon.map((p) => p.number)).toEqual([3, 4]); // today up to today + 14
    expect(d.meetings.map((e) => e.number)).toEqual([1]);
    expect(d.deadlines.map((e) => e.number)).toEqual([1]);
    expect(d.escalations.map((p) => p.number)).toEqual([1]);
  });

  it('organization: overdue first, then by due date; nothing at all → no digest', () => {
    const d = organizationDigest({ organization: 'FAO', monday: today, today, parts: [part(4, 'FAO', '2027-03-22'), part(7, 'FAO', null), part(2, 'FAO', '2027-03-05')], deadlines: [] });
    expect(d!.parts.map((p) => p.number)).toEqual([2, 4, 7]);
    expect(organizationDigest({ organization: 'FAO', monday: today, today, parts: [], deadlines: [{ kind: 'deadline', number: 1, title: 'Later', date: '2027-05-01' }] })).toBeUndefined();
  });
});
