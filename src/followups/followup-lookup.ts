/** Finding a follow-up by its short id (or by one of its parts), or saying clearly that there is none. */
import type { DbClient } from '../db/transaction.ts';
import { UserError } from '../errors.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { findFollowUp, lastFollowUpNumber } from './followup-repository.ts';
import { choosePart, shortFollowUpId, type Assignment, type FollowUp } from './followup-rules.ts';

export async function requireFollowUp(db: DbClient, committeeId: string, number: number): Promise<FollowUp> {
  const found = await findFollowUp(db, committeeId, number);
  if (found) return found;
  const last = await lastFollowUpNumber(db, committeeId);
  if (last === null) throw new UserError(`There is no ${shortFollowUpId(number)}: no follow-up has been assigned yet. The chair or the secretariat creates one with \`assign\`.`);
  throw new UserError(`There is no ${shortFollowUpId(number)}; the last follow-up is ${shortFollowUpId(last)}. See \`followups all\`.`);
}

function codes(f: FollowUp, open = false): string[] {
  return f.assignments.filter((a) => (open ? a.status !== 'cancelled' : true)).map((a) => a.organization.code);
}

/**
 * The part of `f` a caller means (see `choosePart`); a code not assigned gets a "did you mean" among the
 * assigned ones, and a caller who must say which is told the choices.
 */
export function requirePart(f: FollowUp, code: string | undefined, actorOrganizationId: string | null, verb: string): Assignment {
  const r = choosePart(f, code, actorOrganizationId);
  if (r.ok) return r.assignment;
  const id = shortFollowUpId(f.number);
  const list = codes(f, true).join(', ');
  if (r.reason === 'unknown-code') {
    const suggestion = didYouMean(code!, codes(f));
    throw new UserError(`${code!.toUpperCase()} has no part in ${id} (assigned to ${codes(f).join(', ')}).${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`);
  }
  if (r.reason === 'none') throw new UserError(`${id} has no part left to ${verb}: it is cancelled.`);
  throw new UserError(`${id} is assigned to ${list}: say which, e.g. \`${verb} ${id} ${codes(f, true)[0]}\`.`);
}
