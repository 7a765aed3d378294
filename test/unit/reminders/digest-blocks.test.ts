import { describe, expect, it } from 'vitest';
import type { CommitteeDigest, DigestPart } from '../../../src/reminders/digest-rules.ts';
import { committeeDigestMessage, digestPreview, organizationDigestMessage } from '../../../src/slack/blocks/digest.ts';
import { describeRule, reminderListReply } from '../../../src/slack/blocks/reminder-list.ts';
import { errorsOnly, validateMessage } from '../../../src/sandbox/index.ts';

const today = '2027-03-08';
const part = (number: number, organization = 'WHO', due = '2027-03-01'): DigestPart => ({ number, title: `Report ${number} *not bold* <!channel> ${'x'.repeat(200)}`, organization, due, escalated: true });
const empty: CommitteeDigest = { committeeName: 'IOCC', monday: today, overdue: [], dueSoon: [], meetings: [], deadlines: [], escalations: [] };
const texts = (m: { blocks: unknown[] }) => JSON.stringify(m.blocks);

describe('committee digest', () => {
  it('still goes out when there is nothing to say', () => {
    const m = committeeDigestMessage(empty, today, '/concord');
    expect(texts(m)).toContain('Nothing overdue, nothing due in the next 14 days');
    expect(errorsOnly(validateMessage(m))).toEqual([]);
  });

  it('caps long lists with “and N more” and the command that shows them all, within Block Kit limits', () => {
    const many = Array.from({ length: 300 }, (_, i) => part(i + 1, `ORG${i % 40}`));
    const m = committeeDigestMessage({ ...empty, overdue: many, dueSoon: many, escalations: many }, today, '/concord');
    expect(errorsOnly(validateMessage(m))).toEqual([]);
    expect(texts(m)).toContain('and 288 more — `/concord followups overdue`');
    expect(texts(m)).toContain('and 288 more — `/concord followups all`');
    expect(texts(m)).not.toContain('<!channel>'); // user text escaped
    expect(m.blocks.length).toBeLessThanOrEqual(50);
  });

  it('the preview shows the digest under when it goes out', () => {
    const m = digestPreview(committeeDigestMessage(empty, today, '/concord'), { viewer: 'Mon 8 Mar 2027, 03:00 EST', committee: 'Mon 8 Mar 2027, 09:00 CET', channelId: 'C1' });
    expect(texts(m)).toContain('it goes out Mon 8 Mar 2027, 03:00 EST your time (Mon 8 Mar 2027, 09:00 CET committee time) in <#C1>');
    expect(errorsOnly(validateMessage(m))).toEqual([]);
  });
});

it('organization digest: overdue ones marked, within limits', () => {
  const m = organizationDigestMessage({ organization: 'WHO', monday: today, today, parts: [part(1), part(2, 'WHO', '2027-03-20')], deadlines: [] }, '/concord');
  expect(m.text).toBe('Weekly digest for WHO: 2 open follow-ups (1 overdue), 0 deadlines in 30 days.');
  expect(texts(m)).toMatch(/🔴 • \*F-1\*.*was due Mon 1 Mar 2027/);
  expect(errorsOnly(validateMessage(m))).toEqual([]);
});

describe('reminders list', () => {
  it('names each rule in words', () => {
    expect(['due-7', 'due-1', 'due-0', 'overdue-2', 'meeting-30', 'deadline-0', 'digest-2027-03-08'].map(describeRule)).toEqual([
      '7 days before its due date',
      '1 day before its due date',
      'on its due date',
      'overdue, chase 2 of 3',
      '30 days before the meeting',
      'on the deadline',
      'Monday digest',
    ]);
  });

  it('shows the time in the recipient’s zone and the viewer’s, within Block Kit limits', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      id: String(i),
      subjectKind: 'followup',
      rule: 'due-0',
      recipient: `U${i}`,
      recipientKind: 'user' as const,
      zone: 'Europe/Zurich',
      dueAt: new Date('2027-03-08T08:00:00Z'),
      subject: { id: `F-${i}`, title: 'x'.repeat(300), organization: 'WHO' },
    }));
    const m = reminderListReply({ heading: 'Reminders planned for you', empty: '', rows, total: 45, viewerZone: 'Asia/Tokyo', commandName: '/concord' });
    expect(texts(m)).toContain('Mon 8 Mar 2027, 09:00 CET (Europe/Zurich) · Mon 8 Mar 2027, 17:00 UTC+9 your time (Asia/Tokyo)');
    expect(texts(m)).toContain('5 more after these.');
    expect(errorsOnly(validateMessage(m))).toEqual([]);
  });
});
