/**
 * Slack stores blocks with a generated `block_id` when the app sent none ("If not specified, a block_id
 * will be generated", @slack/types `Block`) and likewise a random `action_id` on elements (e.g. `maBWU` in
 * the view_submission fixture). The sandbox does the same so payloads and state keys line up.
 */
import { randomBytes } from 'node:crypto';
import { isObject } from './problem.ts';

const CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function shortId(length: number): string {
  return [...randomBytes(length)].map((b) => CHARS[b % CHARS.length]).join('');
}

/** A deep copy of `blocks` with missing block_id / action_id filled in. */
export function withGeneratedIds(blocks: unknown[]): unknown[] {
  const copy = JSON.parse(JSON.stringify(blocks)) as unknown[];
  for (const block of copy) {
    if (!isObject(block)) continue;
    if (block.block_id === undefined) block.block_id = shortId(4);
    for (const element of elementsOf(block)) {
      if (isObject(element) && element.action_id === undefined && element.type !== 'image' && !isText(element)) {
        element.action_id = shortId(5);
      }
    }
  }
  return copy;
}

function isText(element: Record<string, unknown>): boolean {
  return element.type === 'plain_text' || element.type === 'mrkdwn';
}

/** The interactive elements a block holds (accessory, actions elements, input element). */
export function elementsOf(block: Record<string, unknown>): unknown[] {
  if (block.type === 'section') return block.accessory ? [block.accessory] : [];
  if (block.type === 'actions') return Array.isArray(block.elements) ? block.elements : [];
  if (block.type === 'input') return block.element ? [block.element] : [];
  return [];
}
