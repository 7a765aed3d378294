/**
 * Malformed and hostile interaction payloads (block_actions, view_submission, view_closed, shortcuts) for
 * the fuzz test of the follow-up and meeting handlers over signed HTTP. Every case starts from a REAL
 * payload the sandbox sent for a real click or submission (captured by the test, see `Templates`) and
 * mutates it: an unknown action_id; a button value naming F-999, another committee's part, a done or
 * cancelled part, an organization not on the follow-up, non-JSON, oversized or of the wrong type; `user`,
 * `team`, `trigger_id`, `view`, `state` missing; state values of the wrong type; impossible, far past and
 * far future dates; empty and over-long texts; tampered `private_metadata`; a click from a user of
 * another workspace. Each case says what the user must notice (`Expectation`); none may change anything.
 */
import { NOTE_MAX } from '../../src/followups/followup-rules.ts';
import { FOLLOWUP_ACTIONS, FOLLOWUP_SNOOZE_MODAL, FOLLOWUP_UPDATE_MODAL, MEETING_MODAL, RECORD_MODAL, RECORD_OBJECTION_MODAL } from '../../src/slack/ids.ts';

type Json = Record<string, unknown>;

/** Real payloads captured from the sandbox, each as Slack sent it. */
export interface Templates {
  /** *Done* clicked on a follow-up DM (message container, response_url). */
  dmClick: Json;
  /** *Snooze* clicked on the App Home (view container, no response_url). */
  homeClick: Json;
  /** The Snooze modal submitted (refused: no reason). */
  snoozeSubmit: Json;
  /** The Add update modal submitted (refused: no text). */
  updateSubmit: Json;
  /** The `meeting new` modal submitted (refused: no title). */
  meetingSubmit: Json;
}

export interface InteractionWorld {
  templates: Templates;
  /** The committee's workspace and channel. */
  teamId: string;
  channelId: string;
  /** The DM in which the reporter got F-1 (the clicked message of `dmClick`). */
  dm: { channelId: string; ts: string };
  users: {
    /** Focal point of WHO, which has a part of F-1. */
    reporter: string;
    /** Focal point of FAO, which has the other part of F-1. */
    otherOrganization: string;
    /** Focal point of UNEP, which is not on F-1. */
    notOnFollowUp: string;
    observer: string;
    nonMember: string;
    secretariat: string;
    /** A member of another workspace (with its own committee) and that workspace. */
    foreign: string;
    foreignTeamId: string;
    /** A Slack Connect user from another organization's workspace, not a committee member. */
    external: string;
    externalTeamId: string;
  };
  parts: {
    /** WHO's open part of F-1. */
    open: string;
    /** FAO's open part of F-1. */
    otherOrganization: string;
    /** WHO's part of F-2, done. */
    done: string;
    /** WHO's part of F-3, cancelled with F-3. */
    cancelled: string;
    /** A part in the other workspace's committee. */
    otherCommittee: string;
  };
  /** Today in the reporter's zone (YYYY-MM-DD). */
  today: string;
}

/** Fresh, live values a case needs when it is sent (trigger_ids expire after 3 s). */
export interface Live {
  trigger(userId: string): string;
  /** A response_url that shows its answers to `userId` in `channelId`, about the message `messageTs`. */
  responseUrl(userId: string, channelId: string, messageTs?: string): string;
}

/** What the user must notice. Whatever it is: HTTP 200, no internal error text anywhere, nothing changed. */
export type Expectation =
  /** An explanation only `user` sees (ephemeral, or a small modal from the Home tab) matching `text`. */
  | { kind: 'told'; user: string; text: RegExp }
  /** `response_action: errors` in the ack, with a message on `block` matching `text`. */
  | { kind: 'errors'; block: string; text: RegExp }
  /** The click is allowed and opens its modal for `user` (nothing changes until it is submitted). */
  | { kind: 'modal'; user: string; callbackId: string }
  /** Nothing to show (nobody to tell, or not Concord's): an empty ack and nothing posted. */
  | { kind: 'quiet' }
  /**
   * A shape Slack never sends and Bolt cannot route (no `user`, `actions` not a list): Bolt throws before
   * any listener, and the receiver answers its generic ephemeral ack. Nothing may change.
   */
  | { kind: 'unroutable' };

