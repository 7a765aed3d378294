/**
 * response_url endpoints (`POST /response/<id>`).
 * DOC https://docs.slack.dev/interactivity/handling-user-interaction#message_responses:
 * "These responses can be sent up to 5 times within 30 minutes of receiving the payload."
 * `response_type` is `ephemeral` by default or `in_channel`; `replace_original` / `delete_original` act on
 * the message the interaction came from and are not supported for slash commands (no original message);
 * a message's visibility cannot change after it is posted.
 * The status and body of an expired or over-used URL are UNVERIFIED (slack-platform.md §13): the sandbox
 * answers 404 `{ok:false,error:'expired_url'|'used_url'}`, which makes Bolt's `respond()` throw.
 */
import { addBotMessage } from '../state/bot-message.ts';
import type { Now } from '../clock.ts';
import { randomHex } from '../ids.ts';
import type { Store } from '../state/store.ts';
import type { TsFactory } from '../ids.ts';
import { SlackApiError } from './api-error.ts';
import { bool, str, type Args } from './args.ts';
import { readContent, validContent, type MessageContent } from './message-content.ts';

export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

export interface ResponseTarget {
  teamId: string;
  userId: string;
  channelId: string;
  /** What the interaction came from: a slash command, a channel message, or an ephemeral message. */
  source: 'command' | 'message' | 'ephemeral';
  messageTs?: string;
}

interface Entry extends ResponseTarget {
  id: string;
  createdAt: number;
  uses: number;
}

export interface ResponseOutcome {
  status: number;
  body: Record<string, unknown>;
}

export class ResponseUrls {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: Store,
    private readonly ts: TsFactory,
    private readonly now: Now,
    private readonly baseUrl: () => string,
  ) {}

  /** Mints a response_url for an interaction. */
  mint(target: ResponseTarget): string {
    const id = randomHex(16);
    this.entries.set(id, { ...target, id, createdAt: this.now(), uses: 0 });
    return `${this.baseUrl()}/response/${id}`;
  }

  /** Handles a POST to a response_url. */
  post(id: string, args: Args): ResponseOutcome {
    const entry = this.entries.get(id);
    if (!entry) return { status: 404, body: { ok: false, error: 'invalid_url' } };
    if (this.now() - entry.createdAt > RESPONSE_URL_TTL_MS) return { status: 404, body: { ok: false, error: 'expired_url' } };
    if (entry.uses >= RESPONSE_URL_MAX_USES) return { status: 404, body: { ok: false, error: 'used_url' } };
    try {
      this.apply(entry, args);
      entry.uses += 1;
      return { status: 200, body: { ok: true } };
    } catch (error) {
      // Incoming-webhook style refusal: HTTP 400 with the error (observed: slackapi/java-slack-sdk#1017).
      if (error instanceof SlackApiError) return { status: 400, body: error.toBody() };
      throw error;
    }
  }

  clear(): void {
    this.entries.clear();
  }

  private apply(entry: Entry, args: Args): void {
    if (bool(args, 'delete_original')) return this.deleteOriginal(entry);
    const content = validContent(readContent(args));
    if (bool(args, 'replace_original') && entry.source !== 'command') return this.replaceOriginal(entry, content);
    const threadTs = str(args, 'thread_ts');
    if (str(args, 'response_type') === 'in_channel') this.postInChannel(entry, content, threadTs);
    else this.postEphemeral(entry, content, threadTs);
  }

  private deleteOriginal(entry: Entry): void {
    if (entry.source === 'command' || !entry.messageTs) throw new SlackApiError('cannot_delete_original');
    if (entry.source === 'ephemeral') this.store.removeEphemeral(entry.messageTs);
    else this.store.removeMessage(entry.channelId, entry.messageTs);
  }

  private replaceOriginal(entry: Entry, content: MessageContent): void {
    if (entry.source === 'ephemeral') {
      const original = this.store.ephemerals.find((e) => e.ts === entry.messageTs);
      if (!original) throw new SlackApiError('message_not_found');
      Object.assign(original, { text: content.text ?? '', blocks: content.blocks });
    } else {
      const original = this.store.findMessage(entry.channelId, entry.messageTs ?? '');
      if (!original) throw new SlackApiError('message_not_found');
      Object.assign(original, { text: content.text ?? '', blocks: content.blocks, attachments: content.attachments });
    }
    this.store.changed();
  }

  private postInChannel(entry: Entry, content: MessageContent, threadTs: string | undefined): void {
    addBotMessage({ store: this.store, ts: this.ts }, {
      channel: entry.channelId,
      team: entry.teamId,
      text: content.text ?? '',
      blocks: content.blocks,
      attachments: content.attachments,
      thread_ts: threadTs,
      origin: 'response_url',
    });
  }

  private postEphemeral(entry: Entry, content: MessageContent, threadTs: string | undefined): void {
    this.store.addEphemeral({
      ts: this.ts.next(),
      channel: entry.channelId,
      user: entry.userId,
      team: entry.teamId,
      text: content.text ?? '',
      blocks: content.blocks,
      thread_ts: threadTs,
      origin: 'response_url',
    });
  }
}
