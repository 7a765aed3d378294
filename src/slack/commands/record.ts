/**
 * `record [M-n]` (opens the modal), `record show|versions|amend|adopt|resolve|object R-n`, `records`.
 * The modal is opened with the command's trigger_id inside its 3 seconds: never queued.
 */
import { resolveScope } from '../../committees/scope.ts';
import { recordDocument } from '../../records/record-document.ts';
import { listRecords, listVersions, openObjections } from '../../records/record-repository.ts';
import { adoptRecordNow, objectToRecord, requireRecord, resolveRecordObjections } from '../../records/record-service.ts';
import type { RecordEnv } from '../../records/record-notices.ts';
import { shortRecordId } from '../../records/record-rules.ts';
import { expectEnd, orThrow, parseShortId, takeText, takeWord } from './args.ts';
import type { CommandContext, CommandDeps, CommandHandler } from './context.ts';
import { followUpEnv } from './followup.ts';
import { successReply } from '../blocks/reply.ts';
import { dateToken } from '../text.ts';
import { recordNotices } from '../blocks/record-notices.ts';
import { recordListReply, recordShowReply, recordVersionsReply } from '../blocks/record-list.ts';
import { openRecordModal } from '../views/record-open.ts';
import type { Token } from './tokenize.ts';

export function recordEnv(deps: Pick<CommandDeps, 'now' | 'dispatch' | 'commandName'>): RecordEnv {
  return { now: deps.now(), dispatch: deps.dispatch, render: recordNotices(deps.commandName), followUps: followUpEnv(deps) };
}

const scopeOf = (ctx: CommandContext) => resolveScope(ctx.deps.db, ctx.key, ctx.userId);

function recordId(tokens: readonly Token[]): { number: number; rest: Token[] } {
  const id = orThrow(takeWord(tokens, 'a record id (e.g. R-3)'));
  return { number: orThrow(parseShortId(id.value, 'R')).value, rest: id.rest };
}

/** Opens the modal for a new record (of M-n) or an amendment (R-n), prefilled from the person's draft. */
async function openModal(ctx: CommandContext, opts: { meetingNumber?: number; recordNumber?: number }) {
  await openRecordModal(ctx.client, { scope: await scopeOf(ctx), triggerId: ctx.command.trigger_id, channelId: ctx.channelId, ...opts });
  return null;
}

const SUBCOMMANDS: Record<string, CommandHandler> = {
  show: async (ctx) => {
    const { number, rest } = recordId(ctx.args.slice(1));
    orThrow(expectEnd(rest));
    const scope = await scopeOf(ctx);
    const record = await requireRecord(scope.db, scope.committee.id, number);
    const doc = await recordDocument(scope.db, scope.committee.id, number);
    const open = (await openObjections(scope.db, record.id)).length;
    return recordShowReply(doc, { number, title: doc.title, status: record.status, version: record.currentVersion, silenceEndsAt: record.silenceEndsAt, openObjections: open }, scope.committee.timeZone);
  },
  versions: async (ctx) => {
    const { number, rest } = recordId(ctx.args.slice(1));
    orThrow(expectEnd(rest));
    const scope = await scopeOf(ctx);
    const record = await requireRecord(scope.db, scope.committee.id, number);
    const versions = await listVersions(scope.db, record.id);
    return recordVersionsReply(number, versions.map((v) => ({ version: v.version, title: v.title, createdBy: v.createdBy, createdAt: v.createdAt, chars: v.bodyText.length })), record.currentVersion, scope.committee.timeZone);
  },
  amend: async (ctx) => {
    const { number, rest } = recordId(ctx.args.slice(1));
    orThrow(expectEnd(rest));
    return openModal(ctx, { recordNumber: number });
  },
  adopt: async (ctx) => {
    const { number, rest } = recordId(ctx.args.slice(1));
    orThrow(expectEnd(rest));
    await adoptRecordNow(await scopeOf(ctx), number, recordEnv(ctx.deps));
    return successReply(`*${shortRecordId(number)}* is adopted: it is posted in the committee channel and its follow-ups are assigned.`);
  },
  resolve: async (ctx) => {
    const { number, rest } = recordId(ctx.args.slice(1));
    orThrow(expectEnd(rest));
    const scope = await scopeOf(ctx);
    const r = await resolveRecordObjections(scope, number, recordEnv(ctx.deps));
    const silence = r.record.status === 'circulated' && r.record.silenceEndsAt ? ` A new silence period runs until ${dateToken(r.record.silenceEndsAt, scope.committee.timeZone)}.` : '';
    return successReply(`Resolved ${r.resolved} objection${r.resolved > 1 ? 's' : ''} to *${shortRecordId(number)}*.${silence}`);
  },
  object: async (ctx) => {
    const { number, rest } = recordId(ctx.args.slice(1));
    const reason = orThrow(takeText(rest, 'the reason in quotes'));
    orThrow(expectEnd(reason.rest));
    await objectToRecord(await scopeOf(ctx), number, reason.value, recordEnv(ctx.deps));
    return successReply(`Your objection to *${shortRecordId(number)}* is recorded; the chair has been told in the channel.`);
  },
};

/** The subcommands help has entries of (the others are described in `record`'s entry). */
export const RECORD_LISTED_SUBCOMMANDS = ['show', 'versions'];

/** `record [M-n]` or `record SUB R-n …`. */
export const recordCommand: CommandHandler = async (ctx) => {
  const first = ctx.args[0];
  const word = first?.kind === 'word' ? first.text.toLowerCase() : undefined;
  if (word && Object.hasOwn(SUBCOMMANDS, word)) return SUBCOMMANDS[word]!({ ...ctx, name: `record ${word}` });
  if (!first) return openModal(ctx, {});
  const id = orThrow(takeWord(ctx.args, 'a meeting id (e.g. M-4)'));
  orThrow(expectEnd(id.rest));
  return openModal(ctx, { meetingNumber: orThrow(parseShortId(id.value, 'M')).value });
};

export const recordsCommand: CommandHandler = async (ctx) => {
  orThrow(expectEnd(ctx.args));
  const scope = await scopeOf(ctx);
  const rows = await listRecords(scope.db, scope.committee.id);
  return recordListReply(
    rows.map((r) => ({ number: r.number, title: r.versions[0]?.title ?? shortRecordId(r.number), status: r.status, version: r.currentVersion, silenceEndsAt: r.silenceEndsAt, openObjections: r.objections.length })),
    scope.committee.timeZone,
    ctx.deps.commandName,
  );
};
