/**
 * A Web API refusal: answered as HTTP 200 `{ ok: false, error, ...extra }`, as Slack does for
 * everything except rate limits.
 */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }

  toBody(): Record<string, unknown> {
    return { ok: false, error: this.code, ...this.extra };
  }
}
