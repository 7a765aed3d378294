/**
 * The value-carrying keys of an element in `block_actions.actions[]` and in `view.state.values`
 * (DOC https://docs.slack.dev/reference/interaction-payloads/block_actions-payload and
 * view-interactions-payload): `value`, `selected_option(s)`, `selected_date`, `selected_user(s)`…
 *
 * A test supplies values simply: an option's `value` string (or an array for multi-selects and
 * checkboxes), a date `YYYY-MM-DD`, a time `HH:mm`, a user/channel id, or the text typed.
 */
import { isObject } from '../block-kit/problem.ts';

/** What a test (or the UI) supplies for one element. */
export type InputValue = string | number | string[] | Record<string, unknown> | null;

type Element = Record<string, unknown>;

const SINGLE_SELECT_KEYS: Record<string, string> = {
  users_select: 'selected_user',
  conversations_select: 'selected_conversation',
  channels_select: 'selected_channel',
};
const MULTI_SELECT_KEYS: Record<string, string> = {
  multi_users_select: 'selected_users',
  multi_conversations_select: 'selected_conversations',
  multi_channels_select: 'selected_channels',
};
const OPTION_TYPES = ['static_select', 'external_select', 'overflow', 'radio_buttons'];
const MULTI_OPTION_TYPES = ['multi_static_select', 'multi_external_select', 'checkboxes'];

/**
 * The value keys for an element. Without a supplied value, the element's `initial_*` value is used
 * (what the user sees pre-filled), else null / [].
 */
export function valueFields(element: Element, supplied: InputValue | undefined): Record<string, unknown> {
  const type = String(element.type);
  const raw = supplied === undefined ? initialValue(element) : supplied;
  if (OPTION_TYPES.includes(type)) return { selected_option: raw === null || raw === undefined ? null : toOption(element, raw) };
  if (MULTI_OPTION_TYPES.includes(type)) return { selected_options: asArray(raw).map((v) => toOption(element, v)) };
  const single = SINGLE_SELECT_KEYS[type];
  if (single) return { [single]: raw ?? null };
  const multi = MULTI_SELECT_KEYS[type];
  if (multi) return { [multi]: asArray(raw) };
  if (type === 'datepicker') return { selected_date: raw ?? null };
  if (type === 'timepicker') return { selected_time: raw ?? null };
  if (type === 'datetimepicker') return { selected_date_time: raw === null || raw === undefined ? null : Number(raw) };
  if (type === 'rich_text_input') return { rich_text_value: raw ?? null };
  if (type === 'file_input') return { files: asArray(raw) };
  return { value: raw === null || raw === undefined || raw === '' ? null : String(raw) };
}

function initialValue(element: Element): InputValue | undefined {
  const keys = ['initial_value', 'initial_option', 'initial_options', 'initial_date', 'initial_time', 'initial_date_time', 'initial_user', 'initial_users', 'initial_conversation', 'initial_conversations', 'initial_channel', 'initial_channels'];
  for (const key of keys) if (element[key] !== undefined) return element[key] as InputValue;
  return undefined;
}

function asArray(raw: InputValue | undefined): unknown[] {
  if (raw === null || raw === undefined || raw === '') return [];
  return Array.isArray(raw) ? raw : [raw];
}

/** An option object for a supplied value (or the option object itself). Unknown static values throw. */
function toOption(element: Element, value: unknown): Record<string, unknown> {
  if (isObject(value)) return value;
  const wanted = String(value);
  const found = optionsOf(element).find((o) => o.value === wanted);
  if (found) return found;
  if (String(element.type).includes('external')) return { text: { type: 'plain_text', text: wanted }, value: wanted };
  throw new Error(`No option with value "${wanted}" in ${String(element.type)} ${String(element.action_id)}`);
}

/** All options of an element, including those inside option groups. */
export function optionsOf(element: Element): Record<string, unknown>[] {
  const direct = Array.isArray(element.options) ? element.options : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups.flatMap((g: unknown) => (isObject(g) && Array.isArray(g.options) ? g.options : []))
    : [];
  return [...direct, ...grouped].filter(isObject);
}
