/**
 * `GET /test/clock` → `{"now":"…"}`; `POST /test/clock` with `{"set":"2027-03-03T06:00:00Z"}` or
 * `{"advance":"P1D"}` moves the test clock and answers the new now; `GET /test/clock/next` → the instant
 * of the next planned reminder (`{"next":null}` if none). Only mounted with TEST_CLOCK=on.
 * After a move, `onMoved` runs (everything that has become due is delivered at once).
 */
import type { ServerResponse } from 'node:http';
import type { TestClock } from '../clock/test-clock.ts';
import { UserError } from '../errors.ts';
import type { Route } from './server.ts';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

export function testClockRoutes(clock: TestClock, onMoved: () => Promise<unknown>, nextReminder: () => Promise<Date | undefined>): Route[] {
  return [
    { method: 'GET', path: '/test/clock', handler: (_req, res) => json(res, 200, { now: clock.now().toISOString() }) },
    { method: 'GET', path: '/test/clock/next', handler: async (_req, res) => json(res, 200, { next: (await nextReminder())?.toISOString() ?? null }) },
    {
      method: 'POST',
      path: '/test/clock',
      handler: async (_req, res, _params, body) => {
        let change: unknown;
        try {
          change = JSON.parse(body || 'null');
        } catch {
          return json(res, 400, { error: 'The body must be JSON: {"set":"2027-03-03T06:00:00Z"} or {"advance":"P1D"}.' });
        }
        try {
          const now = await clock.move((change ?? {}) as { set?: string; advance?: string });
          await onMoved().catch(() => {});
          json(res, 200, { now: now.toISOString() });
        } catch (err) {
          if (err instanceof UserError) return json(res, 400, { error: err.message });
          throw err;
        }
      },
    },
  ];
}
