import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { recordDocx } from '../../../src/records/export/docx-export.ts';
import { IOCC_60 } from '../../fixtures/records/iocc-60-document.ts';

/** Reads the DOCX back as a Word reader would: HTML keeps headings, bold runs and tables. */
async function read(buffer: Buffer): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([mammoth.convertToHtml({ buffer }), mammoth.extractRawText({ buffer })]);
  return { html: html.value, text: text.value };
}

describe('recordDocx', () => {
  it('is a real DOCX (a zip) with the headings of the record', async () => {
    const buffer = await recordDocx(IOCC_60);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const { html } = await read(buffer);
    expect(html).toContain('<h1>Summary record of the 60th meeting</h1>');
    expect(html).toContain('<h2>Specific Matters</h2>');
    expect(html).toContain('<h2>General Matters</h2>');
    expect(html.indexOf('Specific Matters')).toBeLessThan(html.indexOf('General Matters'));
  });

  it('keeps bold topics and bold words as bold runs', async () => {
    const { html } = await read(await recordDocx(IOCC_60));
    for (const bold of ['ICCM-5 outcomes.', 'GFC', 'Bonn Declaration', 'plastics convention', 'IOMC Toolbox']) expect(html).toContain(`<strong>${bold}</strong>`);
    expect(html).not.toContain('**');
  });

  it('has the annex as a table: ref, action, organizations, status per organization, due, decision', async () => {
    const { html, text } = await read(await recordDocx(IOCC_60));
    expect(text).toContain('Annex: Status of action points from previous meetings');
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    expect(table).toContain('<th><p><strong>Status</strong></p></th>');
    expect(table).toContain('<th><p><strong>Decision</strong></p></th>');
    expect(table).toContain('<td><p>F-1</p></td><td><p>Prepare the ICCM-5 side event | joint</p></td><td><p>UNEP, WHO</p></td><td><p>UNEP: done</p><p>WHO: open</p></td><td><p>25 Sep 2023</p></td><td><p>Carried over</p></td>');
    expect(table).toContain('<td><p>F-2</p></td><td><p>Update the mercury group terms of reference</p></td><td><p>UNITAR</p></td><td><p>UNITAR: cancelled</p></td><td><p>—</p></td><td><p>Closed</p></td>');
  });

  it('lists decisions and follow-ups', async () => {
    const { text } = await read(await recordDocx(IOCC_60));
    expect(text).toContain('IOMC agreed to hold a special session');
    expect(text).toContain('F-4 UNEP, WHO: Submit GFC outcomes to UNEA (due 1 Mar 2024)');
  });
});
