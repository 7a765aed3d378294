/**
 * Folder-level import cycles in a TypeScript tree (adapted from the team's folder-cycles tool, so the tests
 * do not depend on anything outside the repository). A file's folder is the first directory under the
 * root (top-level files are their own unit); an edge a → b means some file in a imports (or re-exports,
 * or imports the types of) a file in b. Every strongly connected group of two or more folders is a cycle.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Why a → b: the first file of a found importing b. */
export type FolderEdges = Map<string, Map<string, string>>;

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)|import\s+['"](\.[^'"]+)['"]/g;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|mts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Folder → folder import edges under `root`; folders named in `ignore` are left out both ways. */
export function folderEdges(root: string, ignore: readonly string[] = []): FolderEdges {
  const base = path.resolve(root);
  const unitOf = (file: string): string => {
    const rel = path.relative(base, file).split(path.sep);
    return rel.length > 1 ? `${rel[0]}/` : rel[0]!;
  };
  const ignored = (unit: string) => ignore.includes(unit.replace(/\/$/, ''));
  const edges: FolderEdges = new Map();
  for (const file of sourceFiles(base)) {
    const from = unitOf(file);
    if (ignored(from)) continue;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), (m[1] ?? m[2] ?? m[3])!);
      if (!target.startsWith(base + path.sep)) continue;
      const to = unitOf(target);
      if (to === from || ignored(to)) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      const why = edges.get(from)!;
      if (!why.has(to)) why.set(to, path.relative(base, file));
    }
  }
  return edges;
}

/** Each cycle as its folders (sorted) with one importing file per edge inside it, e.g. `a/ → b/ (a/x.ts)`. */
export function folderCycles(edges: FolderEdges): Array<{ folders: string[]; because: string[] }> {
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])])].sort();
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return groups
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1))
    .map((folders) => ({
      folders,
      because: folders.flatMap((a) => [...(edges.get(a) ?? [])].filter(([b]) => folders.includes(b)).map(([b, file]) => `${a} → ${b} (${file})`)),
    }));
}
