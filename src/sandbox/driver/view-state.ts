/**
 * Builds `view.state.values` (block_id → action_id → value keys) from what the user "typed":
 * values supplied now, else values kept from earlier interactions in the same view, else the
 * elements' initial values. Every input block's element appears, as in Slack's view_submission.
 */
import { elementsOf } from '../block-kit/fill-ids.ts';
import { isObject } from '../block-kit/problem.ts';
import type { ViewState } from '../state/types.ts';
import { valueFields, type InputValue } from './element-values.ts';

/**
 * Values a test supplies for a view: by block_id, either the value itself (input blocks hold one
 * element) or an object keyed by action_id.
 *
 * @example { title: 'IOCC-61', date: { date_picker: '2026-03-12' }, orgs: ['FAO', 'WHO'] }
 */
export type ViewValues = Record<string, InputValue | Record<string, InputValue>>;

/** The value supplied for one element, if any. */
export function suppliedValue(values: ViewValues | undefined, blockId: string, actionId: string): InputValue | undefined {
  const entry = values?.[blockId];
  if (entry === undefined) return undefined;
  if (isObject(entry) && actionId in entry) return entry[actionId] as InputValue;
  if (isObject(entry) && !('type' in entry) && !('value' in entry) && !('text' in entry)) return undefined;
  return entry as InputValue;
}

/** The full state of a view after applying `values` on top of `previous`. */
export function buildViewState(blocks: unknown, previous: ViewState, values: ViewValues | undefined): ViewState {
  const out: ViewState['values'] = {};
  if (!Array.isArray(blocks)) return { values: out };
  for (const block of blocks) {
    if (!isObject(block) || typeof block.block_id !== 'string') continue;
    for (const element of elementsOf(block)) {
      if (!isObject(element) || typeof element.action_id !== 'string' || element.type === 'button' || element.type === 'overflow') continue;
      const stateful = block.type === 'input' || suppliedValue(values, block.block_id, element.action_id) !== undefined || previous.values[block.block_id]?.[element.action_id];
      if (!stateful) continue;
      out[block.block_id] ??= {};
      const blockState = out[block.block_id] as Record<string, unknown>;
      blockState[element.action_id] = stateFor(element, block.block_id, previous, values);
    }
  }
  return { values: out };
}

function stateFor(element: Record<string, unknown>, blockId: string, previous: ViewState, values: ViewValues | undefined): unknown {
  const actionId = String(element.action_id);
  const supplied = suppliedValue(values, blockId, actionId);
  if (supplied !== undefined) return { type: element.type, ...valueFields(element, supplied) };
  const kept = previous.values[blockId]?.[actionId];
  if (kept !== undefined) return kept;
  return { type: element.type, ...valueFields(element, undefined) };
}
