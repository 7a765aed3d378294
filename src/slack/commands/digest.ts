/** `digest`: the next committee digest, now, exactly as it will be written, and when it goes out. */
import { resolveScope } from '../../committees/scope.ts';
import { nextDigest } from '../../reminders/digest-rules.ts';
import { readCommitteeDigest } from '../../reminders/digest-service.ts';
import { committeeDigestMessage, digestPreview } from '../blocks/digest.ts';
import { formatInZone } from '../text.ts';
import { expectEnd, orThrow } from './args.ts';
import type { CommandHandler } from './context.ts';

export const digestCommand: CommandHandler = async (ctx) => {
  orThrow(expectEnd(ctx.args));
  const scope = await resolveScope(ctx.deps.db, ctx.key, ctx.userId);
  const { committee } = scope;
  const viewerZone = await ctx.deps.userZones.zoneOf(ctx.client, ctx.userId, committee.timeZone);
  const { monday, at } = nextDigest(ctx.deps.now(), committee.timeZone);
  // As it will be written that Monday if nothing changes: what is due before then counts as overdue.
  const digest = await readCommitteeDigest(scope.db, committee, monday, monday);
  const message = committeeDigestMessage(digest, monday, ctx.deps.commandName);
  return digestPreview(message, { viewer: `${formatInZone(at, viewerZone)}`, committee: `${formatInZone(at, committee.timeZone)}`, channelId: committee.channelId });
};
