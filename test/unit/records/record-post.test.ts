import { describe, expect, it } from 'vitest';
import { errorsOnly, validateMessage, validateView } from '../../../src/sandbox/index.ts';
import { recordPost, REPLY_BLOCKS_MAX } from '../../../src/slack/blocks/record-post.ts';
import { recordMrkdwn, splitMrkdwn } from '../../../src/slack/blocks/record-text.ts';
import { recordModalView, emptyValues } from '../../../src/slack/blocks/record-modal.ts';
import type { RecordDocument } from '../../../src/records/record-document.ts';

const long = (topic: string, n: number) => `The **${topic}** was discussed. ${'POs exchanged views on the outcomes & the work that took place. '.repeat(n)}`;

function doc(matters: number, size: number): RecordDocument {
  return {
    number: 1,
    version: 2,
    status: 'adopted',
    committeeName: 'IOCC',
    title: 'Summary record of the 60th meeting',
    meeting: null,
    header: [{ label: 'Dates', value: '21-22 November 2023' }, { label: 'Venue', value: 'ILO, Geneva' }],
    sections: [
      { heading: 'Specific Matters', matters: Array.from({ length: matters }, (_, i) => ({ topic: `T${i}`, text: long(`Topic ${i}`, size) })) },
      { heading: 'General Matters', matters: [{ topic: 'IOMC Toolbox', text: long('IOMC Toolbox', 3) }] },
    ],
    decisions: ['Hold a special session in early 2024.'],
    followUps: [{ ref: 'F-1', action: 'Submit the GFC outcomes', organizations: ['UNEP', 'WHO'], due: '2027-04-01' }],
    annex: [],
  };
}

describe('record text', () => {
  it('keeps **bold** as Slack bold, *italic* as italic, and escapes &, <, >', () => {
    expect(recordMrkdwn('the **GFC**, *inter alia*, A & <B>')).toBe('the *GFC*, _inter alia_, A &amp; &lt;B&gt;');
  });
  it('cuts long text at sentence ends into pieces that fit a section, never splitting a bold span', () => {
    const pieces = splitMrkdwn(recordMrkdwn(long('GFC', 200)));
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(2900);
      expect((p.match(/\*/g) ?? []).length % 2).toBe(0);
    }
  });
});

describe('recordPost', () => {
  it('a long record: a valid header message, then valid replies in order within the limits', () => {
    const messages = recordPost(doc(30, 60), 'U0CHAIR');
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(errorsOnly(validateMessage(m))).toEqual([]);
      expect((m.blocks as unknown[]).length).toBeLessThanOrEqual(REPLY_BLOCKS_MAX + 5);
    }
    const all = messages.map((m) => JSON.stringify(m.blocks)).join('');
    expect(all.indexOf('Specific Matters')).toBeLessThan(all.indexOf('General Matters'));
    expect(all).toContain('*Topic 0*');
    expect(all).toContain('*Topic 29*');
    expect(all).toContain('*F-1* UNEP, WHO: Submit the GFC outcomes');
    expect(JSON.stringify(messages[0]!.blocks)).toContain('adopted by <@U0CHAIR>');
  });
  it('lists the earlier action points it carried over or closed, after the follow-ups, escaped', () => {
    const annex: RecordDocument['annex'] = [
      { ref: 'F-1', action: 'Submit the <GFC> outcomes', due: null, decision: 'carried', organizations: [{ code: 'UNEP', status: 'open' }, { code: 'WHO', status: 'done' }] },
      { ref: 'F-2', action: 'Update the mercury group terms', due: '2027-01-15', decision: 'closed', organizations: [{ code: 'UNITAR', status: 'done' }] },
    ];
    const messages = recordPost({ ...doc(2, 1), annex }, 'U0CHAIR');
    for (const m of messages) expect(errorsOnly(validateMessage(m))).toEqual([]);
    const all = messages.map((m) => JSON.stringify(m.blocks)).join('');
    expect(all).toContain('Action points from previous meetings');
    expect(all).toContain('• *F-1* Submit the &lt;GFC&gt; outcomes — carried over (UNEP: open, WHO: done)');
    expect(all).toContain('• *F-2* Update the mercury group terms — closed (UNITAR: done)');
    expect(all.indexOf('Follow-ups')).toBeLessThan(all.indexOf('Action points from previous meetings'));
  });
  it('a short record: header plus one reply', () => {
    const messages = recordPost(doc(2, 1), null);
    expect(messages).toHaveLength(2);
    expect(JSON.stringify(messages[0]!.blocks)).toContain('silence procedure');
  });
});

describe('recordModalView', () => {
  it('is a valid modal with every field, grown matters and the carry-over choices', () => {
    const view = recordModalView({
      metadata: { channelId: 'C1', specific: 3, general: 2 },
      values: { ...emptyValues(), specific: ['**GFC** text'] },
      meetings: [{ number: 4, title: 'IOCC-60' }],
      organizations: ['UNEP', 'WHO'],
      openFollowUps: [{ id: 'f1', number: 1, title: 'Old action', organizations: ['WHO'] }],
    });
    expect(errorsOnly(validateView(view))).toEqual([]);
    const text = JSON.stringify(view.blocks);
    for (const id of ['record_specific_3', 'record_general_2', 'record_followups', 'record_carry_f1', 'record_mode', 'record_present']) expect(text).toContain(id);
    expect(view.private_metadata!.length).toBeLessThan(3000);
  });
});
