/**
 * Issue 13.13: the Node versions Concord says it runs on (package.json `engines`, README, `.ci/run`) are
 * Prisma 7's (`^20.19 || ^22.12 || >=24`), and the Node running the tests is one of them. `npm ci` also
 * warns that @prisma/streams-local wants Node ≥ 22: it comes with @prisma/dev, the local server behind
 * `prisma dev`, which Concord never runs — the test checks that nothing in src/ loads it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as { engines?: { node?: string } };

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.replace(/^v/, '').split('.').map(Number);
  return [a, b, c];
};
const compare = (x: Version, y: Version) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2];

/** `^20.19 || ^22.12 || >=24`: the two forms engines ranges use here. */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((part) => {
    const p = part.trim();
    if (p.startsWith('^')) {
      const min = parse(p.slice(1));
      return v[0] === min[0] && compare(v, min) >= 0;
    }
    if (p.startsWith('>=')) return compare(v, parse(p.slice(2))) >= 0;
    throw new Error(`unsupported range part ${p}`);
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the Node versions Concord runs on', () => {
  const engines = json('package.json').engines?.node ?? '';

  it('are Prisma 7’s, as package.json, README and .ci/run say', () => {
    expect(engines).toBe('^20.19 || ^22.12 || >=24');
    const prisma = json('node_modules/prisma/package.json').engines?.node ?? '';
    for (const v of ['20.18.0', '20.19.0', '21.7.0', '22.11.0', '22.12.0', '23.1.0', '24.0.0', '26.1.0']) {
      expect(satisfies(v, engines), v).toBe(satisfies(v, prisma));
    }
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(/Node 20\.19\+, 22\.12\+ or 24\+/);
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toContain('20.19+, 22.12+ or 24+');
  });

  it('include the Node running this test', () => {
    expect(satisfies(process.versions.node, engines), `Node ${process.versions.node} is not ${engines}`).toBe(true);
  });

  it('do not depend on @prisma/dev (whose streams-local wants Node 22): nothing in src/ loads it', () => {
    for (const file of sourceFiles(join(root, 'src'))) expect(readFileSync(file, 'utf8'), file).not.toMatch(/@prisma\/(dev|streams-local)/);
  });
});
