/**
 * views.open, views.push, views.update, views.publish (DOC https://docs.slack.dev/reference/methods/views.open …).
 * No scope is required ("No scopes required", views.push docs).
 */
import { withGeneratedIds } from '../../block-kit/fill-ids.ts';
import { SlackApiError } from '../api-error.ts';
import { json, str } from '../args.ts';
import { viewObject } from '../objects.ts';
import { assertValidView, findByExternalId, openModal, publishHome, pushModal, replaceView } from '../view-stacks.ts';
import { findUser, type MethodCall, type MethodSpec } from './method.ts';

function readView(call: MethodCall, expected: 'modal' | 'home'): Record<string, unknown> {
  const view = json(call.args, 'view', 'invalid_arguments');
  if (view === undefined) throw new SlackApiError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: view'] } });
  assertValidView(view);
  if (view.type !== expected) {
    throw new SlackApiError('invalid_arguments', { response_metadata: { messages: [`[ERROR] view type must be ${expected} [json-pointer:/view/type]`] } });
  }
  return Array.isArray(view.blocks) ? { ...view, blocks: withGeneratedIds(view.blocks) } : view;
}

/** Validates the view first, then exchanges the trigger (so an invalid view does not burn it). */
function open(call: MethodCall): Record<string, unknown> {
  const definition = readView(call, 'modal');
  const trigger = call.core.triggers.exchange(str(call.args, 'trigger_id'), call.team.id);
  const view = openModal(call.core, trigger.userId, trigger.teamId, definition);
  return { ok: true, view: viewObject(call.core.store, view) };
}

function push(call: MethodCall): Record<string, unknown> {
  const definition = readView(call, 'modal');
  const trigger = call.core.triggers.exchange(str(call.args, 'trigger_id'), call.team.id);
  const view = pushModal(call.core, trigger.userId, trigger.teamId, definition);
  return { ok: true, view: viewObject(call.core.store, view) };
}

/** By `view_id` or `external_id`; a stale `hash` gives `hash_conflict`; a closed view `not_found`. */
function update(call: MethodCall): Record<string, unknown> {
  const viewId = str(call.args, 'view_id');
  const externalId = str(call.args, 'external_id');
  if (!viewId && !externalId) throw new SlackApiError('invalid_arguments', { response_metadata: { messages: ['[ERROR] view_id or external_id is required'] } });
  const existing = viewId ? call.core.store.findView(viewId) : findByExternalId(call.core, call.team.id, externalId ?? '');
  if (!existing || existing.teamId !== call.team.id) throw new SlackApiError('not_found');
  const definition = readView(call, existing.type);
  const view = replaceView(call.core, existing, definition, str(call.args, 'hash'));
  return { ok: true, view: viewObject(call.core.store, view) };
}

function publish(call: MethodCall): Record<string, unknown> {
  const user = findUser(call, str(call.args, 'user_id'));
  const definition = readView(call, 'home');
  const view = publishHome(call.core, user.id, call.team.id, definition, str(call.args, 'hash'));
  return { ok: true, view: viewObject(call.core.store, view) };
}

export const VIEWS_METHODS: Record<string, MethodSpec> = {
  'views.open': { handler: open },
  'views.push': { handler: push },
  'views.update': { handler: update },
  'views.publish': { handler: publish },
};
