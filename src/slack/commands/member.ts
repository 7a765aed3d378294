/** `member add|remove`, `members [CODE]` */
import { resolveScope } from '../../committees/scope.ts';
import { addMember, listCommitteeMembers, removeMember } from '../../members/member-service.ts';
import { MEMBER_KINDS } from '../../committees/membership.ts';
import { asText, expectEnd, orThrow, parseMemberKind, takeOptions, takeUser, takeWord } from './args.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { successReply } from '../blocks/reply.ts';
import { memberListBlocks } from '../blocks/members.ts';
import { escapeMrkdwn, userMention } from '../text.ts';
import { cachedRead } from '../../cache/attach.ts';

const scopeOf = (ctx: CommandContext) => resolveScope(ctx.deps.db, ctx.key, ctx.userId);

const KIND_LABEL = { focal: 'focal point', alternate: 'alternate', member: 'member' } as const;

const add: CommandHandler = async (ctx) => {
  const { options, rest } = orThrow(takeOptions(ctx.args, ['as']));
  const user = orThrow(takeUser(rest));
  const code = orThrow(takeWord(user.rest, 'an organization code (e.g. WHO)'));
  orThrow(expectEnd(code.rest));
  const kind = options.as ? orThrow(parseMemberKind(orThrow(asText(options.as, MEMBER_KINDS.join(', '))).value)).value : 'member';
  const scope = await scopeOf(ctx);
  // Their reminders go out at 09:00 in their Slack profile's zone (users.info), planned in the same write.
  const profileZone = await ctx.deps.userZones.profileZone(ctx.client, user.value.id);
  const { org, previousOrg } = await addMember(scope, user.value.id, code.value, kind, profileZone);
  const moved = previousOrg && previousOrg !== org.code ? ` (moved from ${escapeMrkdwn(previousOrg)})` : '';
  return successReply(`${userMention(user.value.id)} is now ${KIND_LABEL[kind]} of *${escapeMrkdwn(org.code)}*${moved}.`);
};

const remove: CommandHandler = async (ctx) => {
  const user = orThrow(takeUser(ctx.args));
  orThrow(expectEnd(user.rest));
  await removeMember(await scopeOf(ctx), user.value.id);
  return successReply(`${userMention(user.value.id)} is no longer a member of the committee.`);
};

export const memberCommands: Record<string, CommandHandler> = { add, remove };

export const membersCommand: CommandHandler = async (ctx) => {
  const [first, ...rest] = ctx.args;
  const code = first ? orThrow(takeWord([first], 'an organization code (e.g. WHO)')).value : undefined;
  orThrow(expectEnd(rest));
  const scope = await scopeOf(ctx);
  return cachedRead(scope, `members:${code?.toUpperCase() ?? ''}`, async () => {
    const { org, members } = await listCommitteeMembers(scope, code);
    return memberListBlocks(scope.committee.name, org ?? null, members);
  });
};
