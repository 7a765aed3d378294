/** `GET /healthz`: 200 {"db":"ok","redis":"ok"}, or 503 naming what is down. */
import type { ServerResponse } from 'node:http';
import { withTimeout } from '../util/timeout.ts';

export type Probe = () => Promise<unknown>;

async function status(probe: Probe, timeoutMs: number): Promise<'ok' | 'down'> {
  try {
    await withTimeout(probe(), timeoutMs);
    return 'ok';
  } catch {
    return 'down';
  }
}

export function healthHandler(probes: { db: Probe; redis: Probe }, timeoutMs = 1500) {
  return async (_req: unknown, res: ServerResponse): Promise<void> => {
    const [db, redis] = await Promise.all([status(probes.db, timeoutMs), status(probes.redis, timeoutMs)]);
    const ok = db === 'ok' && redis === 'ok';
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ db, redis }));
  };
}
