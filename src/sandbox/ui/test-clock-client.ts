/**
 * The sandbox's side of Concord's test clock (`TEST_CLOCK=on`): Concord serves it on the same HTTP server as
 * `/slack/events`, so its base is the origin of the sandbox's app URL.
 *   GET  /test/clock        → {"now": ISO}
 *   POST /test/clock        {"set": ISO} | {"advance": ISO 8601 duration} → {"now": ISO}; 400 {"error"} on bad input
 *   GET  /test/clock/next   → {"next": ISO | null}   (the earliest pending reminder; 404 on an older Concord)
 * Every failure becomes a `TestClockError` whose message can be shown on the page as it is.
 */

/** What the page is told went wrong, with the HTTP status the sandbox answers it with. */
export class TestClockError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 5_000;

export interface TestClockClient {
  readonly base: string;
  now(): Promise<string>;
  move(change: { set: string } | { advance: string }): Promise<string>;
  /** The earliest pending reminder's instant, or null when none is planned (or Concord cannot tell). */
  next(): Promise<string | null>;
}

/** `appUrl` is the sandbox's app URL, e.g. `http://127.0.0.1:3000/slack/events`. */
export function testClockClient(appUrl: string | undefined): TestClockClient {
  if (!appUrl) throw new TestClockError(409, 'No app URL is configured, so the sandbox cannot reach Concord’s test clock.');
  const base = new URL('/test/clock', appUrl).toString();
  return {
    base,
    now: async () => instant(await call(base, 'GET'), 'now'),
    move: async (change) => instant(await call(base, 'POST', change), 'now'),
    next: async () => {
      const answer = await call(`${base}/next`, 'GET', undefined, true);
      if (answer === undefined || answer.next === null || answer.next === undefined) return null;
      return instant(answer, 'next');
    },
  };
}

type Answer = Record<string, unknown>;

async function call(url: string, method: 'GET' | 'POST', body?: unknown, missingIsNull = false): Promise<Answer | undefined> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : 'connection refused or reset';
    throw new TestClockError(502, `Concord does not answer at ${url} (${why}). Is it running?`);
  }
  const text = await res.text();
  if (res.status === 404) {
    if (missingIsNull) return undefined;
    throw new TestClockError(409, 'Concord’s test clock is off: Concord answers 404 at /test/clock (start it with TEST_CLOCK=on).');
  }
  const json = parse(text);
  if (!res.ok) {
    const error = typeof json?.error === 'string' ? json.error : `Concord answered HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
    throw new TestClockError(res.status >= 500 ? 502 : 400, error);
  }
  if (!json) throw new TestClockError(502, `Concord answered ${method} ${url} with something that is not JSON.`);
  return json;
}

function parse(text: string): Answer | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Answer) : undefined;
  } catch {
    return undefined;
  }
}

function instant(answer: Answer | undefined, key: string): string {
  const value = answer?.[key];
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new TestClockError(502, `Concord’s test clock answered without a valid "${key}" instant.`);
  }
  return value;
}
