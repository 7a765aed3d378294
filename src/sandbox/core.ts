/**
 * The parts of a running sandbox that the Web API, the response_url endpoint, the driver and the UI
 * share. Built once by `startSandbox`.
 */
import type { Now } from './clock.ts';
import type { Faults } from './faults/faults.ts';
import type { TsFactory } from './ids.ts';
import type { RateLimiter } from './rate-limit/rate-limiter.ts';
import type { ResponseUrls } from './api/response-urls.ts';
import type { Store } from './state/store.ts';
import type { Triggers } from './api/triggers.ts';
import type { SocketModeServer } from './socket/socket-mode.ts';

export interface SandboxCore {
  store: Store;
  now: Now;
  ts: TsFactory;
  triggers: Triggers;
  responseUrls: ResponseUrls;
  rateLimiter: RateLimiter;
  faults: Faults;
  /** The org-wide token (acts on every workspace) and its scopes. */
  orgToken: { token: string; scopes: string[] };
  /** The app-level token (`xapp-…`) that opens Socket Mode connections. */
  appToken: string;
  /** Socket Mode: one-time URLs, the app's WebSocket connections, envelopes and acks. */
  socket: SocketModeServer;
  /** `http://127.0.0.1:<port>` once listening. */
  baseUrl(): string;
}
