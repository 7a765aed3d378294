/**
 * Full-text search over records, follow-ups and their notes, ranked with the matching words marked: the
 * same results on PostgreSQL and on the embedded PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbedded, openPostgres, type Database } from '../../src/db/database.ts';
import { applyPendingMigrations } from '../../src/db/migrate.ts';
import { searchItems } from '../../src/search/search-service.ts';
import { START_MARK, STOP_MARK } from '../../src/search/search-repository.ts';
import { UserError } from '../../src/errors.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { seedSearch } from './search/search-seed.ts';

const marked = (s: string) => s.replaceAll(START_MARK, '[').replaceAll(STOP_MARK, ']');

async function postgres(): Promise<{ database: Database; close(): Promise<void> }> {
  const t = await createTestDatabase();
  const database = await openPostgres(t.url);
  return { database, close: async () => { await database.close(); await t.drop(); } };
}

async function embedded(): Promise<{ database: Database; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'concord-search-'));
  const database = await openEmbedded(dir);
  try {
    await applyPendingMigrations(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return { database, close: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
}

describe.each([
  ['PostgreSQL', postgres],
  ['embedded PGlite', embedded],
])('search on %s', (_name, open) => {
  let handle: Awaited<ReturnType<typeof postgres>>;
  let seeded: Awaited<ReturnType<typeof seedSearch>>;
  beforeAll(async () => {
    handle = await open();
    seeded = await seedSearch(handle.database);
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  const find = async (words: string, more: { in?: 'records' | 'followups'; org?: string } = {}) => searchItems(await seeded.scope(), { words, ...more });

  it('finds a follow-up by a word of its title, stemmed, with the word marked', async () => {
    const r = await find('outcome');
    expect(r.hits.map((h) => [h.kind, h.number])).toEqual([['followup', 1]]);
    expect(marked(r.hits[0]!.snippet)).toBe('Submit the GFC [outcomes] to UNEA');
  });

  it('finds a record by a word of its current version’s body, not of an older version', async () => {
    const r = await find('plastic');
    expect(r.hits.map((h) => [h.kind, h.number, h.status])).toEqual([['record', 1, 'adopted']]);
    expect(marked(r.hits[0]!.snippet)).toContain('**[plastics] convention**');
    expect((await find('chemicals')).hits).toEqual([]);
  });

  it('finds follow-ups by their updates and done notes, once each', async () => {
    expect((await find('microplastics Nairobi')).hits.map((h) => h.number)).toEqual([2]);
    expect((await find('mercury')).hits.map((h) => [h.kind, h.number])).toEqual([['followup', 3]]);
  });

  it('ranks the better match first and counts every item found', async () => {
    const r = await find('toolbox or evaluation');
    expect(r.total).toBe(2);
    expect(r.hits.map((h) => [h.kind, h.number])).toEqual([['followup', 3], ['record', 1]]);
    expect(r.hits[0]!.rank).toBeGreaterThan(r.hits[1]!.rank);
  });

  it('narrows to records or follow-ups, and to one organization', async () => {
    expect((await find('toolbox or evaluation', { in: 'records' })).hits.map((h) => h.kind)).toEqual(['record']);
    expect((await find('toolbox or evaluation', { in: 'followups' })).hits.map((h) => h.kind)).toEqual(['followup']);
    expect((await find('outcomes or engage', { org: 'unitar' })).hits.map((h) => h.number)).toEqual([2]);
    // The record made UNITAR's F-2: it is UNITAR's too; WHO's search does not show it.
    expect((await find('plastics', { org: 'UNITAR' })).hits.map((h) => h.kind)).toEqual(['record']);
    expect((await find('plastics', { org: 'WHO' })).hits).toEqual([]);
  });

  it('understands phrases and exclusions as a web search box does', async () => {
    expect((await find('"GFC outcomes"')).hits.map((h) => h.number)).toEqual([1]);
    expect((await find('"outcomes GFC"')).hits).toEqual([]);
    expect((await find('toolbox -evaluation')).hits.map((h) => h.kind)).toEqual(['record']);
  });

  it('refuses nothing to search for and an unknown organization, with a did-you-mean', async () => {
    await expect(find('the and')).rejects.toThrow(UserError);
    await expect(find('the and')).rejects.toThrow(/nothing to search for/);
    await expect(find('outcomes', { org: 'UNPE' })).rejects.toThrow(/Did you mean `UNEP`\?/);
  });

  it('never shows another committee’s items', async () => {
    expect((await searchItems(await seeded.otherScope(), { words: 'outcomes' })).hits).toEqual([]);
  });
});
