/**
 * Block elements (buttons, menus, pickers, inputs). Which element fits which block follows the
 * "Works with" lists on https://docs.slack.dev/reference/block-kit/block-elements pages.
 */
import { checkConfirm, checkOption, checkOptionGroup, checkTextField } from './composition.ts';
import { asObject, checkArray, checkBoolean, checkEnum, checkString } from './fields.ts';
import { LIMITS } from './limits.ts';
import type { Problems } from './problem.ts';

type Element = Record<string, unknown>;
type ElementCheck = (p: Problems, el: Element, path: string) => void;

const SELECTS = ['static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select'];
const MULTI_SELECTS = SELECTS.map((s) => `multi_${s}`);

/** DOC section-block "accessory" works with these elements. */
export const SECTION_ACCESSORIES = new Set([
  'button', 'checkboxes', 'datepicker', 'image', 'overflow', 'radio_buttons', 'timepicker', 'workflow_button', ...SELECTS, ...MULTI_SELECTS,
]);
/** DOC actions-block "elements" works with these interactive elements. */
export const ACTIONS_ELEMENTS = new Set([
  'button', 'checkboxes', 'datepicker', 'datetimepicker', 'overflow', 'plain_text_input', 'radio_buttons', 'rich_text_input',
  'timepicker', 'workflow_button', ...SELECTS, ...MULTI_SELECTS,
]);
/** DOC input-block "element" works with these input elements. */
export const INPUT_ELEMENTS = new Set([
  'checkboxes', 'datepicker', 'datetimepicker', 'email_text_input', 'file_input', 'number_input', 'plain_text_input',
  'radio_buttons', 'rich_text_input', 'timepicker', 'url_text_input', ...SELECTS, ...MULTI_SELECTS,
]);

/**
 * Checks an element against the set allowed where it sits; returns its action_id (if any) so the
 * caller can check uniqueness within the block.
 */
export function checkElement(p: Problems, value: unknown, path: string, allowed: Set<string>): string | undefined {
  const el = asObject(p, value, path);
  if (!el) return undefined;
  const type = el.type;
  if (typeof type !== 'string') {
    p.add(path, 'missing required field: type');
    return undefined;
  }
  if (!allowed.has(type)) {
    p.add(`${path}/type`, `unsupported type: ${type}`);
    return undefined;
  }
  const check = CHECKS[type] ?? checkActionable;
  check(p, el, path);
  return typeof el.action_id === 'string' ? el.action_id : undefined;
}

/** action_id ≤255 (DOC button/overflow/plain-text-input pages); optional placeholder ≤150; confirm. */
function checkActionable(p: Problems, el: Element, path: string): void {
  checkString(p, el, 'action_id', path, { min: 1, max: LIMITS.actionId });
  checkTextField(p, el, 'placeholder', path, { plainOnly: true, max: LIMITS.placeholder });
  checkConfirm(p, el, path);
  checkBoolean(p, el, 'focus_on_load', path);
}

/**
 * Button (DOC button-element): text plain_text ≤75, value ≤2000, url ≤3000, style primary|danger,
 * accessibility_label ≤75. action_id is required here although Slack would generate a random one:
 * a button without a known action_id cannot be routed by Bolt's `app.action()` (sandbox rule).
 */
function checkButton(p: Problems, el: Element, path: string): void {
  checkTextField(p, el, 'text', path, { required: true, plainOnly: true, max: LIMITS.buttonText });
  if (el.url === undefined) checkString(p, el, 'action_id', path, { required: true, min: 1, max: LIMITS.actionId });
  else checkString(p, el, 'action_id', path, { min: 1, max: LIMITS.actionId });
  checkString(p, el, 'value', path, { max: LIMITS.buttonValue });
  checkString(p, el, 'url', path, { max: LIMITS.url });
  checkString(p, el, 'accessibility_label', path, { max: LIMITS.accessibilityLabel });
  checkEnum(p, el, 'style', path, ['primary', 'danger']);
  checkConfirm(p, el, path);
}

/** Static selects: exactly one of options (≤100) / option_groups (≤100) (SDK node + python). */
function checkStaticSelect(p: Problems, el: Element, path: string): void {
  checkActionable(p, el, path);
  const hasOptions = el.options !== undefined;
  const hasGroups = el.option_groups !== undefined;
  if (hasOptions === hasGroups) p.add(path, 'must provide exactly one of `options` or `option_groups`');
  checkArray(p, el, 'options', path, { min: 1, max: LIMITS.selectOptions })?.forEach((o, i) => checkOption(p, o, `${path}/options/${i}`));
  checkArray(p, el, 'option_groups', path, { min: 1, max: LIMITS.optionGroups })?.forEach((g, i) =>
    checkOptionGroup(p, g, `${path}/option_groups/${i}`),
  );
  if (el.initial_option !== undefined) checkOption(p, el.initial_option, `${path}/initial_option`);
  checkArray(p, el, 'initial_options', path, {})?.forEach((o, i) => checkOption(p, o, `${path}/initial_options/${i}`));
  checkMaxSelected(p, el, path);
}

