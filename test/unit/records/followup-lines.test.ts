import { describe, expect, it } from 'vitest';
import { parseFollowUpLines } from '../../../src/records/followup-lines.ts';

const opts = { codes: ['UNEP', 'WHO', 'UNITAR', 'ILO'], zone: 'Europe/Zurich', now: new Date('2027-03-03T10:00:00Z') };

describe('parseFollowUpLines', () => {
  it('reads codes, action and due date, skipping blank lines and bullets', () => {
    const r = parseFollowUpLines('unep, WHO: Submit the GFC outcomes to UNEA (due 2027-04-01)\n\n- UNITAR: Engage with the INC secretariat', opts);
    expect(r).toEqual({
      ok: true,
      lines: [
        { codes: ['UNEP', 'WHO'], action: 'Submit the GFC outcomes to UNEA', due: '2027-04-01' },
        { codes: ['UNITAR'], action: 'Engage with the INC secretariat', due: null },
      ],
    });
  });

  it('names the line of an unknown code with a did-you-mean', () => {
    const r = parseFollowUpLines('UNEP: A\nUNITR: Engage with the INC', opts);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Line 2: “UNITR” is not an organization of this committee\. Did you mean UNITAR\?$/) });
  });

  it('refuses a line without a colon, and a date it cannot read or in the past, naming the line', () => {
    expect(parseFollowUpLines('UNEP Submit it', opts)).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 1 .*CODE\[,CODE\]: action text \(due DATE\)/) });
    expect(parseFollowUpLines('UNEP: A\nWHO: B (due someday)', opts)).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 2: I could not read/) });
    expect(parseFollowUpLines('WHO: B (due 2020-01-01)', opts)).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 1: .*past/) });
  });

  it('an empty field is no follow-ups', () => {
    expect(parseFollowUpLines('  \n ', opts)).toEqual({ ok: true, lines: [] });
  });
});
