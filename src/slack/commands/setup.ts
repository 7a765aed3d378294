/** `setup "Committee name" [tz:Area/City]` — binds the committee to this channel. */
import { setupCommittee } from '../../committees/committee-service.ts';
import { asText, orThrow, takeOptions, takeText, expectEnd } from './args.ts';
import type { CommandHandler } from './context.ts';
import { successReply } from '../blocks/reply.ts';
import { channelMention, escapeMrkdwn } from '../text.ts';

export const setupCommand: CommandHandler = async (ctx) => {
  const { options, rest } = orThrow(takeOptions(ctx.args, ['tz']));
  const name = orThrow(takeText(rest, 'the committee name in quotes, e.g. "IOMC Inter-Organization Coordinating Committee"'));
  orThrow(expectEnd(name.rest));
  const tz = options.tz ? orThrow(asText(options.tz, 'a time zone such as Europe/Zurich')).value : undefined;
  const { committee, created } = await setupCommittee(ctx.deps.db, ctx.key, ctx.userId, { name: name.value, channelId: ctx.channelId, timeZone: tz });
  const where = channelMention(committee.channelId ?? ctx.channelId);
  return successReply(
    created
      ? `*${escapeMrkdwn(committee.name)}* is set up in ${where} (time zone ${committee.timeZone}). You are its secretariat.\nNext: add the participating organizations with \`${ctx.deps.commandName} org add CODE "Full name" tz:Area/City\`.`
      : `*${escapeMrkdwn(committee.name)}* now lives in ${where} (time zone ${committee.timeZone}).`,
  );
};
