/**
 * Steps the summary-record e2e tests share, all through Slack's payloads against the sandbox: set up the
 * IOCC committee, open the record modal (`/concord record [M-n]`), fill and submit it (`view_submission`),
 * move the test clock; and the IOCC 60th record (test/fixtures/records) as the modal's values.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { RECORD_MODAL } from '../../src/slack/ids.ts';
import type { ViewValues } from '../../src/sandbox/driver/view-state.ts';
import type { TestApp } from './app.ts';
import { concord } from './commands.ts';

const RECORD = readFileSync(new URL('../fixtures/records/iocc-60-summary-record.md', import.meta.url), 'utf8');
const section = (heading: string, next?: string) => RECORD.slice(RECORD.indexOf(`## ${heading}`) + heading.length + 3, next ? RECORD.indexOf(`## ${next}`) : undefined).trim();

/** The IOCC 60th record's text, by part. */
export const IOCC_60 = {
  specific: section('Specific Matters', 'General Matters'),
  general: section('General Matters'),
  intro: RECORD.slice(RECORD.indexOf('The 60<sup>th</sup> meeting'), RECORD.indexOf('## Specific Matters')).replace(/<sup>th<\/sup>/g, 'th').trim(),
  decisions:
    'IOMC to hold a special session in early 2024 to follow up ICCM-5.\nPOs to engage more closely with the INC secretariat.\nThe IOMC mercury group to report on its work at the next meeting; POs to share information on on-going and new initiatives, including work at the climate COP.',
  /** The three follow-up lines, the third for `third` (e.g. a misspelt code). */
  followUps: (third = 'UNITAR') =>
    [
      'UNEP,WHO: Prepare the special session on the GFC implementation programmes (due 2027-02-15)',
      'ILO: Report on the IOMC Toolbox Phase 4 (due 2027-03-31)',
      `${third}: Engage more closely with the INC secretariat on plastics`,
    ].join('\n'),
};

const f = RECORD_MODAL.fields;

/** The whole IOCC 60th record as modal values (one specific and one general matter), submitted as `mode`. */
export function iocc60Values(mode: 'draft' | 'circulate' | 'adopt', third = 'UNITAR'): Record<string, string | string[]> {
  return {
    [f.meetingNumber.blockId]: '60th',
    [f.dates.blockId]: '21-22 November 2023',
    [f.venue.blockId]: 'ILO, Geneva',
    [f.host.blockId]: 'ILO',
    [f.chair.blockId]: 'Mr. Jorge Ocaña (UNITAR)',
    [f.present.blockId]: ['ILO', 'UNEP', 'UNITAR', 'WHO'],
    [f.agenda.blockId]: IOCC_60.intro,
    [f.observers.blockId]: 'SAICM secretariat, SPP secretariat, UN EMG issue group on pollution',
    [RECORD_MODAL.matterBlock('specific', 1)]: IOCC_60.specific,
    [RECORD_MODAL.matterBlock('general', 1)]: IOCC_60.general,
    [f.decisions.blockId]: IOCC_60.decisions,
    [f.followUps.blockId]: IOCC_60.followUps(third),
    [f.nextMeeting.blockId]: 'May 2024, Geneva',
    [f.mode.blockId]: mode,
  };
}

/**
 * `setup "IOCC"` in the channel, the sandbox's chair as chair, and UNEP, WHO, UNITAR, ILO with their focal
 * points (each step answered ✅).
 */
export async function setUpIocc(t: TestApp, opts: { name?: string; zone?: string } = {}): Promise<void> {
  const sec = t.iomc.secretariat;
  const ok = async (text: string) => expect((await concord(t, sec, text)).text).toMatch(/✅/);
  await ok(`setup "${opts.name ?? 'IOCC'}" tz:${opts.zone ?? 'Europe/Zurich'}`);
  await ok(`role <@${t.iomc.chair}> chair`);
  for (const code of ['UNEP', 'WHO', 'UNITAR', 'ILO'] as const) {
    await ok(`org add ${code} "${code} full name"`);
    await ok(`member add <@${t.iomc.focalPoints[code]}> ${code} as:focal`);
  }
}

export const recordView = (t: TestApp, user: string) => t.sandbox.openViews(user).find((v) => v.definition.callback_id === RECORD_MODAL.callbackId);

/** `/concord record …` as `user`: the record modal opens. */
export async function openRecordModal(t: TestApp, user: string, text = 'record') {
  const r = await t.sandbox.driver.slashCommand({ userId: user, channelId: t.iomc.channelId, text });
  expect(r.status).toBe(200);
  return t.sandbox.waitForView(user, (v) => v.definition.callback_id === RECORD_MODAL.callbackId, 5000);
}

/** Submits the user's open record modal with `values` (view_submission); the form must accept it. */
export async function submitRecordForm(t: TestApp, user: string, values: ViewValues): Promise<void> {
  const r = await t.sandbox.driver.submitView({ userId: user, values });
  expect(r.status).toBe(200);
  expect(r.body).not.toMatchObject({ response_action: 'errors' });
}

/**
 * Opens the modal with `command`, submits `values` and waits for the channel to be told: a circulated
 * record's notice, or an adopted record's header message. Returns that message.
 */
export async function enterRecord(t: TestApp, user: string, values: Record<string, string | string[]>, command = 'record') {
  await openRecordModal(t, user, command);
  const before = new Set(t.sandbox.messages(t.iomc.channelId).map((m) => m.ts));
  await submitRecordForm(t, user, values);
  const mode = values[f.mode.blockId];
  if (mode === 'draft') return undefined;
  const told = mode === 'adopt' ? (text: string) => text.startsWith('Summary record adopted') : (text: string) => /R-\d+.*circulated/.test(text);
  return t.sandbox.waitForMessage(t.iomc.channelId, (m) => !before.has(m.ts) && told(m.text), 10_000);
}

/** Moves the app's test clock (`POST /test/clock`). */
export async function moveClock(t: TestApp, change: { set?: string; advance?: string }): Promise<void> {
  const r = await fetch(`${t.url}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });
  expect(r.status).toBe(200);
}
