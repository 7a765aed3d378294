/** `role @user chair|secretariat|member|observer`, `whoami` */
import { resolveScope } from '../../committees/scope.ts';
import { setRole, whoAmI } from '../../members/member-service.ts';
import { ROLES } from '../../committees/membership.ts';
import { expectEnd, orThrow, parseRole, takeUser, takeWord } from './args.ts';
import type { CommandHandler } from './context.ts';
import { successReply } from '../blocks/reply.ts';
import { whoamiBlocks } from '../blocks/members.ts';
import { userMention } from '../text.ts';

export const roleCommand: CommandHandler = async (ctx) => {
  const user = orThrow(takeUser(ctx.args));
  const roleWord = orThrow(takeWord(user.rest, `a role: ${ROLES.join(', ')}`));
  orThrow(expectEnd(roleWord.rest));
  const role = orThrow(parseRole(roleWord.value)).value;
  const { changed } = await setRole(await resolveScope(ctx.deps.db, ctx.key, ctx.userId), user.value.id, role);
  return successReply(changed ? `${userMention(user.value.id)} is now *${role}*.` : `${userMention(user.value.id)} was already *${role}*; nothing changed.`);
};

export const whoamiCommand: CommandHandler = async (ctx) => {
  orThrow(expectEnd(ctx.args));
  const scope = await resolveScope(ctx.deps.db, ctx.key, ctx.userId);
  const member = await whoAmI(scope);
  const zone = await ctx.deps.userZones.zoneOf(ctx.client, ctx.userId, scope.committee.timeZone);
  return whoamiBlocks({ userId: ctx.userId, committee: scope.committee, member, zone });
};
