/**
 * SIGTERM with a deadline: a client that stalls half-way through its request must not keep Concord
 * running. The real process (`src/main.ts`), a real PostgreSQL database and a private Redis.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { closeServer, createWebServer, listen } from '../../src/web/server.ts';
import { createLogger } from '../../src/logger.ts';
import { freePort, startConcordProcess, startPrivateRedis, waitForHealth } from '../support/concord-process.ts';
import { createTestDatabase } from '../support/postgres.ts';

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Sends the headers of a POST declaring 1000 bytes of body, then 5 bytes, and stalls. */
function stalledRequest(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('POST /slack/events HTTP/1.1\r\nHost: concord\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nhello');
      resolve({ socket, closed });
    });
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => {});
    socket.once('error', reject);
  });
}

it('exits 0 within the shutdown grace although a client stalls in the middle of its request body', { timeout: 90_000 }, async () => {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const redis = await startPrivateRedis();
  cleanups.push(() => redis.stop());
  const port = await freePort();
  const app = startConcordProcess({
    SLACK_BOT_TOKEN: 'xoxb-x',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    PORT: String(port),
    SHUTDOWN_GRACE_SECONDS: '2',
  });
  cleanups.push(() => app.child.kill('SIGKILL'));
  expect(await waitForHealth(port, 200), app.output()).toMatchObject({ status: 200 });

  const stalled = await stalledRequest(port);
  await new Promise((r) => setTimeout(r, 300)); // the server has the headers and 5 bytes: a request in progress

  const sentAt = Date.now();
  app.child.kill('SIGTERM');
  // Stops taking connections at once.
  await new Promise((r) => setTimeout(r, 500));
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

  const code = await Promise.race([app.exited, new Promise<string>((r) => setTimeout(() => r('still running after 20 s'), 20_000))]);
  const tookMs = Date.now() - sentAt;
  expect(code, app.output()).toBe(0);
  expect(tookMs).toBeLessThan(7_000); // grace (2 s) + a margin for closing the worker and the database
  await stalled.closed; // the stalled client was cut off, not left hanging
  expect(app.output()).not.toMatch(/\n\s+at /);
});

it('lets a request in flight finish and closes its keep-alive connection right after, not at the grace', async () => {
  const server = createWebServer(
    [{ method: 'GET', path: '/slow', handler: (_req, res) => void setTimeout(() => res.end('done'), 500) }],
    createLogger('silent'),
  );
  const port = await listen(server, 0, '127.0.0.1');
  const reply = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.text());
  await new Promise((r) => setTimeout(r, 100));
  const startedAt = Date.now();
  await closeServer(server, 10_000);
  expect(await reply).toBe('done');
  expect(Date.now() - startedAt).toBeLessThan(3000);
});
