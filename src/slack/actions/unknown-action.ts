/**
 * A click on a button Concord no longer has (an old message kept a renamed or removed button, or a payload
 * Slack never sends): ack, and tell the clicker only — the button does nothing, nothing was changed —
 * rather than leave the click without an answer. Every action id Concord's listeners handle is left to
 * them (`HANDLED_ACTIONS`); a new button's id must be added to the constants listed there.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { CommandDeps } from '../commands/context.ts';
import { errorReply } from '../blocks/reply.ts';
import { FOLLOWUP_ACTIONS, RECORD_ACTIONS, RECORD_MODAL } from '../ids.ts';
import { readClick, tellClicker } from './part-click.ts';

const escape = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Action ids (exact) and prefixes that other listeners handle. */
const HANDLED_ACTIONS = { exact: [...Object.values(FOLLOWUP_ACTIONS), ...Object.values(RECORD_ACTIONS)], prefixes: [`${RECORD_MODAL.addMatter}_`] };

/** Matches every action_id except those handled elsewhere. */
export const UNKNOWN_ACTION = new RegExp(`^(?!(?:${HANDLED_ACTIONS.exact.map(escape).join('|')})$)(?!(?:${HANDLED_ACTIONS.prefixes.map(escape).join('|')}))`);

export function unknownAction(deps: CommandDeps) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    const reply = errorReply({ problem: 'This button is no longer in use: nothing was changed.', commandName: deps.commandName });
    await tellClicker(client, click, body.response_url ? respond : undefined, reply).catch(() => deps.logger.warn({ userId: click.userId }, 'could not tell the clicker about an unknown button'));
  };
}
