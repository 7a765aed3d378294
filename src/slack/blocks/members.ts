/** Pure builders: member list and `whoami`. */
import { channelMention, escapeMrkdwn, truncate, userMention } from '../text.ts';
import type { SectionBlock } from '@slack/types';
import type { Reply } from '../commands/context.ts';

interface MemberRow {
  slackUserId: string;
  role: string;
  kind: string;
  organization: { code: string } | null;
}

const KIND = { focal: 'focal point', alternate: 'alternate', member: 'member' } as Record<string, string>;
const MAX_ROWS = 45;

function memberLine(m: MemberRow): string {
  const org = m.organization ? `${escapeMrkdwn(m.organization.code)} ${KIND[m.kind] ?? m.kind}` : 'no organization';
  return `${userMention(m.slackUserId)} — ${m.role}, ${org}`;
}

export function memberListBlocks(committeeName: string, org: { code: string } | null, members: MemberRow[]): Reply {
  const title = org ? `Members of ${org.code}` : `Members of ${committeeName}`;
  if (members.length === 0) {
    const text = org ? `${org.code} has no members yet.` : `${committeeName} has no members yet.`;
    return { text: escapeMrkdwn(text), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }] };
  }
  // Lines are grouped into sections of at most ~20 lines to stay far below 3000 characters each.
  const lines = members.map(memberLine);
  const chunks: string[] = [];
  for (let i = 0; i < lines.length && chunks.length < MAX_ROWS; i += 20) chunks.push(lines.slice(i, i + 20).join('\n'));
  return {
    text: truncate(escapeMrkdwn(`${title} (${members.length})`), 4000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: truncate(`${title} (${members.length})`, 150) } },
      ...chunks.map((c): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(c, 3000) } })),
    ],
  };
}

export function whoamiBlocks(input: {
  userId: string;
  committee: { name: string; channelId: string | null; timeZone: string };
  member: MemberRow | null;
  zone: string;
}): Reply {
  const { member, committee } = input;
  const role = member?.role ?? 'not a member (you can read, not change)';
  const article = { chair: 'the chair', secretariat: 'the secretariat', member: 'a member', observer: 'an observer' } as Record<string, string>;
  const org = member?.organization ? `${escapeMrkdwn(member.organization.code)} (${KIND[member.kind] ?? member.kind})` : '—';
  const text = member ? `You are ${article[member.role] ?? member.role} of ${committee.name}.` : `You are not a member of ${committee.name} yet.`;
  return {
    text: truncate(escapeMrkdwn(text), 4000),
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: truncate(`${userMention(input.userId)} in *${escapeMrkdwn(committee.name)}*`, 3000) },
        fields: [
          { type: 'mrkdwn', text: `*Role*\n${role}` },
          { type: 'mrkdwn', text: `*Organization*\n${org}` },
          { type: 'mrkdwn', text: `*Your time zone*\n${input.zone}` },
          { type: 'mrkdwn', text: `*Committee channel*\n${committee.channelId ? channelMention(committee.channelId) : '—'}` },
        ],
      },
    ],
  };
}
