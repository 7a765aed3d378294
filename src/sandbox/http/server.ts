/**
 * The sandbox's single HTTP server (node:http on 127.0.0.1): Web API, upload URLs, response_urls,
 * file downloads, the UI with its `/_sandbox/…` JSON endpoints, and Socket Mode's WebSocket upgrades
 * (`GET /link/?ticket=…`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { rejectUpgrade } from '../socket/reject-upgrade.ts';
import type { SandboxCore } from '../core.ts';
import { handleApiRequest } from './api-route.ts';
import { sendJson, sendText } from './body.ts';
import { handleFileDownload, handleResponseUrl, handleUpload } from './side-routes.ts';

/** Handles `GET /` and `/_sandbox/*`; returns false when the path is not its own. */
export type UiHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface Listening {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function listen(core: SandboxCore, ui: UiHandler, port: number, host: string): Promise<Listening> {
  const server = createServer((req, res) => {
    route(core, ui, req, res).catch((error: unknown) => {
      console.error('[sandbox] request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (!core.socket.handleUpgrade(req, socket, head)) rejectUpgrade(socket, 404, 'Not Found', 'not found');
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(core: SandboxCore, ui: UiHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.local');
  const [, first, second, third] = url.pathname.split('/');
  if (req.method === 'POST' && first === 'api' && second) return handleApiRequest(core, req, res, decodeURIComponent(second));
  if (req.method === 'POST' && first === 'upload' && second === 'v1' && third) return handleUpload(core, req, res, third);
  if (req.method === 'POST' && first === 'response' && second) return handleResponseUrl(core, req, res, second);
  if (req.method === 'GET' && first === 'files' && second) return handleFileDownload(core, res, second);
  if (await ui(req, res, url)) return;
  if (first === 'api') return sendJson(res, 405, { ok: false, error: 'sandbox_supports_post_only' });
  sendText(res, 404, 'not found');
}
