/**
 * Help messages, built from the help catalog. Pure: data in, `{ text, blocks }` out.
 */
import {
  DEFAULT_COMMAND_NAME,
  HELP_CATALOG,
  HELP_GROUPS,
  entriesOf,
  helpFor,
  resolveEntry,
  type HelpEntry,
} from '../commands/help-catalog.ts';
import { escapeMrkdwn, inlineCode } from '../text.ts';
import { context, divider, errorReply, header, reply, section, type Block, type Reply } from './reply.ts';

const COMING_SOON = '_coming soon_';

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}

function footer(commandName: string): Block {
  return context(
    `${inlineCode(`${commandName} help COMMAND`)} shows a command’s syntax and two examples, e.g. ${inlineCode(`${commandName} help meeting add`)}. Only you can see these replies.`,
  );
}

/** All commands, grouped: one section per group (≤ 50 blocks, each section ≤ 3000 characters). */
export function helpOverviewBlocks(commandName = DEFAULT_COMMAND_NAME): Reply {
  const blocks: Block[] = [header('Concord commands')];
  HELP_GROUPS.forEach(({ key, title }, i) => {
    if (i > 0) blocks.push(divider);
    const lines = entriesOf(key).map((entry) => {
      const line = `• ${inlineCode(`${entry.name}${entry.args ? ` ${entry.args}` : ''}`)} — ${escapeMrkdwn(firstSentence(entry.summary))}`;
      return entry.available ? line : `${line} ${COMING_SOON}`;
    });
    blocks.push(section(`*${escapeMrkdwn(title)}*\n${lines.join('\n')}`));
  });
  blocks.push(footer(commandName));
  const names = HELP_CATALOG.map((e) => e.name).join(', ');
  return reply(`Concord commands (${escapeMrkdwn(commandName)} …): ${escapeMrkdwn(names)}`, blocks);
}

/** One command: summary, syntax in a code span, who may use it, two examples. */
export function helpCommandBlocks(entry: HelpEntry, commandName = DEFAULT_COMMAND_NAME): Reply {
  const resolved = resolveEntry(entry, commandName);
  const summary = escapeMrkdwn(resolved.summary) + (resolved.available ? '' : `\n${COMING_SOON}: not available yet.`);
  const examples = resolved.examples.map((ex) => `${inlineCode(ex.text)}\n      → ${escapeMrkdwn(ex.result)}`);
  const blocks: Block[] = [
    header(`${commandName} ${resolved.name}`),
    section(summary),
    section(`*Usage*\n${inlineCode(resolved.syntax)}`),
    section(`*Who may use it:* ${escapeMrkdwn(resolved.who)}`),
    section(`*Examples*\n${examples.join('\n')}`),
    context(`${inlineCode(`${commandName} help`)} lists every command.`),
  ];
  return reply(`${inlineCode(resolved.syntax)} — ${escapeMrkdwn(resolved.summary)}`, blocks);
}

/**
 * A group (`help org`): each command with its syntax, summary, who and one example.
 * Takes the group's title and entries as `helpFor` returns them (plain `HelpEntry`s are resolved here).
 */
export function helpGroupBlocks(title: string, entries: readonly HelpEntry[], commandName = DEFAULT_COMMAND_NAME): Reply {
  const resolved = entries.map((e) => resolveEntry(e, commandName));
  const blocks: Block[] = [header(`${title} — ${commandName} help`)];
  for (const entry of resolved) {
    const soon = entry.available ? '' : ` ${COMING_SOON}`;
    blocks.push(
      section(
        `${inlineCode(entry.syntax)}${soon}\n${escapeMrkdwn(entry.summary)}\n_Who:_ ${escapeMrkdwn(entry.who)} · _e.g._ ${inlineCode(entry.examples[0].text)}`,
      ),
    );
  }
  blocks.push(footer(commandName));
  const text = `${escapeMrkdwn(title)}: ${resolved.map((e) => inlineCode(e.syntax)).join(', ')}`;
  return reply(text, blocks);
}

/**
 * The whole `help [topic]` answer: the overview without a topic, a group or one command, or an
 * error with a "did you mean" for an unknown topic.
 */
export function helpReply(topic: string | undefined, commandName = DEFAULT_COMMAND_NAME): Reply {
  if (topic === undefined || topic.trim() === '') return helpOverviewBlocks(commandName);
  const found = helpFor(topic, commandName);
  if (!found.ok) {
    const help = HELP_CATALOG.find((e) => e.name === 'help')!;
    return errorReply({
      problem: found.error,
      syntax: resolveEntry(help, commandName).syntax,
      ...(found.suggestion === undefined ? {} : { suggestion: `${commandName} help ${found.suggestion}` }),
      commandName,
    });
  }
  return found.kind === 'group' ? helpGroupBlocks(found.title, found.entries, commandName) : helpCommandBlocks(found.entry, commandName);
}
