/**
 * Reads an ICS feed the way a calendar client does — with ical.js, not with Concord's own code: the
 * feed's VTIMEZONEs define the zones (registered with ical.js's TimezoneService), RRULEs are expanded by
 * ical.js, TEXT is unescaped by ical.js. Tests check the feed through this only.
 */
import ICAL from 'ical.js';

type Component = InstanceType<typeof ICAL.Component>;

export interface ClientEvent {
  uid: string;
  summary: string;
  description?: string;
  location?: string;
  status?: string;
  sequence?: number;
  rrule?: string;
  allDay: boolean;
  /** All-day: first day `YYYY-MM-DD`; timed: the UTC instant (ISO). */
  start: string;
  /** All-day: last day (DTEND is exclusive); timed: the UTC instant (ISO). */
  end: string;
  /** The TZID the start was written with (absent for all-day and UTC times). */
  tzid?: string;
  /** Start of the next `n` occurrences on or after `from` (all-day: dates; timed: ISO instants), expanded by ical.js. */
  next(n: number, from?: string): string[];
}

const day = (t: InstanceType<typeof ICAL.Time>) => t.toString().slice(0, 10);

function toEvent(vevent: Component): ClientEvent {
  const event = new ICAL.Event(vevent);
  const allDay = event.startDate.isDate;
  const when = (t: InstanceType<typeof ICAL.Time>) => (allDay ? day(t) : t.toJSDate().toISOString());
  const last = allDay ? event.endDate.clone() : event.endDate;
  if (allDay) last.adjust(-1, 0, 0, 0);
  const text = (name: string) => {
    const v = vevent.getFirstPropertyValue(name);
    return v === null || v === undefined ? undefined : String(v);
  };
  const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
  const rrule = vevent.getFirstPropertyValue('rrule');
  const result: ClientEvent = {
    uid: event.uid,
    summary: event.summary,
    allDay,
    start: when(event.startDate),
    end: when(last),
    next(n, from) {
      const it = event.iterator();
      const out: string[] = [];
      for (let t = it.next(); t && out.length < n; t = it.next()) {
        const s = when(t);
        if (!from || s >= from) out.push(s);
      }
      return out;
    },
  };
  if (text('description') !== undefined) result.description = text('description');
  if (text('location') !== undefined) result.location = text('location');
  if (text('status') !== undefined) result.status = text('status');
  if (text('sequence') !== undefined) result.sequence = Number(text('sequence'));
  if (rrule) result.rrule = String(rrule);
  if (typeof tzid === 'string') result.tzid = tzid;
  return result;
}

/** The feed as a client sees it. Throws when ical.js cannot parse it, or when a TZID has no VTIMEZONE in the feed. */
export function readFeed(ics: string): { name?: string; events: ClientEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  const vevents = calendar.getAllSubcomponents('vevent');
  for (const vevent of vevents) {
    const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
    if (typeof tzid === 'string' && !calendar.getAllSubcomponents('vtimezone').some((z) => z.getFirstPropertyValue('tzid') === tzid)) {
      throw new Error(`TZID ${tzid} has no VTIMEZONE in the feed`);
    }
  }
  // ical.js leaves unknown X- properties raw; RFC 5545 §3.8.8.2 makes their default type TEXT, so unescape.
  const raw = calendar.getFirstPropertyValue('x-wr-calname');
  const name = raw ? String(raw).replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)) : undefined;
  return { ...(name ? { name } : {}), events: vevents.map(toEvent) };
}
