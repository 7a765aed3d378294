/**
 * A Block Kit problem: where (a JSON pointer, as Slack's `[json-pointer:/blocks/0/text]`) and what.
 * Messages follow Slack's own wording where it is known, e.g. "must be more than 0 characters".
 */
export interface Problem {
  path: string;
  message: string;
  /** Absent for errors; `warning` for advice Slack does not enforce (e.g. text over 4,000 chars). */
  severity?: 'warning';
}

/** Collects problems while a payload is walked. */
export class Problems {
  readonly list: Problem[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.list.push({ path, message, severity: 'warning' });
  }
}

/** Narrows to a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Formats a problem the way Slack lists it in `errors`: `message [json-pointer:/path]`. */
export function formatProblem(problem: Problem, prefix = ''): string {
  return `${problem.message} [json-pointer:${prefix + problem.path || '/'}]`;
}
