/**
 * The embedded database runs on Concord's own thread: a chain of queries must leave room for the requests
 * that arrive meanwhile (each query in a turn of the event loop of its own), as a database across a socket does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbedded, type Database } from '../../src/db/database.ts';

let db: Database;
beforeAll(async () => {
  db = await openEmbedded();
});
afterAll(() => db.close());

describe('embedded database', () => {
  it('lets requests waiting for the event loop run between the queries of a chain', async () => {
    // A request arriving every turn of the event loop: how many had run when each query finished.
    let turns = 0;
    let arriving = true;
    const arrive = () => {
      if (!arriving) return;
      turns++;
      setImmediate(arrive);
    };
    setImmediate(arrive);
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      await db.prisma.$queryRaw`SELECT 1`;
      seen.push(turns);
    }
    arriving = false;
    // Without turns of their own the three queries ran as one: [0, 0, 0].
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[1]).toBeGreaterThan(seen[0]!);
    expect(seen[2]).toBeGreaterThan(seen[1]!);
  });
});
