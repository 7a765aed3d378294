/**
 * Slack object shapes the Web API returns: user (DOC https://docs.slack.dev/reference/objects/user-object),
 * conversation, and view.
 */
import { DateTime } from 'luxon';
import { isStranger } from '../state/directory.ts';
import type { BotIdentity, Store } from '../state/store.ts';
import type { Channel, User, ViewRecord } from '../state/types.ts';

/**
 * The user object. `tz_offset` is computed for *now* ("Changes silently if changed due to daylight
 * savings", user-object page) and `tz_label` is the zone's long name at that instant.
 * External (Slack Connect) users carry their own `team_id` and `is_stranger` when they share no channel.
 */
export function userObject(store: Store, user: User, viewerTeamId: string): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    deleted: false,
    real_name: user.realName,
    ...timeZoneFields(user.tz, store.now()),
    profile: {
      real_name: user.realName,
      real_name_normalized: user.realName,
      display_name: user.name,
      display_name_normalized: user.name,
      title: user.title ?? '',
      team: user.teamId,
      ...(user.email ? { email: user.email } : {}),
    },
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.isBot,
    is_app_user: false,
    updated: Math.floor(store.now() / 1000),
  };
  if (isStranger(store, user, viewerTeamId)) base.is_stranger = true;
  return base;
}

/** tz, tz_label, tz_offset for a zone at `nowMs`; omitted when the user has no zone. */
export function timeZoneFields(tz: string | null, nowMs: number): Record<string, unknown> {
  if (!tz) return {};
  const at = DateTime.fromMillis(nowMs, { zone: tz });
  if (!at.isValid) return { tz };
  return { tz, tz_label: at.offsetNameLong ?? tz, tz_offset: at.offset * 60 };
}

/** The bot's own user object (`is_bot: true`). */
export function botUserObject(bot: BotIdentity, teamId: string): Record<string, unknown> {
  return {
    id: bot.userId,
    team_id: teamId,
    name: bot.name,
    deleted: false,
    real_name: bot.name,
    is_bot: true,
    is_app_user: false,
    profile: { real_name: bot.name, display_name: '', bot_id: bot.botId, api_app_id: bot.appId, team: teamId },
  };
}

/** A conversation object (conversations.info / conversations.open with return_im). */
export function channelObject(store: Store, channel: Channel): Record<string, unknown> {
  if (channel.isIm) {
    return { id: channel.id, created: channel.created, is_im: true, is_org_shared: false, context_team_id: channel.teamId, user: channel.imUser, is_user_deleted: false, priority: 0 };
  }
  const external = channel.members.some((id) => store.users.get(id)?.external);
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isPrivate && !channel.isMpim,
    is_group: channel.isPrivate && !channel.isMpim,
    is_im: false,
    is_mpim: channel.isMpim,
    is_private: channel.isPrivate,
    created: channel.created,
    is_archived: false,
    is_general: false,
    is_shared: external,
    is_ext_shared: external,
    is_org_shared: false,
    context_team_id: channel.teamId,
    is_member: channel.members.includes(store.bot.userId),
    topic: { value: channel.topic ?? '', creator: '', last_set: 0 },
    num_members: channel.members.length,
  };
}

/** A view object as views.* return it and payloads carry it. */
export function viewObject(store: Store, view: ViewRecord): Record<string, unknown> {
  const d = view.definition;
  return {
    id: view.id,
    team_id: view.teamId,
    type: view.type,
    blocks: d.blocks ?? [],
    private_metadata: d.private_metadata ?? '',
    callback_id: d.callback_id ?? '',
    state: view.state,
    hash: view.hash,
    ...(view.type === 'modal' ? { title: d.title, close: d.close ?? null, submit: d.submit ?? null } : {}),
    clear_on_close: d.clear_on_close ?? false,
    notify_on_close: d.notify_on_close ?? false,
    previous_view_id: view.previousViewId,
    root_view_id: view.rootViewId,
    app_id: store.bot.appId,
    external_id: view.externalId,
    app_installed_team_id: view.teamId,
    bot_id: store.bot.botId,
  };
}
