/**
 * Pure summary-record rules: what a record's text is (header fields, matters in two sections, decisions,
 * follow-up lines), its title, the text search indexes, and the silence deadline. No I/O.
 */
import { addWorkingDays } from '../time/working-days.ts';
import { localDateTimeToUtc, utcToLocal } from '../time/wall-time.ts';

export type RecordStatus = 'draft' | 'circulated' | 'adopted';
export type MatterSection = 'specific' | 'general';

export const SECTION_HEADINGS: Record<MatterSection, string> = { specific: 'Specific Matters', general: 'General Matters' };

export interface RecordHeader {
  meetingNumber: string;
  dates: string;
  venue: string;
  host: string;
  chair: string;
  rapporteur: string;
  /** Organization codes. */
  present: string[];
  observers: string;
  apologies: string;
  agenda: string;
  nextMeeting: string;
}

export interface Matter {
  section: MatterSection;
  text: string;
}

/** One line of the follow-ups field: `CODE[,CODE]: action text (due DATE)`. */
export interface FollowUpLine {
  codes: string[];
  action: string;
  /** Local date YYYY-MM-DD, or null. */
  due: string | null;
}

export type CarryChoice = 'carried' | 'closed';

export interface CarryOver {
  followUpId: string;
  choice: CarryChoice;
}

/** Everything the modal holds: one version of a record. */
export interface RecordContent {
  header: RecordHeader;
  matters: Matter[];
  decisions: string[];
  followUps: FollowUpLine[];
  carryOver: CarryOver[];
}

export const SILENCE_WORKING_DAYS = 5;
export const shortRecordId = (n: number) => `R-${n}`;

export function emptyHeader(): RecordHeader {
  return { meetingNumber: '', dates: '', venue: '', host: '', chair: '', rapporteur: '', present: [], observers: '', apologies: '', agenda: '', nextMeeting: '' };
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

/** "Summary record of the 60th meeting" (from the meeting number field), else "Summary record R-n". */
export function recordTitle(header: RecordHeader, number: number): string {
  const n = Number.parseInt(header.meetingNumber.replace(/\D+/g, ''), 10);
  return Number.isFinite(n) && n > 0 ? `Summary record of the ${ordinal(n)} meeting` : `Summary record ${shortRecordId(number)}`;
}

/** The first **bold** phrase of a matter, its topic. */
export function matterTopic(text: string): string | null {
  return /\*\*(.+?)\*\*/s.exec(text)?.[1]?.trim() || null;
}

/** What search indexes besides the title: every matter, decision and follow-up action, in order. */
export function bodyText(content: RecordContent): string {
  return [...content.matters.map((m) => m.text), ...content.decisions, ...content.followUps.map((f) => f.action)].join('\n\n');
}

/**
 * End of the silence period: `days` working days after circulation, at the same wall time in the
 * committee's zone (a DST gap moves forward).
 * @example silenceDeadline(new Date('2027-03-03T10:00:00Z'), 'Europe/Zurich') // Wed 11:00 → Wed 2027-03-10T10:00:00Z
 */
export function silenceDeadline(now: Date, zone: string, days = SILENCE_WORKING_DAYS): Date {
  const local = utcToLocal(now, zone);
  return localDateTimeToUtc(addWorkingDays(local.date, days), local.time, zone);
}
