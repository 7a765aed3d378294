import { describe, expect, it } from 'vitest';
import {
  HELP_CATALOG,
  HELP_GROUPS,
  exampleOf,
  helpFor,
  resolveEntry,
  syntaxOf,
} from '../../../src/slack/commands/help-catalog.ts';
import { helpCommandBlocks, helpGroupBlocks, helpOverviewBlocks, helpReply } from '../../../src/slack/blocks/help.ts';
import type { Reply } from '../../../src/slack/blocks/reply.ts';
import { tokenize } from '../../../src/slack/commands/tokenize.ts';
import { routedCommands } from '../../../src/slack/commands/router.ts';
import { syntaxOf as syntaxFor } from '../../../src/slack/commands/syntax.ts';
import { validateMessage } from '../../../src/sandbox/index.ts';

/** Every subcommand of PRODUCT.md's "Commands" table (copied here: tests must not read ../shared). */
const PRODUCT_COMMANDS = [
  'help', 'setup', 'org add', 'org list', 'org show', 'org edit', 'org remove', 'member add', 'member remove', 'members',
  'role', 'whoami', 'meeting add', 'meeting new', 'meetings', 'meeting show', 'meeting move', 'meeting cancel',
  'deadline add', 'deadlines', 'assign', 'followups', 'followup', 'done', 'snooze', 'update', 'reopen', 'cancel', 'reassign', 'record',
  'records', 'record show', 'record versions', 'export', 'search', 'digest', 'calendar', 'reminders',
];

/** Commands Concord has beyond PRODUCT.md's table. */
const EXTRAS = ['deadline cancel'];

function expectWithinLimits(r: Reply): void {
  expect(r.text.length).toBeGreaterThan(0);
  expect(r.text.length).toBeLessThanOrEqual(4000);
  expect(r.blocks.length).toBeLessThanOrEqual(50);
  for (const block of r.blocks) {
    if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(150);
  }
  expect(validateMessage(r, { warnings: true })).toEqual([]);
}

const allText = (r: Reply) => JSON.stringify(r.blocks);

