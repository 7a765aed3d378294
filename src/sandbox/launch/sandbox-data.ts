/**
 * Where the sandbox keeps Concord's data. Seeded: `DATA_DIR/sandbox` (or DATABASE_URL), kept between runs.
 * `--empty`: a fresh embedded database in a new temporary directory, whatever ran before and even when
 * DATABASE_URL is set, removed when the sandbox stops — so `/concord setup` really starts from nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.ts';

export interface SandboxData {
  databaseUrl: string | undefined;
  dataDir: string;
  /** For the start-up message, e.g. "an empty embedded database in /tmp/concord-sandbox-x1 (deleted on exit)". */
  where: string;
  /** Removes a temporary database (the `--empty` one); keeps a kept one. */
  discard(): Promise<void>;
}

export async function sandboxData(base: Pick<Config, 'databaseUrl' | 'dataDir'>, empty: boolean): Promise<SandboxData> {
  if (empty) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'concord-sandbox-'));
    const ignored = base.databaseUrl ? '; DATABASE_URL is not used with --empty' : '';
    return {
      databaseUrl: undefined,
      dataDir,
      where: `a new, empty embedded database in ${dataDir} (deleted when the sandbox stops${ignored})`,
      discard: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  if (base.databaseUrl) return { databaseUrl: base.databaseUrl, dataDir: base.dataDir, where: 'PostgreSQL at DATABASE_URL (kept between runs)', discard: async () => {} };
  const dataDir = path.join(base.dataDir, 'sandbox');
  return { databaseUrl: undefined, dataDir, where: `the embedded database in ${dataDir} (kept between runs; --empty starts from nothing)`, discard: async () => {} };
}
