/**
 * Commands racing each other answer as if they had run one after the other: every reply is a ✅ or the
 * refusal the sequential case gives, never "Something went wrong", and the database keeps its rules
 * (one secretariat at least, one row per code, distinct M-n / D-n numbers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { concord } from '../support/commands.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  for (const text of ['setup "IOCC"', 'org add WHO "World Health Organization" tz:Europe/Zurich']) {
    expect((await concord(t, t.iomc.secretariat, text)).text).toMatch(/✅/);
  }
});
afterAll(async () => {
  await t?.close();
});

interface Send {
  userId: string;
  text: string;
  channelId?: string;
}

function texts(value: unknown, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v) => texts(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'text' && typeof v === 'string') out.push(v);
      else texts(v, out);
    }
  }
}

function readable(body: unknown): string {
  const b = (typeof body === 'string' ? { text: body } : body) as { text?: string; blocks?: unknown[] };
  const out = [b.text ?? ''];
  texts(b.blocks ?? [], out);
  return out.join('\n');
}

/**
 * Sends every command at once; returns each reply's text in send order. A reply that came late (through
 * response_url) is matched to its sender; when one sender raced with several commands, their late replies
 * are taken in arrival order (the assertions below only count them).
 */
async function race(sends: Send[]): Promise<string[]> {
  const lateSeen = new Map(sends.map((s) => [s.userId, t.sandbox.ephemerals(s.userId).filter((e) => e.origin === 'response_url').length]));
  const responses = await Promise.all(sends.map((s) => t.sandbox.driver.slashCommand({ userId: s.userId, channelId: s.channelId ?? t.iomc.channelId, text: s.text })));
  const replies: string[] = [];
  for (const [i, r] of responses.entries()) {
    expect(r.status).toBe(200);
    if (r.body !== '' && r.body !== undefined) {
      replies[i] = readable(r.body);
      continue;
    }
    const userId = sends[i]!.userId;
    const index = lateSeen.get(userId)!;
    lateSeen.set(userId, index + 1);
    const late = await t.sandbox.waitFor(() => t.sandbox.ephemerals(userId).filter((e) => e.origin === 'response_url')[index], 15_000, 'a late reply');
    replies[i] = readable(late);
  }
  return replies;
}

const WENT_WRONG = /Something went wrong/;

/** A new workspace with four people in one channel, and no committee yet. */
function workspace(tag: string): { channel: string; users: string[] } {
  const team = `T0${tag}`;
  const channel = `C0${tag}`;
  const users = [1, 2, 3, 4].map((n) => `U0${tag}${n}`);
  t.sandbox.addWorkspace({ id: team, name: tag, domain: tag.toLowerCase() });
  for (const id of users) t.sandbox.addUser({ id, teamId: team, name: id.toLowerCase(), tz: 'Europe/Zurich' });
  t.sandbox.addChannel({ id: channel, teamId: team, name: tag.toLowerCase(), members: users });
  return { channel, users };
}

/** A new committee, set up by its secretariat: the first meeting and deadline numbers are still to be allocated. */
async function newCommittee(tag: string): Promise<{ channel: string; secretariat: string }> {
  const { channel, users } = workspace(tag);
  expect((await concord(t, users[0]!, `setup "${tag}"`, { channelId: channel })).text).toMatch(/✅/);
  return { channel, secretariat: users[0]! };
}

async function secretariats(): Promise<string[]> {
  const committee = await t.db.committee.findFirstOrThrow({ where: { teamId: 'T0IOMC' } });
  const rows = await t.db.member.findMany({ where: { committeeId: committee.id, role: 'secretariat' }, select: { slackUserId: true } });
  return rows.map((r) => r.slackUserId).sort();
}

