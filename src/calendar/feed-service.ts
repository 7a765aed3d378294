/**
 * The committee's private ICS feed: one active token per committee (reused), revocable by the officers,
 * and the feed itself — every meeting and deadline of that committee only, as `buildIcs` input.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import type { Scope } from '../committees/scope.ts';
import { committeeWrite } from '../committees/committee-write.ts';
import { listMeetings } from '../meetings/meeting-repository.ts';
import { allDeadlines } from '../deadlines/deadline-repository.ts';
import { KIND_LABELS, meetingEndInstant, shortMeetingId, type Meeting } from '../meetings/meeting-rules.ts';
import { describeOffset, isRelative, shortDeadlineId, type Deadline } from '../deadlines/deadline-rules.ts';
import { announce } from '../meetings/announcements.ts';
import type { ChangeEnv } from '../deadlines/announcements.ts';
import { buildIcs, type IcsEventInput } from '../calendar-formats/ics-writer.ts';
import { activeFeed, createFeed, feedByToken, lockCommittee, revokeFeeds } from './feed-repository.ts';

/** 32 random bytes, URL-safe: 43 characters. */
export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens as issued (also what the web route accepts). */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

export function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/calendar/${token}.ics`;
}

/** The committee's feed token: the active one, or a new one the first time anyone asks. */
export async function calendarFeedFor(scope: Scope): Promise<{ token: string; created: boolean }> {
  const existing = await activeFeed(scope.db, scope.committee.id);
  if (existing) return { token: existing.token, created: false };
  return inTransaction(scope.db, async (tx) => {
    await lockCommittee(tx, scope.committee.id);
    const again = await activeFeed(tx, scope.committee.id);
    if (again) return { token: again.token, created: false };
    const feed = await createFeed(tx, scope.committee.id, newFeedToken(), scope.actor.userId);
    // The token is a secret: the audit names the feed by id only.
    await recordAudit(tx, { committeeId: scope.committee.id, actorId: scope.actor.userId, action: 'calendar.create', subject: feed.id, after: { feedId: feed.id } });
    return { token: feed.token, created: true };
  });
}

/** Revokes the committee's feed URL and issues a new one (secretariat, chair). */
export async function resetCalendarFeed(scope: Scope, env: ChangeEnv): Promise<{ token: string; revoked: number }> {
  const result = await committeeWrite(scope, 'calendar.reset', async (tx) => {
    const revoked = await revokeFeeds(tx, scope.committee.id, env.now);
    const feed = await createFeed(tx, scope.committee.id, newFeedToken(), scope.actor.userId);
    await recordAudit(tx, { committeeId: scope.committee.id, actorId: scope.actor.userId, action: 'calendar.reset', subject: feed.id, after: { feedId: feed.id, revoked } });
    const ids = await announce(tx, scope.committee, env, { type: 'calendar.reset', actorId: scope.actor.userId });
    return { token: feed.token, revoked, ids };
  });
  await env.dispatch(result.ids);
  return { token: result.token, revoked: result.revoked };
}

function meetingEvent(m: Meeting): IcsEventInput {
  const description = [
    `${shortMeetingId(m.number)} · ${KIND_LABELS[m.kind]}${m.body ? ` · ${m.body}` : ''}`,
    m.status === 'postponed' ? 'Postponed.' : m.status === 'cancelled' ? 'Cancelled.' : '',
    m.documentSymbol ? `Document: ${m.documentSymbol}` : '',
    m.url ?? '',
  ].filter((line) => line !== '');
  const common = {
    uid: `meeting-${m.id}@concord`,
    sequence: m.revision,
    summary: m.title,
    description: description.join('\n'),
    status: m.status === 'cancelled' ? ('CANCELLED' as const) : m.status === 'postponed' ? ('TENTATIVE' as const) : ('CONFIRMED' as const),
    categories: m.body ? [m.body] : [],
    lastModified: m.updatedAt,
    ...(m.venue ? { location: m.venue } : {}),
    ...(m.url ? { url: m.url } : {}),
  };
  const end = meetingEndInstant(m);
  if (end === null) return { ...common, kind: 'date', start: m.startDate, endInclusive: m.endDate };
  return { ...common, kind: 'datetime', start: m.startsAt, end, zone: m.timeZone };
}

function deadlineEvent(d: Deadline, meeting: Meeting | undefined): IcsEventInput {
  const lines = [`${shortDeadlineId(d.number)} · ${d.organizations.length ? `for ${d.organizations.map((o) => o.code).join(', ')}` : 'for the whole committee'}`];
  if (isRelative(d) && meeting) {
    lines.push(`Due ${describeOffset(d)} ${shortMeetingId(meeting.number)} (${meeting.title})${meeting.status === 'cancelled' ? ', which is cancelled' : ''}.`);
  }
  if (d.rrule) lines.push('Every year.');
  const start = d.rrule && d.dueDate ? d.dueDate : d.effectiveDue;
  return {
    kind: 'date',
    uid: `deadline-${d.id}@concord`,
    sequence: d.revision,
    summary: `Deadline: ${d.title}`,
    description: lines.join('\n'),
    status: d.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    categories: ['Deadline'],
    lastModified: d.updatedAt,
    start,
    endInclusive: start,
    ...(d.rrule ? { rrule: d.rrule } : {}),
  };
}

/** The feed's events: every meeting (cancelled ones as STATUS:CANCELLED) and every deadline. Pure. */
export function feedEvents(meetings: readonly Meeting[], deadlines: readonly Deadline[]): IcsEventInput[] {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  return [...meetings.map(meetingEvent), ...deadlines.map((d) => deadlineEvent(d, d.meetingId ? byId.get(d.meetingId) : undefined))];
}

/** The ICS text behind a token; null when the token is unknown or revoked. Only that committee's data. */
export async function renderFeed(db: Db, token: string): Promise<{ committeeId: string; ics: string } | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const feed = await feedByToken(db, token);
  if (!feed) return null;
  const [meetings, deadlines] = await Promise.all([listMeetings(db, feed.committee.id), allDeadlines(db, feed.committee.id)]);
  return { committeeId: feed.committee.id, ics: buildIcs({ calendarName: feed.committee.name, events: feedEvents(meetings, deadlines) }) };
}