export interface InteractionCase {
  name: string;
  build(live: Live): unknown;
  expect: Expectation;
}

const clone = <T>(value: T): T => structuredClone(value);

/** Sets (or, with `undefined`, deletes) a dotted path, creating objects on the way. */
function setPath(target: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: Json = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Json;
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

function withChanges(template: Json, changes: Record<string, unknown>): Json {
  const out = clone(template);
  for (const [path, value] of Object.entries(changes)) setPath(out, path, value);
  return out;
}

const NO_PART = /no longer exists in your committee: nothing was changed/;
const NO_COMMITTEE = /This workspace has no committee yet/;
const NO_COMMITTEE_OR_RECORD = /no committee yet|no longer exists|R-1/;
/** Refused for that organization (or, for those with no say on any follow-up, for every organization). */
const REFUSED = (code: string) => new RegExp(`Only (${code}'s|an organization's) focal points`);

export function interactionFuzzCases(w: InteractionWorld): InteractionCase[] {
  const u = w.users;
  const cases: InteractionCase[] = [];
  const add = (name: string, expect: Expectation, build: (live: Live) => unknown) => cases.push({ name, expect, build });
  const userRef = (id: string, teamId = w.teamId) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: teamId });

  /** A click on the reporter's DM, as `user` of `teamId`, on `actionId` with `value` (undefined: no value). */
  const dmClick = (live: Live, o: { user?: string; teamId?: string; actionId?: string; value?: unknown; changes?: Record<string, unknown> }) => {
    const user = o.user ?? u.reporter;
    const teamId = o.teamId ?? w.teamId;
    const p = withChanges(w.templates.dmClick, {
      user: userRef(user, teamId),
      'team.id': teamId,
      trigger_id: live.trigger(user),
      response_url: live.responseUrl(user, w.dm.channelId, w.dm.ts),
    });
    const action = (p.actions as Json[])[0]!;
    if (o.actionId !== undefined) action.action_id = o.actionId;
    if ('value' in o) {
      if (o.value === undefined) delete action.value;
      else action.value = o.value;
    }
    for (const [path, value] of Object.entries(o.changes ?? {})) setPath(p, path, value);
    return p;
  };

  // ── Buttons on a DM ─────────────────────────────────────────────────────────────────────────
  const buttons = [
    ['Done', FOLLOWUP_ACTIONS.done],
    ['Snooze', FOLLOWUP_ACTIONS.snooze],
    ['Add update', FOLLOWUP_ACTIONS.update],
  ] as const;
  for (const [label, actionId] of buttons) {
    const click = (o: Parameters<typeof dmClick>[1]) => (live: Live) => dmClick(live, { actionId, ...o });
    add(`${label}: value F-999`, { kind: 'told', user: u.reporter, text: NO_PART }, click({ value: 'F-999' }));
    add(`${label}: value of another committee's part`, { kind: 'told', user: u.reporter, text: NO_PART }, click({ value: w.parts.otherCommittee }));
    add(`${label}: value is not JSON`, { kind: 'told', user: u.reporter, text: NO_PART }, click({ value: '{"assignmentId": "' }));
    add(`${label}: value of 2,001 characters`, { kind: 'told', user: u.reporter, text: NO_PART }, click({ value: 'x'.repeat(2001) }));
    add(`${label}: value of 200,000 characters`, { kind: 'told', user: u.reporter, text: NO_PART }, click({ value: w.parts.open.repeat(6000).slice(0, 200_000) }));
    add(`${label}: value with a NUL byte`, { kind: 'told', user: u.reporter, text: NO_PART }, click({ value: `${w.parts.open}\u0000` }));
    add(`${label}: no value`, { kind: 'told', user: u.reporter, text: NO_PART }, click({ value: undefined }));
    add(`${label}: value is a number`, { kind: 'told', user: u.reporter, text: NO_PART }, click({ value: 12345 }));
    add(`${label}: value is an object`, { kind: 'told', user: u.reporter, text: NO_PART }, click({ value: { assignmentId: w.parts.open } }));
    add(`${label}: another organization's part`, { kind: 'told', user: u.reporter, text: REFUSED('FAO') }, click({ value: w.parts.otherOrganization }));
    add(`${label}: by the focal point of an organization not on the follow-up`, { kind: 'told', user: u.notOnFollowUp, text: REFUSED('WHO') }, click({ user: u.notOnFollowUp, value: w.parts.open }));
    add(`${label}: by an observer`, { kind: 'told', user: u.observer, text: REFUSED('WHO') }, click({ user: u.observer, value: w.parts.open }));
    add(`${label}: by a non-member`, { kind: 'told', user: u.nonMember, text: REFUSED('WHO') }, click({ user: u.nonMember, value: w.parts.open }));
    add(`${label}: by a Slack Connect user of another workspace`, { kind: 'told', user: u.external, text: REFUSED('WHO') }, (live) =>
      dmClick(live, { actionId, user: u.external, value: w.parts.open, changes: { 'user.team_id': u.externalTeamId } }),
    );
    add(`${label}: by a user of another workspace`, { kind: 'told', user: u.foreign, text: NO_PART }, click({ user: u.foreign, teamId: u.foreignTeamId, value: w.parts.open }));
    add(`${label}: a cancelled part`, { kind: 'told', user: u.reporter, text: /is cancelled/ }, click({ value: w.parts.cancelled }));
    add(`${label}: without team (the user's team_id stands for it)`, { kind: 'told', user: u.observer, text: REFUSED('WHO') }, click({ user: u.observer, value: w.parts.open, changes: { team: undefined } }));
    add(`${label}: without team nor the user's team_id`, { kind: 'told', user: u.reporter, text: NO_COMMITTEE }, click({ value: w.parts.open, changes: { team: undefined, 'user.team_id': undefined } }));
  }
  add('Done: a done part', { kind: 'told', user: u.reporter, text: /already done by .*nothing changed/ }, (live) => dmClick(live, { actionId: FOLLOWUP_ACTIONS.done, value: w.parts.done }));
  add('Snooze: a done part', { kind: 'told', user: u.reporter, text: /already done: there is nothing to snooze/ }, (live) => dmClick(live, { actionId: FOLLOWUP_ACTIONS.snooze, value: w.parts.done }));
  add('Add update: a done part (allowed: a note on a done part)', { kind: 'modal', user: u.reporter, callbackId: FOLLOWUP_UPDATE_MODAL.callbackId }, (live) =>
    dmClick(live, { actionId: FOLLOWUP_ACTIONS.update, value: w.parts.done }),
  );
  add('Snooze: no trigger_id (the modal cannot open)', { kind: 'told', user: u.reporter, text: /could not open the form.*click .*again/i }, (live) =>
    dmClick(live, { actionId: FOLLOWUP_ACTIONS.snooze, value: w.parts.open, changes: { trigger_id: undefined } }),
  );
  add('Add update: an expired trigger_id', { kind: 'told', user: u.reporter, text: /could not open the form.*click .*again/i }, (live) =>
    dmClick(live, { actionId: FOLLOWUP_ACTIONS.update, value: w.parts.open, changes: { trigger_id: '1111.2222.expired' } }),
  );
  add('Done by an observer, without response_url (told in a small modal)', { kind: 'told', user: u.observer, text: REFUSED('WHO') }, (live) =>
    dmClick(live, { actionId: FOLLOWUP_ACTIONS.done, user: u.observer, value: w.parts.open, changes: { response_url: undefined } }),
  );
  add('an unknown action_id', { kind: 'told', user: u.reporter, text: /no longer in use/ }, (live) => dmClick(live, { actionId: 'followup_destroy', value: w.parts.open }));
  add('an unknown action_id like a record one', { kind: 'told', user: u.reporter, text: /no longer in use/ }, (live) => dmClick(live, { actionId: 'record_delete', value: w.parts.open }));
  add('Done without user', { kind: 'unroutable' }, (live) => dmClick(live, { actionId: FOLLOWUP_ACTIONS.done, value: w.parts.open, changes: { user: undefined } }));
  add('Done with an empty actions list', { kind: 'unroutable' }, (live) => dmClick(live, { changes: { actions: [] } }));
  add('Done with actions not a list', { kind: 'unroutable' }, (live) => dmClick(live, { changes: { actions: { action_id: FOLLOWUP_ACTIONS.done, value: w.parts.open } } }));

  // ── Buttons on the App Home (no response_url: a refusal is told in a small modal) ──────────────
  const homeClick = (live: Live, user: string, value: unknown, actionId: string = FOLLOWUP_ACTIONS.snooze) => {
    const p = withChanges(w.templates.homeClick, { user: userRef(user), trigger_id: live.trigger(user) });
    Object.assign((p.actions as Json[])[0]!, { value, action_id: actionId });
    return p;
  };
  add('Home: Snooze on another organization’s part', { kind: 'told', user: u.reporter, text: REFUSED('FAO') }, (live) => homeClick(live, u.reporter, w.parts.otherOrganization));
  add('Home: Done on F-999', { kind: 'told', user: u.reporter, text: NO_PART }, (live) => homeClick(live, u.reporter, 'F-999', FOLLOWUP_ACTIONS.done));
  add('Home: Add update by an observer', { kind: 'told', user: u.observer, text: REFUSED('WHO') }, (live) => homeClick(live, u.observer, w.parts.open, FOLLOWUP_ACTIONS.update));
  add('Home: Snooze with the view missing', { kind: 'told', user: u.reporter, text: REFUSED('FAO') }, (live) => {
    const p = homeClick(live, u.reporter, w.parts.otherOrganization);
    delete p.view;
    return p;
  });

  // ── The Snooze and Add update modals ───────────────────────────────────────────────────────
  const S = FOLLOWUP_SNOOZE_MODAL.fields;
  const U = FOLLOWUP_UPDATE_MODAL.fields;
  const submit = (template: Json, o: { user?: string; teamId?: string; values?: Json; metadata?: string; changes?: Record<string, unknown> }) => (live: Live) => {
    const user = o.user ?? u.reporter;
    const p = withChanges(template, { user: userRef(user, o.teamId), 'team.id': o.teamId ?? w.teamId, trigger_id: live.trigger(user) });
    if (o.values) setPath(p, 'view.state.values', o.values);
    if (o.metadata !== undefined) setPath(p, 'view.private_metadata', o.metadata);
    for (const [path, value] of Object.entries(o.changes ?? {})) setPath(p, path, value);
    return p;
  };
  const snoozeValues = (until: unknown, reason: unknown): Json => ({
    [S.until.blockId]: { [S.until.actionId]: { type: 'datepicker', selected_date: until } },
    [S.reason.blockId]: { [S.reason.actionId]: { type: 'plain_text_input', value: reason } },
  });
  const snooze = (o: Parameters<typeof submit>[1]) => submit(w.templates.snoozeSubmit, o);
  const soon = addDaysIso(w.today, 7);
  const meta = (assignmentId: unknown) => JSON.stringify({ assignmentId, channelId: w.dm.channelId });
  const UNTIL = S.until.blockId;
  const REASON = S.reason.blockId;
  add('Snooze form: 2026-02-30', { kind: 'errors', block: UNTIL, text: /Pick the day/ }, snooze({ values: snoozeValues('2026-02-30', 'Waiting') }));
  add('Snooze form: a date far in the past', { kind: 'errors', block: UNTIL, text: /after today/ }, snooze({ values: snoozeValues('1970-01-01', 'Waiting') }));
  add('Snooze form: a date far in the future', { kind: 'errors', block: UNTIL, text: /at most a year/ }, snooze({ values: snoozeValues('9999-12-31', 'Waiting') }));
  add('Snooze form: today', { kind: 'errors', block: UNTIL, text: /after today/ }, snooze({ values: snoozeValues(w.today, 'Waiting') }));
  add('Snooze form: a date as a number', { kind: 'errors', block: UNTIL, text: /Pick the day/ }, snooze({ values: snoozeValues(20261215, 'Waiting') }));
  add('Snooze form: a date in another format', { kind: 'errors', block: UNTIL, text: /Pick the day/ }, snooze({ values: snoozeValues('15/12/2026', 'Waiting') }));
  add('Snooze form: an empty reason', { kind: 'errors', block: REASON, text: /Give a reason/ }, snooze({ values: snoozeValues(soon, '') }));
  add('Snooze form: a blank reason', { kind: 'errors', block: REASON, text: /Give a reason/ }, snooze({ values: snoozeValues(soon, ' \n\t\u00a0') }));
  add('Snooze form: a null reason', { kind: 'errors', block: REASON, text: /Give a reason/ }, snooze({ values: snoozeValues(soon, null) }));
  add('Snooze form: a reason as a number', { kind: 'errors', block: REASON, text: /Give a reason/ }, snooze({ values: snoozeValues(soon, 42) }));
  add('Snooze form: a reason as an object', { kind: 'errors', block: REASON, text: /Give a reason/ }, snooze({ values: snoozeValues(soon, { text: 'Waiting' }) }));
  add(`Snooze form: a reason of ${NOTE_MAX + 1} characters`, { kind: 'errors', block: REASON, text: new RegExp(`At most ${NOTE_MAX}`) }, snooze({ values: snoozeValues(soon, 'r'.repeat(NOTE_MAX + 1)) }));
  add('Snooze form: the fields missing', { kind: 'errors', block: UNTIL, text: /Pick the day/ }, snooze({ values: {} }));
  add('Snooze form: state.values not an object', { kind: 'errors', block: UNTIL, text: /Pick the day/ }, snooze({ changes: { 'view.state': { values: 'garbage' } } }));
  add('Snooze form: no state', { kind: 'errors', block: UNTIL, text: /Pick the day/ }, snooze({ changes: { 'view.state': undefined } }));
  add('Snooze form: a field of the wrong element shape', { kind: 'errors', block: UNTIL, text: /Pick the day/ }, snooze({ values: { [UNTIL]: 'x', [REASON]: [1, 2] } }));
  add('Snooze form: metadata of another committee’s part', { kind: 'errors', block: REASON, text: NO_PART }, snooze({ values: snoozeValues(soon, 'Waiting'), metadata: meta(w.parts.otherCommittee) }));
  add('Snooze form: metadata of another organization’s part', { kind: 'errors', block: REASON, text: REFUSED('FAO') }, snooze({ values: snoozeValues(soon, 'Waiting'), metadata: meta(w.parts.otherOrganization) }));
  add('Snooze form: metadata of a done part', { kind: 'errors', block: REASON, text: /already done/ }, snooze({ values: snoozeValues(soon, 'Waiting'), metadata: meta(w.parts.done) }));
  add('Snooze form: metadata of a cancelled part', { kind: 'errors', block: REASON, text: /cancelled/ }, snooze({ values: snoozeValues(soon, 'Waiting'), metadata: meta(w.parts.cancelled) }));
  add('Snooze form: metadata garbage', { kind: 'errors', block: REASON, text: /no longer valid/ }, snooze({ values: snoozeValues(soon, 'Waiting'), metadata: '}{not json' }));
  add('Snooze form: metadata with a numeric part id', { kind: 'errors', block: REASON, text: /no longer valid/ }, snooze({ values: snoozeValues(soon, 'Waiting'), metadata: '{"assignmentId": 7}' }));
  add('Snooze form: metadata JSON null', { kind: 'errors', block: REASON, text: /no longer valid/ }, snooze({ values: snoozeValues(soon, 'Waiting'), metadata: 'null' }));
  add('Snooze form: metadata missing', { kind: 'errors', block: REASON, text: /no longer valid/ }, snooze({ values: snoozeValues(soon, 'Waiting'), changes: { 'view.private_metadata': undefined } }));
  add('Snooze form: by an observer', { kind: 'errors', block: REASON, text: REFUSED('WHO') }, snooze({ user: u.observer, values: snoozeValues(soon, 'Waiting') }));
  add('Snooze form: by a user of another workspace', { kind: 'errors', block: REASON, text: NO_PART }, snooze({ user: u.foreign, teamId: u.foreignTeamId, values: snoozeValues(soon, 'Waiting') }));
  add('Snooze form: without user', { kind: 'quiet' }, snooze({ values: snoozeValues(soon, 'Waiting'), changes: { user: undefined } }));
  add('Snooze form: without view', { kind: 'quiet' }, snooze({ changes: { view: undefined } }));

  const update = (o: Parameters<typeof submit>[1]) => submit(w.templates.updateSubmit, o);
  const updateValues = (text: unknown): Json => ({ [U.text.blockId]: { [U.text.actionId]: { type: 'plain_text_input', value: text } } });
  const TEXT = U.text.blockId;
  add('Update form: 3,001 characters', { kind: 'errors', block: TEXT, text: new RegExp(`At most ${NOTE_MAX} characters \\(this is 3001\\)`) }, update({ values: updateValues('u'.repeat(3001)) }));
  add('Update form: empty', { kind: 'errors', block: TEXT, text: /Give the update/ }, update({ values: updateValues('') }));
  add('Update form: a number', { kind: 'errors', block: TEXT, text: /Give the update/ }, update({ values: updateValues(3001) }));
  add('Update form: a list', { kind: 'errors', block: TEXT, text: /Give the update/ }, update({ values: updateValues(['Draft', 'sent']) }));
  add('Update form: only NUL and control characters', { kind: 'errors', block: TEXT, text: /Give the update/ }, update({ values: updateValues('\u0000\u0001\u0007\u009f') }));
  add('Update form: no state', { kind: 'errors', block: TEXT, text: /Give the update/ }, update({ changes: { 'view.state': undefined } }));
  add('Update form: metadata of another follow-up’s part (another organization)', { kind: 'errors', block: TEXT, text: REFUSED('FAO') }, update({ values: updateValues('Draft sent'), metadata: meta(w.parts.otherOrganization) }));
  add('Update form: metadata of a cancelled part', { kind: 'errors', block: TEXT, text: /cancelled/ }, update({ values: updateValues('Draft sent'), metadata: meta(w.parts.cancelled) }));
  add('Update form: metadata of another committee’s part', { kind: 'errors', block: TEXT, text: NO_PART }, update({ values: updateValues('Draft sent'), metadata: meta(w.parts.otherCommittee) }));
  add('Update form: metadata garbage', { kind: 'errors', block: TEXT, text: /no longer valid/ }, update({ values: updateValues('Draft sent'), metadata: '\u0000' }));
  add('Update form: by a non-member', { kind: 'errors', block: TEXT, text: REFUSED('WHO') }, update({ user: u.nonMember, values: updateValues('Draft sent') }));

  // ── The meeting modal ──────────────────────────────────────────────────────────────────────
  const M = MEETING_MODAL.fields;
  const meeting = (values: Record<string, unknown>, o: Omit<Parameters<typeof submit>[1], 'values'> = {}) => {
    const v: Json = {};
    const typed: Record<string, (x: unknown) => Json> = {
      title: (x) => ({ type: 'plain_text_input', value: x }),
      startDate: (x) => ({ type: 'datepicker', selected_date: x }),
      endDate: (x) => ({ type: 'datepicker', selected_date: x }),
      startTime: (x) => ({ type: 'timepicker', selected_time: x }),
      endTime: (x) => ({ type: 'timepicker', selected_time: x }),
      zone: (x) => ({ type: 'plain_text_input', value: x }),
      venue: (x) => ({ type: 'plain_text_input', value: x }),
      body: (x) => ({ type: 'plain_text_input', value: x }),
      kind: (x) => ({ type: 'static_select', selected_option: x === null ? null : { text: { type: 'plain_text', text: String(x) }, value: x } }),
      url: (x) => ({ type: 'plain_text_input', value: x }),
    };
    for (const [field, x] of Object.entries(values)) {
      const ids = M[field as keyof typeof M];
      v[ids.blockId] = { [ids.actionId]: typed[field]!(x) };
    }
    return submit(w.templates.meetingSubmit, { user: u.secretariat, ...o, values: v });
  };
  const valid = { title: 'IOCC-99', startDate: '2027-03-02', zone: 'Europe/Zurich' };
  add('Meeting form: 2026-02-30', { kind: 'errors', block: M.startDate.blockId, text: /Pick the first day/ }, meeting({ ...valid, startDate: '2026-02-30' }));
  add('Meeting form: ends before it starts', { kind: 'errors', block: M.endDate.blockId, text: /before the first day/ }, meeting({ ...valid, endDate: '1900-01-01' }));
  add('Meeting form: a title of 5,000 characters', { kind: 'errors', block: M.title.blockId, text: /At most/ }, meeting({ ...valid, title: 't'.repeat(5000) }));
  add('Meeting form: a title as a number', { kind: 'errors', block: M.title.blockId, text: /did not come through/ }, meeting({ ...valid, title: 99 }));
  add('Meeting form: a title of NUL and control characters', { kind: 'errors', block: M.title.blockId, text: /Give the meeting a title/ }, meeting({ ...valid, title: '\u0000\u0008\u001b' }));
  add('Meeting form: a date as a number', { kind: 'errors', block: M.startDate.blockId, text: /did not come through/ }, meeting({ ...valid, startDate: 20270302 }));
  add('Meeting form: an end date as a list', { kind: 'errors', block: M.endDate.blockId, text: /did not come through/ }, meeting({ ...valid, endDate: ['2027-03-03'] }));
  add('Meeting form: an unknown zone', { kind: 'errors', block: M.zone.blockId, text: /Mars\/Olympus/ }, meeting({ ...valid, zone: 'Mars/Olympus' }));
  add('Meeting form: a zone as an object', { kind: 'errors', block: M.zone.blockId, text: /did not come through/ }, meeting({ ...valid, zone: { tz: 'Europe/Zurich' } }));
  add('Meeting form: 25:99 to 10:00', { kind: 'errors', block: M.startTime.blockId, text: /Pick a time of day/ }, meeting({ ...valid, startTime: '25:99', endTime: '10:00' }));
  add('Meeting form: a time as a number', { kind: 'errors', block: M.startTime.blockId, text: /did not come through/ }, meeting({ ...valid, startTime: 1000 }));
  add('Meeting form: a venue as an object', { kind: 'errors', block: M.venue.blockId, text: /did not come through/ }, meeting({ ...valid, venue: { name: 'CICG' } }));
  add('Meeting form: a javascript: link', { kind: 'errors', block: M.url.blockId, text: /link starts with https/ }, meeting({ ...valid, url: 'javascript:alert(1)'.padEnd(120, '/') }));
  add('Meeting form: an unknown kind and no title', { kind: 'errors', block: M.title.blockId, text: /Give the meeting a title/ }, meeting({ ...valid, title: '', kind: 'bogus' }));
  add('Meeting form: no state', { kind: 'errors', block: M.title.blockId, text: /Give the meeting a title/ }, meeting({}, { changes: { 'view.state': undefined } }));
  add('Meeting form: by an observer (valid fields)', { kind: 'told', user: u.observer, text: /Only the secretariat or the chair can add meetings/ }, meeting(valid, { user: u.observer }));
  add('Meeting form: by a user of another workspace, metadata garbage', { kind: 'quiet' }, meeting(valid, { user: u.foreign, teamId: u.foreignTeamId, metadata: 'garbage' }));

  // ── The record objection modal (its handler: src/slack/views/record-objection.ts) ──────────────
  const O = RECORD_OBJECTION_MODAL.fields.reason;
  const objection = (reason: unknown, o: Omit<Parameters<typeof submit>[1], 'values'> = {}) =>
    submit(w.templates.meetingSubmit, {
      user: u.reporter,
      metadata: JSON.stringify({ recordNumber: 1, channelId: w.channelId }),
      ...o,
      values: { [O.blockId]: { [O.actionId]: { type: 'plain_text_input', value: reason } } },
      changes: { 'view.callback_id': RECORD_OBJECTION_MODAL.callbackId, ...o.changes },
    });
  add('Objection form: an empty reason', { kind: 'errors', block: O.blockId, text: /Give the reason/ }, objection(''));
  add('Objection form: metadata garbage', { kind: 'errors', block: O.blockId, text: /no longer valid/ }, objection('I object', { metadata: '{{{' }));
  add('Objection form: metadata with a record number as text', { kind: 'errors', block: O.blockId, text: /no longer valid/ }, objection('I object', { metadata: '{"recordNumber": "1"}' }));
  add('Objection form: R-999', { kind: 'errors', block: O.blockId, text: /R-999|no longer exists|no record/i }, objection('I object', { metadata: JSON.stringify({ recordNumber: 999, channelId: w.channelId }) }));
  add('Objection form: a reason that is not text', { kind: 'errors', block: O.blockId, text: /Give the reason/ }, objection(42));
  add('Objection form: no state', { kind: 'errors', block: O.blockId, text: /Give the reason/ }, objection('I object', { changes: { 'view.state': undefined } }));
  add('Objection form: by a user of another workspace', { kind: 'errors', block: O.blockId, text: NO_COMMITTEE_OR_RECORD }, objection('I object', { user: u.foreign, teamId: u.foreignTeamId }));
  add('Objection form: a reason of NUL bytes on R-999', { kind: 'errors', block: O.blockId, text: /Give the reason|R-999|no longer exists|no record/i }, objection('\u0000\u0000', { metadata: JSON.stringify({ recordNumber: 999, channelId: w.channelId }) }));

  // ── Closing modals, shortcuts, unknown callbacks ─────────────────────────────────────────────
  const closed = (template: Json) => (live: Live) => {
    const p = submit(template, {})(live) as Json;
    p.type = 'view_closed';
    p.is_cleared = false;
    delete p.trigger_id;
    return p;
  };
  add('view_closed of the Snooze modal', { kind: 'quiet' }, closed(w.templates.snoozeSubmit));
  add('view_closed of the meeting modal', { kind: 'quiet' }, closed(w.templates.meetingSubmit));
  add('view_closed of the record modal, metadata garbage', { kind: 'quiet' }, (live) => withChanges(closed(w.templates.meetingSubmit)(live) as Json, { 'view.callback_id': RECORD_MODAL.callbackId, 'view.private_metadata': 'garbage' }));
  add('view_closed of the record modal, no state', { kind: 'quiet' }, (live) =>
    withChanges(closed(w.templates.meetingSubmit)(live) as Json, { 'view.callback_id': RECORD_MODAL.callbackId, 'view.private_metadata': JSON.stringify({ channelId: w.channelId, specific: 1, general: 1 }), 'view.state': undefined }),
  );
  add('view_submission of an unknown callback_id', { kind: 'quiet' }, submit(w.templates.snoozeSubmit, { changes: { 'view.callback_id': 'concord_followup_delete' } }));
  add('a global shortcut with an unknown callback_id', { kind: 'quiet' }, (live) => ({
    type: 'shortcut',
    token: w.templates.dmClick.token,
    action_ts: '1764583200.000100',
    team: w.templates.dmClick.team,
    user: userRef(u.reporter),
    is_enterprise_install: false,
    enterprise: null,
    callback_id: 'concord_delete_everything',
    trigger_id: live.trigger(u.reporter),
  }));
  add('a message shortcut with an unknown callback_id', { kind: 'quiet' }, (live) => ({
    type: 'message_action',
    token: w.templates.dmClick.token,
    action_ts: '1764583200.000200',
    team: w.templates.dmClick.team,
    user: userRef(u.reporter),
    channel: { id: w.channelId, name: 'iocc' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: 'concord_followup_from_message',
    trigger_id: live.trigger(u.reporter),
    response_url: live.responseUrl(u.reporter, w.channelId),
    message_ts: w.dm.ts,
    message: { type: 'message', text: 'Follow up on this', ts: w.dm.ts },
  }));
  return cases;
}

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
