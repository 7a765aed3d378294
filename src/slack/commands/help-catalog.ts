/**
 * Every `/concord` subcommand as data: syntax, summary, who may use it, two examples. The help
 * builders (`slack/blocks/help.ts`) render it; handlers can take their usage line from it so that
 * help and error messages never disagree. The command name is configurable (`SLACK_COMMAND`),
 * so syntax and examples are stored without it and prefixed by `syntaxOf` / `exampleOf`.
 */
import { didYouMean } from '../../util/did-you-mean.ts';
import { MEMBER_KINDS, ROLES } from '../../committees/membership.ts';

export type HelpGroup = 'general' | 'org' | 'member' | 'meeting' | 'deadline' | 'followup' | 'record';

/** Groups in the order the overview shows them. */
export const HELP_GROUPS: readonly { key: HelpGroup; title: string }[] = [
  { key: 'general', title: 'Getting started' },
  { key: 'org', title: 'Organizations' },
  { key: 'member', title: 'Members and roles' },
  { key: 'meeting', title: 'Meetings' },
  { key: 'deadline', title: 'Deadlines' },
  { key: 'followup', title: 'Follow-ups' },
  { key: 'record', title: 'Summary records' },
];

export interface HelpExample {
  /** What follows the command name, e.g. `org show UNEP`. */
  args: string;
  /** What happens, in one short sentence. */
  result: string;
}

export interface HelpEntry {
  /** Subcommand words, e.g. `org add`. */
  name: string;
  group: HelpGroup;
  /** Arguments after the name, e.g. `CODE "Full name" [acronym:"World Bank"]`; empty when none. */
  args: string;
  summary: string;
  /** Who may use it, as shown to users. */
  who: string;
  examples: readonly [HelpExample, HelpExample];
  /** False while the command is still being built: help lists it as "coming soon". */
  available: boolean;
}

export const DEFAULT_COMMAND_NAME = '/concord';

const ALL = 'everyone';
const SECRETARIAT = 'secretariat';
const SECRETARIAT_CHAIR = 'secretariat, chair';
const ORG_PEOPLE = "the organization's focal points, alternates and members; secretariat; chair";

