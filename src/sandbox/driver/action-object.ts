/**
 * One entry of `block_actions.actions[]` (fixture block_actions.json): `action_id`, `block_id`, `type`,
 * `action_ts`, and for a button its `text`/`value`/`style`, for other elements the chosen value
 * (`selected_option`, `selected_date`, `value`…).
 */
import { valueFields, type InputValue } from './element-values.ts';

export function actionObject(element: Record<string, unknown>, blockId: string, value: InputValue | undefined, actionTs: string): Record<string, unknown> {
  const common = { action_id: element.action_id, block_id: blockId, type: element.type, action_ts: actionTs };
  if (element.type === 'button') {
    return {
      ...common,
      text: element.text,
      ...(element.value !== undefined ? { value: element.value } : {}),
      ...(element.style !== undefined ? { style: element.style } : {}),
      ...(element.url !== undefined ? { url: element.url } : {}),
    };
  }
  return { ...common, ...valueFields(element, value) };
}
