/**
 * The committee cache (issue 14): two web processes behind one database — one in this process (A), one
 * spawned (B) — each caching the committee, callers' roles and the list views. A change acknowledged by
 * one process shows in the very next command in the other: a renamed organization in `org list`, a
 * demoted chair refused, a new member's `followups` defaulting to their organization.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, SIGNING_SECRET, type TestApp } from '../support/app.ts';
import { concord, type Seen } from '../support/commands.ts';
import { freePort, sharedEnv, startConcordProcess, waitForHealth, type ConcordProcess } from '../support/concord-process.ts';

let t: TestApp;
let b: { url: string; proc: ConcordProcess };

/** Sends the command to process A or B (the sandbox posts to one app URL at a time). */
async function on(where: 'A' | 'B', userId: string, text: string): Promise<Seen> {
  t.sandbox.setAppUrl(`${where === 'A' ? t.url : b.url}/slack/events`);
  try {
    return await concord(t, userId, text);
  } finally {
    t.sandbox.setAppUrl(`${t.url}/slack/events`);
  }
}

/** `meeting new` as the user in process `where`: true when the form opened, else the refusal. */
async function opensMeetingForm(where: 'A' | 'B', userId: string): Promise<true | string> {
  t.sandbox.setAppUrl(`${where === 'A' ? t.url : b.url}/slack/events`);
  try {
    const r = await t.sandbox.driver.slashCommand({ userId, channelId: t.iomc.channelId, text: 'meeting new' });
    expect(r.status).toBe(200);
    const body = r.body as { text?: string } | string | undefined;
    return body === '' || body === undefined ? true : typeof body === 'string' ? body : (body.text ?? '');
  } finally {
    t.sandbox.setAppUrl(`${t.url}/slack/events`);
  }
}

beforeAll(async () => {
  t = await startTestApp({ ROLE: 'web' });
  const port = await freePort();
  b = {
    url: `http://127.0.0.1:${port}`,
    proc: startConcordProcess({
      ROLE: 'web',
      PORT: String(port),
      LOG_LEVEL: 'info',
      TEST_CLOCK: 'on',
      ...sharedEnv(t.config),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
    }),
  };
  expect((await waitForHealth(port, 200)).status).toBe(200);
  const ok = async (text: string) => expect((await on('A', t.iomc.secretariat, text)).text).toMatch(/✅/);
  await ok('setup "IOCC" tz:Europe/Zurich');
  await ok(`role <@${t.iomc.chair}> chair`);
  await ok('org add WHO "World Health Organization" tz:Europe/Zurich');
  await ok('org add FAO "Food and Agriculture Organization" tz:Europe/Rome');
  await ok('assign FAO "FAO-only action" due 2027-06-30');
}, 120_000);

afterAll(async () => {
  if (b && b.proc.child.exitCode === null) {
    b.proc.child.kill('SIGTERM');
    await b.proc.exited;
  }
  await t?.close();
}, 60_000);

describe('a change in one process shows in the next command in the other', () => {
  it('a renamed organization shows in the next org list in both processes, whichever made the change', async () => {
    // Both processes have the list cached.
    for (const where of ['A', 'B'] as const) expect((await on(where, t.iomc.chair, 'org list')).text).toContain('World Health Organization');
    expect((await on('B', t.iomc.secretariat, 'org edit WHO name:"World Health Organisation (renamed in B)"')).text).toMatch(/✅/);
    for (const where of ['A', 'B'] as const) {
      const list = (await on(where, t.iomc.chair, 'org list')).text;
      expect(list).toContain('World Health Organisation (renamed in B)');
      expect(list).not.toContain('World Health Organization');
    }
    expect((await on('A', t.iomc.secretariat, 'org edit WHO name:"WHO, renamed again in A"')).text).toMatch(/✅/);
    expect((await on('B', t.iomc.chair, 'org list')).text).toContain('WHO, renamed again in A');
  });

  it('a demoted chair is refused on their next command in the other process', async () => {
    expect(await opensMeetingForm('B', t.iomc.chair)).toBe(true); // B now holds the chair's role
    expect((await on('A', t.iomc.secretariat, `role <@${t.iomc.chair}> observer`)).text).toMatch(/✅/);
    expect(await opensMeetingForm('B', t.iomc.chair)).toMatch(/secretariat|chair/i);
    const write = await on('B', t.iomc.chair, 'meeting add "Not allowed" 2027-05-10');
    expect(write.text).not.toMatch(/✅/);
    expect((await on('B', t.iomc.chair, 'meetings all')).text).not.toContain('Not allowed');
    // Promoted again in B, allowed again at once in A.
    expect(await opensMeetingForm('A', t.iomc.chair)).not.toBe(true);
    expect((await on('B', t.iomc.secretariat, `role <@${t.iomc.chair}> chair`)).text).toMatch(/✅/);
    expect(await opensMeetingForm('A', t.iomc.chair)).toBe(true);
  });

  it('a new member of an organization sees their organization’s follow-ups by default in the other process', async () => {
    const user = t.iomc.focalPoints.FAO;
    // Not yet a member: `followups` lists all (the FAO item included) — B caches that view and this caller.
    expect((await on('B', user, 'followups')).text).toContain('FAO-only action');
    expect((await on('A', t.iomc.secretariat, `member add <@${user}> WHO as:focal`)).text).toMatch(/✅/);
    // Now `followups` means WHO's open items: none, so the FAO item is not listed.
    expect((await on('B', user, 'followups')).text).not.toContain('FAO-only action');
  });

  it('a meeting added in one process is in the next meetings list of the other', async () => {
    expect((await on('B', t.iomc.chair, 'meetings all')).text).not.toContain('Cache check meeting');
    expect((await on('A', t.iomc.chair, 'meeting add "Cache check meeting" 2027-05-11')).text).toMatch(/✅/);
    expect((await on('B', t.iomc.chair, 'meetings all')).text).toContain('Cache check meeting');
  });
});
