/** `help [command]` */
import { tokenDisplayText } from './tokenize.ts';
import type { CommandHandler, Reply } from './context.ts';
import { helpReply } from '../blocks/help.ts';

/**
 * A help reply depends only on the topic and the command's name, so each is built once (replies are
 * never changed after building). Bounded: topics are typed by users.
 */
const built = new Map<string, Reply>();
const MAX_BUILT = 500;

export const helpCommand: CommandHandler = async (ctx) => {
  const topic = ctx.args.length ? ctx.args.map(tokenDisplayText).join(' ') : undefined;
  const key = `${ctx.deps.commandName}\0${topic ?? ''}`;
  let reply = built.get(key);
  if (!reply) {
    reply = helpReply(topic, ctx.deps.commandName);
    if (built.size < MAX_BUILT) built.set(key, reply);
  }
  return reply;
};
