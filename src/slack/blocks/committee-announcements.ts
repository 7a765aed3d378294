/** Pure builder: the channel message announcing a change of the committee's name, home channel or time zone. */
import type { Committee } from '../../committees/scope.ts';
import { channelMention, escapeMrkdwn, userMention } from '../text.ts';

export function committeeChangeLines(before: Committee, after: Committee): string[] {
  const lines: string[] = [];
  if (after.name !== before.name) lines.push(`renamed *${escapeMrkdwn(before.name)}* → *${escapeMrkdwn(after.name)}*`);
  if (after.channelId !== before.channelId) lines.push(`home channel ${before.channelId ? `${channelMention(before.channelId)} → ` : ''}${after.channelId ? channelMention(after.channelId) : 'none'}`);
  if (after.timeZone !== before.timeZone) lines.push(`time zone ${before.timeZone} → ${after.timeZone}`);
  return lines;
}

/** Plain mrkdwn text, no blocks: one line in the channel (and in the channel a move leaves). */
export function committeeChangeAnnouncement(c: { before: Committee; after: Committee; actorId: string }): { text: string } {
  return { text: `🏛️ Committee set-up changed: ${committeeChangeLines(c.before, c.after).join('; ')} — by ${userMention(c.actorId)}` };
}
