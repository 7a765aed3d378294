/**
 * `setup "Committee name" [tz:Area/City]` — binds the committee to this channel (first run only).
 * `setup rename "New name"`, `setup move`, `setup zone Area/City` — the secretariat changes it, announced.
 */
import { changeCommittee, setupCommittee, type CommitteeChange } from '../../committees/committee-service.ts';
import type { Committee } from '../../committees/scope.ts';
import { asText, orThrow, takeOptions, takeText, expectEnd } from './args.ts';
import { joinWords } from './calendar-args.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { infoReply, successReply } from '../blocks/reply.ts';
import { committeeChangeAnnouncement, committeeChangeLines } from '../blocks/committee-announcements.ts';
import { channelMention, escapeMrkdwn, inlineCode } from '../text.ts';

const SUBCOMMANDS = ['rename', 'move', 'zone'] as const;
type Sub = (typeof SUBCOMMANDS)[number];

export const setupCommand: CommandHandler = async (ctx) => {
  const [first] = ctx.args;
  const sub = first?.kind === 'word' ? (SUBCOMMANDS as readonly string[]).find((s) => s === first.text.toLowerCase()) : undefined;
  if (sub) return change(ctx, sub as Sub);
  const { options, rest } = orThrow(takeOptions(ctx.args, ['tz']));
  const name = orThrow(takeText(rest, 'the committee name in quotes, e.g. "IOMC Inter-Organization Coordinating Committee"'));
  orThrow(expectEnd(name.rest));
  const tz = options.tz ? orThrow(asText(options.tz, 'a time zone such as Europe/Zurich')).value : undefined;
  const actorProfileZone = await ctx.deps.userZones.profileZone(ctx.client, ctx.userId);
  const { committee, created } = await setupCommittee(ctx.deps.db, ctx.key, ctx.userId, { name: name.value, channelId: ctx.channelId, timeZone: tz, actorProfileZone });
  if (!created) return infoReply(alreadySetUp(ctx, committee));
  return successReply(
    `*${escapeMrkdwn(committee.name)}* is set up in ${channelMention(committee.channelId ?? ctx.channelId)} (time zone ${committee.timeZone}). You are its secretariat.\nNext: add the participating organizations with \`${ctx.deps.commandName} org add CODE "Full name" tz:Area/City\`.`,
  );
};

function alreadySetUp(ctx: CommandContext, c: Committee): string {
  const cmd = ctx.deps.commandName;
  const home = c.channelId ? ` in ${channelMention(c.channelId)}` : '';
  const move = c.channelId !== ctx.channelId ? `, ${inlineCode(`${cmd} setup move`)} to make this channel its home` : '';
  return `*${escapeMrkdwn(c.name)}* is already set up${home} (time zone ${c.timeZone}); nothing was changed. Use ${inlineCode(`${cmd} setup rename "New name"`)} to rename it${move}, or ${inlineCode(`${cmd} setup zone Area/City`)} to change its time zone.`;
}

async function change(ctx: CommandContext, sub: Sub) {
  const args = ctx.args.slice(1);
  let input: CommitteeChange;
  if (sub === 'rename') {
    const name = orThrow(takeText(args, 'the new name in quotes, e.g. "IOCC"'));
    orThrow(expectEnd(name.rest));
    input = { name: name.value };
  } else if (sub === 'zone') {
    input = { timeZone: joinWords(args, 'a time zone such as Europe/Zurich') };
  } else {
    orThrow(expectEnd(args));
    input = { channelId: ctx.channelId };
  }
  const r = await changeCommittee(ctx.deps.db, ctx.key, ctx.userId, input, { dispatch: ctx.deps.dispatch, render: committeeChangeAnnouncement });
  if (!r.changed) return infoReply(`*${escapeMrkdwn(r.committee.name)}* already has that ${sub === 'rename' ? 'name' : sub === 'move' ? 'home channel' : 'time zone'}; nothing changed.`);
  const where = r.committee.channelId ? ` Announced in ${channelMention(r.committee.channelId)}.` : '';
  return successReply(`Committee set-up changed: ${committeeChangeLines(r.before, r.committee).join('; ')}.${where}`);
}
