/**
 * A summary record as Markdown: the committee and title as headings, the header fields, "Specific Matters"
 * and "General Matters" with their **bold** topics kept, the decisions, the follow-ups, and the annex
 * "Status of action points from previous meetings" as a Markdown table.
 */
import type { RecordDocument } from '../record-document.ts';
import { ANNEX_COLUMNS, ANNEX_TITLE, byCode, decisionLabel, dueLabel, meetingLine, statusLabel } from './export-labels.ts';

export function recordMarkdown(doc: RecordDocument): string {
  const out: string[] = [`# ${oneLine(doc.committeeName)}`, '', `## ${oneLine(doc.title)}`, '', `*${statusLabel(doc)}*`];
  const meeting = meetingLine(doc);
  if (meeting) out.push('', `Meeting: ${oneLine(meeting)}`);
  if (doc.header.length) out.push('', ...doc.header.map((h) => `**${oneLine(h.label)}:** ${oneLine(h.value)}  `));
  for (const section of doc.sections) {
    out.push('', `## ${oneLine(section.heading)}`);
    for (const matter of section.matters) out.push('', matterParagraph(matter));
  }
  if (doc.decisions.length) out.push('', '## Decisions', '', ...doc.decisions.map((d) => `- ${oneLine(d)}`));
  if (doc.followUps.length) out.push('', '## Follow-up actions', '', ...doc.followUps.map(followUpLine));
  if (doc.annex.length) out.push('', `## Annex: ${ANNEX_TITLE}`, '', ...annexTable(doc.annex));
  return `${out.join('\n')}\n`;
}

/** The matter's text as typed: its topic is its first **bold** phrase, kept in place. */
function matterParagraph(matter: RecordDocument['sections'][number]['matters'][number]): string {
  return matter.text.trim();
}

function followUpLine(f: RecordDocument['followUps'][number]): string {
  const ref = f.ref ? `${f.ref} ` : '';
  const orgs = f.organizations.length ? `${f.organizations.join(', ')}: ` : '';
  const due = f.due ? ` (due ${dueLabel(f.due)})` : '';
  return `- ${ref}${orgs}${oneLine(f.action)}${due}`;
}

function annexTable(rows: RecordDocument['annex']): string[] {
  const head = [row([...ANNEX_COLUMNS]), `|${ANNEX_COLUMNS.map(() => '---|').join('')}`];
  return head.concat(
    rows.map((r) => {
      const orgs = byCode(r.organizations);
      return row([r.ref, r.action, orgs.map((o) => o.code).join(', '), orgs.map((o) => `${o.code}: ${o.status}`).join('; '), dueLabel(r.due), decisionLabel(r)]);
    }),
  );
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A table cell: one line, `|` escaped. */
function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