export const HELP_CATALOG: readonly HelpEntry[] = [
  // ——— general ———
  {
    name: 'help',
    group: 'general',
    args: '[command]',
    summary: 'List all commands, or show one command (or group) with its syntax and two examples.',
    who: ALL,
    examples: [
      { args: 'help', result: 'lists every command, grouped' },
      { args: 'help meeting add', result: 'shows how to add a meeting such as 13MSP, with examples' },
    ],
    available: true,
  },
  {
    name: 'setup',
    group: 'general',
    args: '"Committee name" [tz:Area/City] | rename "New name" | move | zone Area/City',
    summary:
      'Bind the committee to this channel (records, digests and meeting reminders post here). The first person to run it becomes secretariat. Run again, it changes nothing and says how to change it: the secretariat renames the committee with `setup rename`, makes the current channel its home with `setup move`, or changes its time zone with `setup zone`; each change is announced in the channel.',
    who: 'the first user, then the secretariat',
    examples: [
      { args: 'setup "IOMC Inter-Organization Coordinating Committee" tz:Europe/Zurich', result: 'run in #iocc: creates the committee and makes you its secretariat' },
      { args: 'setup rename "IOCC"', result: 'the secretariat renames the committee; the change is announced in #iocc' },
    ],
    available: true,
  },
  {
    name: 'whoami',
    group: 'general',
    args: '',
    summary: 'Show your role, your organization and the time zone your reminders use.',
    who: ALL,
    examples: [
      { args: 'whoami', result: 'for a UNEP focal point: “member · focal point of UNEP · reminders at 09:00 Africa/Nairobi”' },
      { args: 'whoami', result: 'for the WHO officer running the IOCC secretariat: “secretariat · member of WHO · Europe/Zurich”' },
    ],
    available: true,
  },
  {
    name: 'digest',
    group: 'general',
    args: '',
    summary:
      'Preview the next weekly digest (Monday 09:00 committee time, in the committee channel) exactly as it will be written, and when it goes out in your time: overdue follow-ups by organization, those due in 14 days, meetings and deadlines in 30 days, and the chair’s escalation list. Each focal point also gets their organization’s digest by DM at 09:00 their time.',
    who: ALL,
    examples: [
      { args: 'digest', result: 'on a Friday: the MSP opening in Geneva in three weeks and the follow-ups due, going out Monday 09:00' },
      { args: 'digest', result: 'a quiet week: “Nothing overdue…” — the committee digest still goes out' },
    ],
    available: true,
  },
  {
    name: 'reminders',
    group: 'general',
    args: '[F-n|M-n|D-n|R-n|mine]',
    summary:
      'List the reminders planned and not yet sent: to whom, and when — 09:00 in the recipient’s zone, and the same instant in yours. Without an argument, the committee’s next 20 (digests included); mine = the ones to you; R-n = the end of a circulated record’s silence period.',
    who: ALL,
    examples: [
      { args: 'reminders F-3', result: 'F-3’s reminders: 7 days and 1 day before, on the due date, then the overdue chases, for each organization’s focal points' },
      { args: 'reminders mine', result: 'for a WHO focal point: your DMs to come, at 09:00 Geneva time and in your own zone' },
    ],
    available: true,
  },
  {
    name: 'calendar',
    group: 'general',
    args: '',
    summary:
      'Get the committee’s private ICS feed URL of meetings and deadlines, to subscribe from Outlook or Google Calendar. The secretariat or the chair can revoke it and issue a new one with `calendar reset`.',
    who: ALL,
    examples: [
      { args: 'calendar', result: 'gives a private https://…/calendar/….ics link; add it in Outlook under “Subscribe from web”' },
      { args: 'calendar', result: 'in Google Calendar use “From URL”: multi-day meetings such as the BRS COPs show as all-day events' },
    ],
    available: true,
  },

  // ——— organizations ———
  {
    name: 'org add',
    group: 'org',
    args: 'CODE "Full name" [acronym:"World Bank"] [tz:Area/City] [channel:#channel]',
    summary: 'Add a participating organization. The code is 2–16 letters, digits or -; tz is its duty station.',
    who: SECRETARIAT,
    examples: [
      {
        args: 'org add WB "World Bank Group" acronym:"World Bank" tz:America/New_York',
        result: 'adds the World Bank; its reminders go out at 09:00 Washington time',
      },
      {
        args: 'org add UNITAR "United Nations Institute for Training and Research" tz:Europe/Zurich channel:#iomc-unitar',
        result: 'adds UNITAR (Geneva) with its own channel',
      },
    ],
    available: true,
  },
  {
    name: 'org list',
    group: 'org',
    args: '',
    summary: 'List the organizations with their focal points.',
    who: ALL,
    examples: [
      { args: 'org list', result: 'FAO, ILO, OECD, UNDP, UNEP, UNIDO, UNITAR, WB, WHO with their focal points and time zones' },
      { args: 'org list', result: 'right after setup: says there are none yet and shows how to use org add' },
    ],
    available: true,
  },
  {
    name: 'org show',
    group: 'org',
    args: 'CODE',
    summary: 'Show one organization: full name, duty station, channel, focal points and alternates.',
    who: ALL,
    examples: [
      { args: 'org show UNEP', result: 'United Nations Environment Programme · Africa/Nairobi · focal point and alternate' },
      { args: 'org show fao', result: 'codes are case-insensitive: shows FAO (Rome, Europe/Rome)' },
    ],
    available: true,
  },
  {
    name: 'org edit',
    group: 'org',
    args: 'CODE [name:"Full name"] [acronym:"…"] [tz:Area/City] [channel:#channel|none]',
    summary: 'Change an organization’s name, acronym, time zone or channel.',
    who: SECRETARIAT,
    examples: [
      { args: 'org edit UNEP tz:Europe/Zurich', result: 'UNEP’s chemicals branch sits in Geneva: its reminders move to 09:00 Geneva time' },
      { args: 'org edit OECD name:"Organisation for Economic Co-operation and Development" channel:none', result: 'fixes the full name and unlinks its channel' },
    ],
    available: true,
  },
  {
    name: 'org remove',
    group: 'org',
    args: 'CODE',
    summary: 'Remove an organization. Refused while it still has open follow-ups.',
    who: SECRETARIAT,
    examples: [
      { args: 'org remove OECD', result: 'removes OECD when none of its follow-ups is open' },
      { args: 'org remove UNIDO', result: 'refused while UNIDO has open follow-ups: close or reassign them first' },
    ],
    available: true,
  },

  // ——— members ———
  {
    name: 'member add',
    group: 'member',
    args: `@user CODE [as:${MEMBER_KINDS.join('|')}]`,
    summary: 'Attach a person to an organization as focal point, alternate or plain member (default member).',
    who: SECRETARIAT,
    examples: [
      { args: 'member add @amina.njoroge UNEP as:focal', result: 'Amina becomes UNEP’s focal point and gets its reminders' },
      { args: 'member add @lukas.meier WHO as:alternate', result: 'Lukas is WHO’s alternate: reminders from the 2nd overdue notice' },
    ],
    available: true,
  },
  {
    name: 'member remove',
    group: 'member',
    args: '@user',
    summary: 'Detach a person from their organization. Their organization keeps its follow-ups.',
    who: SECRETARIAT,
    examples: [
      { args: 'member remove @amina.njoroge', result: 'Amina left UNEP: she no longer gets UNEP’s reminders' },
      { args: 'member remove @lukas.meier', result: 'WHO no longer has an alternate' },
    ],
    available: true,
  },
  {
    name: 'members',
    group: 'member',
    args: '[CODE]',
    summary: 'List the members with their roles, or only one organization’s people.',
    who: ALL,
    examples: [
      { args: 'members', result: 'everyone, by organization: chair, secretariat, focal points, alternates, observers' },
      { args: 'members UNITAR', result: 'UNITAR’s focal point, alternate and members' },
    ],
    available: true,
  },
  {
    name: 'role',
    group: 'member',
    args: `@user ${ROLES.join('|')}`,
    summary: 'Set a person’s role in the committee.',
    who: SECRETARIAT,
    examples: [
      { args: 'role @jean.dupont chair', result: 'UNITAR’s representative chairs IOCC-60 and can post its summary record' },
      { args: 'role @ana.pereira observer', result: 'a BRS Secretariat colleague can read lists and records but change nothing' },
    ],
    available: true,
  },

  // ——— meetings ———
  {
    name: 'meeting add',
    group: 'meeting',
    args: '"Title" DATE[..DATE] [time:HH:MM[-HH:MM]] [tz:Zone] [at:"Venue"] [body:"Name"] [kind:K] [url:https://…] [doc:SYMBOL] [force]',
    summary:
      'Add a meeting (M-n). Multi-day conferences take a date range; kind is coordination, governing-body, bureau, working-group or other (guessed when left out). time:14:00-16:00 gives an end time; url: and doc: add a link or a document symbol. The same title on the same day as an existing meeting is refused unless you add force; a past date is kept as history and the reply says so.',
    who: SECRETARIAT_CHAIR,
    examples: [
      {
        args: 'meeting add "16MSP" 2028-09-12..2028-09-15 tz:Europe/Zurich at:"Palais des Nations, Geneva" body:"CCM MSP" kind:governing-body',
        result: 'adds a Meeting of States Parties to the Convention on Cluster Munitions as M-n; reminders 30, 7 and 1 days before',
      },
      {
        args: 'meeting add "IOCC call" next Tuesday time:14:00-15:30 tz:Europe/Zurich body:"IOCC" doc:IOMC/IOCC/2028/1',
        result: 'adds the IOCC call, 14:00 Geneva time, shown to each member in their own time',
      },
    ],
    available: true,
  },
  {
    name: 'meeting new',
    group: 'meeting',
    args: '',
    summary: 'Open a form to add a meeting: title, dates, time, zone, venue, body and kind.',
    who: SECRETARIAT_CHAIR,
    examples: [
      { args: 'meeting new', result: 'opens the form, e.g. for a five-day BRS COPs session at CICG Geneva' },
      { args: 'meeting new', result: 'for an IOCC call at 14:00 Geneva time: pick the date, time and Europe/Zurich in the form' },
    ],
    available: true,
  },
  {
    name: 'meetings',
    group: 'meeting',
    args: '[DAYS|all] [body:"Name"]',
    summary: 'Upcoming meetings first, in the venue’s time and yours. DAYS limits the window; all includes past ones.',
    who: ALL,
    examples: [
      { args: 'meetings 60', result: 'meetings in the next 60 days, e.g. the IOCC call and the UNEA bureau' },
      { args: 'meetings all body:"CCM MSP"', result: 'every Meeting of States Parties of the cluster-munitions convention, past ones included' },
    ],
    available: true,
  },
  {
    name: 'meeting show',
    group: 'meeting',
    args: 'M-n',
    summary: 'Show one meeting with its dates, venue, status and the deadlines that hang on it.',
    who: ALL,
    examples: [
      { args: 'meeting show M-1', result: '16MSP · 12–15 Sep 2028 · Palais des Nations, Geneva · the deadline “6 weeks before M-1” on Tue 1 Aug 2028' },
      { args: 'meeting show m2', result: 'ids are case-insensitive and the dash is optional: shows M-2' },
    ],
    available: true,
  },
  {
    name: 'meeting move',
    group: 'meeting',
    args: 'M-n DATE[..DATE] [time:HH:MM]',
    summary: 'Move a meeting. Deadlines set relative to it and its reminders move too. One date keeps the meeting’s length; time:none makes it all-day.',
    who: SECRETARIAT_CHAIR,
    examples: [
      { args: 'meeting move M-1 2028-09-13..2028-09-16', result: '16MSP moves a day; “6 weeks before M-1” moves to Wed 2 Aug 2028' },
      { args: 'meeting move M-2 next Wednesday time:14:00', result: 'the IOCC call moves to next Wednesday, 14:00 Geneva time' },
    ],
    available: true,
  },
  {
    name: 'meeting cancel',
    group: 'meeting',
    args: 'M-n',
    summary: 'Cancel a meeting and its pending reminders.',
    who: SECRETARIAT_CHAIR,
    examples: [
      { args: 'meeting cancel M-2', result: 'the IOCC call is marked cancelled; no more reminders for it' },
      { args: 'meeting cancel 3', result: 'cancels M-3 (the number alone is enough here)' },
    ],
    available: true,
  },

  // ——— deadlines ———
  {
    name: 'deadline add',
    group: 'deadline',
    args: '"Title" (DATE | N days|weeks before|after M-n) [orgs:A,B] [every:year]',
    summary:
      'Add a deadline (D-n) on a date or relative to a meeting, optionally yearly, for some organizations or the whole committee. `deadline cancel D-n` cancels one.',
    who: SECRETARIAT_CHAIR,
    examples: [
      { args: 'deadline add "Input papers for 16MSP" 6 weeks before M-1 orgs:UNEP,WHO,UNITAR', result: 'due Tue 1 Aug 2028; moves if 16MSP moves' },
      { args: 'deadline add "Article 7 transparency reports" 2028-04-30 every:year', result: 'due 30 April each year, for the whole committee' },
    ],
    available: true,
  },
  {
    name: 'deadline cancel',
    group: 'deadline',
    args: 'D-n',
    summary: 'Cancel a deadline (for instance one left without its meeting when that meeting was cancelled). The cancellation is announced in the channel.',
    who: SECRETARIAT_CHAIR,
    examples: [
      { args: 'deadline cancel D-3', result: 'D-3 is cancelled, announced in the channel, and leaves the calendar feed' },
      { args: 'deadline cancel 2', result: 'cancels D-2: the number alone is enough' },
    ],
    available: true,
  },
  {
    name: 'deadlines',
    group: 'deadline',
    args: '[DAYS]',
    summary: 'Upcoming deadlines, soonest first (default: the next 90 days).',
    who: ALL,
    examples: [
      { args: 'deadlines', result: 'e.g. “ISU work plan circulated”, due 60 days before an MSP' },
      { args: 'deadlines 365', result: 'the year ahead, including the yearly Article 7 transparency reports due 30 April' },
    ],
    available: true,
  },

  // ——— follow-ups ———
  {
    name: 'assign',
    group: 'followup',
    args: 'CODE[,CODE…]|all "Action" [due DATE] [meeting:M-n]',
    summary:
      'Create a follow-up (F-n) for one or more organizations. Each one’s focal points and alternates get a DM with Done, Snooze and Add update buttons; the channel gets one announcement. The due date is read in your time zone.',
    who: SECRETARIAT_CHAIR,
    examples: [
      {
        args: 'assign UNEP,WHO "Submit the GFC outcomes to UNEA" due in 6 weeks meeting:M-4',
        result: 'creates F-n for UNEP and WHO, linked to M-4, due Mon 1 Mar 2027',
      },
      { args: 'assign all "Send updates on your chemicals webinars" due in 3 weeks', result: 'one follow-up, one part per organization (“0/9 done”)' },
    ],
    available: true,
  },
  {
    name: 'followups',
    group: 'followup',
    args: '[mine|overdue|CODE|all]',
    summary: 'List follow-ups: mine = my organization’s open items (the default), overdue, one organization’s open items, or all.',
    who: ALL,
    examples: [
      { args: 'followups overdue', result: 'overdue items with the organizations still open and their snooze count' },
      { args: 'followups UNITAR', result: 'UNITAR’s open follow-ups, soonest due first' },
    ],
    available: true,
  },
  {
    name: 'followup',
    group: 'followup',
    args: 'F-n',
    summary: 'Show one follow-up: action, due date, meeting, the roll-up, each organization’s status (who marked it and when), notes, updates and snoozes with their reasons.',
    who: ALL,
    examples: [
      { args: 'followup F-12', result: 'F-12 · due Mon 1 Mar 2027 · 1/2 done (UNEP done, WHO open, snoozed once)' },
      { args: 'followup 12', result: 'the same: the number alone is enough' },
    ],
    available: true,
  },
  {
    name: 'done',
    group: 'followup',
    args: 'F-n [CODE] ["note"]',
    summary: 'Mark your organization’s part of a follow-up done (give CODE when it is not your own organization’s part, e.g. as chair). Doing it twice changes nothing.',
    who: ORG_PEOPLE,
    examples: [
      { args: 'done F-12 UNEP "Outline sent to the GFC secretariat"', result: 'UNEP’s part is done; the roll-up shows 1/2' },
      { args: 'done F-7', result: 'marks your own organization’s part of F-7 done' },
    ],
    available: true,
  },
  {
    name: 'snooze',
    group: 'followup',
    args: 'F-n (DURATION|DATE) "reason" [org:CODE]',
    summary: 'Pause the reminders of your organization’s part of a follow-up. A reason is required; the chair sees the count.',
    who: ORG_PEOPLE,
    examples: [
      { args: 'snooze F-12 2 weeks "Waiting for comments from the GFC Bureau"', result: 'reminders pause for two weeks' },
      { args: 'snooze F-9 2027-03-08 "After the Bureau meeting"', result: 'reminders resume on Mon 8 Mar 2027' },
    ],
    available: true,
  },
  {
    name: 'update',
    group: 'followup',
    args: 'F-n "text" [org:CODE]',
    summary: 'Add a progress note to your organization’s part of a follow-up without closing it.',
    who: ORG_PEOPLE,
    examples: [
      { args: 'update F-12 "Draft with the Director-General’s office"', result: 'the note shows in `followup F-12` under your organization' },
      { args: 'update F-12 "Bureau consulted" org:WHO', result: 'a note on WHO’s part (e.g. added by the secretariat)' },
    ],
    available: true,
  },
  {
    name: 'cancel',
    group: 'followup',
    args: 'F-n',
    summary: 'Cancel a follow-up for every organization (parts already done stay done).',
    who: SECRETARIAT_CHAIR,
    examples: [
      { args: 'cancel F-15', result: 'overtaken by the OEWG outcome: F-15 is cancelled' },
      { args: 'cancel f16', result: 'ids are case-insensitive and the dash is optional: F-16 is cancelled' },
    ],
    available: true,
  },
  {
    name: 'reassign',
    group: 'followup',
    args: 'F-n FROM TO',
    summary: 'Move one organization’s open part of a follow-up to another organization, which is notified.',
    who: SECRETARIAT_CHAIR,
    examples: [
      { args: 'reassign F-12 WHO UNITAR', result: 'UNITAR takes over WHO’s part of F-12 and is notified' },
      { args: 'reassign F-8 UNDP WB', result: 'the World Bank takes over UNDP’s part of F-8' },
    ],
    available: true,
  },
  {
    name: 'reopen',
    group: 'followup',
    args: 'F-n CODE',
    summary: 'Open one organization’s done part of a follow-up again.',
    who: SECRETARIAT_CHAIR,
    examples: [
      { args: 'reopen F-12 UNEP', result: 'UNEP’s part is open again; the roll-up goes back by one' },
      { args: 'reopen 7 who', result: 'ids and codes are case-insensitive: WHO’s part of F-7 is open again' },
    ],
    available: true,
  },

  // ——— records ———
  {
    name: 'record',
    group: 'record',
    args: '[M-n]',
    summary:
      'Open the summary-record form (of meeting M-n; *Post summary record* on a meeting’s announcement does the same): attendance, specific and general matters (add as many as needed), decisions, follow-ups (`CODE[,CODE]: action (due DATE)`), the open follow-ups of earlier meetings (carried over, or closed on adoption). Submit as a draft, circulate it (silence procedure: adopted after 5 working days unless a member objects; resolving the objections starts a new period) or adopt it now (chair). A closed form is kept as your draft. `record amend|adopt|resolve|object R-n` amend, adopt, resolve objections, object.',
    who: 'chair, secretariat',
    examples: [
      { args: 'record', result: 'opens the form (or your draft), e.g. for the 60th IOCC meeting (ILO, Geneva)' },
      { args: 'record M-4', result: 'opens the form with M-4 chosen as the meeting (a cancelled meeting has no record: the answer says so)' },
    ],
    available: true,
  },
  {
    name: 'records',
    group: 'record',
    args: '',
    summary: 'List summary records with their status: draft, circulated (until when) or adopted.',
    who: ALL,
    examples: [
      { args: 'records', result: 'e.g. R-1 · 60th IOCC meeting · 21–22 Nov 2023 · adopted' },
      { args: 'records', result: 'during a silence procedure: R-2 · circulated until Fri 28 Nov' },
    ],
    available: true,
  },
  {
    name: 'record show',
    group: 'record',
    args: 'R-n',
    summary: 'Show a summary record: attendance, specific and general matters, decisions and follow-ups.',
    who: ALL,
    examples: [
      { args: 'record show R-1', result: 'the 60th IOCC meeting, chaired by UNITAR, with its follow-ups and their status' },
      { args: 'record show r1', result: 'ids are case-insensitive and the dash is optional' },
    ],
    available: true,
  },
  {
    name: 'record versions',
    group: 'record',
    args: 'R-n',
    summary: 'Every version of a record (an amendment adds one and keeps the old), who wrote it and when.',
    who: ALL,
    examples: [
      { args: 'record versions R-1', result: 'v1 by the secretariat, v2 (current) after the chair’s amendment' },
      { args: 'record versions r1', result: 'the same, with the id typed short' },
    ],
    available: true,
  },
  {
    name: 'export',
    group: 'record',
    args: 'R-n [md|docx]',
    summary: 'Upload a record to the channel as Markdown (default) or Word, with the status of earlier action points.',
    who: ALL,
    examples: [
      { args: 'export R-1 docx', result: 'uploads R-1 as a Word file (e.g. R-1-60th-iocc-meeting.docx) to this channel, with the annex table' },
      { args: 'export R-1', result: 'uploads the record as Markdown: the same headings, bold topics and annex' },
    ],
    available: true,
  },
  {
    name: 'search',
    group: 'record',
    args: 'WORDS [in:records|followups] [org:CODE]',
    summary:
      'Search records (their current version), follow-ups and their updates and notes, best match first, with the matching words in bold and the command that opens each. "a phrase" in quotes, `or`, and -word to leave out work as in a web search; plastic also finds plastics.',
    who: ALL,
    examples: [
      { args: 'search plastics', result: 'records and follow-ups that mention plastics, e.g. R-1 and F-2, with the words in bold' },
      { args: 'search "GFC outcomes" in:followups org:UNEP', result: 'UNEP’s follow-ups with that phrase in their action or a note' },
    ],
    available: true,
  },
];

