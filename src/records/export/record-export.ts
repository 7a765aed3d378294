/** One export: the file Slack receives for a record in a format. */
import type { RecordDocument } from '../record-document.ts';
import { recordDocx } from './docx-export.ts';
import { exportFileName } from './export-labels.ts';
import { recordMarkdown } from './markdown-export.ts';

export type ExportFormat = 'md' | 'docx';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'docx'];

export interface ExportFile {
  filename: string;
  title: string;
  bytes: Buffer;
}

export async function exportRecord(doc: RecordDocument, format: ExportFormat): Promise<ExportFile> {
  const bytes = format === 'md' ? Buffer.from(recordMarkdown(doc), 'utf8') : await recordDocx(doc);
  return { filename: exportFileName(doc, format), title: `R-${doc.number} ${doc.title}`, bytes };
}
