/**
 * Replay refusal across web replicas: two Concord processes behind one Redis (A in this process, B
 * spawned). A signed request accepted by one replica is refused with 401 by the other, byte for byte,
 * also when many arrive at once (their Redis markers go out together) and when the same request reaches
 * both replicas at the same moment (exactly one runs it).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, SIGNING_SECRET, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';
import { signRequest } from '../../src/sandbox/driver/sign.ts';
import { freePort, sharedEnv, startConcordProcess, waitForHealth, type ConcordProcess } from '../support/concord-process.ts';

let t: TestApp;
let b: { url: string; proc: ConcordProcess };

beforeAll(async () => {
  t = await startTestApp({ ROLE: 'web' });
  const port = await freePort();
  b = {
    url: `http://127.0.0.1:${port}`,
    proc: startConcordProcess({ ROLE: 'web', PORT: String(port), TEST_CLOCK: 'on', ...sharedEnv(t.config), SLACK_SIGNING_SECRET: SIGNING_SECRET }),
  };
  expect((await waitForHealth(port, 200)).status).toBe(200);
  expect((await concord(t, t.iomc.secretariat, 'setup "IOCC" tz:Europe/Zurich')).text).toMatch(/✅/);
}, 120_000);
afterAll(async () => {
  b?.proc.child.kill('SIGTERM');
  await b?.proc.exited;
  await t?.close();
});

/** A `/concord <text>` as Slack signs it: the same bytes and headers can be sent to either replica. */
function signedCommand(userId: string, text: string): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: 'verification-token', team_id: 'T0IOMC', team_domain: 'iomc', channel_id: t.iomc.channelId, channel_name: 'iocc',
    user_id: userId, user_name: 'someone', command: '/concord', text, api_app_id: 'A0CONCORD', is_enterprise_install: 'false',
    response_url: t.sandbox.mintResponseUrl({ teamId: 'T0IOMC', userId, channelId: t.iomc.channelId, source: 'command' }),
    trigger_id: `1.${randomUUID()}`,
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signRequest(SIGNING_SECRET, ts, body) } };
}
const post = async (base: string, req: { body: string; headers: Record<string, string> }) => {
  const r = await fetch(`${base}/slack/events`, { method: 'POST', body: req.body, headers: req.headers });
  return { status: r.status, text: await r.text() };
};

describe('replayed requests across replicas', () => {
  it('refuses on B each of 20 requests A accepted, sent at once', async () => {
    const reqs = Array.from({ length: 20 }, (_, i) => signedCommand(t.iomc.chair, `help ${i % 2 ? 'org add' : 'whoami'}`));
    const onA = await Promise.all(reqs.map((r) => post(t.url, r)));
    expect(onA.map((r) => r.status)).toEqual(reqs.map(() => 200));
    expect(onA[0]!.text).toMatch(/whoami/);
    const onB = await Promise.all(reqs.map((r) => post(b.url, r)));
    expect(onB.map((r) => r.status)).toEqual(reqs.map(() => 401));
    // And on A again (its own map refuses them without Redis).
    expect((await Promise.all(reqs.map((r) => post(t.url, r)))).map((r) => r.status)).toEqual(reqs.map(() => 401));
  });

  it('runs a request that reaches both replicas at the same moment once: one 200, one 401, one change', async () => {
    for (let i = 0; i < 5; i++) {
      const code = `RACE${i}`;
      const req = signedCommand(t.iomc.secretariat, `org add ${code} "Race ${i}"`);
      const both = await Promise.all([post(t.url, req), post(b.url, req)]);
      expect(both.map((r) => r.status).sort()).toEqual([200, 401]);
      expect(both.find((r) => r.status === 200)!.text).toMatch(/✅/);
      expect(await t.db.organization.count({ where: { code } })).toBe(1);
    }
    // Nothing else was refused: a fresh request still works on either replica.
    expect((await post(b.url, signedCommand(t.iomc.chair, 'help'))).status).toBe(200);
  });
});
