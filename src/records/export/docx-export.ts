/**
 * A summary record as a Word document (docx): the committee and title as headings, the header fields,
 * "Specific Matters" and "General Matters" with their topics as bold runs, the decisions, the follow-ups,
 * and the annex "Status of action points from previous meetings" as a real table (ref, action,
 * organizations, status per organization, due).
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { RecordDocument } from '../record-document.ts';
import { boldSpans } from './bold-spans.ts';
import { ANNEX_COLUMNS, ANNEX_TITLE, byCode, decisionLabel, dueLabel, meetingLine, statusLabel } from './export-labels.ts';

export async function recordDocx(doc: RecordDocument): Promise<Buffer> {
  const file = new Document({
    title: doc.title,
    creator: 'Concord',
    sections: [{ children: [...front(doc), ...body(doc), ...annex(doc.annex)] }],
  });
  return Packer.toBuffer(file);
}

function front(doc: RecordDocument): Paragraph[] {
  const out = [heading(doc.committeeName, HeadingLevel.TITLE), heading(doc.title, HeadingLevel.HEADING_1), new Paragraph({ children: [new TextRun({ text: statusLabel(doc), italics: true })] })];
  const meeting = meetingLine(doc);
  if (meeting) out.push(new Paragraph(`Meeting: ${meeting}`));
  for (const h of doc.header) out.push(new Paragraph({ children: [new TextRun({ text: `${h.label}: `, bold: true }), new TextRun(h.value)] }));
  return out;
}

function body(doc: RecordDocument): Paragraph[] {
  const out: Paragraph[] = [];
  for (const section of doc.sections) {
    out.push(heading(section.heading, HeadingLevel.HEADING_2));
    // A matter's topic is its first **bold** phrase, kept in place as a bold run.
    for (const matter of section.matters) out.push(new Paragraph({ children: runs(matter.text.trim()) }));
  }
  if (doc.decisions.length) out.push(heading('Decisions', HeadingLevel.HEADING_2), ...doc.decisions.map((d) => new Paragraph({ children: runs(d), bullet: { level: 0 } })));
  if (doc.followUps.length) {
    out.push(heading('Follow-up actions', HeadingLevel.HEADING_2));
    for (const f of doc.followUps) {
      const lead = [f.ref, f.organizations.join(', ')].filter(Boolean).join(' ');
      out.push(new Paragraph({ bullet: { level: 0 }, children: [...(lead ? [new TextRun({ text: `${lead}: `, bold: true })] : []), ...runs(f.action), ...(f.due ? [new TextRun(` (due ${dueLabel(f.due)})`)] : [])] }));
    }
  }
  return out;
}

function annex(rows: RecordDocument['annex']): (Paragraph | Table)[] {
  if (!rows.length) return [];
  const header = new TableRow({ tableHeader: true, children: ANNEX_COLUMNS.map((t) => cell([new Paragraph({ children: [new TextRun({ text: t, bold: true })] })])) });
  const lines = rows.map((r) => {
    const orgs = byCode(r.organizations);
    return new TableRow({
      children: [
        cell([new Paragraph(r.ref)]),
        cell([new Paragraph({ children: runs(r.action) })]),
        cell([new Paragraph(orgs.map((o) => o.code).join(', '))]),
        cell(orgs.length ? orgs.map((o) => new Paragraph(`${o.code}: ${o.status}`)) : [new Paragraph('—')]),
        cell([new Paragraph(dueLabel(r.due))]),
        cell([new Paragraph(decisionLabel(r))]),
      ],
    });
  });
  return [heading(`Annex: ${ANNEX_TITLE}`, HeadingLevel.HEADING_2), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...lines] })];
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ text, heading: level });
}

function cell(children: Paragraph[]): TableCell {
  return new TableCell({ children });
}

/** The text's `**bold**` spans as bold runs; line breaks kept. */
function runs(text: string): TextRun[] {
  return boldSpans(text).flatMap((s) => s.text.split('\n').map((line, i) => new TextRun({ text: line, bold: s.bold, break: i > 0 ? 1 : undefined })));
}
