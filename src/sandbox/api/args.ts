/**
 * Reading Web API arguments as @slack/web-api sends them: form fields are strings, and non-string
 * values (`blocks`, `view`, `files`…) arrive as JSON strings; JSON bodies carry real values.
 */
import { SlackApiError } from './api-error.ts';

export type Args = Record<string, unknown>;

/** A string argument (numbers are stringified); undefined when absent or empty. */
export function str(args: Args, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A required string argument; missing → the given error (default `invalid_arguments`). */
export function requireStr(args: Args, key: string, error = 'invalid_arguments'): string {
  const value = str(args, key);
  if (value === undefined) throw new SlackApiError(error, error === 'invalid_arguments' ? { response_metadata: { messages: [`[ERROR] missing required field: ${key}`] } } : {});
  return value;
}

/** A boolean argument: true, "true" or "1". */
export function bool(args: Args, key: string): boolean {
  const value = args[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** A JSON argument, parsed if it came as a string; unparseable → `error`. */
export function json(args: Args, key: string, error: string): unknown {
  const value = args[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new SlackApiError(error);
  }
}

/** A comma-separated list (`users=U1,U2`) or an array. */
export function list(args: Args, key: string): string[] {
  const value = args[key];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value !== '') return value.split(',').map((s) => s.trim()).filter(Boolean);
  return [];
}

/** Integer argument with a default. */
export function int(args: Args, key: string, fallback: number): number {
  const value = Number(args[key]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}
