/**
 * The records folder reads and writes the database only in its `*-repository.ts` files: the services
 * (drafts, document, adoption, silence, carry-over, exports) go through them and never call Prisma.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../src/records/', import.meta.url).pathname;
const PRISMA_CALL = /\b(?:db|tx|prisma)\s*\.\s*(?:\$(?:queryRaw|executeRaw)\w*|[a-z]\w*\s*\.\s*(?:find\w*|create\w*|update\w*|upsert|delete\w*|count|aggregate|groupBy)\s*\()/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('src/records', () => {
  const files = sources(ROOT);
  it('has repositories, and they are where Prisma is called', () => {
    const repositories = files.filter((f) => f.endsWith('-repository.ts'));
    expect(repositories.length).toBeGreaterThanOrEqual(4);
    for (const f of repositories) expect(PRISMA_CALL.test(readFileSync(f, 'utf8')), f).toBe(true);
  });
  it('calls Prisma nowhere else', () => {
    const offenders = files.filter((f) => !f.endsWith('-repository.ts') && PRISMA_CALL.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => f.slice(ROOT.length))).toEqual([]);
  });
});
