/** The one HTTP server: Slack's endpoint, health, and the calendar feeds. A small route table, no framework. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.ts';
import { describeError } from '../logger.ts';

export interface Route {
  method: 'GET' | 'POST';
  /** Exact path, or a RegExp whose groups are passed to the handler. */
  path: string | RegExp;
  handler: (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void> | void;
}

export function createWebServer(routes: Route[], logger: Logger): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    for (const route of routes) {
      if (route.method !== req.method) continue;
      const params = typeof route.path === 'string' ? (route.path === url.pathname ? [] : null) : route.path.exec(url.pathname)?.slice(1) ?? null;
      if (!params) continue;
      Promise.resolve(route.handler(req, res, params)).catch((err: unknown) => {
        logger.error({ ...describeError(err), path: typeof route.path === 'string' ? route.path : 'pattern' }, 'request failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
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
