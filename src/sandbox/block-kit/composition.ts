/**
 * Composition objects: text, option, option group, confirmation dialog.
 * Sources: https://docs.slack.dev/reference/block-kit/composition-objects (text, option, confirm pages)
 * and the limits in ./limits.ts.
 */
import { asObject, checkArray, checkBoolean, checkEnum, checkString } from './fields.ts';
import { LIMITS } from './limits.ts';
import { isObject, type Problems } from './problem.ts';

export interface TextRule {
  /** Only `plain_text` allowed (header, button, label, placeholder, modal title…). */
  plainOnly?: boolean;
  max?: number;
  required?: boolean;
}

/**
 * Checks a text object at `obj[key]`: type `plain_text`|`mrkdwn`, `text` 1–max characters
 * (SDK: "minimum length is 1 and maximum length is 3000" unless the field says less).
 */
export function checkTextField(p: Problems, obj: Record<string, unknown>, key: string, path: string, rule: TextRule): void {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (rule.required) p.add(path, `missing required field: ${key}`);
    return;
  }
  checkTextObject(p, value, `${path}/${key}`, rule);
}

/** Checks a text object value found at `path`. */
export function checkTextObject(p: Problems, value: unknown, path: string, rule: TextRule): void {
  const text = asObject(p, value, path);
  if (!text) return;
  const allowed = rule.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (typeof text.type !== 'string') p.add(path, 'missing required field: type');
  else if (!allowed.includes(text.type)) p.add(`${path}/type`, `must be ${allowed.join(' or ')}, got ${text.type}`);
  checkString(p, text, 'text', path, { required: true, min: 1, max: rule.max ?? LIMITS.textObject });
  checkBoolean(p, text, 'emoji', path);
  checkBoolean(p, text, 'verbatim', path);
  if (text.type === 'mrkdwn' && text.emoji !== undefined) p.add(`${path}/emoji`, 'emoji is only allowed on plain_text');
}

/**
 * Checks an option object (DOC option-object page): text ≤75, value ≤150, description ≤75, url ≤3000
 * (overflow only). `mrkdwnText` for checkboxes/radio buttons, which accept mrkdwn option text.
 */
export function checkOption(p: Problems, value: unknown, path: string, opts: { mrkdwnText?: boolean; allowUrl?: boolean } = {}): void {
  const option = asObject(p, value, path);
  if (!option) return;
  checkTextField(p, option, 'text', path, { required: true, plainOnly: !opts.mrkdwnText, max: LIMITS.optionText });
  checkString(p, option, 'value', path, { required: true, max: LIMITS.optionValue });
  checkTextField(p, option, 'description', path, { plainOnly: !opts.mrkdwnText, max: LIMITS.optionDescription });
  if (option.url !== undefined) {
    if (opts.allowUrl) checkString(p, option, 'url', path, { max: LIMITS.url });
    else p.add(`${path}/url`, 'url is only allowed on overflow menu options');
  }
}

/** Checks an option group: label ≤75, options ≤100 (SDK node + python). */
export function checkOptionGroup(p: Problems, value: unknown, path: string): void {
  const group = asObject(p, value, path);
  if (!group) return;
  checkTextField(p, group, 'label', path, { required: true, plainOnly: true, max: LIMITS.optionGroupLabel });
  const options = checkArray(p, group, 'options', path, { required: true, min: 1, max: LIMITS.selectOptions });
  options?.forEach((o, i) => checkOption(p, o, `${path}/options/${i}`));
}

/** Checks a confirmation dialog: title ≤100, text ≤300, confirm/deny ≤30 (SDK node + python). */
export function checkConfirm(p: Problems, obj: Record<string, unknown>, path: string): void {
  if (obj.confirm === undefined) return;
  const at = `${path}/confirm`;
  const confirm = asObject(p, obj.confirm, at);
  if (!confirm) return;
  checkTextField(p, confirm, 'title', at, { required: true, plainOnly: true, max: LIMITS.confirmTitle });
  checkTextField(p, confirm, 'text', at, { required: true, max: LIMITS.confirmText });
  checkTextField(p, confirm, 'confirm', at, { required: true, plainOnly: true, max: LIMITS.confirmButton });
  checkTextField(p, confirm, 'deny', at, { required: true, plainOnly: true, max: LIMITS.confirmButton });
  checkEnum(p, confirm, 'style', at, ['primary', 'danger']);
}

/** True when the value looks like a text object (used for context elements). */
export function isTextObject(value: unknown): boolean {
  return isObject(value) && (value.type === 'plain_text' || value.type === 'mrkdwn');
}
