/**
 * The one HTTP server: Slack's endpoint, health, and the calendar feeds. A small route table, no framework.
 * POST bodies are read here (413 over BODY_LIMIT); a GET route also answers HEAD (Node sends no body).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.ts';
import { describeError } from '../logger.ts';
import { settledWithin } from '../util/timeout.ts';
import { BodyTooLargeError, readBody } from './read-body.ts';

/** Largest request body accepted (Slack's payloads are far smaller). */
export const BODY_LIMIT = 1_000_000;

/** Slack waits 3 s for an answer; a client that needs longer to send a request is stalled or hostile. */
const TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 15_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 2_000 };

export interface Route {
  method: 'GET' | 'POST';
  /** Exact path, or a RegExp whose groups are passed to the handler. */
  path: string | RegExp;
  /** `body` is the request body of a POST (read in full, at most BODY_LIMIT bytes), '' for a GET. */
  handler: (req: IncomingMessage, res: ServerResponse, params: string[], body: string) => Promise<void> | void;
}

export function createWebServer(routes: Route[], logger: Logger): Server {
  return createServer(TIMEOUTS, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    for (const route of routes) {
      if (route.method !== method) continue;
      const params = typeof route.path === 'string' ? (route.path === url.pathname ? [] : null) : route.path.exec(url.pathname)?.slice(1) ?? null;
      if (!params) continue;
      const where = typeof route.path === 'string' ? route.path : 'pattern';
      serve(route, req, res, params).catch((err: unknown) => {
        if (err instanceof BodyTooLargeError) return tooLarge(res);
        logger.error({ ...describeError(err), path: where }, 'request failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
}

async function serve(route: Route, req: IncomingMessage, res: ServerResponse, params: string[]): Promise<void> {
  const body = route.method === 'POST' ? await readBody(req, BODY_LIMIT) : '';
  await route.handler(req, res, params, body);
}

/** 413, then the connection closes (Node stops reading the rest of the body). */
function tooLarge(res: ServerResponse): void {
  if (res.headersSent) return;
  res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(`Request body too large (limit ${BODY_LIMIT} bytes).\n`);
}

export function listen(server: Server, port: number, host = '0.0.0.0'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

/**
 * Stops taking connections, lets in-flight requests finish, and after `graceMs` closes whatever is left
 * (a client stalled half-way through its request must not keep the process alive).
 */
export async function closeServer(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A keep-alive connection whose last request just finished is idle: close it then, not at its timeout.
  server.closeIdleConnections();
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  try {
    if (await settledWithin(closed, graceMs)) return;
    server.closeAllConnections();
    await closed;
  } finally {
    clearInterval(sweeper);
  }
}
