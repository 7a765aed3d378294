/**
 * trigger_id registry. The driver mints one per slash command / interaction; views.open and
 * views.push exchange it.
 *
 * DOC https://docs.slack.dev/interactivity/handling-user-interaction: "Triggers expire in three seconds"
 * and "may only be used once". That guide names the errors `trigger_expired` / `trigger_exchanged`,
 * but the method reference (https://docs.slack.dev/reference/methods/views.open, views.push error
 * tables) names them `expired_trigger_id` / `exchanged_trigger_id` / `invalid_trigger_id`. The Web API
 * answers with the method-reference names, which are what @slack/web-api surfaces as `data.error`.
 */
import type { Now } from '../clock.ts';
import { triggerId } from '../ids.ts';
import { SlackApiError } from './api-error.ts';

export const TRIGGER_TTL_MS = 3000;

export interface Trigger {
  id: string;
  userId: string;
  teamId: string;
  mintedAt: number;
  used: boolean;
  /** The view the interaction came from (block_actions in a modal, view_submission). */
  viewId?: string;
}

export class Triggers {
  private readonly byId = new Map<string, Trigger>();

  constructor(private readonly now: Now) {}

  /** Mints a fresh trigger for an interaction by `userId`. */
  mint(userId: string, teamId: string, viewId?: string): Trigger {
    const trigger: Trigger = { id: triggerId(this.now()), userId, teamId, mintedAt: this.now(), used: false, viewId };
    this.byId.set(trigger.id, trigger);
    return trigger;
  }

  /** Uses a trigger once; throws invalid/exchanged/expired like the views.* methods. */
  exchange(id: string | undefined, teamId: string): Trigger {
    const trigger = id ? this.byId.get(id) : undefined;
    if (!trigger || trigger.teamId !== teamId) throw new SlackApiError('invalid_trigger_id');
    if (trigger.used) throw new SlackApiError('exchanged_trigger_id');
    if (this.now() - trigger.mintedAt > TRIGGER_TTL_MS) throw new SlackApiError('expired_trigger_id');
    trigger.used = true;
    return trigger;
  }

  peek(id: string): Trigger | undefined {
    return this.byId.get(id);
  }

  clear(): void {
    this.byId.clear();
  }
}
