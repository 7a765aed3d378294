/**
 * The subcommand routing table and the one place errors become replies: a UserError is shown as an
 * ephemeral message with the right syntax; anything else is logged by id and the user gets a reference.
 */
import { randomBytes } from 'node:crypto';
import type { SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { TeamKey } from '../../committees/committee-repository.ts';
import { NoCommitteeError } from '../../committees/scope.ts';
import { PermissionError } from '../../committees/permissions.ts';
import { UserError } from '../../errors.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { errorReply } from '../blocks/reply.ts';
import { userMention } from '../text.ts';
import { tokenize, tokenDisplayText, type Token } from './tokenize.ts';
import type { CommandContext, CommandDeps, CommandHandler, Reply } from './context.ts';
import { UsageError } from './args.ts';
import { syntaxOf } from './syntax.ts';
import { helpCommand } from './help.ts';
import { setupCommand } from './setup.ts';
import { orgCommands } from './org.ts';
import { memberCommands, membersCommand } from './member.ts';
import { roleCommand, whoamiCommand } from './role.ts';
import { meetingCommands, meetingsCommand } from './meeting.ts';
import { deadlineCommands, deadlinesCommand } from './deadline.ts';
import { calendarCommand } from './calendar.ts';
import { assignCommand, cancelCommand, followupCommand, followupsCommand, reassignCommand, reopenCommand } from './followup.ts';
import { doneCommand, snoozeCommand, updateCommand } from './followup-progress.ts';
import { digestCommand } from './digest.ts';
import { remindersCommand } from './reminders.ts';
import { exportCommand } from './export.ts';
import { searchCommand } from './search.ts';
import { RECORD_LISTED_SUBCOMMANDS, recordCommand, recordsCommand } from './record.ts';

type Route = CommandHandler | Record<string, CommandHandler>;

const ROUTES: Record<string, Route> = {
  help: helpCommand,
  setup: setupCommand,
  org: orgCommands,
  member: memberCommands,
  members: membersCommand,
  role: roleCommand,
  whoami: whoamiCommand,
  meeting: meetingCommands,
  meetings: meetingsCommand,
  deadline: deadlineCommands,
  deadlines: deadlinesCommand,
  calendar: calendarCommand,
  assign: assignCommand,
  followups: followupsCommand,
  followup: followupCommand,
  done: doneCommand,
  snooze: snoozeCommand,
  update: updateCommand,
  cancel: cancelCommand,
  reassign: reassignCommand,
  reopen: reopenCommand,
  digest: digestCommand,
  reminders: remindersCommand,
  export: exportCommand,
  search: searchCommand,
  record: recordCommand,
  records: recordsCommand,
};

/** Subcommands a handler route reads itself (`record [M-n]` and `record show R-n`) that help lists on their own. */
const LISTED_SUBCOMMANDS: Record<string, string[]> = { record: RECORD_LISTED_SUBCOMMANDS };

/** Every command the router runs, as help names it (`org add`, `members`). */
export function routedCommands(): string[] {
  return Object.entries(ROUTES).flatMap(([word, route]) =>
    typeof route === 'function' ? [word, ...(LISTED_SUBCOMMANDS[word] ?? []).map((sub) => `${word} ${sub}`)] : Object.keys(route).map((sub) => `${word} ${sub}`),
  );
}

/** Own keys only: `constructor` or `__proto__` typed by a user are not commands. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export interface Invocation {
  command: SlashCommand;
  client: WebClient;
  key: TeamKey;
  userId: string;
  channelId: string;
}

/** Never throws: every outcome is a reply (or null after a modal was opened). */
export async function runCommand(deps: CommandDeps, inv: Invocation): Promise<Reply | null> {
  const tokenized = tokenize(inv.command.text ?? '');
  if (!tokenized.ok) return errorReply({ problem: tokenized.error, commandName: deps.commandName });
  const [first, ...rest] = tokenized.tokens;
  if (!first) return helpCommand({ deps, ...inv, args: [], name: 'help' });
  const word = first.kind === 'word' ? first.text.toLowerCase() : '';
  const route = own(ROUTES, word);
  if (!route) return unknown(deps, tokenDisplayText(first), Object.keys(ROUTES));

  let handler: CommandHandler;
  let name = word;
  let args: Token[] = rest;
  if (typeof route === 'function') {
    handler = route;
  } else {
    const [second, ...more] = rest;
    const sub = second?.kind === 'word' ? second.text.toLowerCase() : '';
    const found = own(route, sub);
    if (!found) {
      const subs = Object.keys(route);
      return errorReply({
        problem: second ? `\`${word} ${tokenDisplayText(second)}\` is not a command.` : `\`${word}\` needs a subcommand: ${subs.join(', ')}.`,
        suggestion: second ? maybe(didYouMean(tokenDisplayText(second), subs), (s) => `${word} ${s}`) : undefined,
        helpTopic: word,
        commandName: deps.commandName,
      });
    }
    handler = found;
    name = `${word} ${sub}`;
    args = more;
  }
  const ctx: CommandContext = { deps, ...inv, args, name };
  try {
    return await handler(ctx);
  } catch (err) {
    return toReply(deps, name, err);
  }
}

function unknown(deps: CommandDeps, typed: string, names: string[]): Reply {
  return errorReply({
    problem: `\`${typed}\` is not a ${deps.commandName} command.`,
    suggestion: didYouMean(typed, names),
    syntax: `${deps.commandName} help`,
    commandName: deps.commandName,
  });
}

function maybe<T, U>(v: T | undefined, f: (v: T) => U): U | undefined {
  return v === undefined ? undefined : f(v);
}

export function toReply(deps: CommandDeps, name: string, err: unknown): Reply {
  if (err instanceof PermissionError) {
    const who = err.holders.length ? `Ask ${err.holders.slice(0, 5).map(userMention).join(', ')}.` : undefined;
    return errorReply({ problem: err.message, note: who, helpTopic: name, commandName: deps.commandName });
  }
  if (err instanceof NoCommitteeError) {
    return errorReply({
      problem: 'This workspace has no committee yet. The secretariat sets it up in the committee’s channel.',
      syntax: `${deps.commandName} setup "Committee name"`,
      commandName: deps.commandName,
    });
  }
  if (err instanceof UserError) {
    // The syntax shown is the one of the command that was run, from the help catalog (never from the service).
    const suggestion = err instanceof UsageError ? err.suggestion : undefined;
    return errorReply({ problem: err.message, suggestion, syntax: syntaxOf(name, deps.commandName), helpTopic: name, commandName: deps.commandName });
  }
  const ref = randomBytes(4).toString('hex');
  deps.logger.error({ ref, command: name, errorName: err instanceof Error ? err.name : typeof err }, 'command failed');
  return errorReply({ problem: `Something went wrong on our side (ref ${ref}). Nothing was changed; please try again.`, commandName: deps.commandName });
}
