/** A saved version as modal values (to amend it). Pure. */
import type { RecordVersion } from '../../records/record-repository.ts';
import type { RecordValues } from '../blocks/record-modal.ts';


export function valuesFromVersion(v: RecordVersion): RecordValues {
  const h = v.header;
  return {
    fields: {
      meetingNumber: h.meetingNumber, dates: h.dates, venue: h.venue, host: h.host, chair: h.chair, rapporteur: h.rapporteur, present: h.present,
      observers: h.observers, apologies: h.apologies, agenda: h.agenda, nextMeeting: h.nextMeeting,
      decisions: v.decisions.join('\n'),
      followUps: v.followUps.map((f) => `${f.codes.join(',')}: ${f.action}${f.due ? ` (due ${f.due})` : ''}`).join('\n'),
    },
    specific: v.matters.filter((m) => m.section === 'specific').map((m) => m.text),
    general: v.matters.filter((m) => m.section === 'general').map((m) => m.text),
    carry: Object.fromEntries(v.carryOver.map((c) => [c.followUpId, c.choice])),
  };
}
