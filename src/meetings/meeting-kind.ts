export const MEETING_KINDS = ['coordination', 'governing-body', 'bureau', 'working-group', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** True for one of the five meeting kinds of PRODUCT.md (exact, lower-case). */
export function isMeetingKind(value: string): value is MeetingKind {
  return (MEETING_KINDS as readonly string[]).includes(value);
}

const NOT_LETTER_BEFORE = '(?<![a-z])';
const NOT_LETTER_AFTER = '(?![a-z])';
const GOVERNING = new RegExp(
  `${NOT_LETTER_BEFORE}(cop|mop|msp|csp|unea|ilc|wha|assembly|conference|meeting of (the )?(states )?parties|general conference)${NOT_LETTER_AFTER}`,
  'i',
);

/**
 * Guesses a meeting's kind from its body and title: IOCC → coordination; bureau → bureau;
 * COP/MOP/MSP/CSP, UNEA, ILC, WHA, "Assembly", "Conference" → governing-body; OEWG or "working
 * group" → working-group; anything else → other.
 *
 * @example inferMeetingKind('CCM (Convention on Cluster Munitions)', 'Thirteenth Meeting of States Parties (13MSP)') // 'governing-body'
 */
export function inferMeetingKind(body: string, title: string): MeetingKind {
  const text = `${body} ${title}`;
  if (/(?<![a-z])iocc(?![a-z])|inter-organi[sz]ation coordinating committee/i.test(text)) return 'coordination';
  if (/(?<![a-z])bureau(?![a-z])/i.test(text)) return 'bureau';
  if (GOVERNING.test(text)) return 'governing-body';
  if (/(?<![a-z])oewg(?![a-z])|working group/i.test(text)) return 'working-group';
  return 'other';
}
