/**
 * Fault injection a test controls at run time. Faults are keyed by Web API method, `'*'` (every method),
 * or the pseudo-methods `'response_url'` and `'files.upload'` (the upload URL).
 *
 * @example
 *   sb.faults.rateLimitStorm('chat.postMessage', { count: 3, retryAfter: 1 }); // next 3 calls → 429
 *   sb.faults.rateLimitFor('chat.postMessage', 3);       // every call for 3 s → 429, Retry-After: the rest
 *   sb.faults.serverErrors('*', { probability: 0.2 });
 *   sb.faults.loseResponse('chat.postMessage');          // next post is stored, its answer never arrives
 *   sb.faults.stall('chat.postMessage');                 // next post hangs until its caller disconnects
 *   sb.faults.clear();
 */

export interface FaultBudget {
  /** Affect the next `count` calls (default: unlimited while `probability` is set, else 1). */
  count?: number;
  /** Affect each call with this probability (default 1). */
  probability?: number;
}

export type FaultAction =
  | { kind: 'drop' }
  | { kind: 'server_error'; status: number }
  | { kind: 'ratelimit'; retryAfter: number }
  /** The call runs (side effects happen), then the answer is lost: socket destroyed, or this HTTP status. */
  | { kind: 'lose_response'; answer: 'drop' | number }
  | { kind: 'stall'; carriedOut: boolean };

export interface FaultDecision {
  latencyMs: number;
  action?: FaultAction;
}

interface Rule {
  method: string;
  remaining: number;
  probability: number;
  action: FaultAction;
}

export class Faults {
  private latencies = new Map<string, number>();
  private rules: Rule[] = [];
  private windows: Array<{ method: string; until: number }> = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Adds `ms` of latency before answering `method` (or `'*'`). */
  latency(method: string, ms: number): this {
    this.latencies.set(method, ms);
    return this;
  }

  /** Answers with HTTP 5xx (default 500) for the next `count` calls or with a probability. */
  serverErrors(method: string, options: FaultBudget & { status?: number } = {}): this {
    return this.add(method, options, { kind: 'server_error', status: options.status ?? 500 });
  }

  /** The next `count` calls get HTTP 429 with `Retry-After: retryAfter` (default 1 s). */
  rateLimitStorm(method: string, options: FaultBudget & { retryAfter?: number } = {}): this {
    return this.add(method, options, { kind: 'ratelimit', retryAfter: options.retryAfter ?? 1 });
  }

  /**
   * Every call to `method` for the next `seconds` gets HTTP 429 with `Retry-After` = the seconds left,
   * rounded up — as when the method's bucket is empty for the whole workspace (Slack's limits are per
   * method per workspace), whichever channel a call is for.
   */
  rateLimitFor(method: string, seconds: number): this {
    this.windows.push({ method, until: this.now() + seconds * 1000 });
    return this;
  }

  /** Destroys the socket without any response. */
  dropConnections(method: string, options: FaultBudget = {}): this {
    return this.add(method, options, { kind: 'drop' });
  }

  /**
   * The call is carried out as usual (a message is posted, recorded in `sb.calls()` with fault
   * `response_lost`), then the answer is lost: by default the socket is destroyed with no response
   * (the client sees a connection reset); with `answer: 500` (any status) it gets that status and
   * `{"ok":false,"error":"internal_error"}` instead. Web API methods only. Simulates "the post reached
   * Slack but the caller never learnt its ts".
   */
  loseResponse(method: string, options: FaultBudget & { answer?: 'drop' | number } = {}): this {
    return this.add(method, options, { kind: 'lose_response', answer: options.answer ?? 'drop' });
  }

  /**
   * The request hangs until its caller gives up (disconnects, e.g. a process killed mid-call). By default
   * it is never carried out (lost in transit); with `carriedOut: true` the call is carried out at once
   * (a message is posted) and only its answer hangs: "the post reached Slack, the caller died before
   * learning its ts". Web API methods only.
   */
  stall(method: string, options: FaultBudget & { carriedOut?: boolean } = {}): this {
    return this.add(method, options, { kind: 'stall', carriedOut: options.carriedOut ?? false });
  }

  /** Removes every fault (or those of one method). */
  clear(method?: string): void {
    if (method === undefined) {
      this.latencies.clear();
      this.rules = [];
      this.windows = [];
      return;
    }
    this.latencies.delete(method);
    this.rules = this.rules.filter((r) => r.method !== method);
    this.windows = this.windows.filter((w) => w.method !== method);
  }

  /** Decides what happens to one call (consumes a rule's budget when it fires). */
  decide(method: string): FaultDecision {
    const latencyMs = this.latencies.get(method) ?? this.latencies.get('*') ?? 0;
    const now = this.now();
    this.windows = this.windows.filter((w) => w.until > now);
    const window = this.windows.find((w) => w.method === method || w.method === '*');
    if (window) return { latencyMs, action: { kind: 'ratelimit', retryAfter: Math.max(1, Math.ceil((window.until - now) / 1000)) } };
    const rule = this.rules.find((r) => (r.method === method || r.method === '*') && r.remaining > 0 && Math.random() < r.probability);
    if (!rule) return { latencyMs };
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return { latencyMs, action: rule.action };
  }

  private add(method: string, budget: FaultBudget, action: FaultAction): this {
    const probability = budget.probability ?? 1;
    const remaining = budget.count ?? (budget.probability !== undefined ? Number.POSITIVE_INFINITY : 1);
    this.rules.push({ method, remaining, probability, action });
    return this;
  }
}
