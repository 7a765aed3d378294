/**
 * Imports meetings read by `parseMeetingsFile` into a committee, idempotently: rows are matched by their
 * `externalKey`; new ones are added, changed ones updated (relative deadlines follow), unchanged ones left
 * alone — no write and no audit event. All in one transaction (imports of one committee queue up): a bad row
 * imports nothing.
 */
import type { Db } from '../db/database.ts';
import { UserError } from '../errors.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { nextNumber } from '../committees/committee-repository.ts';
import type { MeetingImport } from '../calendar-formats/import-parse.ts';
import { todayInZone } from '../time/local-date.ts';
import { followMeeting } from '../deadlines/deadline-service.ts';
import { createMeeting, meetingsByExternalKey, updateMeeting, type MeetingData } from '../meetings/meeting-repository.ts';
import { inImportTransaction } from './import-repository.ts';
import { inferMeetingKind, isMeetingKind, MEETING_KINDS, type MeetingKind } from '../meetings/meeting-kind.ts';
import { BODY_MAX, checkText, resolveSchedule, shortMeetingId, TITLE_MAX, VENUE_MAX, type Meeting } from '../meetings/meeting-rules.ts';

export interface ImportSummary {
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Relative deadlines that moved because an updated meeting moved. */
  deadlinesMoved: number;
}

/** The file has problems (bad rows, bad format); `problems` lists every one. Nothing was imported. */
export class ImportRowsError extends UserError {
  constructor(readonly problems: string[]) {
    super(`Nothing was imported: the file has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`);
  }
}

const COMPARED = ['title', 'body', 'kind', 'startDate', 'endDate', 'startTime', 'endTime', 'timeZone', 'venue', 'status', 'url'] as const;

/** The row's kind as written (any case), or guessed from its body and title. */
function kindOf(row: MeetingImport): MeetingKind {
  if (row.kind === undefined) return inferMeetingKind(row.body, row.title);
  const kind = row.kind.toLowerCase();
  if (isMeetingKind(kind)) return kind;
  throw new UserError(`kind ${JSON.stringify(row.kind)} is not one of ${MEETING_KINDS.join(', ')}`);
}

function toData(row: MeetingImport): MeetingData {
  const schedule = resolveSchedule({ startDate: row.start, endDate: row.end, startTime: row.time ?? null, endTime: null, timeZone: row.zone });
  return {
    title: checkText('title', row.title, 1, TITLE_MAX),
    body: checkText('body', row.body, 0, BODY_MAX),
    kind: kindOf(row),
    startDate: schedule.startDate,
    endDate: schedule.endDate,
    startTime: schedule.startTime,
    endTime: null,
    timeZone: row.zone,
    startsAt: schedule.startsAt,
    venue: checkText('venue', row.venue, 0, VENUE_MAX),
    status: row.status,
    url: row.url ?? null,
    documentSymbol: null,
  };
}

/** What an existing meeting becomes under the imported row; only the fields that differ. */
function changes(existing: Meeting, incoming: MeetingData): Partial<MeetingData> {
  const target: MeetingData = {
    ...incoming,
    // The import does not know end times or postponements: keep them unless the row says otherwise.
    endTime: incoming.startTime === existing.startTime ? existing.endTime : null,
    status: incoming.status === 'cancelled' ? 'cancelled' : existing.status === 'cancelled' ? 'scheduled' : existing.status,
    documentSymbol: existing.documentSymbol,
  };
  const diff: Partial<MeetingData> = {};
  for (const key of COMPARED) {
    if (target[key] !== existing[key]) (diff as Record<string, unknown>)[key] = target[key];
  }
  if (diff.startDate !== undefined || diff.startTime !== undefined || diff.timeZone !== undefined) diff.startsAt = target.startsAt;
  return diff;
}

/**
 * Validates every row first (all problems listed, labelled as in the file), then writes in one transaction.
 *
 * @example await importMeetings(db, committee, 'import', parsed.meetings, new Date()) // { total: 35, added: 35, updated: 0, unchanged: 0, … }
 */
export async function importMeetings(
  db: Db,
  committee: { id: string; timeZone: string },
  actorId: string,
  rows: MeetingImport[],
  now: Date,
): Promise<ImportSummary> {
  const problems: string[] = [];
  const prepared: Array<{ row: MeetingImport; data: MeetingData }> = [];
  for (const row of rows) {
    try {
      prepared.push({ row, data: toData(row) });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push(`${row.label} (${row.title.slice(0, 60)}): ${err.message}`);
    }
  }
  if (problems.length > 0) throw new ImportRowsError(problems);

  const today = todayInZone(now, committee.timeZone);
  return inImportTransaction(db, committee.id, async (tx) => {
    const existing = await meetingsByExternalKey(tx, committee.id, prepared.map((p) => p.row.externalKey));
    const summary: ImportSummary = { total: prepared.length, added: 0, updated: 0, unchanged: 0, deadlinesMoved: 0 };
    for (const { row, data } of prepared) {
      const before = existing.get(row.externalKey);
      if (!before) {
        const number = await nextNumber(tx, committee.id, 'meeting');
        const meeting = await createMeeting(tx, committee.id, number, actorId, { ...data, externalKey: row.externalKey });
        await recordAudit(tx, { committeeId: committee.id, actorId, action: 'meeting.import', subject: shortMeetingId(number), after: meeting });
        summary.added++;
        continue;
      }
      const diff = changes(before, data);
      if (Object.keys(diff).length === 0) {
        summary.unchanged++;
        continue;
      }
      const meeting = await updateMeeting(tx, before.id, diff);
      await recordAudit(tx, { committeeId: committee.id, actorId, action: 'meeting.import', subject: shortMeetingId(before.number), before, after: meeting });
      summary.deadlinesMoved += (await followMeeting(tx, committee.id, actorId, meeting, today)).length;
      summary.updated++;
    }
    return summary;
  });
}