/** Full syntax with the command name, e.g. `/concord org add CODE "Full name" …`. */
export function syntaxOf(entry: HelpEntry, commandName = DEFAULT_COMMAND_NAME): string {
  return [commandName, entry.name, entry.args].filter((part) => part !== '').join(' ');
}

/** An example as typed, e.g. `/concord org show UNEP`. */
export function exampleOf(example: HelpExample, commandName = DEFAULT_COMMAND_NAME): string {
  return `${commandName} ${example.args}`;
}

export function entriesOf(group: HelpGroup): HelpEntry[] {
  return HELP_CATALOG.filter((entry) => entry.group === group);
}

export interface ResolvedHelpExample extends HelpExample {
  /** As typed, with the command name: `/concord org show UNEP`. */
  text: string;
}

/** An entry with the command name filled in. */
export interface ResolvedHelpEntry extends HelpEntry {
  /** `/concord org add CODE "Full name" …` */
  syntax: string;
  examples: readonly [ResolvedHelpExample, ResolvedHelpExample];
}

export function resolveEntry(entry: HelpEntry, commandName = DEFAULT_COMMAND_NAME): ResolvedHelpEntry {
  const [a, b] = entry.examples;
  return {
    ...entry,
    syntax: syntaxOf(entry, commandName),
    examples: [
      { ...a, text: exampleOf(a, commandName) },
      { ...b, text: exampleOf(b, commandName) },
    ],
  };
}

