/**
 * Block Kit validator: the sandbox applies it to every message, ephemeral, update, response_url
 * message, modal and Home tab it receives, and app tests call it on their builders' output.
 *
 * @example
 *   expect(validateMessage({ text: 'Hi', blocks: buildAgenda(meeting) })).toEqual([]);
 */
import { checkBlock } from './blocks.ts';
import { checkTextField } from './composition.ts';
import { checkBoolean, checkString } from './fields.ts';
import { LIMITS } from './limits.ts';
import { isObject, Problems, type Problem } from './problem.ts';

export type Surface = 'message' | 'modal' | 'home';

export interface ValidateOptions {
  /** Include advice Slack does not enforce (`severity: 'warning'`), e.g. text over 4,000 characters. */
  warnings?: boolean;
}

/**
 * Validates a blocks array for a surface: at most 50 blocks in a message, 100 in a modal or Home tab
 * (DOC https://docs.slack.dev/reference/block-kit/blocks), block_id unique in the message or view
 * ("block_id should be unique for each message and each iteration of a message", @slack/types `Block`).
 */
export function validateBlocks(blocks: unknown, surface: Surface = 'message', basePath = '/blocks'): Problem[] {
  const p = new Problems();
  checkBlockList(p, blocks, surface, basePath);
  return p.list;
}

function checkBlockList(p: Problems, blocks: unknown, surface: Surface, path: string): void {
  if (!Array.isArray(blocks)) {
    p.add(path, 'must be an array');
    return;
  }
  const max = surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  if (blocks.length > max) p.add(path, `must provide no more than ${max} items`);
  const seen = new Set<string>();
  blocks.forEach((block, i) => {
    const blockId = checkBlock(p, block, `${path}/${i}`);
    if (blockId === undefined) return;
    if (seen.has(blockId)) p.add(`${path}/${i}/block_id`, `block_id must be unique in the ${surface}: ${blockId}`);
    seen.add(blockId);
  });
}

/**
 * Validates a message payload (`chat.postMessage`, `chat.postEphemeral`, `chat.update`, a response_url
 * body or an ack): text or blocks present (`no_text`), text ≤40,000 (Slack truncates above; DOC
 * chat.postMessage §Truncating content), blocks valid. With `warnings`, also text over 4,000 and a
 * missing `text` fallback next to blocks (DOC chat.postMessage: "highly recommended").
 */
export function validateMessage(payload: unknown, options: ValidateOptions = {}): Problem[] {
  const p = new Problems();
  if (!isObject(payload)) {
    p.add('', 'must be an object');
    return p.list;
  }
  const hasBlocks = Array.isArray(payload.blocks) && payload.blocks.length > 0;
  const hasAttachments = Array.isArray(payload.attachments) && payload.attachments.length > 0;
  const text = checkString(p, payload, 'text', '', { max: LIMITS.messageText });
  if (!text && !hasBlocks && !hasAttachments) p.add('/text', 'no_text: provide `text` or `blocks`');
  if (payload.blocks !== undefined) checkBlockList(p, payload.blocks, 'message', '/blocks');
  if (options.warnings) warnAboutText(p, text, hasBlocks);
  return p.list;
}

function warnAboutText(p: Problems, text: string | undefined, hasBlocks: boolean): void {
  if (text !== undefined && text.length > LIMITS.messageTextAdvised) {
    p.warn('/text', `longer than the advised ${LIMITS.messageTextAdvised} characters`);
  }
  if (hasBlocks && !text) p.warn('/text', 'no `text` fallback for notifications and screen readers');
}

/**
 * Validates a modal or Home tab view (DOC https://docs.slack.dev/surfaces/modals and /surfaces/app-home):
 * modal title required and ≤24, submit/close ≤24, submit required when an input block is present,
 * private_metadata ≤3000, callback_id ≤255, external_id ≤255, blocks ≤100. Paths are relative to the
 * view (the Web API reports them under `/view`).
 */
export function validateView(view: unknown): Problem[] {
  const p = new Problems();
  if (!isObject(view)) {
    p.add('', 'must be an object');
    return p.list;
  }
  const type = view.type;
  if (type !== 'modal' && type !== 'home') {
    p.add(type === undefined ? '' : '/type', type === undefined ? 'missing required field: type' : `unsupported type: ${String(type)}`);
    return p.list;
  }
  if (type === 'modal') checkModalChrome(p, view);
  checkString(p, view, 'private_metadata', '', { max: LIMITS.privateMetadata });
  checkString(p, view, 'callback_id', '', { max: LIMITS.callbackId });
  checkString(p, view, 'external_id', '', { max: LIMITS.externalId });
  checkBoolean(p, view, 'clear_on_close', '');
  checkBoolean(p, view, 'notify_on_close', '');
  if (view.blocks === undefined) p.add('', 'missing required field: blocks');
  else checkBlockList(p, view.blocks, type, '/blocks');
  return p.list;
}

function checkModalChrome(p: Problems, view: Record<string, unknown>): void {
  checkTextField(p, view, 'title', '', { required: true, plainOnly: true, max: LIMITS.viewTitle });
  checkTextField(p, view, 'close', '', { plainOnly: true, max: LIMITS.viewButton });
  checkTextField(p, view, 'submit', '', { plainOnly: true, max: LIMITS.viewButton });
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
  // DOC modals page: submit is "Required if an input block is within the blocks array".
  if (hasInput && view.submit === undefined) p.add('', 'missing required field: submit (the view has an input block)');
}

/** Only the errors of a problem list (drops warnings). */
export function errorsOnly(problems: Problem[]): Problem[] {
  return problems.filter((problem) => problem.severity !== 'warning');
}
