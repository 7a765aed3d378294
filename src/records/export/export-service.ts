/**
 * `export R-n md|docx` for everyone: the record's current version as a file. The document is read before
 * the reply (an unknown R-n is said at once, with the nearest existing id); the file is made and uploaded
 * after it, by the caller.
 */
import type { Scope } from '../../committees/scope.ts';
import { UserError } from '../../errors.ts';
import { findRecord, listRecords } from '../record-repository.ts';
import { recordDocument, type RecordDocument } from '../record-document.ts';
import { shortRecordId } from '../record-rules.ts';

export async function documentToExport(scope: Scope, number: number): Promise<RecordDocument> {
  const record = await findRecord(scope.db, scope.committee.id, number);
  if (!record) throw new UserError(await noSuchRecord(scope, number));
  return recordDocument(scope.db, scope.committee.id, number);
}

async function noSuchRecord(scope: Scope, number: number): Promise<string> {
  const numbers = (await listRecords(scope.db, scope.committee.id)).map((r) => r.number);
  if (numbers.length === 0) return `There is no ${shortRecordId(number)}: no summary record has been written yet.`;
  const nearest = numbers.reduce((best, n) => (Math.abs(n - number) < Math.abs(best - number) ? n : best));
  return `There is no ${shortRecordId(number)}. Did you mean ${shortRecordId(nearest)}? \`records\` lists them.`;
}
