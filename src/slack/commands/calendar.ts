/** `calendar` (the private ICS feed URL) and `calendar reset` (revoke it, issue a new one). */
import { resolveScope } from '../../committees/scope.ts';
import { calendarFeedFor, feedUrl, resetCalendarFeed } from '../../calendar/feed-service.ts';
import { expectEnd, orThrow, takeWord, UsageError } from './args.ts';
import type { CommandHandler } from './context.ts';
import { infoReply, successReply } from '../blocks/reply.ts';
import { escapeMrkdwn, inlineCode } from '../text.ts';
import { changeEnv } from './calendar-env.ts';

function link(url: string): string {
  return `<${escapeMrkdwn(url)}>`;
}

const HOW = 'Outlook: *Add calendar → Subscribe from web*; Google Calendar: *Other calendars → From URL*; Apple Calendar: *File → New Calendar Subscription*.';

export const calendarCommand: CommandHandler = async (ctx) => {
  const [first, ...rest] = ctx.args;
  const scope = await resolveScope(ctx.deps.db, ctx.key, ctx.userId);
  if (first) {
    const word = orThrow(takeWord([first], 'reset (or nothing)')).value.toLowerCase();
    if (word !== 'reset') throw new UsageError(`\`calendar ${word}\` is not a command.`, 'calendar reset');
    orThrow(expectEnd(rest));
    const { token } = await resetCalendarFeed(scope, changeEnv(ctx.deps));
    return successReply(
      `The old calendar link no longer works. The new private link for *${escapeMrkdwn(scope.committee.name)}*:\n${link(feedUrl(ctx.deps.publicUrl, token))}\nEveryone subscribed must subscribe again with it.`,
    );
  }
  const { token } = await calendarFeedFor(scope);
  return infoReply(
    `📅 The private calendar feed of *${escapeMrkdwn(scope.committee.name)}* (meetings and deadlines):\n${link(feedUrl(ctx.deps.publicUrl, token))}\n${HOW}\nAnyone with the link can read the calendar: do not post it in public. The secretariat or the chair can revoke it with ${inlineCode(`${ctx.deps.commandName} calendar reset`)}.`,
  );
};
