/**
 * PGlite has no lock of its own: two processes on one data directory would corrupt it.
 * A lock file holding the owner's pid refuses the second process; a stale lock (dead pid) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UserFacingStartupError } from '../errors.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'concord.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && isAlive(owner)) {
        throw new UserFacingStartupError(
          `The embedded database in ${dataDir} is already open in another Concord process (pid ${owner}). ` +
            'Stop that process, or set DATABASE_URL to share a PostgreSQL database between processes.',
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new UserFacingStartupError(`Could not lock the embedded database in ${dataDir}.`);
}
