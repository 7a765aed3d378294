/**
 * The weekly digests as pure rules: when the next one goes out (Monday 09:00 in the recipient's zone),
 * the rule naming it (`digest-2027-03-08`, one row per week), who gets one, and what it lists.
 */
import { addDays, compareLocalDates, isoWeekday, todayInZone, type LocalDate } from '../time/local-date.ts';
import { deliveryInstant } from '../time/delivery.ts';
import { recipientZone, type Planned } from './reminder-rules.ts';

export const DIGEST_PREFIX = 'digest-';
/** Follow-up parts due within this many days are listed as "due soon". */
export const DUE_SOON_DAYS = 14;
/** Meetings and deadlines within this many days are listed. */
export const CALENDAR_DAYS = 30;

export const digestRule = (monday: LocalDate) => `${DIGEST_PREFIX}${monday}`;
export const isDigestRule = (rule: string) => rule.startsWith(DIGEST_PREFIX);

/** The Monday of the week `date` is in: a digest sent late (after downtime) is the digest of the week it is sent in. */
export const mondayOf = (date: LocalDate): LocalDate => addDays(date, 1 - isoWeekday(date));

/**
 * The first Monday 09:00 in `zone` strictly after `now`: its local date and UTC instant.
 *
 * @example nextDigest(new Date('2027-03-08T07:59:00Z'), 'Europe/Zurich') // { monday: '2027-03-08', at: 2027-03-08T08:00Z }
 */
export function nextDigest(now: Date, zone: string): { monday: LocalDate; at: Date } {
  const today = todayInZone(now, zone);
  let monday = addDays(today, (8 - isoWeekday(today)) % 7);
  let at = deliveryInstant(monday, zone);
  if (at.getTime() <= now.getTime()) {
    monday = addDays(monday, 7);
    at = deliveryInstant(monday, zone);
  }
  return { monday, at };
}

export interface DigestAudience {
  committeeId: string;
  channelId: string | null;
  committeeZone: string;
  /** Each focal point with their Slack profile zone, when known (else the organization's, else the committee's). */
  organizations: Array<{ id: string; zone: string | null; focalPoints: Array<{ userId: string; zone: string | null }> }>;
}

/** A planned digest: `subjectId` is the committee's id (channel digest) or the organization's (its focal points' DMs). */
export interface PlannedDigest extends Planned {
  subjectId: string;
}

/** The next Monday's digests: the committee channel's, and one per focal point of each organization. */
export function digestPlan(a: DigestAudience, now: Date): PlannedDigest[] {
  const out: PlannedDigest[] = [];
  if (a.channelId) {
    const { monday, at } = nextDigest(now, a.committeeZone);
    out.push({ subjectId: a.committeeId, rule: digestRule(monday), recipient: a.channelId, recipientKind: 'channel', zone: a.committeeZone, dueAt: at });
  }
  for (const org of a.organizations) {
    for (const person of org.focalPoints) {
      const zone = recipientZone(person.zone, org.zone, a.committeeZone);
      const { monday, at } = nextDigest(now, zone);
      out.push({ subjectId: org.id, rule: digestRule(monday), recipient: person.userId, recipientKind: 'user', zone, dueAt: at });
    }
  }
  return out;
}

// ——— what a digest lists ———

export interface DigestPart {
  number: number;
  title: string;
  organization: string;
  /** The date its reminders count from (due date, or the snooze's end). */
  due: LocalDate | null;
  escalated: boolean;
}

export interface DigestEvent {
  kind: 'meeting' | 'deadline';
  number: number;
  title: string;
  date: LocalDate;
  endDate?: LocalDate;
  /** Deadlines: the organizations responsible; empty = everyone. */
  organizations?: string[];
}

export interface CommitteeDigest {
  committeeName: string;
  monday: LocalDate;
  overdue: DigestPart[];
  dueSoon: DigestPart[];
  meetings: DigestEvent[];
  deadlines: DigestEvent[];
  escalations: DigestPart[];
}

export interface OrganizationDigest {
  organization: string;
  monday: LocalDate;
  /** Open parts, overdue first, then by due date. */
  parts: DigestPart[];
  today: LocalDate;
  deadlines: DigestEvent[];
}

const byDue = (a: DigestPart, b: DigestPart) => compareLocalDates(a.due ?? '9999-12-31', b.due ?? '9999-12-31') || a.number - b.number;
const within = (date: LocalDate, today: LocalDate, days: number) => compareLocalDates(date, today) >= 0 && compareLocalDates(date, addDays(today, days)) <= 0;

export const isOverdue = (p: DigestPart, today: LocalDate) => p.due !== null && compareLocalDates(p.due, today) < 0;

/** The committee digest as of `today` (the committee's date when it goes out). */
export function committeeDigest(input: { committeeName: string; monday: LocalDate; today: LocalDate; parts: DigestPart[]; events: DigestEvent[] }): CommitteeDigest {
  const { today, parts, events } = input;
  const sorted = [...parts].sort(byDue);
  const upcoming = events.filter((e) => within(e.date, today, CALENDAR_DAYS)).sort((a, b) => compareLocalDates(a.date, b.date) || a.number - b.number);
  return {
    committeeName: input.committeeName,
    monday: input.monday,
    overdue: sorted.filter((p) => isOverdue(p, today)).sort((a, b) => a.organization.localeCompare(b.organization) || byDue(a, b)),
    dueSoon: sorted.filter((p) => p.due !== null && within(p.due, today, DUE_SOON_DAYS)),
    meetings: upcoming.filter((e) => e.kind === 'meeting'),
    deadlines: upcoming.filter((e) => e.kind === 'deadline'),
    escalations: sorted.filter((p) => p.escalated),
  };
}

/** One organization's digest; undefined when it has nothing to report. */
export function organizationDigest(input: { organization: string; monday: LocalDate; today: LocalDate; parts: DigestPart[]; deadlines: DigestEvent[] }): OrganizationDigest | undefined {
  const { today } = input;
  const overdue = input.parts.filter((p) => isOverdue(p, today)).sort(byDue);
  const rest = input.parts.filter((p) => !isOverdue(p, today)).sort(byDue);
  const deadlines = input.deadlines.filter((e) => within(e.date, today, CALENDAR_DAYS)).sort((a, b) => compareLocalDates(a.date, b.date) || a.number - b.number);
  if (!overdue.length && !rest.length && !deadlines.length) return undefined;
  return { organization: input.organization, monday: input.monday, today, parts: [...overdue, ...rest], deadlines };
}

export function isEmptyCommitteeDigest(d: CommitteeDigest): boolean {
  return !d.overdue.length && !d.dueSoon.length && !d.meetings.length && !d.deadlines.length && !d.escalations.length;
}
