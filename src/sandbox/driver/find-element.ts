/**
 * Locates the element a user interacts with, by action_id (and block_id when given), in a list of blocks.
 */
import { elementsOf } from '../block-kit/fill-ids.ts';
import { isObject } from '../block-kit/problem.ts';

export interface FoundElement {
  element: Record<string, unknown>;
  blockId: string;
}

export function findElement(blocks: unknown, actionId: string, blockId?: string): FoundElement | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks) {
    if (!isObject(block)) continue;
    if (blockId !== undefined && block.block_id !== blockId) continue;
    for (const element of elementsOf(block)) {
      if (isObject(element) && element.action_id === actionId) return { element, blockId: String(block.block_id ?? '') };
    }
  }
  return undefined;
}
