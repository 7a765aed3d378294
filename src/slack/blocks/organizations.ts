/** Pure builders: organization list and detail. */
import { channelMention, escapeMrkdwn, truncate, userMention } from '../text.ts';
import type { KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import type { Reply } from '../commands/context.ts';

interface OrgRow {
  code: string;
  acronym: string;
  name: string;
  timeZone: string;
  channelId: string | null;
  members?: Array<{ slackUserId: string; kind: string }>;
}

interface MemberRow {
  slackUserId: string;
  role: string;
  kind: string;
}

const MAX_ROWS = 45;

function people(ids: string[]): string {
  return ids.length ? ids.map(userMention).join(', ') : '—';
}

function orgLine(org: OrgRow): string {
  const focal = (org.members ?? []).filter((m) => m.kind === 'focal').map((m) => m.slackUserId);
  const acronym = org.acronym !== org.code ? ` (${escapeMrkdwn(org.acronym)})` : '';
  return truncate(`*${escapeMrkdwn(org.code)}*${acronym} — ${escapeMrkdwn(org.name)}\n${org.timeZone} · focal: ${people(focal)}`, 3000);
}

export function organizationListBlocks(committeeName: string, orgs: OrgRow[], commandName: string): Reply {
  if (orgs.length === 0) {
    const text = `${committeeName} has no organizations yet. Add one with ${commandName} org add CODE "Full name" tz:Area/City.`;
    return { text: truncate(escapeMrkdwn(text), 4000), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(truncate(text, 3000)) } }] };
  }
  const shown = orgs.slice(0, MAX_ROWS);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`Organizations of ${committeeName} (${orgs.length})`, 150) } },
    ...shown.map((org): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text: orgLine(org) } })),
  ];
  if (orgs.length > shown.length) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${orgs.length - shown.length} more: ${escapeMrkdwn(orgs.slice(MAX_ROWS).map((o) => o.code).join(', '))}` }] });
  }
  const text = truncate(escapeMrkdwn(`Organizations of ${committeeName}: ${orgs.map((o) => o.code).join(', ')}`), 4000);
  return { text, blocks };
}

export function organizationDetailBlocks(org: OrgRow, members: MemberRow[]): Reply {
  const of = (kind: string) => members.filter((m) => m.kind === kind).map((m) => m.slackUserId);
  const fields = [
    `*Code*\n${escapeMrkdwn(org.code)}`,
    `*Acronym*\n${escapeMrkdwn(org.acronym)}`,
    `*Time zone*\n${org.timeZone}`,
    `*Channel*\n${org.channelId ? channelMention(org.channelId) : '—'}`,
    `*Focal points*\n${people(of('focal'))}`,
    `*Alternates*\n${people(of('alternate'))}`,
    `*Members*\n${people(of('member'))}`,
  ].map((text): MrkdwnElement => ({ type: 'mrkdwn', text: truncate(text, 2000) }));
  return {
    text: truncate(escapeMrkdwn(`${org.code} — ${org.name}`), 4000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: truncate(`${org.code} — ${org.name}`, 150) } },
      { type: 'section', fields },
    ],
  };
}
