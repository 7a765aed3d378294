/**
 * What the sandbox remembers: the directory (workspaces, users, channels) and everything the app
 * did through it (messages, ephemerals, views, files, API calls) or was sent by the driver.
 */

export interface WorkspaceInput {
  id: string;
  name: string;
  domain: string;
  /** Set for a workspace in an Enterprise Grid org; slash commands then carry enterprise_id. */
  enterpriseId?: string;
  enterpriseName?: string;
  /** This workspace's own bot token; default `xoxb-sandbox-<id>`. */
  botToken?: string;
  /** Scopes granted to the bot token; default every scope the sandbox's methods need. */
  scopes?: string[];
}

export interface Workspace extends Required<Omit<WorkspaceInput, 'enterpriseId' | 'enterpriseName'>> {
  enterpriseId?: string;
  enterpriseName?: string;
}

export interface UserInput {
  id: string;
  /** The user's home team. For an external (Slack Connect) user, a team that is not a sandbox workspace. */
  teamId: string;
  name: string;
  realName?: string;
  /** IANA zone; `null` for a user without one (Slack says fields may be missing). Default `UTC`. */
  tz?: string | null;
  isBot?: boolean;
  /** A Slack Connect user from another organization. */
  external?: boolean;
  /** For an external user: the sandbox workspace they are connected to (default: the first workspace). */
  connectedTeamId?: string;
  email?: string;
  title?: string;
}

export interface User {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  tz: string | null;
  isBot: boolean;
  external: boolean;
  connectedTeamId?: string;
  email?: string;
  title?: string;
}

export interface ChannelInput {
  id: string;
  teamId: string;
  name: string;
  members?: string[];
  isPrivate?: boolean;
  topic?: string;
}

export interface Channel {
  id: string;
  teamId: string;
  name: string;
  isIm: boolean;
  isMpim: boolean;
  isPrivate: boolean;
  members: string[];
  /** For a DM: the user on the other side of the bot. */
  imUser?: string;
  topic?: string;
  created: number;
}

/** Where a message or ephemeral came from. */
export type Origin = 'api' | 'response_url' | 'ack' | 'user' | 'file_share';

/** Message metadata an app attached (DOC https://docs.slack.dev/messaging/message-metadata/). */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

/** A channel message in Slack's shape, plus `channel` and `origin`. */
export interface SlackMessage {
  type: 'message';
  ts: string;
  channel: string;
  team: string;
  user: string;
  bot_id?: string;
  app_id?: string;
  subtype?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  reply_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  files?: Record<string, unknown>[];
  edited?: { user: string; ts: string };
  metadata?: MessageMetadata;
  origin: Origin;
}

/** An ephemeral message, shown to one user in one channel. */
export interface Ephemeral {
  ts: string;
  channel: string;
  user: string;
  team: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  origin: Origin;
}

export interface ViewState {
  values: Record<string, Record<string, unknown>>;
}

/** An open modal view or a published Home tab. `definition` is what the app sent. */
export interface ViewRecord {
  id: string;
  teamId: string;
  userId: string;
  type: 'modal' | 'home';
  definition: Record<string, unknown>;
  hash: string;
  externalId: string;
  rootViewId: string;
  previousViewId: string | null;
  state: ViewState;
  /** Set by a `response_action: errors` ack, keyed by block_id. */
  errors?: Record<string, string>;
}

export interface FileRecord {
  id: string;
  teamId: string;
  name: string;
  title: string;
  /** Length announced to files.getUploadURLExternal. */
  length: number;
  bytes?: Buffer;
  altText?: string;
  channels: string[];
  initialComment?: string;
  threadTs?: string;
  completed: boolean;
  created: number;
}

/** One Web API call the sandbox received (token redacted). */
export interface ApiCall {
  id: number;
  method: string;
  args: Record<string, unknown>;
  teamId?: string;
  time: number;
  status: number;
  result: unknown;
  /** Set when fault injection shaped the answer: latency, 5xx, 429 storm, dropped. */
  fault?: string;
}

/** Something Slack would have shown the user as an error (invalid ack, dispatch_failed, timeout…). */
export interface UserVisibleProblem {
  time: number;
  userId?: string;
  kind: string;
  message: string;
  detail?: unknown;
}
