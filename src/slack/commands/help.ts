/** `help [command]` */
import { tokenDisplayText } from './tokenize.ts';
import type { CommandHandler } from './context.ts';
import { helpReply } from '../blocks/help.ts';

export const helpCommand: CommandHandler = async (ctx) =>
  helpReply(ctx.args.length ? ctx.args.map(tokenDisplayText).join(' ') : undefined, ctx.deps.commandName);
