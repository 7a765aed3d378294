/** `org add|list|show|edit|remove` */
import { resolveScope } from '../../committees/scope.ts';
import { addOrganization, editOrganization, listCommitteeOrganizations, removeOrganization } from '../../organizations/organization-service.ts';
import { showOrganization } from '../../members/member-service.ts';
import { asChannel, asText, expectEnd, orThrow, takeOptions, takeText, takeWord } from './args.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { successReply } from '../blocks/reply.ts';
import { organizationListBlocks, organizationDetailBlocks } from '../blocks/organizations.ts';
import { escapeMrkdwn } from '../text.ts';
import { cachedRead } from '../../cache/attach.ts';

const scopeOf = (ctx: CommandContext) => resolveScope(ctx.deps.db, ctx.key, ctx.userId);

function channelOption(token: Parameters<typeof asChannel>[0] | undefined): string | null | undefined {
  if (!token) return undefined;
  if ((token.kind === 'word' || token.kind === 'quoted') && token.text.toLowerCase() === 'none') return null;
  return orThrow(asChannel(token)).value.id;
}

const add: CommandHandler = async (ctx) => {
  const { options, rest } = orThrow(takeOptions(ctx.args, ['acronym', 'tz', 'channel']));
  const code = orThrow(takeWord(rest, 'an organization code (e.g. WHO)'));
  const name = orThrow(takeText(code.rest, 'the full name in quotes, e.g. "World Health Organization"'));
  orThrow(expectEnd(name.rest));
  const org = await addOrganization(await scopeOf(ctx), {
    code: code.value,
    name: name.value,
    acronym: options.acronym ? orThrow(asText(options.acronym, 'an acronym')).value : undefined,
    timeZone: options.tz ? orThrow(asText(options.tz, 'a time zone such as Europe/Zurich')).value : undefined,
    channelId: channelOption(options.channel),
  });
  return successReply(`Added *${escapeMrkdwn(org.code)}* — ${escapeMrkdwn(org.name)} (${org.timeZone}).`);
};

const list: CommandHandler = async (ctx) => {
  orThrow(expectEnd(ctx.args));
  const scope = await scopeOf(ctx);
  // The reply as rendered: it depends on nothing but the committee's rows.
  return cachedRead(scope, 'org list', async () => organizationListBlocks(scope.committee.name, await listCommitteeOrganizations(scope), ctx.deps.commandName));
};

const show: CommandHandler = async (ctx) => {
  const code = orThrow(takeWord(ctx.args, 'an organization code (e.g. WHO)'));
  orThrow(expectEnd(code.rest));
  const { org, members } = await showOrganization(await scopeOf(ctx), code.value);
  return organizationDetailBlocks(org, members);
};

const edit: CommandHandler = async (ctx) => {
  const { options, rest } = orThrow(takeOptions(ctx.args, ['name', 'acronym', 'tz', 'channel']));
  const code = orThrow(takeWord(rest, 'an organization code (e.g. WHO)'));
  orThrow(expectEnd(code.rest));
  const org = await editOrganization(await scopeOf(ctx), code.value, {
    name: options.name ? orThrow(asText(options.name, 'a full name')).value : undefined,
    acronym: options.acronym ? orThrow(asText(options.acronym, 'an acronym')).value : undefined,
    timeZone: options.tz ? orThrow(asText(options.tz, 'a time zone such as Europe/Zurich')).value : undefined,
    channelId: channelOption(options.channel),
  });
  return successReply(`Updated *${escapeMrkdwn(org.code)}* — ${escapeMrkdwn(org.name)}, ${escapeMrkdwn(org.acronym)}, ${org.timeZone}.`);
};

const remove: CommandHandler = async (ctx) => {
  const code = orThrow(takeWord(ctx.args, 'an organization code (e.g. WHO)'));
  orThrow(expectEnd(code.rest));
  const org = await removeOrganization(await scopeOf(ctx), code.value);
  return successReply(`Removed *${escapeMrkdwn(org.code)}* — ${escapeMrkdwn(org.name)}. Its members stay in the committee without an organization.`);
};

export const orgCommands: Record<string, CommandHandler> = { add, list, show, edit, remove };
