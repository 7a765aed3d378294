/**
 * The slash command body, form-encoded with the fields and order of Slack's example
 * (DOC https://docs.slack.dev/interactivity/implementing-slash-commands §Payload; fixture slash_command.form.txt):
 * token, team_id, team_domain, [enterprise_id, enterprise_name — only inside an Enterprise org],
 * channel_id, channel_name, user_id, user_name, command, text, response_url, trigger_id, api_app_id.
 */
import type { Channel, User, Workspace } from '../../state/types.ts';

export interface SlashCommandFields {
  verificationToken: string;
  workspace: Workspace;
  channel: Channel;
  user: User;
  command: string;
  text: string;
  responseUrl: string;
  triggerId: string;
  appId: string;
}

export function slashCommandBody(f: SlashCommandFields): string {
  const form = new URLSearchParams();
  form.set('token', f.verificationToken);
  form.set('team_id', f.workspace.id);
  form.set('team_domain', f.workspace.domain);
  if (f.workspace.enterpriseId) {
    form.set('enterprise_id', f.workspace.enterpriseId);
    form.set('enterprise_name', f.workspace.enterpriseName ?? '');
  }
  form.set('channel_id', f.channel.id);
  form.set('channel_name', channelName(f.channel));
  form.set('user_id', f.user.id);
  form.set('user_name', f.user.name);
  form.set('command', f.command);
  form.set('text', f.text);
  form.set('response_url', f.responseUrl);
  form.set('trigger_id', f.triggerId);
  form.set('api_app_id', f.appId);
  return form.toString();
}

/** DMs are reported as `directmessage`, group DMs as `mpdm-…`, channels by name. */
function channelName(channel: Channel): string {
  return channel.isIm ? 'directmessage' : channel.name;
}