describe('the committee always keeps a secretariat (issue 8.5)', () => {
  it('two secretariats demoting each other at the same moment: one wins, the other is refused, one secretariat remains', async () => {
    const a = t.iomc.secretariat;
    const b = t.iomc.chair;
    for (let round = 0; round < 10; round++) {
      const [left] = await secretariats();
      const other = left === a ? b : a;
      expect((await concord(t, left!, `role <@${other}> secretariat`)).text).toMatch(/✅/);
      expect(await secretariats()).toEqual([a, b].sort());

      const replies = await race([
        { userId: a, text: `role <@${b}> member` },
        { userId: b, text: `role <@${a}> member` },
      ]);
      for (const reply of replies) expect(reply).not.toMatch(WENT_WRONG);
      const won = replies.map((r) => /✅/.test(r));
      expect(won.filter(Boolean), replies.join('\n---\n')).toHaveLength(1);
      const loser = replies[won.indexOf(false)]!;
      const winner = won[0] ? a : b;
      // The loser's change runs after the winner's, with the role read again: it is no longer secretariat,
      // and is told so, with the name of the one who is.
      expect(loser).toMatch(/Only the secretariat can change roles/);
      expect(loser).toContain(`<@${winner}>`);
      expect(await secretariats()).toEqual([winner]);
    }
  });

  it('two secretariats removing each other at the same moment: one secretariat remains', async () => {
    const a = t.iomc.secretariat;
    const b = t.iomc.chair;
    const [left] = await secretariats();
    expect((await concord(t, left!, `role <@${left === a ? b : a}> secretariat`)).text).toMatch(/✅/);
    const replies = await race([
      { userId: a, text: `member remove <@${b}>` },
      { userId: b, text: `member remove <@${a}>` },
    ]);
    for (const reply of replies) expect(reply).not.toMatch(WENT_WRONG);
    expect(replies.filter((r) => /✅/.test(r)), replies.join('\n---\n')).toHaveLength(1);
    expect(replies.filter((r) => /Only the secretariat can remove members/.test(r))).toHaveLength(1);
    expect(await secretariats()).toHaveLength(1);
    const [still] = await secretariats();
    const gone = still === a ? b : a;
    expect((await concord(t, still!, `role <@${gone}> secretariat`)).text).toMatch(/✅/);
  });
});

describe('races answer like the sequential case (issue 8.6)', () => {
  it('20 concurrent `org add` of one code: one ✅, every other reply says it already exists, one row', async () => {
    const { channel, secretariat } = await newCommittee('ORGS');
    const replies = await race(Array.from({ length: 20 }, () => ({ userId: secretariat, channelId: channel, text: 'org add UNEP "United Nations Environment Programme" tz:Africa/Nairobi' })));
    for (const reply of replies) {
      expect(reply).not.toMatch(WENT_WRONG);
      expect(reply).toMatch(/✅|UNEP is already an organization of ORGS/);
    }
    expect(replies.filter((r) => /✅/.test(r))).toHaveLength(1);
    expect(await t.db.organization.count({ where: { code: 'UNEP' } })).toBe(1);
  });

  it('20 concurrent `setup` in a new workspace: one committee, its creator the only secretariat, the rest answered as if they came after', async () => {
    const { channel, users } = workspace('SETUP');
    const sends = Array.from({ length: 20 }, (_, i) => ({ userId: users[i % users.length]!, text: 'setup "Race committee"', channelId: channel }));
    const replies = await race(sends);
    for (const reply of replies) {
      expect(reply).not.toMatch(WENT_WRONG);
      expect(reply).toMatch(/You are its secretariat|is already set up|Only the secretariat can change the committee set-up/);
    }
    const created = replies.flatMap((r, i) => (/You are its secretariat/.test(r) ? [sends[i]!.userId] : []));
    expect(created, replies.join('\n---\n')).toHaveLength(1);

    const committees = await t.db.committee.findMany({ where: { teamId: 'T0SETUP' } });
    expect(committees).toHaveLength(1);
    const members = await t.db.member.findMany({ where: { committeeId: committees[0]!.id } });
    expect(members.map((m) => [m.slackUserId, m.role])).toEqual([[created[0], 'secretariat']]);
    // Everyone else was told what the sequential case tells them.
    replies.forEach((r, i) => {
      if (sends[i]!.userId !== created[0]) expect(r).toMatch(/Only the secretariat can change the committee set-up/);
    });
  });

  it('10 concurrent `meeting add`: 10 ✅ with 10 distinct numbers', async () => {
    const { channel, secretariat } = await newCommittee('MEET');
    const replies = await race(Array.from({ length: 10 }, (_, i) => ({ userId: secretariat, channelId: channel, text: `meeting add "Race ${i}" 2027-03-${String(i + 10)} tz:Europe/Zurich` })));
    for (const reply of replies) expect(reply, reply).toMatch(/✅/);
    const numbers = replies.map((r) => /M-(\d+)/.exec(r)?.[1]);
    expect(new Set(numbers).size).toBe(10);
    const rows = await t.db.meeting.findMany({ where: { title: { startsWith: 'Race ' } }, select: { number: true } });
    expect(rows.map((r) => r.number).sort((x, y) => x - y)).toEqual([...numbers].map(Number).sort((x, y) => x - y));
  });

  it('10 concurrent `deadline add`: 10 ✅ with 10 distinct numbers', async () => {
    const { channel, secretariat } = await newCommittee('DEAD');
    const replies = await race(Array.from({ length: 10 }, (_, i) => ({ userId: secretariat, channelId: channel, text: `deadline add "Race ${i}" 2027-04-${String(i + 10)}` })));
    for (const reply of replies) expect(reply, reply).toMatch(/✅/);
    const numbers = replies.map((r) => /D-(\d+)/.exec(r)?.[1]);
    expect(new Set(numbers).size).toBe(10);
    expect(await t.db.deadline.count({ where: { title: { startsWith: 'Race ' } } })).toBe(10);
  });
});
