/**
 * Layout blocks. Known types only (DOC https://docs.slack.dev/reference/block-kit/blocks):
 * section, header, divider, context, actions, input, image, rich_text, markdown, file.
 */
import { checkTextField, checkTextObject, isTextObject } from './composition.ts';
import { ACTIONS_ELEMENTS, INPUT_ELEMENTS, SECTION_ACCESSORIES, checkElement, checkImageElement } from './elements.ts';
import { asObject, checkArray, checkBoolean, checkString } from './fields.ts';
import { LIMITS } from './limits.ts';
import { isObject, type Problems } from './problem.ts';

type Block = Record<string, unknown>;
type BlockCheck = (p: Problems, block: Block, path: string) => void;

/** Checks one block (type, block_id ≤255, then the type's own rules). Returns its block_id if any. */
export function checkBlock(p: Problems, value: unknown, path: string): string | undefined {
  const block = asObject(p, value, path);
  if (!block) return undefined;
  if (typeof block.type !== 'string') {
    p.add(path, 'missing required field: type');
    return undefined;
  }
  const check = BLOCKS[block.type];
  if (!check) {
    p.add(`${path}/type`, `unsupported type: ${block.type}`);
    return undefined;
  }
  // DOC (every block page): "Maximum length for this field is 255 characters."
  const blockId = checkString(p, block, 'block_id', path, { min: 1, max: LIMITS.blockId });
  check(p, block, path);
  return blockId;
}

/** Section (DOC section-block): `text` 1–3000 or `fields` (≤10 × ≤2000) required; optional accessory. */
function checkSection(p: Problems, block: Block, path: string): void {
  if (block.text === undefined && block.fields === undefined) {
    // Slack's own wording, observed in invalid_blocks responses.
    p.add(`${path}/type`, 'must define either `text` or `fields`');
  }
  checkTextField(p, block, 'text', path, { max: LIMITS.sectionText });
  const fields = checkArray(p, block, 'fields', path, { min: 1, max: LIMITS.sectionFields });
  fields?.forEach((f, i) => checkTextObject(p, f, `${path}/fields/${i}`, { max: LIMITS.sectionFieldText }));
  if (block.accessory !== undefined) checkElement(p, block.accessory, `${path}/accessory`, SECTION_ACCESSORIES);
  checkBoolean(p, block, 'expand', path);
}

/** Header (DOC header-block): plain_text ≤150. */
function checkHeader(p: Problems, block: Block, path: string): void {
  checkTextField(p, block, 'text', path, { required: true, plainOnly: true, max: LIMITS.headerText });
}

/** Context (DOC context-block): 1–10 elements, each an image element or a text object. */
function checkContext(p: Problems, block: Block, path: string): void {
  const elements = checkArray(p, block, 'elements', path, { required: true, min: 1, max: LIMITS.contextElements });
  elements?.forEach((el, i) => {
    const at = `${path}/elements/${i}`;
    if (isTextObject(el)) checkTextObject(p, el, at, {});
    else if (isObject(el) && el.type === 'image') checkImageElement(p, el, at);
    else p.add(`${at}/type`, `unsupported type: ${isObject(el) ? String(el.type) : typeof el}`);
  });
}

/**
 * Actions (DOC actions-block): 1–25 interactive elements. action_id "Should be unique among all
 * other action_ids in the containing block" (@slack/types `Actionable.action_id`, docs element pages).
 */
function checkActions(p: Problems, block: Block, path: string): void {
  const elements = checkArray(p, block, 'elements', path, { required: true, min: 1, max: LIMITS.actionsElements });
  const seen = new Set<string>();
  elements?.forEach((el, i) => {
    const actionId = checkElement(p, el, `${path}/elements/${i}`, ACTIONS_ELEMENTS);
    if (actionId === undefined) return;
    if (seen.has(actionId)) p.add(`${path}/elements/${i}/action_id`, `action_id must be unique within the block: ${actionId}`);
    seen.add(actionId);
  });
}

/** Input (DOC input-block): label plain_text ≤2000 and element required; hint ≤2000. */
function checkInput(p: Problems, block: Block, path: string): void {
  checkTextField(p, block, 'label', path, { required: true, plainOnly: true, max: LIMITS.inputLabel });
  checkTextField(p, block, 'hint', path, { plainOnly: true, max: LIMITS.inputHint });
  if (block.element === undefined) p.add(path, 'missing required field: element');
  else checkElement(p, block.element, `${path}/element`, INPUT_ELEMENTS);
  checkBoolean(p, block, 'optional', path);
  checkBoolean(p, block, 'dispatch_action', path);
}

/** Image block: image_url ≤3000 or slack_file, alt_text ≤2000, title plain_text ≤2000 (SDK python). */
function checkImage(p: Problems, block: Block, path: string): void {
  checkImageElement(p, block, path);
  checkTextField(p, block, 'title', path, { plainOnly: true, max: LIMITS.imageTitle });
}

/** Rich text: elements array required (DOC rich-text-block); contents are not checked further. */
function checkRichText(p: Problems, block: Block, path: string): void {
  checkArray(p, block, 'elements', path, { required: true });
}

/** Markdown block: text ≤12,000 (SDK; DOC for chat.postMessage `markdown_text`). */
function checkMarkdown(p: Problems, block: Block, path: string): void {
  checkString(p, block, 'text', path, { required: true, min: 1, max: LIMITS.markdownText });
}

/** File block (DOC file-block): external_id and source ("remote") required. */
function checkFile(p: Problems, block: Block, path: string): void {
  checkString(p, block, 'external_id', path, { required: true, min: 1 });
  checkString(p, block, 'source', path, { required: true, min: 1 });
}

const BLOCKS: Record<string, BlockCheck> = {
  section: checkSection,
  header: checkHeader,
  divider: () => undefined,
  context: checkContext,
  actions: checkActions,
  input: checkInput,
  image: checkImage,
  rich_text: checkRichText,
  markdown: checkMarkdown,
  file: checkFile,
};
