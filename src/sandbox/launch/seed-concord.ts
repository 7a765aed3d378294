/**
 * Concord's side of the seeded sandbox, through Concord's own code: the IOMC committee with its nine
 * organizations, the chair, the secretariat, a focal point per organization and the external (Slack
 * Connect) OECD user as OECD's alternate (`seedIomc`), then the 35 real governing-body meetings of
 * `prisma/seed-data/meetings.json` through the calendar import (`runImport`). The meetings are imported
 * only into a committee that has never had one, so meetings moved or cancelled in an earlier run stay so.
 */
import path from 'node:path';
import type { Db } from '../../db/database.ts';
import { PRISMA_DIR } from '../../db/migrations.ts';
import { runImport, summaryLine } from '../../cli/import-run.ts';
import { lastMeetingNumber } from '../../meetings/meeting-repository.ts';
import { seedIomc } from '../../organizations/seed-iomc.ts';
import type { IomcWorkspace } from '../seed-workspace.ts';

export const SEED_MEETINGS_FILE = path.join(PRISMA_DIR, 'seed-data/meetings.json');

export interface SeededConcord {
  committeeId: string;
  /** "35 meetings: 35 added, 0 updated, 0 unchanged", or undefined when the committee had meetings already. */
  meetings?: string;
}

export async function seedSandboxConcord(db: Db, iomc: IomcWorkspace, now = new Date()): Promise<SeededConcord> {
  const { committeeId } = await seedIomc(db, {
    teamId: iomc.teamId,
    enterpriseId: '',
    channelId: iomc.channelId,
    secretariat: iomc.secretariat,
    chair: iomc.chair,
    focalPoints: iomc.focalPoints,
    alternates: { OECD: iomc.external },
  });
  if ((await lastMeetingNumber(db, committeeId)) !== null) return { committeeId };
  const { summary } = await runImport(db, { file: SEED_MEETINGS_FILE, team: iomc.teamId, now });
  return { committeeId, meetings: summaryLine(summary) };
}