describe('help catalog', () => {
  it('has exactly the commands of PRODUCT.md (plus the documented extras), each once', () => {
    const names = HELP_CATALOG.map((e) => e.name);
    expect([...names].sort()).toEqual([...PRODUCT_COMMANDS, ...EXTRAS].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it('marks as available exactly the commands the router runs: every route has an entry and every available entry a route', () => {
    expect(HELP_CATALOG.filter((e) => e.available).map((e) => e.name).sort()).toEqual(routedCommands().sort());
  });

  it('gives every routed command the usage line its errors show', () => {
    for (const name of routedCommands()) expect(syntaxFor(name, '/concord'), name).toMatch(new RegExp(`^/concord ${name}( |$)`));
  });

  it('puts every entry in a known group and every group has entries', () => {
    const groups = HELP_GROUPS.map((g) => g.key);
    for (const entry of HELP_CATALOG) expect(groups).toContain(entry.group);
    for (const group of groups) expect(HELP_CATALOG.some((e) => e.group === group)).toBe(true);
  });

  it.each(HELP_CATALOG.map((e) => [e.name, e] as const))('%s has a summary, who, and two distinct examples that tokenize', (name, entry) => {
    expect(entry.summary.length).toBeGreaterThan(10);
    expect(entry.who.length).toBeGreaterThan(2);
    expect(entry.examples).toHaveLength(2);
    const [a, b] = entry.examples;
    expect(`${a.args} ${a.result}`).not.toBe(`${b.args} ${b.result}`);
    for (const example of entry.examples) {
      expect(example.args === name || example.args.startsWith(`${name} `)).toBe(true);
      expect(example.result.length).toBeGreaterThan(5);
      expect(tokenize(example.args).ok).toBe(true);
    }
  });

  it('uses real IOMC organizations and meetings in its examples', () => {
    const examples = HELP_CATALOG.flatMap((e) => e.examples.map((x) => `${x.args} ${x.result}`)).join('\n');
    for (const word of ['FAO', 'UNEP', 'UNITAR', 'WHO', 'WB', 'OECD', 'UNDP', 'UNIDO', '16MSP', 'IOCC', 'BRS', 'Europe/Zurich', '2028-09-12..2028-09-15']) {
      expect(examples).toContain(word);
    }
  });

  it('types no date in its examples that is already past (issue 13.11: dates are future or relative)', () => {
    const typed = HELP_CATALOG.filter((e) => e.available).flatMap((e) => e.examples.map((x) => x.args));
    const dates = typed.flatMap((args) => args.match(/\b20\d\d-\d\d-\d\d\b/g) ?? []);
    expect(dates.length).toBeGreaterThan(3);
    const today = new Date().toISOString().slice(0, 10);
    expect(dates.filter((d) => d < today)).toEqual([]);
  });

  it('gives meeting add a usage line with every option it takes (url:, doc:, an end time, force)', () => {
    const line = syntaxOf(HELP_CATALOG.find((e) => e.name === 'meeting add')!);
    for (const part of ['url:', 'doc:', 'time:HH:MM[-HH:MM]', 'force']) expect(line).toContain(part);
  });

  it('keeps the first sentence of deadline cancel whole: no “e.g.” that the overview would cut', () => {
    const entry = HELP_CATALOG.find((e) => e.name === 'deadline cancel')!;
    expect(entry.summary).not.toMatch(/e\.g\./);
    expect(entry.summary).toMatch(/announced in the channel/);
  });

  it('builds syntax and examples with the configured command name', () => {
    const entry = HELP_CATALOG.find((e) => e.name === 'org add')!;
    expect(syntaxOf(entry)).toBe('/concord org add CODE "Full name" [acronym:"World Bank"] [tz:Area/City] [channel:#channel]');
    expect(syntaxOf(entry, '/iomc')).toMatch(/^\/iomc org add CODE/);
    expect(syntaxOf(HELP_CATALOG.find((e) => e.name === 'whoami')!, '/iomc')).toBe('/iomc whoami');
    expect(exampleOf(entry.examples[0], '/iomc')).toMatch(/^\/iomc org add WB /);
    expect(resolveEntry(entry, '/iomc').examples[1].text).toMatch(/^\/iomc org add UNITAR /);
  });
});

describe('helpFor', () => {
  it('finds one command, ignoring case, spaces and a leading command name', () => {
    for (const topic of ['org add', 'ORG   Add', '/concord org add']) {
      const found = helpFor(topic);
      expect(found).toMatchObject({ ok: true, kind: 'command', entry: { name: 'org add', syntax: expect.stringMatching(/^\/concord org add /) } });
    }
    expect(helpFor('/iomc meetings', '/iomc')).toMatchObject({ ok: true, kind: 'command', entry: { name: 'meetings', syntax: '/iomc meetings [DAYS|all] [body:"Name"]' } });
  });

  it('returns a group’s entries for a group name', () => {
    const found = helpFor('org');
    expect(found.ok && found.kind === 'group' && found.entries.map((e) => e.name)).toEqual(['org add', 'org list', 'org show', 'org edit', 'org remove']);
    const record = helpFor('record');
    expect(record.ok && record.kind === 'group' && record.entries.map((e) => e.name)).toContain('record');
  });

  it.each([
    ['ogr', 'org'],
    ['memebrs', 'members'],
    ['meting add', 'meeting add'],
    ['dealines', 'deadlines'],
    ['calender', 'calendar'],
  ])('suggests %s → %s', (typed, suggestion) => {
    expect(helpFor(typed)).toEqual({ ok: false, error: `There is no command “${typed}”.`, suggestion });
  });

  it('has no suggestion for nonsense and refuses an empty topic', () => {
    expect(helpFor('qqqqqqqq')).toEqual({ ok: false, error: 'There is no command “qqqqqqqq”.' });
    expect(helpFor('  ')).toMatchObject({ ok: false });
  });
});

describe('help builders', () => {
  it('overview: every command, grouped, coming-soon marked, within limits', () => {
    const r = helpOverviewBlocks('/concord');
    expectWithinLimits(r);
    const shown = allText(r);
    for (const entry of HELP_CATALOG) expect(shown).toContain(entry.name);
    for (const group of HELP_GROUPS) expect(shown).toContain(`*${group.title}*`);
    const records = r.blocks.find((b) => b.type === 'section' && b.text?.text.startsWith('*Summary records*'));
    expect(records?.type === 'section' && records.text?.text).not.toMatch(/`records[^\n]*_coming soon_/);
    const followups = r.blocks.find((b) => b.type === 'section' && b.text?.text.startsWith('*Follow-ups*'));
    expect(followups?.type === 'section' && followups.text?.text).not.toContain('coming soon');
    const orgs = r.blocks.find((b) => b.type === 'section' && b.text?.text.startsWith('*Organizations*'));
    expect(orgs?.type === 'section' && orgs.text?.text).not.toContain('coming soon');
  });

  it.each(HELP_CATALOG.map((e) => [e.name, e] as const))('command help for %s: syntax in code, who, two examples', (_, entry) => {
    const r = helpCommandBlocks(entry, '/concord');
    expectWithinLimits(r);
    const shown = allText(r);
    const resolved = resolveEntry(entry, '/concord');
    expect(shown).toContain(JSON.stringify(`*Usage*\n\`${resolved.syntax.replace(/&/g, '&amp;')}\``).slice(1, -1));
    expect(shown).toContain('*Who may use it:*');
    for (const example of resolved.examples) expect(shown).toContain(JSON.stringify(`\`${example.text}\``).slice(1, -1));
    expect(shown.includes('coming soon')).toBe(!entry.available);
  });

  it('group help lists each command of the group', () => {
    const found = helpFor('followup');
    if (!found.ok || found.kind !== 'group') throw new Error('expected a group');
    const r = helpGroupBlocks(found.title, found.entries, '/concord');
    expectWithinLimits(r);
    expect(r.blocks.filter((b) => b.type === 'section')).toHaveLength(9);
  });

  it('helpReply routes overview, command, group and unknown topics', () => {
    expect(helpReply(undefined).blocks[0]).toMatchObject({ type: 'header', text: { text: 'Concord commands' } });
    expect(helpReply('meeting add').blocks[0]).toMatchObject({ type: 'header', text: { text: '/concord meeting add' } });
    expect(helpReply('deadline').blocks[0]).toMatchObject({ type: 'header', text: { text: 'Deadlines — /concord help' } });
    const unknown = helpReply('ogr', '/iomc');
    expect(unknown.text).toBe('⚠️ There is no command “ogr”.\nUsage: `/iomc help [command]`\nDid you mean `/iomc help org`?');
    expectWithinLimits(unknown);
  });

  it('escapes a hostile topic and command name', () => {
    const r = helpReply('<!channel>', '/x<!here>');
    expect(JSON.stringify(r)).not.toMatch(/<!channel>|<!here>/);
    expectWithinLimits(r);
  });
});
