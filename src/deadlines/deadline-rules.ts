/**
 * Pure deadline rules: when a deadline is due (absolute, relative to a meeting's start, or yearly) and
 * how that is said. Calendar arithmetic only (`shiftLocalDate`), never multiples of 24 hours.
 */
import { shiftLocalDate } from '../time/calendar-math.ts';
import { nextOccurrences } from '../time/recurrence.ts';
import type { LocalDate } from '../time/local-date.ts';

export type DeadlineUnit = 'day' | 'week';
export type DeadlineDirection = 'before' | 'after';
export type DeadlineStatus = 'active' | 'cancelled';

export interface DeadlineOrganizationRef {
  id: string;
  code: string;
}

/** A deadline as the domain sees it, with its responsible organizations (none = the whole committee). */
export interface Deadline {
  id: string;
  committeeId: string;
  number: number;
  title: string;
  /** Absolute due date, or the anchor (first occurrence) of a yearly deadline; null when relative. */
  dueDate: LocalDate | null;
  meetingId: string | null;
  offsetAmount: number | null;
  offsetUnit: DeadlineUnit | null;
  direction: DeadlineDirection | null;
  rrule: string | null;
  /** The due date in force when last computed (stored for ordering). */
  effectiveDue: LocalDate;
  timeZone: string;
  status: DeadlineStatus;
  revision: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  organizations: DeadlineOrganizationRef[];
}

export type DueRule = Pick<Deadline, 'dueDate' | 'offsetAmount' | 'offsetUnit' | 'direction' | 'rrule' | 'effectiveDue'>;

export const shortDeadlineId = (n: number) => `D-${n}`;

/** The largest offset accepted: about ten years. */
export const MAX_OFFSET: Record<DeadlineUnit, number> = { day: 3650, week: 520 };

export function isRelative(d: Pick<Deadline, 'offsetAmount' | 'offsetUnit' | 'direction'>): boolean {
  return d.offsetAmount !== null && d.offsetUnit !== null && d.direction !== null;
}

/**
 * The date a deadline is due: N days/weeks before/after its meeting's start date; for a yearly one,
 * the next occurrence on or after `today` (the last one when the series has ended); else its date.
 *
 * @example effectiveDue({ offsetAmount: 60, offsetUnit: 'day', direction: 'before', … }, { startDate: '2025-09-16' }, today) // '2025-07-18'
 */
export function effectiveDue(deadline: DueRule, meeting: { startDate: LocalDate } | null, today: LocalDate): LocalDate {
  if (isRelative(deadline) && meeting) {
    return shiftLocalDate(meeting.startDate, { amount: deadline.offsetAmount!, unit: deadline.offsetUnit!, direction: deadline.direction! });
  }
  if (deadline.rrule && deadline.dueDate) {
    const next = nextOccurrences(deadline.rrule, deadline.dueDate, { from: today, count: 1 })[0];
    if (next) return next;
    return deadline.effectiveDue;
  }
  return deadline.dueDate ?? deadline.effectiveDue;
}

/** "60 days before", "1 week after". */
export function describeOffset(d: Pick<Deadline, 'offsetAmount' | 'offsetUnit' | 'direction'>): string {
  if (!isRelative(d)) return '';
  const n = d.offsetAmount!;
  const unit = n === 1 ? d.offsetUnit! : `${d.offsetUnit!}s`;
  return `${n} ${unit} ${d.direction!}`;
}
