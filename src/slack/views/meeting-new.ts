/**
 * Submission of the `meeting new` modal: field errors go back inline (`response_action: errors`, keyed by
 * block_id); otherwise an empty ack closes the modal, the meeting is added, and the user gets an
 * ephemeral confirmation (or what went wrong) in the committee's channel.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { resolveScope } from '../../committees/scope.ts';
import { addMeeting } from '../../meetings/meeting-service.ts';
import { shortMeetingId } from '../../meetings/meeting-rules.ts';
import type { CommandDeps, Reply } from '../commands/context.ts';
import { toReply } from '../commands/router.ts';
import { changeEnv } from '../commands/calendar-env.ts';
import { successReply } from '../blocks/reply.ts';
import { meetingWhen } from '../blocks/meetings.ts';
import { channelMention, escapeMrkdwn } from '../text.ts';
import { readMeetingForm } from './meeting-form.ts';
import { viewValues } from './view-state.ts';

function metadataChannel(view: { private_metadata: string }): string | undefined {
  try {
    const parsed = JSON.parse(view.private_metadata) as { channelId?: unknown };
    return typeof parsed.channelId === 'string' ? parsed.channelId : undefined;
  } catch {
    return undefined;
  }
}

export function meetingNewSubmission(deps: CommandDeps) {
  return async ({ ack, body, view, client, logger }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const form = readMeetingForm(viewValues(view));
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    await ack();
    const userId = body.user.id;
    const key = { teamId: body.team?.id ?? body.user.team_id ?? '', enterpriseId: body.enterprise?.id ?? '' };
    let channels = [metadataChannel(view)].filter((c): c is string => Boolean(c));
    let reply: Reply;
    try {
      const scope = await resolveScope(deps.db, key, userId);
      channels = [scope.committee.channelId, ...channels].filter((c, i, all): c is string => Boolean(c) && all.indexOf(c) === i);
      const { meeting, note } = await addMeeting(scope, form.input, changeEnv(deps));
      const where = scope.committee.channelId ? ` Announced in ${channelMention(scope.committee.channelId)}.` : '';
      reply = successReply(
        `Added *${shortMeetingId(meeting.number)}* · ${escapeMrkdwn(meeting.title)}: ${meetingWhen(meeting)}${meeting.venue ? `, ${escapeMrkdwn(meeting.venue)}` : ''}.${note ? ` ${escapeMrkdwn(note)}` : ''}${where}`,
      );
    } catch (err) {
      reply = toReply(deps, 'meeting new', err);
    }
    for (const channel of channels) {
      try {
        await client.chat.postEphemeral({ channel, user: userId, text: reply.text, ...(reply.blocks ? { blocks: reply.blocks } : {}) });
        return;
      } catch {
        logger.warn(`could not post the meeting confirmation in ${channel}; trying the next channel`);
      }
    }
  };
}
