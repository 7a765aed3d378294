/**
 * PRODUCT.md's reminder table as pure functions of a subject and `now`: which reminders to plan, to whom,
 * at what UTC instant (09:00 on a working day in the recipient's zone, DST handled by `src/time`).
 *
 * | Subject    | When                                              | To                                      |
 * |------------|---------------------------------------------------|-----------------------------------------|
 * | follow-up  | 7 days, 1 day before and on the due date          | focal points of each open part          |
 * | follow-up  | overdue: every 3 working days, at most 3 times    | same; alternates too from the 2nd       |
 * | meeting    | 30, 7 and 1 days before start                     | the committee channel                   |
 * | deadline   | 14, 3 and 0 days before                           | responsible organizations, else channel |
 */
import { addDays, compareLocalDates, todayInZone, type LocalDate } from '../time/local-date.ts';
import { addWorkingDays } from '../time/working-days.ts';
import { deliveryInstant } from '../time/delivery.ts';

const INSTANTS = new Map<string, Date>();
const INSTANTS_KEPT = 20_000;

/**
 * `deliveryInstant` (09:00 in `zone` on the working day for `date`), remembered: a plan asks for the same
 * day and zone for each of its recipients, and the sweep re-derives the plan of every subject it sends.
 */
function instantFor(date: LocalDate, zone: string, weekend: 'previous' | 'next' = 'previous'): Date {
  const key = `${date}\u0000${zone}\u0000${weekend}`;
  let at = INSTANTS.get(key);
  if (!at) {
    at = deliveryInstant(date, zone, undefined, { weekend });
    if (INSTANTS.size >= INSTANTS_KEPT) INSTANTS.clear();
    INSTANTS.set(key, at);
  }
  return new Date(at.getTime());
}

export interface Planned {
  rule: string;
  recipient: string;
  recipientKind: 'user' | 'channel';
  zone: string;
  dueAt: Date;
}

export interface Person {
  userId: string;
  zone: string;
}

export const OVERDUE_CHASES = 3;
export const OVERDUE_EVERY_WORKING_DAYS = 3;

/** One organization's open part of a follow-up. Reminders count from the due date, or from the snooze's end. */
export interface FollowUpPart {
  dueDate: LocalDate | null;
  snoozedUntil: LocalDate | null;
  open: boolean;
  focalPoints: Person[];
  alternates: Person[];
}

/** The date the part's reminders count from: its due date, pushed to the snooze's end while snoozed. */
export function effectiveDue(part: Pick<FollowUpPart, 'dueDate' | 'snoozedUntil'>): LocalDate | null {
  if (!part.dueDate) return null;
  if (part.snoozedUntil && compareLocalDates(part.snoozedUntil, part.dueDate) > 0) return part.snoozedUntil;
  return part.dueDate;
}

export function followUpPlan(part: FollowUpPart): Planned[] {
  const due = effectiveDue(part);
  if (!part.open || !due) return [];
  const out: Planned[] = [];
  const toUsers = (rule: string, people: Person[], date: LocalDate, weekend: 'previous' | 'next') => {
    for (const p of people) out.push({ rule, recipient: p.userId, recipientKind: 'user', zone: p.zone, dueAt: instantFor(date, p.zone, weekend) });
  };
  const dates = followUpDates(due);
  [7, 1, 0].forEach((days, i) => toUsers(`due-${days}`, part.focalPoints, dates.before[i]!, 'previous'));
  dates.overdue.forEach((date, i) => toUsers(`overdue-${i + 1}`, i === 0 ? part.focalPoints : [...part.focalPoints, ...part.alternates], date, 'next'));
  return out;
}

const DATES = new Map<LocalDate, { before: LocalDate[]; overdue: LocalDate[] }>();

/** The local dates of a follow-up's reminders (7, 1 and 0 days before; the overdue chases), remembered per due date. */
function followUpDates(due: LocalDate): { before: LocalDate[]; overdue: LocalDate[] } {
  let dates = DATES.get(due);
  if (!dates) {
    dates = {
      before: [7, 1, 0].map((days) => addDays(due, -days)),
      overdue: Array.from({ length: OVERDUE_CHASES }, (_, k) => addWorkingDays(due, OVERDUE_EVERY_WORKING_DAYS * (k + 1))),
    };
    if (DATES.size >= INSTANTS_KEPT) DATES.clear();
    DATES.set(due, dates);
  }
  return dates;
}

export interface MeetingSubject {
  startDate: LocalDate;
  scheduled: boolean;
  channelId: string | null;
  committeeZone: string;
}

export function meetingPlan(m: MeetingSubject): Planned[] {
  if (!m.scheduled || !m.channelId) return [];
  return [30, 7, 1].map((days) => ({
    rule: `meeting-${days}`,
    recipient: m.channelId!,
    recipientKind: 'channel' as const,
    zone: m.committeeZone,
    dueAt: instantFor(addDays(m.startDate, -days), m.committeeZone),
  }));
}

export interface DeadlineSubject {
  due: LocalDate;
  active: boolean;
  /** Focal points of the responsible organizations; empty = the whole committee (its channel). */
  people: Person[];
  channelId: string | null;
  committeeZone: string;
}

export function deadlinePlan(d: DeadlineSubject): Planned[] {
  if (!d.active) return [];
  const out: Planned[] = [];
  for (const days of [14, 3, 0]) {
    const date = addDays(d.due, -days);
    if (d.people.length) for (const p of d.people) out.push({ rule: `deadline-${days}`, recipient: p.userId, recipientKind: 'user', zone: p.zone, dueAt: instantFor(date, p.zone) });
    else if (d.channelId) out.push({ rule: `deadline-${days}`, recipient: d.channelId, recipientKind: 'channel', zone: d.committeeZone, dueAt: instantFor(date, d.committeeZone) });
  }
  return out;
}

/**
 * A person's reminder zone: their Slack profile's `tz` (once Concord has learned it), else their
 * organization's duty station, else the committee's zone.
 */
export function recipientZone(profileZone: string | null | undefined, dutyStation: string | null | undefined, committeeZone: string): string {
  return profileZone || dutyStation || committeeZone;
}

/** Reminders whose time has passed when they are planned never applied: they are not planned at all. */
export function stillAhead(plan: Planned[], now: Date): Planned[] {
  return plan.filter((p) => p.dueAt.getTime() > now.getTime());
}

/** A "before" reminder is useful only until its subject's date has passed in the recipient's zone. */
export function stillUseful(rule: string, subjectDate: LocalDate | null, zone: string, now: Date): boolean {
  if (rule.startsWith('overdue-') || !subjectDate) return true;
  return compareLocalDates(todayInZone(now, zone), subjectDate) <= 0;
}
