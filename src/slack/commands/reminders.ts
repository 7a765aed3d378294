/** `reminders [F-n|M-n|D-n|R-n|mine]`: what is planned (pending), to whom and when, in the recipient's zone and the viewer's. */
import { resolveScope, type Scope } from '../../committees/scope.ts';
import { findDeadline, lastDeadlineNumber } from '../../deadlines/deadline-repository.ts';
import { shortDeadlineId } from '../../deadlines/deadline-rules.ts';
import { UserError } from '../../errors.ts';
import { requireFollowUp } from '../../followups/followup-lookup.ts';
import { requireMeeting } from '../../meetings/meeting-lookup.ts';
import { requireRecord } from '../../records/record-service.ts';
import { RECORD_KIND } from '../../records/record-silence-repository.ts';
import { plannedReminders, type PlannedFilter } from '../../reminders/reminder-list-repository.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { reminderListReply } from '../blocks/reminder-list.ts';
import { expectEnd, orThrow, parseShortId, takeWord, UsageError } from './args.ts';
import type { CommandHandler } from './context.ts';

/** Without an argument: the committee's next reminders. */
const NEXT_DEFAULT = 20;
/** For one subject or one person: enough for every part's and focal point's reminders. */
const FOR_ONE_MAX = 40;

type Target = { kind: 'all' } | { kind: 'mine' } | { kind: 'F' | 'M' | 'D' | 'R'; number: number };

function readTarget(text: string | undefined): Target {
  if (text === undefined) return { kind: 'all' };
  const word = text.trim();
  if (/^mine$/i.test(word)) return { kind: 'mine' };
  const letter = /^([fmdr])[-\s]?\d/i.exec(word)?.[1]?.toUpperCase() as 'F' | 'M' | 'D' | 'R' | undefined;
  if (letter) return { kind: letter, number: orThrow(parseShortId(word, letter)).value };
  if (/^\d+$/.test(word)) throw new UsageError(`Say which ${word} you mean: a follow-up, a meeting or a deadline.`, `reminders F-${word}`);
  const close = didYouMean(word, ['mine', 'all']);
  throw new UsageError(`${JSON.stringify(word)} is not F-n, M-n, D-n, R-n or mine.`, close === 'mine' ? 'reminders mine' : close === 'all' ? 'reminders' : undefined);
}

async function deadlineId(scope: Scope, number: number): Promise<string> {
  const found = await findDeadline(scope.db, scope.committee.id, number);
  if (found) return found.id;
  const last = await lastDeadlineNumber(scope.db, scope.committee.id);
  if (last === null) throw new UserError(`There is no ${shortDeadlineId(number)}: no deadline has been added yet.`);
  throw new UserError(`There is no ${shortDeadlineId(number)}; the last deadline is ${shortDeadlineId(last)}. See \`deadlines\`.`);
}

async function filterFor(scope: Scope, target: Target, userId: string): Promise<{ filter: PlannedFilter; heading: string; empty: string }> {
  const committeeId = scope.committee.id;
  switch (target.kind) {
    case 'all':
      return { filter: { kind: 'all' }, heading: 'Next planned reminders', empty: 'No reminder is planned.' };
    case 'mine':
      return { filter: { kind: 'recipient', userId }, heading: 'Reminders planned for you', empty: 'No reminder is planned for you (as a focal point or alternate you get your organization’s).' };
    case 'F': {
      const f = await requireFollowUp(scope.db, committeeId, target.number);
      const id = `F-${f.number}`;
      return { filter: { kind: 'subjects', subjectKind: 'followup', ids: f.assignments.map((a) => a.id) }, heading: `Reminders planned for ${id}`, empty: `No reminder is planned for ${id}: it has no due date, its parts are done or cancelled, or all its reminders have gone out.` };
    }
    case 'M': {
      const m = await requireMeeting(scope.db, committeeId, target.number);
      const id = `M-${m.number}`;
      return { filter: { kind: 'subjects', subjectKind: 'meeting', ids: [m.id] }, heading: `Reminders planned for ${id}`, empty: `No reminder is planned for ${id}: it is cancelled, or its reminders have gone out.` };
    }
    case 'D': {
      const id = shortDeadlineId(target.number);
      return { filter: { kind: 'subjects', subjectKind: 'deadline', ids: [await deadlineId(scope, target.number)] }, heading: `Reminders planned for ${id}`, empty: `No reminder is planned for ${id}: it is cancelled, or its reminders have gone out.` };
    }
    case 'R': {
      const r = await requireRecord(scope.db, committeeId, target.number);
      const id = `R-${r.number}`;
      return { filter: { kind: 'subjects', subjectKind: RECORD_KIND, ids: [r.id] }, heading: `Reminders planned for ${id}`, empty: `Nothing is planned for ${id}: only a circulated record has one, the end of its silence period.` };
    }
  }
}

export const remindersCommand: CommandHandler = async (ctx) => {
  const [first, ...more] = ctx.args;
  orThrow(expectEnd(more));
  const target = readTarget(first ? orThrow(takeWord([first], 'F-n, M-n, D-n, R-n or mine')).value : undefined);
  const scope = await resolveScope(ctx.deps.db, ctx.key, ctx.userId);
  const { filter, heading, empty } = await filterFor(scope, target, ctx.userId);
  const viewerZone = await ctx.deps.userZones.zoneOf(ctx.client, ctx.userId, scope.committee.timeZone);
  const { rows, total } = await plannedReminders(scope.db, scope.committee.id, filter, target.kind === 'all' ? NEXT_DEFAULT : FOR_ONE_MAX);
  return reminderListReply({ heading, empty, rows, total, viewerZone, commandName: ctx.deps.commandName });
};
