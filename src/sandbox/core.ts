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
  /** `http://127.0.0.1:<port>` once listening. */
  baseUrl(): string;
}
