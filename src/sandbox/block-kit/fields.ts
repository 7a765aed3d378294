/**
 * Field-level checks shared by blocks, elements and views (strings, lengths, arrays, ids).
 * Wording follows Slack's `invalid_blocks` errors, e.g. "must be less than 3001 characters".
 */
import { isObject, type Problems } from './problem.ts';

export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
}

/** Checks `obj[key]` is a string within the given length; returns it when present. */
export function checkString(p: Problems, obj: Record<string, unknown>, key: string, path: string, rule: StringRule): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (rule.required) p.add(path, `missing required field: ${key}`);
    return undefined;
  }
  const at = `${path}/${key}`;
  if (typeof value !== 'string') {
    p.add(at, 'must be a string');
    return undefined;
  }
  checkLength(p, value, at, rule);
  return value;
}

/** Length check only. */
export function checkLength(p: Problems, value: string, path: string, rule: StringRule): void {
  const min = rule.min ?? 0;
  if (value.length < min) p.add(path, `must be more than ${min - 1} characters`);
  if (rule.max !== undefined && value.length > rule.max) p.add(path, `must be less than ${rule.max + 1} characters`);
}

/** Checks `obj[key]` is an array with at most `max` (and at least `min`) items; returns it when present. */
export function checkArray(
  p: Problems,
  obj: Record<string, unknown>,
  key: string,
  path: string,
  rule: { required?: boolean; min?: number; max?: number },
): unknown[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (rule.required) p.add(path, `missing required field: ${key}`);
    return undefined;
  }
  const at = `${path}/${key}`;
  if (!Array.isArray(value)) {
    p.add(at, 'must be an array');
    return undefined;
  }
  if (rule.min !== undefined && value.length < rule.min) p.add(at, `must provide at least ${rule.min} items`);
  if (rule.max !== undefined && value.length > rule.max) p.add(at, `must provide no more than ${rule.max} items`);
  return value;
}

/** Checks an optional boolean flag. */
export function checkBoolean(p: Problems, obj: Record<string, unknown>, key: string, path: string): void {
  if (obj[key] !== undefined && typeof obj[key] !== 'boolean') p.add(`${path}/${key}`, 'must be a boolean');
}

/** Checks an optional enum-valued string. */
export function checkEnum(p: Problems, obj: Record<string, unknown>, key: string, path: string, allowed: readonly string[]): void {
  const value = obj[key];
  if (value === undefined) return;
  if (typeof value !== 'string' || !allowed.includes(value)) p.add(`${path}/${key}`, `must be one of: ${allowed.join(', ')}`);
}

/** Requires an object value; reports and returns undefined otherwise. */
export function asObject(p: Problems, value: unknown, path: string): Record<string, unknown> | undefined {
  if (isObject(value)) return value;
  p.add(path, 'must be an object');
  return undefined;
}
