/**
 * The sandbox's in-memory state. Every mutation calls `changed()`, which wakes `waitFor` helpers
 * and the UI's event stream.
 */
import { EventEmitter } from 'node:events';
import type { Now } from '../clock.ts';
import type {
  ApiCall,
  Channel,
  ChannelInput,
  Ephemeral,
  FileRecord,
  SlackMessage,
  User,
  UserInput,
  UserVisibleProblem,
  ViewRecord,
  Workspace,
  WorkspaceInput,
} from './types.ts';

/** Scopes granted by default: everything the sandbox's methods check. */
export const DEFAULT_SCOPES = ['chat:write', 'chat:write.public', 'commands', 'users:read', 'im:write', 'channels:read', 'groups:read', 'im:read', 'files:write', 'channels:history', 'groups:history', 'im:history', 'mpim:history'];

/** The app's bot as Slack knows it. */
export interface BotIdentity {
  userId: string;
  botId: string;
  appId: string;
  name: string;
}

export class Store extends EventEmitter {
  readonly workspaces = new Map<string, Workspace>();
  readonly users = new Map<string, User>();
  readonly channels = new Map<string, Channel>();
  readonly messages = new Map<string, SlackMessage[]>();
  ephemerals: Ephemeral[] = [];
  readonly viewStacks = new Map<string, ViewRecord[]>();
  readonly homes = new Map<string, ViewRecord>();
  readonly files = new Map<string, FileRecord>();
  calls: ApiCall[] = [];
  problems: UserVisibleProblem[] = [];

  constructor(
    readonly bot: BotIdentity,
    readonly now: Now,
  ) {
    super();
    this.setMaxListeners(0);
  }

  /** Signals a state change to waiters and the UI. */
  changed(): void {
    this.emit('change');
  }

  addWorkspace(input: WorkspaceInput): Workspace {
    const workspace: Workspace = {
      ...input,
      botToken: input.botToken ?? `xoxb-sandbox-${input.id}`,
      scopes: input.scopes ?? DEFAULT_SCOPES,
    };
    this.workspaces.set(workspace.id, workspace);
    this.changed();
    return workspace;
  }

  addUser(input: UserInput): User {
    const user: User = {
      id: input.id,
      teamId: input.teamId,
      name: input.name,
      realName: input.realName ?? input.name,
      tz: input.tz === undefined ? 'UTC' : input.tz,
      isBot: input.isBot ?? false,
      external: input.external ?? false,
      connectedTeamId: input.external ? (input.connectedTeamId ?? this.workspaces.keys().next().value) : undefined,
      email: input.email,
      title: input.title,
    };
    this.users.set(user.id, user);
    this.changed();
    return user;
  }

  addChannel(input: ChannelInput): Channel {
    const channel: Channel = {
      id: input.id,
      teamId: input.teamId,
      name: input.name,
      isIm: false,
      isMpim: false,
      isPrivate: input.isPrivate ?? false,
      members: [...(input.members ?? [])],
      topic: input.topic,
      created: Math.floor(this.now() / 1000),
    };
    this.channels.set(channel.id, channel);
    this.changed();
    return channel;
  }

  /** Adds a DM or group DM created by conversations.open. */
  putChannel(channel: Channel): Channel {
    this.channels.set(channel.id, channel);
    this.changed();
    return channel;
  }

  channelMessages(channelId: string): SlackMessage[] {
    let list = this.messages.get(channelId);
    if (!list) {
      list = [];
      this.messages.set(channelId, list);
    }
    return list;
  }

  /** Appends a message; a thread reply also updates its parent's reply_count/latest_reply/reply_users. */
  addMessage(message: SlackMessage): SlackMessage {
    const list = this.channelMessages(message.channel);
    list.push(message);
    if (message.thread_ts && message.thread_ts !== message.ts) {
      const parent = list.find((m) => m.ts === message.thread_ts);
      if (parent) {
        parent.thread_ts = parent.ts;
        parent.reply_count = (parent.reply_count ?? 0) + 1;
        parent.latest_reply = message.ts;
        parent.reply_users = [...new Set([...(parent.reply_users ?? []), message.user])];
      }
    }
    this.changed();
    return message;
  }

  findMessage(channelId: string, ts: string): SlackMessage | undefined {
    return this.messages.get(channelId)?.find((m) => m.ts === ts);
  }

  removeMessage(channelId: string, ts: string): void {
    const list = this.messages.get(channelId);
    if (!list) return;
    this.messages.set(
      channelId,
      list.filter((m) => m.ts !== ts),
    );
    this.changed();
  }

  addEphemeral(ephemeral: Ephemeral): Ephemeral {
    this.ephemerals.push(ephemeral);
    this.changed();
    return ephemeral;
  }

  removeEphemeral(ts: string): void {
    this.ephemerals = this.ephemerals.filter((e) => e.ts !== ts);
    this.changed();
  }

  viewStack(userId: string): ViewRecord[] {
    let stack = this.viewStacks.get(userId);
    if (!stack) {
      stack = [];
      this.viewStacks.set(userId, stack);
    }
    return stack;
  }

  /** An open modal view or a Home tab by view id. */
  findView(viewId: string): ViewRecord | undefined {
    for (const stack of this.viewStacks.values()) {
      const found = stack.find((v) => v.id === viewId);
      if (found) return found;
    }
    return [...this.homes.values()].find((v) => v.id === viewId);
  }

  addProblem(problem: Omit<UserVisibleProblem, 'time'>): void {
    this.problems.push({ ...problem, time: this.now() });
    this.changed();
  }

  /** Forgets activity; with `keepDirectory`, keeps workspaces, users and non-DM channels. */
  reset(keepDirectory = false): void {
    this.messages.clear();
    this.ephemerals = [];
    this.viewStacks.clear();
    this.homes.clear();
    this.files.clear();
    this.calls = [];
    this.problems = [];
    if (keepDirectory) {
      for (const [id, channel] of this.channels) if (channel.isIm || channel.isMpim) this.channels.delete(id);
    } else {
      this.workspaces.clear();
      this.users.clear();
      this.channels.clear();
    }
    this.changed();
  }
}
