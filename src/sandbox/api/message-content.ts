/**
 * Reads and validates the content of a message (text, blocks, attachments) for chat.*, response_url
 * and acks, and turns problems into Slack's errors:
 * `{ ok:false, error:'invalid_blocks', errors:['… [json-pointer:/blocks/0/text]'], response_metadata:{ messages:['[ERROR] …'] } }`
 * (shape observed in Slack responses: slackapi/java-slack-sdk#1017, slackapi/node-slack-sdk#945).
 */
import { withGeneratedIds } from '../block-kit/fill-ids.ts';
import { formatProblem, type Problem } from '../block-kit/problem.ts';
import { errorsOnly, validateMessage } from '../block-kit/validate.ts';
import { SlackApiError } from './api-error.ts';
import { json, str, type Args } from './args.ts';

export interface MessageContent {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
}

/** Parses `blocks`/`attachments` (JSON strings in form bodies); malformed → `invalid_blocks_format`. */
export function readContent(args: Args): MessageContent {
  const blocks = json(args, 'blocks', 'invalid_blocks_format');
  if (blocks !== undefined && !Array.isArray(blocks)) throw new SlackApiError('invalid_blocks_format');
  const attachments = json(args, 'attachments', 'invalid_attachments');
  if (attachments !== undefined && !Array.isArray(attachments)) throw new SlackApiError('invalid_attachments');
  const text = typeof args.text === 'string' ? args.text : str(args, 'text');
  return { text, blocks: blocks as unknown[] | undefined, attachments: attachments as unknown[] | undefined };
}

/**
 * Validates content (throws `no_text`, `msg_too_long` or `invalid_blocks` like Slack) and returns it as
 * Slack stores it, with generated block_id/action_id where the app gave none.
 */
export function validContent(content: MessageContent): MessageContent {
  assertValidContent(content);
  return content.blocks ? { ...content, blocks: withGeneratedIds(content.blocks) } : content;
}

function assertValidContent(content: MessageContent): void {
  const hasContent = Boolean(content.text) || Boolean(content.blocks?.length) || Boolean(content.attachments?.length);
  if (!hasContent) throw new SlackApiError('no_text');
  const problems = errorsOnly(validateMessage(content)).filter((p) => !p.message.startsWith('no_text'));
  if (problems.length === 0) return;
  // DOC chat.postMessage error table: `msg_too_long` "Message text is too long".
  if (problems.every((p) => p.path === '/text')) throw new SlackApiError('msg_too_long');
  throw invalidBlocks(problems);
}

/** The `invalid_blocks` refusal for a list of problems. */
export function invalidBlocks(problems: Problem[]): SlackApiError {
  const errors = problems.map((p) => formatProblem(p));
  return new SlackApiError('invalid_blocks', { errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } });
}
