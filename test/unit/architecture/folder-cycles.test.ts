/**
 * Dependencies between folders under src/ point one way (STYLE.md): no folder imports, even for types
 * only, a folder that imports it back, directly or through others. The sandbox is a stand-alone Slack
 * stand-in and is left out, as in the team's folder-cycles tool.
 *
 * NOTE: written while calendar ↔ meetings, cli ↔ db and slack ↔ web were being removed by other engineers;
 * it fails, listing each remaining cycle with an importing file per edge, until all of those are in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderCycles, folderEdges } from '../../support/folder-cycles.ts';

const SRC = path.resolve(import.meta.dirname, '../../../src');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-folders-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(tmp, 'src-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('folder cycles finder', () => {
  it('finds two folders importing each other (a type import counts), and not a one-way import', () => {
    const root = tree({
      'a/x.ts': "import type { Y } from '../b/y.ts';\nexport type X = Y;\n",
      'b/y.ts': "import { z } from './z.ts';\nexport { x } from '../a/x.ts';\nexport type Y = string;\n",
      'b/z.ts': 'export const z = 1;\n',
      'c/w.ts': "import { z } from '../b/z.ts';\n",
      'main.ts': "import '../outside.ts';\nimport { w } from './c/w.ts';\n",
    });
    expect(folderCycles(folderEdges(root))).toEqual([{ folders: ['a/', 'b/'], because: ['a/ → b/ (a/x.ts)', 'b/ → a/ (b/y.ts)'] }]);
  });

  it('finds a cycle through three folders, and leaves out ignored folders', () => {
    const root = tree({
      'a/x.ts': "import { y } from '../b/y.ts';\n",
      'b/y.ts': "const c = await import('../c/z.ts');\n",
      'c/z.ts': "import '../a/x.ts';\nimport { s } from '../sandbox/s.ts';\n",
      'sandbox/s.ts': "import { x } from '../a/x.ts';\n",
    });
    expect(folderCycles(folderEdges(root, ['sandbox'])).map((c) => c.folders)).toEqual([['a/', 'b/', 'c/']]);
    expect(folderCycles(folderEdges(root)).map((c) => c.folders)).toEqual([['a/', 'b/', 'c/', 'sandbox/']]);
  });
});

describe('src/', () => {
  it('has no folder import cycles', () => {
    const cycles = folderCycles(folderEdges(SRC, ['sandbox']));
    expect(cycles.map((c) => `${c.folders.join(' ↔ ')}: ${c.because.join('; ')}`)).toEqual([]);
  });
});
