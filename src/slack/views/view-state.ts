/**
 * Reading a submitted view's `state.values` defensively: Slack always sends objects of known shapes, but a
 * forged or truncated payload must give "field missing", never an exception. Pure.
 */
import { sanitize } from '../commands/tokenize.ts';

export type ViewValues = Record<string, Record<string, unknown>>;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A submitted view's `state.values`, or none when the payload has no state (Slack always sends one). */
export function viewValues(view: { state?: unknown } | undefined): ViewValues {
  const values = view && isObject(view.state) ? view.state.values : undefined;
  return isObject(values) ? (values as ViewValues) : {};
}

/** A state value's field as a string ('' when absent or of another type), control characters removed. */
export function stateString(value: unknown): string {
  return typeof value === 'string' ? sanitize(value) : '';
}

/** One input's state (`{ value }`, `{ selected_date }`…), or `{}` when the block or element is missing or malformed. */
export function stateOf(values: ViewValues, blockId: string, actionId: string): Record<string, unknown> {
  const block: unknown = values[blockId];
  const state: unknown = isObject(block) ? block[actionId] : undefined;
  return isObject(state) ? state : {};
}

/** A select's chosen value ('' when none or malformed). */
export function selectedValue(state: Record<string, unknown>): string {
  return isObject(state.selected_option) ? stateString(state.selected_option.value) : '';
}
