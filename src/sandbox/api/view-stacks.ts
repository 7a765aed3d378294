/**
 * Modal view stacks and Home tabs (DOC https://docs.slack.dev/surfaces/modals, /reference/methods/views.*):
 * "A modal can hold up to 3 views at a time" (`push_limit_reached`), `views.update` by view_id or
 * external_id with `hash` (`hash_conflict` when stale), views over 250 KB → `view_too_large`,
 * `external_id` unique per team (`duplicate_external_id`).
 */
import { formatProblem } from '../block-kit/problem.ts';
import { validateView } from '../block-kit/validate.ts';
import type { SandboxCore } from '../core.ts';
import { randomId, viewHash } from '../ids.ts';
import type { ViewRecord } from '../state/types.ts';
import { SlackApiError } from './api-error.ts';

export const MAX_STACK = 3;
const MAX_VIEW_BYTES = 250 * 1024;

/**
 * Validates a view definition. Slack answers views.* problems with `invalid_arguments` and the details
 * in `response_metadata.messages` ("[ERROR] missing required field: title [json-pointer:/view]",
 * observed in slackapi/java-slack-sdk#302), not with `invalid_blocks`.
 */
export function assertValidView(definition: unknown): asserts definition is Record<string, unknown> {
  if (JSON.stringify(definition ?? null).length > MAX_VIEW_BYTES) throw new SlackApiError('view_too_large');
  const problems = validateView(definition);
  if (problems.length === 0) return;
  const messages = problems.map((p) => `[ERROR] ${formatProblem(p, '/view')}`);
  throw new SlackApiError('invalid_arguments', { response_metadata: { messages } });
}

interface NewView {
  userId: string;
  teamId: string;
  definition: Record<string, unknown>;
  previous?: ViewRecord;
}

function createRecord(core: SandboxCore, input: NewView): ViewRecord {
  const id = randomId('V');
  const externalId = typeof input.definition.external_id === 'string' ? input.definition.external_id : '';
  assertExternalIdFree(core, input.teamId, externalId, undefined);
  return {
    id,
    teamId: input.teamId,
    userId: input.userId,
    type: input.definition.type === 'home' ? 'home' : 'modal',
    definition: input.definition,
    hash: viewHash(core.now()),
    externalId,
    rootViewId: input.previous?.rootViewId ?? id,
    previousViewId: input.previous?.id ?? null,
    state: { values: {} },
  };
}

function assertExternalIdFree(core: SandboxCore, teamId: string, externalId: string, selfId: string | undefined): void {
  if (!externalId) return;
  const taken = findByExternalId(core, teamId, externalId);
  if (taken && taken.id !== selfId) throw new SlackApiError('duplicate_external_id');
}

/** Opens a modal: the user's stack becomes this one view. */
export function openModal(core: SandboxCore, userId: string, teamId: string, definition: Record<string, unknown>): ViewRecord {
  const view = createRecord(core, { userId, teamId, definition });
  core.store.viewStacks.set(userId, [view]);
  core.store.changed();
  return view;
}

/** Pushes onto the user's open modal; at most 3 views (`push_limit_reached`). */
export function pushModal(core: SandboxCore, userId: string, teamId: string, definition: Record<string, unknown>): ViewRecord {
  const stack = core.store.viewStack(userId);
  const top = stack.at(-1);
  // The trigger must come from an interaction inside an open modal (views.push docs).
  if (!top) throw new SlackApiError('invalid_trigger_id');
  if (stack.length >= MAX_STACK) throw new SlackApiError('push_limit_reached');
  const view = createRecord(core, { userId, teamId, definition, previous: top });
  stack.push(view);
  core.store.changed();
  return view;
}

/** Replaces a view's content; keeps id and lineage, issues a new hash. */
export function replaceView(core: SandboxCore, view: ViewRecord, definition: Record<string, unknown>, hash?: string): ViewRecord {
  if (hash !== undefined && hash !== view.hash) throw new SlackApiError('hash_conflict');
  const externalId = typeof definition.external_id === 'string' ? definition.external_id : view.externalId;
  assertExternalIdFree(core, view.teamId, externalId, view.id);
  view.definition = definition;
  view.externalId = externalId;
  view.hash = viewHash(core.now());
  view.errors = undefined;
  core.store.changed();
  return view;
}

/** Publishes (creates or replaces) a user's Home tab. */
export function publishHome(core: SandboxCore, userId: string, teamId: string, definition: Record<string, unknown>, hash?: string): ViewRecord {
  const existing = core.store.homes.get(userId);
  if (existing) return replaceView(core, existing, definition, hash);
  const view = createRecord(core, { userId, teamId, definition });
  core.store.homes.set(userId, view);
  core.store.changed();
  return view;
}

/** An open view (modal or home) of a team by external_id. */
export function findByExternalId(core: SandboxCore, teamId: string, externalId: string): ViewRecord | undefined {
  const all = [...[...core.store.viewStacks.values()].flat(), ...core.store.homes.values()];
  return all.find((v) => v.teamId === teamId && v.externalId === externalId);
}

/** Closes the top view of a user's modal. */
export function closeTop(core: SandboxCore, userId: string): void {
  core.store.viewStack(userId).pop();
  core.store.changed();
}

/** Closes every view of a user's modal. */
export function clearStack(core: SandboxCore, userId: string): void {
  core.store.viewStacks.set(userId, []);
  core.store.changed();
}
