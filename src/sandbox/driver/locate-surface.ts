/**
 * Finds the surface holding the element a user acts on: an explicit target, or by default the user's
 * top modal view, their newest ephemeral, the newest message in a channel they are in, then their Home tab.
 */
import type { Store } from '../state/store.ts';
import type { Channel, Ephemeral, SlackMessage, ViewRecord } from '../state/types.ts';
import { findElement, type FoundElement } from './find-element.ts';

export type ActionTarget = { channelId: string; messageTs: string } | { ephemeralTs: string } | { viewId: string } | { home: true };

export type Located =
  | { kind: 'message'; channel: Channel; message: SlackMessage; found: FoundElement }
  | { kind: 'ephemeral'; channel: Channel; ephemeral: Ephemeral; found: FoundElement }
  | { kind: 'view'; view: ViewRecord; found: FoundElement };

export function locateSurface(store: Store, userId: string, actionId: string, blockId: string | undefined, target?: ActionTarget): Located {
  const located = target ? fromTarget(store, userId, actionId, blockId, target) : search(store, userId, actionId, blockId);
  if (!located) throw new Error(`No element with action_id "${actionId}"${blockId ? ` in block "${blockId}"` : ''} visible to ${userId}`);
  return located;
}

function fromTarget(store: Store, userId: string, actionId: string, blockId: string | undefined, target: ActionTarget): Located | undefined {
  if ('viewId' in target) return inView(store.findView(target.viewId), actionId, blockId);
  if ('home' in target) return inView(store.homes.get(userId), actionId, blockId);
  if ('ephemeralTs' in target) return inEphemeral(store, store.ephemerals.find((e) => e.ts === target.ephemeralTs), actionId, blockId);
  const message = store.findMessage(target.channelId, target.messageTs);
  return inMessage(store, message, actionId, blockId);
}

function search(store: Store, userId: string, actionId: string, blockId: string | undefined): Located | undefined {
  const top = store.viewStack(userId).at(-1);
  const fromView = inView(top, actionId, blockId);
  if (fromView) return fromView;
  const ephemerals = store.ephemerals.filter((e) => e.user === userId).reverse();
  for (const e of ephemerals) {
    const found = inEphemeral(store, e, actionId, blockId);
    if (found) return found;
  }
  const messages = [...store.messages.values()].flat().filter((m) => store.channels.get(m.channel)?.members.includes(userId));
  messages.sort((a, b) => Number(b.ts) - Number(a.ts));
  for (const m of messages) {
    const found = inMessage(store, m, actionId, blockId);
    if (found) return found;
  }
  return inView(store.homes.get(userId), actionId, blockId);
}

function inView(view: ViewRecord | undefined, actionId: string, blockId: string | undefined): Located | undefined {
  const found = view && findElement(view.definition.blocks, actionId, blockId);
  return view && found ? { kind: 'view', view, found } : undefined;
}

function inEphemeral(store: Store, e: Ephemeral | undefined, actionId: string, blockId: string | undefined): Located | undefined {
  const found = e && findElement(e.blocks, actionId, blockId);
  const channel = e && store.channels.get(e.channel);
  return e && found && channel ? { kind: 'ephemeral', channel, ephemeral: e, found } : undefined;
}

function inMessage(store: Store, m: SlackMessage | undefined, actionId: string, blockId: string | undefined): Located | undefined {
  const found = m && findElement(m.blocks, actionId, blockId);
  const channel = m && store.channels.get(m.channel);
  return m && found && channel ? { kind: 'message', channel, message: m, found } : undefined;
}
