/**
 * The committee and the data every side-by-side bench reads, and the Slack requests they send:
 * - `setUpCommittee`: IOCC with a chair and the nine organizations, each with a focal point, through
 *   signed commands (the way a secretariat sets it up);
 * - `seedFollowUps`: 10,000 follow-ups through SQL, one to three organizations each (21,666 parts; a
 *   third overdue, a tenth done, one part in seven snoozed), then VACUUM ANALYZE as autovacuum would;
 * - `requests`: signed-body makers for `/concord <text>` and `app_home_opened`, rotating over the chair,
 *   the secretariat and the nine focal points.
 */
import { randomUUID } from 'node:crypto';
import { openEmbedded, openPostgres, type Database } from '../src/db/database.ts';
import type { IomcWorkspace, Sandbox } from '../src/sandbox/index.ts';
import { runImport } from '../src/cli/import-run.ts';
import { todayInZone } from '../src/time/local-date.ts';
import { concordReady, startConcord, stop, type MakeRequest } from './harness.ts';

export const FOLLOWUPS = 10_000;
export const ORGS = ['FAO', 'ILO', 'UNDP', 'UNEP', 'UNIDO', 'UNITAR', 'WHO', 'WB', 'OECD'] as const;
type Iomc = IomcWorkspace;

/**
 * The committee through commands (Concord started on `port` for that, the sandbox pointed at it), then,
 * Concord stopped (the embedded database has one owner), the 35 meetings through the import and the
 * follow-ups. Returns the database, open: the caller closes it (the embedded one before Concord starts again).
 */
export async function seededDatabase(sandbox: Sandbox, iomc: Iomc, env: Record<string, string>, port: number): Promise<Database> {
  sandbox.setAppUrl(`http://127.0.0.1:${port}/slack/events`);
  const concord = startConcord(env, port, sandbox.apiUrl);
  await concordReady(port);
  await setUpCommittee(sandbox, iomc);
  await stop(concord);
  const db = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openEmbedded(env.DATA_DIR!);
  await runImport(db.prisma, { file: 'prisma/seed-data/meetings.json' });
  await seedFollowUps(db, iomc.chair);
  return db;
}

/** Through the app at the sandbox's app URL (Concord must be running). */
export async function setUpCommittee(sandbox: Sandbox, iomc: Iomc): Promise<void> {
  const say = async (userId: string, text: string) => {
    const r = await sandbox.driver.slashCommand({ userId, channelId: iomc.channelId, text });
    if (r.status !== 200) throw new Error(`${text}: HTTP ${r.status}`);
  };
  await say(iomc.secretariat, 'setup "IOCC" tz:Europe/Zurich');
  await say(iomc.secretariat, `role <@${iomc.chair}> chair`);
  for (const code of ORGS) {
    await say(iomc.secretariat, `org add ${code} "${code} full name"`);
    await say(iomc.secretariat, `member add <@${iomc.focalPoints[code]}> ${code} as:focal`);
  }
}

/** The follow-ups of the committee's only committee, created by `chair`; returns how many parts. */
export async function seedFollowUps(db: Database, chair: string, now = new Date()): Promise<number> {
  const committeeId = (await db.prisma.committee.findFirstOrThrow()).id;
  const today = todayInZone(now, 'Europe/Zurich');
  await db.prisma.$executeRaw`
    INSERT INTO "FollowUp" (id, "committeeId", number, title, "dueDate", "timeZone", status, "createdBy", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${committeeId}, i, 'Bench action ' || i,
           CASE WHEN i % 3 = 0 THEN to_char(${today}::date - (1 + i % 60), 'YYYY-MM-DD') ELSE to_char(${today}::date + (1 + i % 120), 'YYYY-MM-DD') END,
           'Europe/Zurich', (CASE WHEN i % 10 = 9 THEN 'done' ELSE 'open' END)::"FollowUpStatus", ${chair}, now(), now()
    FROM generate_series(1, ${FOLLOWUPS}) AS i`;
  // One to three organizations each.
  await db.prisma.$executeRaw`
    INSERT INTO "FollowUpAssignment" (id, "committeeId", "followUpId", "organizationId", status, "snoozedUntil", "snoozeCount", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, f."committeeId", f.id, o.id, f.status,
           CASE WHEN (f.number + o.rn) % 7 = 0 THEN to_char(${today}::date + 14, 'YYYY-MM-DD') END,
           CASE WHEN (f.number + o.rn) % 7 = 0 THEN 1 ELSE 0 END, now(), now()
    FROM "FollowUp" f
    JOIN (SELECT id, (row_number() OVER (ORDER BY code))::int - 1 AS rn FROM "Organization" WHERE "committeeId" = ${committeeId}) o
      ON o.rn IN (f.number % 9, (f.number * 7 + 3) % 9, CASE WHEN f.number % 2 = 0 THEN (f.number + 4) % 9 END)
    WHERE f."committeeId" = ${committeeId}`;
  // As autovacuum leaves a table at rest: statistics and the visibility map (index-only scans).
  await db.prisma.$executeRawUnsafe('VACUUM ANALYZE');
  return db.prisma.followUpAssignment.count();
}

export function requests(sandbox: Sandbox, iomc: Iomc): { command: (text: string) => MakeRequest; home: MakeRequest; users: string[] } {
  const ws = sandbox.workspaces().find((w) => w.id === 'T0IOMC')!;
  const users = [iomc.chair, iomc.secretariat, ...ORGS.map((c) => iomc.focalPoints[c])];
  const command = (text: string): MakeRequest => (i) => ({
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({
      token: 'verification-token', team_id: ws.id, team_domain: ws.domain, channel_id: iomc.channelId, channel_name: 'iocc',
      user_id: users[i % users.length]!, user_name: 'bench', command: '/concord', text, api_app_id: 'A0CONCORD', is_enterprise_install: 'false',
      response_url: sandbox.mintResponseUrl({ teamId: ws.id, userId: users[i % users.length]!, channelId: iomc.channelId, source: 'command' }),
      trigger_id: `${i}.${randomUUID()}`,
    }).toString(),
  });
  const home: MakeRequest = (i) => ({
    contentType: 'application/json',
    body: JSON.stringify({
      token: 'verification-token', team_id: ws.id, api_app_id: 'A0CONCORD', type: 'event_callback', event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`, event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_home_opened', user: users[i % users.length]!, channel: 'D0BENCH', tab: 'home', event_ts: `${Date.now() / 1000}` },
      authorizations: [{ enterprise_id: null, team_id: ws.id, user_id: 'U0CONCORD', is_bot: true, is_enterprise_install: false }],
    }),
  });
  return { command, home, users };
}
