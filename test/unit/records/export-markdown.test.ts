import { describe, expect, it } from 'vitest';
import { recordMarkdown } from '../../../src/records/export/markdown-export.ts';
import { boldSpans } from '../../../src/records/export/bold-spans.ts';
import { exportFileName } from '../../../src/records/export/export-labels.ts';
import { IOCC_60 } from '../../fixtures/records/iocc-60-document.ts';

describe('recordMarkdown', () => {
  const md = recordMarkdown(IOCC_60);

  it('has the committee, the title and both sections as headings, in order', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Inter-Organization Coordinating Committee (IOCC)',
      '## Summary record of the 60th meeting',
      '## Specific Matters',
      '## General Matters',
      '## Decisions',
      '## Follow-up actions',
      '## Annex: Status of action points from previous meetings',
    ]);
  });

  it('keeps the bold topics and the chair’s bold words', () => {
    expect(md).toContain('**ICCM-5 outcomes.** The SAICM secretariat presented');
    expect(md).toContain('the **GFC**, the **Bonn Declaration**');
    expect(md).toContain('**plastics convention**');
    expect(md).toContain('**Chair:** Mr. Jorge Ocaña (UNITAR)');
  });

  it('lists the follow-ups with organizations and due dates', () => {
    expect(md).toContain('- F-4 UNEP, WHO: Submit GFC outcomes to UNEA (due 1 Mar 2024)');
    expect(md).toContain('- F-5 UNITAR: Engage with the INC secretariat on plastics\n');
    expect(md).toContain('- FAO: Circulate the Toolbox Phase III evaluation (due 15 Jan 2024)');
  });

  it('renders the annex as a Markdown table with the status per organization and the decision of the record, pipes escaped', () => {
    expect(md).toContain('| Ref | Action | Organizations | Status | Due | Decision |\n|---|---|---|---|---|---|\n');
    expect(md).toContain('| F-1 | Prepare the ICCM-5 side event \\| joint | UNEP, WHO | UNEP: done; WHO: open | 25 Sep 2023 | Carried over |');
    expect(md).toContain('| F-2 | Update the mercury group terms of reference | UNITAR | UNITAR: cancelled | — | Closed |');
  });

  it('leaves out empty parts and says a draft is a draft', () => {
    const bare = recordMarkdown({ ...IOCC_60, status: 'draft', version: 1, meeting: null, header: [], decisions: [], followUps: [], annex: [] });
    expect(bare).toContain('*Draft · version 1*');
    expect(bare).not.toContain('Annex');
    expect(bare).not.toContain('Meeting:');
  });
});

describe('boldSpans and file names', () => {
  it('splits bold spans and leaves an unmatched ** literal', () => {
    expect(boldSpans('the **GFC** and **x')).toEqual([{ text: 'the ' }, { text: 'GFC', bold: true }, { text: ' and **x' }]);
  });

  it('names the file after the record and its meeting', () => {
    expect(exportFileName(IOCC_60, 'docx')).toBe('R-1-60th-iocc-meeting.docx');
    expect(exportFileName({ ...IOCC_60, meeting: null, title: 'Réunion: spéciale / 2024' }, 'md')).toBe('R-1-reunion-speciale-2024.md');
  });
});
