/**
 * Pure builder: what record changes say in the committee channel — circulated (with the *Object* button),
 * an objection, objections resolved (with the new silence deadline), and the adopted record itself (`record-post.ts`). Handed to the record
 * services as their renderer.
 */
import type { RenderedAnnouncement } from '../../meetings/announcements.ts';
import type { RecordNotice } from '../../records/record-notices.ts';
import { shortRecordId } from '../../records/record-rules.ts';
import { RECORD_ACTIONS } from '../ids.ts';
import { dateToken, escapeMrkdwn, formatInZone, plain, truncate, userMention } from '../text.ts';
import { context, section } from './reply.ts';
import { recordPost } from './record-post.ts';

const name = (n: { number: number; title: string }) => `*${shortRecordId(n.number)}* ${escapeMrkdwn(truncate(n.title, 200))}`;

export function recordNotices(commandName: string): (n: RecordNotice) => RenderedAnnouncement[] {
  return (n) => {
    switch (n.type) {
      case 'record.circulated': {
        const when = dateToken(n.deadline, n.zone);
        const md = `📄 ${name(n)} (version ${n.version}) is circulated by ${userMention(n.actorId)} under the silence procedure: unless a member objects by ${when}, it is adopted.`;
        return [
          {
            text: `${shortRecordId(n.number)} is circulated under the silence procedure`,
            blocks: [
              section(md),
              { type: 'actions', block_id: RECORD_ACTIONS.blockId, elements: [{ type: 'button', action_id: RECORD_ACTIONS.object, text: plain('Object', 75), value: n.recordId }] },
              context(`\`${commandName} record show ${shortRecordId(n.number)}\` shows the text.`),
            ],
          },
        ];
      }
      case 'record.objection':
        return [
          {
            text: `An objection to ${shortRecordId(n.number)}`,
            blocks: [section(`✋ ${userMention(n.userId)} objects to ${name(n)}:\n>${escapeMrkdwn(truncate(n.reason, 2000)).replace(/\n/g, '\n>')}`), context('It will not be adopted by silence until the chair resolves the objection.')],
          },
        ];
      case 'record.resolved': {
        const until = n.deadline ? ` A new silence period starts: unless a member objects by ${dateToken(n.deadline, n.zone)}, it is adopted.` : '';
        const text = `Objections to ${shortRecordId(n.number)} resolved${n.deadline ? `; silence until ${formatInZone(n.deadline, n.zone)}` : ''}`;
        return [{ text, blocks: [section(`☑️ ${userMention(n.actorId)} resolved the objections to ${name(n)}.${until}`)] }];
      }
      case 'record.adopted':
        return recordPost(n.document, n.actorId);
    }
  };
}
