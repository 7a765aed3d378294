/**
 * `npm run import:calendar` at its limits, as the person running it sees it (the real CLI in a child
 * process, real PostgreSQL): an oversize file is refused up front with the limit named; two imports of one
 * file at once both end cleanly — one adds, the other finds everything unchanged; failures are one line,
 * exit code 1, no stack trace, nothing half-imported.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFailure, runImport } from '../../../src/cli/import-run.ts';
import { ImportRowsError } from '../../../src/calendar/meeting-import.ts';
import { snapshotDatabase } from '../../support/snapshot.ts';
import { calendarFixture, type CalendarFixture } from './calendar-fixture.ts';

const run = promisify(execFile);

let f: CalendarFixture;
let dir: string;
let url: string;
beforeAll(async () => {
  f = await calendarFixture();
  dir = mkdtempSync(path.join(tmpdir(), 'concord-limits-'));
  const row = await f.db.$queryRaw<Array<{ db: string }>>`SELECT current_database() AS db`;
  url = `postgresql://postgres@127.0.0.1:5432/${row[0]!.db}`;
});
afterAll(async () => {
  await f?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The CLI as a user runs it (`npm run import:calendar` is `tsx src/cli/import-calendar.ts`; node with tsx's
 * loader runs the same file in one process instead of tsx's launcher and a child); resolves with its exit
 * code and output (never rejects).
 */
async function cli(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/import-calendar.ts', file, '--team', 'T0IOMC'], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

function meetingsFile(name: string, count: number, pad = 0): string {
  const rows = Array.from({ length: count }, (_, i) => ({
    title: `Working group session ${i + 1}${pad ? ` ${'x'.repeat(pad)}` : ''}`,
    body: 'GFC',
    start: `2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    timeZone: 'Europe/Zurich',
    id: `limits-${i + 1}`,
  }));
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(rows));
  return file;
}

describe('import limits', () => {
  it('refuses a file over 5 MB before reading it: one line naming the limit, exit code 1, nothing imported', async () => {
    const file = meetingsFile('big.json', 20_000, 300);
    const before = await snapshotDatabase(f.db);
    const started = Date.now();
    const out = await cli(file);
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toMatch(/^big\.json is \d+\.\d MB; Concord imports files of up to 5\.0 MB \(10,000 meetings\): split it into smaller files\. Nothing was imported\.$/);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await snapshotDatabase(f.db)).toBe(before);
  });

  it('refuses more than 10,000 meetings in a file under 5 MB, naming the limit', async () => {
    const file = meetingsFile('many.json', 10_001);
    const before = await snapshotDatabase(f.db);
    const err = await runImport(f.db, { file, team: 'T0IOMC' }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRowsError);
    expect((err as ImportRowsError).problems).toEqual(['The file holds 10,001 meetings; Concord imports at most 10,000 at a time: split it into smaller files.']);
    expect(await snapshotDatabase(f.db)).toBe(before);
  });

  it('runs two imports of one file at once: both exit 0, one adds them all, the other finds them unchanged', async () => {
    const file = meetingsFile('same.json', 300);
    const [a, b] = await Promise.all([cli(file), cli(file)]);
    expect([a.code, b.code], `${a.stderr}\n${b.stderr}`).toEqual([0, 0]);
    const lines = [a.stdout.trim(), b.stdout.trim()].sort();
    expect(lines).toEqual(['IOCC: 300 meetings: 0 added, 0 updated, 300 unchanged.', 'IOCC: 300 meetings: 300 added, 0 updated, 0 unchanged.']);
    expect(await f.db.meeting.count({ where: { committeeId: f.committeeId } })).toBe(300);
    expect(await f.db.auditEvent.count({ where: { action: 'meeting.import' } })).toBe(300);
  });

  it('turns a database failure into one line saying nothing was imported (never Prisma’s dump)', () => {
    const expired = Object.assign(new Error('Transaction API error: Transaction already closed: A query cannot be executed on an expired transaction. The timeout for this transaction was 120000 ms…'), { code: 'P2028' });
    expect(importFailure(expired).message).toBe('The import took too long and was rolled back: nothing was imported. Split the file and run it again.');
    const conflict = Object.assign(new Error('Invalid `db.meeting.create()` invocation:\n\n\nUnique constraint failed on the fields: (`committeeId`,`externalKey`)'), { code: 'P2002' });
    expect(importFailure(conflict).message).toBe('Another change to the same meetings was saved at the same moment: nothing was imported. Run the import again.');
    expect(importFailure(new Error('Invalid `x()` invocation:\n\nconnection refused')).message).toBe('The import failed and nothing was imported: connection refused');
  });
});
