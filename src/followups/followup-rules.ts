/**
 * Pure follow-up rules: what a follow-up and its per-organization parts are, the roll-up ("3/9 done"),
 * what is overdue, and which part a caller means when they leave the organization out. No I/O.
 */
import type { LocalDate } from '../time/local-date.ts';

export type FollowUpStatus = 'open' | 'done' | 'cancelled';
export type FollowUpEventKind = 'assign' | 'update' | 'snooze' | 'done' | 'reopen' | 'reassign' | 'cancel';

export interface OrganizationRef {
  id: string;
  code: string;
  acronym: string;
  timeZone: string;
  channelId: string | null;
}

export interface FollowUpEvent {
  id: string;
  assignmentId: string | null;
  kind: FollowUpEventKind;
  actorId: string;
  text: string | null;
  until: LocalDate | null;
  createdAt: Date;
}

/** One organization's part of a follow-up. */
export interface Assignment {
  id: string;
  followUpId: string;
  organization: OrganizationRef;
  status: FollowUpStatus;
  note: string | null;
  doneBy: string | null;
  doneAt: Date | null;
  snoozedUntil: LocalDate | null;
  snoozeCount: number;
}

export interface FollowUp {
  id: string;
  committeeId: string;
  number: number;
  title: string;
  /** Local date in `timeZone` (the zone it was typed in); null = no due date. */
  dueDate: LocalDate | null;
  timeZone: string;
  meetingId: string | null;
  /** The roll-up: open while any part is open, done when every part is done, or cancelled. */
  status: FollowUpStatus;
  createdBy: string;
  cancelledBy: string | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Ordered by organization code. */
  assignments: Assignment[];
}

export const shortFollowUpId = (n: number) => `F-${n}`;

/** Longest action text: fits a Slack section with room for the rest of the line. */
export const ACTION_MAX = 500;
/** Longest note, update or snooze reason. */
export const NOTE_MAX = 1000;
/** Longest snooze: about a year ahead. */
export const SNOOZE_MAX_DAYS = 366;

/** "3/9 done": the parts still counted (cancelled ones are not) and how many of them are done. */
export function rollUp(f: Pick<FollowUp, 'assignments'>): { done: number; total: number } {
  const counted = f.assignments.filter((a) => a.status !== 'cancelled');
  return { done: counted.filter((a) => a.status === 'done').length, total: counted.length };
}

/** The follow-up's status once its parts changed (a cancelled follow-up stays cancelled). */
export function derivedStatus(f: Pick<FollowUp, 'status' | 'assignments'>): FollowUpStatus {
  if (f.status === 'cancelled') return 'cancelled';
  const { done, total } = rollUp(f);
  return total > 0 && done === total ? 'done' : 'open';
}

/** Due before `today` (the reader's local date) with a part still open. */
export function isOverdue(f: Pick<FollowUp, 'status' | 'dueDate'>, today: LocalDate): boolean {
  return f.status === 'open' && f.dueDate !== null && f.dueDate < today;
}

export type PartChoice = { ok: true; assignment: Assignment } | { ok: false; reason: 'unknown-code' | 'ambiguous' | 'none' };

/**
 * The part a caller means. With a code: that organization's part. Without: the caller's own
 * organization's part if it is assigned, else the only part there is.
 */
export function choosePart(f: Pick<FollowUp, 'assignments'>, code: string | undefined, actorOrganizationId: string | null): PartChoice {
  const parts = f.assignments.filter((a) => a.status !== 'cancelled');
  if (code !== undefined) {
    const found = f.assignments.find((a) => a.organization.code === code.toUpperCase());
    return found ? { ok: true, assignment: found } : { ok: false, reason: 'unknown-code' };
  }
  const own = parts.find((a) => a.organization.id === actorOrganizationId);
  if (own) return { ok: true, assignment: own };
  if (parts.length === 1) return { ok: true, assignment: parts[0]! };
  return { ok: false, reason: parts.length === 0 ? 'none' : 'ambiguous' };
}
