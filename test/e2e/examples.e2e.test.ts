/**
 * Issue 13.11: every `/concord …` example in help (`help-catalog.ts`, available commands) and in README.md's
 * code blocks runs as written, in order, as the secretariat, against the sandbox — no ⚠️, no usage error.
 * Only what an example takes for granted is prepared first: the committee, the organizations it mentions,
 * the people and channels it mentions (`@name` → the sandbox user of that name, `#name` → a channel), and the
 * M-n / D-n / F-n it refers to (filler items added until that number exists).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import organizations from '../../prisma/seed-data/iomc-organizations.json' with { type: 'json' };
import { HELP_CATALOG } from '../../src/slack/commands/help-catalog.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { insertRecord } from '../fixtures/records/insert-record.ts';

const ORG_CODES = organizations.map((o) => o.code);
const PROBLEM = /⚠️|Something went wrong|is not a (\/concord )?command/;

function catalogExamples(): string[] {
  return HELP_CATALOG.filter((e) => e.available).flatMap((e) => e.examples.map((x) => x.args));
}

/** `/concord …` lines inside README.md's fenced code blocks, without the command name. */
function readmeExamples(): string[] {
  const lines: string[] = [];
  let fenced = false;
  for (const line of readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    else if (fenced && line.startsWith('/concord ')) lines.push(line.slice('/concord '.length).trim());
  }
  return lines;
}

/** Per app: what exists so far, so that preparation adds only what is missing. */
class Preparer {
  private orgs = new Set<string>();
  private fillers = 0;
  constructor(private readonly t: TestApp) {}

  private async run(text: string): Promise<void> {
    const seen = await concord(this.t, this.t.iomc.secretariat, text);
    expect(seen.text, `preparing: ${text}`).not.toMatch(PROBLEM);
  }

  async setUp(): Promise<void> {
    await this.run('setup "IOMC Inter-Organization Coordinating Committee" tz:Europe/Zurich');
  }

  /** The example with its @name and #name typed the way Slack sends a picked mention. */
  mentions(args: string): string {
    return args
      .replace(/(^|\s)@([a-z][\w.-]*)/g, (_m, pre: string, name: string) => `${pre}<@${this.user(name)}|${name}>`)
      .replace(/(^|[\s:])#([a-z][\w-]*)/g, (_m, pre: string, name: string) => `${pre}<#${this.channel(name)}|${name}>`);
  }

  private user(name: string): string {
    const users = this.t.sandbox.users(this.t.iomc.teamId);
    const found = users.find((u) => u.name === name) ?? users.find((u) => u.name.startsWith(`${name}.`));
    if (found) return found.id;
    const id = `U0X${name.replace(/[^a-z]/g, '').toUpperCase().slice(0, 8)}`;
    this.t.sandbox.addUser({ id, teamId: this.t.iomc.teamId, name, realName: name, tz: 'Europe/Zurich' });
    return id;
  }

  private channel(name: string): string {
    const found = this.t.sandbox.channels(this.t.iomc.teamId).find((c) => c.name === name);
    if (found) return found.id;
    const id = `C0X${name.replace(/[^a-z]/g, '').toUpperCase().slice(0, 8)}`;
    this.t.sandbox.addChannel({ id, teamId: this.t.iomc.teamId, name, members: [this.t.iomc.secretariat] });
    return id;
  }

  /** Adds the organizations the example names (outside quotes), except the one an `org add` adds. */
  async organizations(args: string): Promise<void> {
    const unquoted = args.replace(/"[^"]*"/g, '');
    const added = /^org add (\S+)/i.exec(args)?.[1]?.toUpperCase();
    if (added) this.orgs.add(added);
    const named = ORG_CODES.filter((code) => new RegExp(`(^|[\\s,:])${code}($|[\\s,])`, 'i').test(unquoted));
    for (const code of named) {
      if (this.orgs.has(code)) continue;
      const o = organizations.find((x) => x.code === code)!;
      await this.run(`org add ${o.code} "${o.name}" tz:${o.timeZone}`);
      this.orgs.add(code);
      // The secretariat works at WHO: examples about "your own organization's part" need that.
      if (code === 'WHO') await this.run(`member add <@${this.t.iomc.secretariat}> WHO`);
    }
  }

  /** Adds fillers until the M-n, D-n, F-n, R-n the example refers to exist (records through the repository). */
  async items(args: string): Promise<void> {
    const refs: Array<[string, number]> = [...args.matchAll(/(?:^|[\s:])([MDFR])-?(\d+)\b/gi)].map((m) => [m[1]!.toUpperCase(), Number(m[2])]);
    const bare = /^(meeting (?:show|move|cancel)|deadline cancel|followup|reopen|cancel|done|snooze|update|reassign) (\d+)\b/i.exec(args);
    if (bare) refs.push([/^meeting/i.test(bare[1]!) ? 'M' : /^deadline/i.test(bare[1]!) ? 'D' : 'F', Number(bare[2])]);
    for (const [kind, n] of refs) {
      while ((await this.count(kind)) < n) {
        const k = ++this.fillers;
        if (kind === 'M') await this.run(`meeting add "IOCC call ${k}" 2028-0${1 + (k % 9)}-1${k % 10} time:14:00 tz:Europe/Zurich`);
        if (kind === 'D') await this.run(`deadline add "Filler deadline ${k}" 2028-06-30`);
        if (kind === 'R') await insertRecord(this.t.db, (await this.t.db.committee.findFirstOrThrow()).id, this.t.iomc.secretariat);
        if (kind === 'F') {
          await this.organizations('UNEP WHO UNDP');
          await this.run(`assign UNEP,WHO,UNDP "Filler follow-up ${k}" due 2028-06-30`);
        }
      }
    }
  }

  private async count(kind: string): Promise<number> {
    const db = this.t.db;
    if (kind === 'R') return (await db.summaryRecord.aggregate({ _max: { number: true } }))._max.number ?? 0;
    const max = kind === 'M' ? db.meeting.aggregate({ _max: { number: true } }) : kind === 'D' ? db.deadline.aggregate({ _max: { number: true } }) : db.followUp.aggregate({ _max: { number: true } });
    return (await max)._max.number ?? 0;
  }
}

function runsInOrder(source: string, examples: () => string[]): void {
  describe(`every example in ${source}`, () => {
    let t: TestApp;
    let prep: Preparer;
    beforeAll(async () => {
      t = await startTestApp();
      prep = new Preparer(t);
      await prep.setUp();
    });
    afterAll(async () => {
      await t?.close();
    });

    it('has examples to run', () => {
      expect(examples().length).toBeGreaterThan(8);
    });

    for (const args of examples()) {
      it(`/concord ${args}`, async () => {
        await prep.organizations(args);
        await prep.items(args);
        const seen = await concord(t, t.iomc.secretariat, prep.mentions(args));
        expect(seen.status).toBe(200);
        expect(seen.text, seen.text).not.toMatch(PROBLEM);
        expect(seen.text, seen.text).not.toMatch(/in the past|already passed|already past/);
        if (args === 'meeting new') expect((await t.sandbox.waitForView(t.iomc.secretariat)).type).toBe('modal');
      });
    }
  });
}

runsInOrder('the help catalog', catalogExamples);
runsInOrder('README.md', readmeExamples);
