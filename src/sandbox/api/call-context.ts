/**
 * Who is calling and on behalf of which workspace.
 *
 * Tokens: each workspace has its own bot token (acts on that workspace only), and the sandbox's main
 * `botToken` is an org-wide install token that acts on every workspace (the app runs with one
 * SLACK_BOT_TOKEN while tenancy tests use two workspaces). With an org token Slack wants `team_id` on
 * many methods ("If using an org token, team_id is required", web-api `UsersListArguments`); Bolt sends it
 * on every per-request client call. The sandbox is lenient: without `team_id` it infers the workspace
 * from the channel, user, view or trigger named in the call, then falls back to the first workspace.
 */
import type { Store } from '../state/store.ts';
import type { Workspace } from '../state/types.ts';
import { workspaceOfUser } from '../state/directory.ts';
import { SlackApiError } from './api-error.ts';
import { list, str, type Args } from './args.ts';
import type { Triggers } from './triggers.ts';

export interface TokenGrant {
  token: string;
  /** `org`: acts on every workspace; `workspace`: only on `teamId`. */
  kind: 'org' | 'workspace';
  teamId?: string;
  scopes: string[];
}

/** Finds what a token may do; `undefined` for an unknown token (→ `invalid_auth`). */
export function authenticate(store: Store, orgToken: { token: string; scopes: string[] }, token: string): TokenGrant | undefined {
  if (token === orgToken.token) return { token, kind: 'org', scopes: orgToken.scopes };
  for (const ws of store.workspaces.values()) {
    if (ws.botToken === token) return { token, kind: 'workspace', teamId: ws.id, scopes: ws.scopes };
  }
  return undefined;
}

/** Resolves the workspace a call acts on (see the module comment). */
export function resolveWorkspace(store: Store, triggers: Triggers, grant: TokenGrant, args: Args): Workspace {
  if (grant.kind === 'workspace') return mustFind(store, grant.teamId);
  const explicit = str(args, 'team_id');
  if (explicit) {
    const ws = store.workspaces.get(explicit);
    // DOC (method error tables): `team_access_not_granted` — the token has no access to that workspace.
    if (!ws) throw new SlackApiError('team_access_not_granted');
    return ws;
  }
  const inferred = inferTeamId(store, triggers, args);
  const ws = (inferred && store.workspaces.get(inferred)) || store.workspaces.values().next().value;
  if (!ws) throw new SlackApiError('team_not_found');
  return ws;
}

function mustFind(store: Store, teamId: string | undefined): Workspace {
  const ws = teamId ? store.workspaces.get(teamId) : undefined;
  if (!ws) throw new SlackApiError('invalid_auth');
  return ws;
}

function inferTeamId(store: Store, triggers: Triggers, args: Args): string | undefined {
  const channelId = str(args, 'channel') ?? str(args, 'channel_id');
  const channel = channelId ? store.channels.get(channelId) : undefined;
  if (channel) return channel.teamId;
  const userId = str(args, 'user') ?? str(args, 'user_id') ?? list(args, 'users')[0] ?? (channelId?.startsWith('U') ? channelId : undefined);
  const user = userId ? store.users.get(userId) : undefined;
  if (user) return workspaceOfUser(user);
  const viewId = str(args, 'view_id');
  const view = viewId ? store.findView(viewId) : undefined;
  if (view) return view.teamId;
  const trigger = str(args, 'trigger_id');
  return trigger ? triggers.peek(trigger)?.teamId : undefined;
}
