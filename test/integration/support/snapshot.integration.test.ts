/**
 * The "nothing changed" snapshot ignores delivery progress (the worker sends earlier announcements while a
 * refused command runs) but sees every row a command adds or changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../../../src/db/database.ts';
import { addOutbound } from '../../../src/outbox/outbox-repository.ts';
import { createTestDatabase } from '../../support/postgres.ts';
import { snapshotDatabase } from '../../support/snapshot.ts';

let database: Database;
let drop: () => Promise<void>;
let committeeId: string;
beforeAll(async () => {
  const created = await createTestDatabase();
  drop = created.drop;
  database = await openPostgres(created.url);
  committeeId = (await database.prisma.committee.create({ data: { teamId: 'T1', name: 'IOCC', channelId: 'C1', timeZone: 'Europe/Zurich' } })).id;
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

describe('snapshotDatabase', () => {
  it('is unchanged while a pending announcement is delivered', async () => {
    const id = await addOutbound(database.prisma, { committeeId, channelId: 'C1', text: 'M-1 added' });
    const before = await snapshotDatabase(database.prisma);
    await database.prisma.outboundMessage.update({ where: { id }, data: { status: 'sent', attempts: 1, slackTs: '1.000100', sentAt: new Date() } });
    expect(await snapshotDatabase(database.prisma)).toBe(before);
  });

  it('changes when a row is added or a command-owned column changes', async () => {
    const before = await snapshotDatabase(database.prisma);
    const id = await addOutbound(database.prisma, { committeeId, channelId: 'C1', text: 'M-2 added' });
    const added = await snapshotDatabase(database.prisma);
    expect(added).not.toBe(before);
    await database.prisma.outboundMessage.update({ where: { id }, data: { text: 'M-2 changed' } });
    expect(await snapshotDatabase(database.prisma)).not.toBe(added);
  });
});