export type HelpLookup =
  | { ok: true; kind: 'command'; entry: ResolvedHelpEntry }
  | { ok: true; kind: 'group'; group: HelpGroup; title: string; entries: ResolvedHelpEntry[] }
  | { ok: false; error: string; suggestion?: string };

/**
 * Look a help topic up: a command (`org add`, `meetings`) or a group (`org`, `member`, `meeting`,
 * `deadline`, `followup`, `record`). A group name wins over a command of the same name (`record`,
 * `followup`), since the group lists that command too. Case and extra spaces do not matter, and a
 * leading command name (`/concord org add`) is ignored. Unknown → error with a "did you mean".
 */
export function helpFor(name: string, commandName = DEFAULT_COMMAND_NAME): HelpLookup {
  let topic = name.trim().replace(/\s+/g, ' ').toLowerCase();
  const prefix = `${commandName.toLowerCase()} `;
  if (topic.startsWith(prefix)) topic = topic.slice(prefix.length);
  else if (topic === commandName.toLowerCase()) topic = '';
  if (topic === '') return { ok: false, error: 'Which command? Give its name, e.g. org add.' };

  const group = HELP_GROUPS.find((g) => g.key === topic);
  if (group) {
    const entries = entriesOf(group.key).map((e) => resolveEntry(e, commandName));
    return { ok: true, kind: 'group', group: group.key, title: group.title, entries };
  }

  const entry = HELP_CATALOG.find((e) => e.name === topic);
  if (entry) return { ok: true, kind: 'command', entry: resolveEntry(entry, commandName) };

  const candidates = [...HELP_CATALOG.map((e) => e.name), ...HELP_GROUPS.filter((g) => g.key !== 'general').map((g) => g.key)];
  const suggestion = didYouMean(topic, candidates);
  const error = `There is no command “${Array.from(topic).slice(0, 40).join('')}”.`;
  return suggestion === undefined ? { ok: false, error } : { ok: false, error, suggestion };
}
