/**
 * `npm run db:seed [-- --team T0IOMC --channel C0IOCC --secretariat U… --chair U…]`
 * Creates the IOMC committee with its nine organizations in the configured database. Idempotent. Running
 * Concord processes are told of a change through Redis (REDIS_URL, REDIS_PREFIX).
 */
import { parseArgs } from 'node:util';
import { loadConfigForTools } from '../src/cli/tool-config.ts';
import { openDatabase } from '../src/db/database.ts';
import { applyPendingMigrations } from '../src/db/migrate.ts';
import { seedIomc } from '../src/organizations/seed-iomc.ts';
import { announceCommitteeChanges } from '../src/cli/announce-change.ts';

const { values } = parseArgs({
  options: {
    team: { type: 'string', default: 'T0IOMC' },
    enterprise: { type: 'string', default: '' },
    channel: { type: 'string', default: 'C0IOCC' },
    secretariat: { type: 'string' },
    chair: { type: 'string' },
  },
});

const config = loadConfigForTools();
const database = await openDatabase(config);
try {
  await applyPendingMigrations(database);
  const { committeeId, created } = await seedIomc(database.prisma, {
    teamId: values.team!,
    enterpriseId: values.enterprise!,
    channelId: values.channel!,
    secretariat: values.secretariat,
    chair: values.chair,
  });
  console.log(created.length ? `Seeded the IOMC committee for team ${values.team}: ${created.join(', ')}.` : `The IOMC committee for team ${values.team} is already seeded; nothing changed.`);
  // Running Concord processes drop what they cached about the committee (new organizations, roles).
  const note = created.length ? await announceCommitteeChanges(config, [committeeId]) : null;
  if (note) console.log(note);
} finally {
  await database.close();
}