function checkMaxSelected(p: Problems, el: Element, path: string): void {
  const max = el.max_selected_items;
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1)) {
    p.add(`${path}/max_selected_items`, 'must be an integer of at least 1');
  }
}

/** Overflow (DOC overflow-menu-element): "up to five" options; option `url` allowed here only. */
function checkOverflow(p: Problems, el: Element, path: string): void {
  checkString(p, el, 'action_id', path, { min: 1, max: LIMITS.actionId });
  checkConfirm(p, el, path);
  const options = checkArray(p, el, 'options', path, { required: true, min: 1, max: LIMITS.overflowOptions });
  options?.forEach((o, i) => checkOption(p, o, `${path}/options/${i}`, { allowUrl: true }));
}

/** Checkboxes and radio buttons: 1–10 options (SDK node "A maximum of 10 options"); mrkdwn text allowed. */
function checkChoices(p: Problems, el: Element, path: string): void {
  checkString(p, el, 'action_id', path, { min: 1, max: LIMITS.actionId });
  checkConfirm(p, el, path);
  const options = checkArray(p, el, 'options', path, { required: true, min: 1, max: LIMITS.choiceOptions });
  options?.forEach((o, i) => checkOption(p, o, `${path}/options/${i}`, { mrkdwnText: true }));
}

/** plain_text_input (DOC plain-text-input-element): max_length 1–3000, min_length 0–3000, min ≤ max. */
function checkPlainTextInput(p: Problems, el: Element, path: string): void {
  checkActionable(p, el, path);
  const min = checkInteger(p, el, 'min_length', path, 0, LIMITS.plainTextInputLength);
  const max = checkInteger(p, el, 'max_length', path, 1, LIMITS.plainTextInputLength);
  if (min !== undefined && max !== undefined && min > max) p.add(`${path}/min_length`, 'must not be greater than max_length');
  checkString(p, el, 'initial_value', path, { max: max ?? LIMITS.plainTextInputLength });
  checkBoolean(p, el, 'multiline', path);
}

function checkInteger(p: Problems, el: Element, key: string, path: string, min: number, max: number): number | undefined {
  const value = el[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    p.add(`${path}/${key}`, `must be an integer between ${min} and ${max}`);
    return undefined;
  }
  return value;
}

/** datepicker: initial_date is YYYY-MM-DD (DOC date-picker-element). */
function checkDatepicker(p: Problems, el: Element, path: string): void {
  checkActionable(p, el, path);
  const date = checkString(p, el, 'initial_date', path, {});
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) p.add(`${path}/initial_date`, 'must be in the format YYYY-MM-DD');
}

/** timepicker: initial_time is HH:mm (DOC time-picker-element). */
function checkTimepicker(p: Problems, el: Element, path: string): void {
  checkActionable(p, el, path);
  const time = checkString(p, el, 'initial_time', path, {});
  if (time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) p.add(`${path}/initial_time`, 'must be in the format HH:mm');
}

/** number_input needs is_decimal_allowed (DOC number-input-element). */
function checkNumberInput(p: Problems, el: Element, path: string): void {
  checkActionable(p, el, path);
  if (typeof el.is_decimal_allowed !== 'boolean') p.add(path, 'missing required field: is_decimal_allowed');
}

/** Image element: image_url ≤3000 or slack_file; alt_text required ≤2000 (SDK python). */
export function checkImageElement(p: Problems, el: Element, path: string): void {
  if (el.image_url === undefined && el.slack_file === undefined) p.add(path, 'must provide either `image_url` or `slack_file`');
  checkString(p, el, 'image_url', path, { min: 1, max: LIMITS.url });
  checkString(p, el, 'alt_text', path, { required: true, min: 1, max: LIMITS.imageAltText });
}

/** Workflow button: text ≤75 and a workflow object (DOC workflow-button-element). */
function checkWorkflowButton(p: Problems, el: Element, path: string): void {
  checkTextField(p, el, 'text', path, { required: true, plainOnly: true, max: LIMITS.buttonText });
  if (el.workflow === undefined) p.add(path, 'missing required field: workflow');
  checkString(p, el, 'action_id', path, { min: 1, max: LIMITS.actionId });
}

const CHECKS: Record<string, ElementCheck> = {
  button: checkButton,
  static_select: checkStaticSelect,
  multi_static_select: checkStaticSelect,
  overflow: checkOverflow,
  checkboxes: checkChoices,
  radio_buttons: checkChoices,
  plain_text_input: checkPlainTextInput,
  datepicker: checkDatepicker,
  timepicker: checkTimepicker,
  number_input: checkNumberInput,
  image: checkImageElement,
  workflow_button: checkWorkflowButton,
  multi_external_select: (p, el, path) => (checkActionable(p, el, path), checkMaxSelected(p, el, path)),
  multi_users_select: (p, el, path) => (checkActionable(p, el, path), checkMaxSelected(p, el, path)),
  multi_conversations_select: (p, el, path) => (checkActionable(p, el, path), checkMaxSelected(p, el, path)),
  multi_channels_select: (p, el, path) => (checkActionable(p, el, path), checkMaxSelected(p, el, path)),
};
