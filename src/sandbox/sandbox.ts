/**
 * A running sandbox: the HTTP server, the state, the driver and fault controls behind one object.
 * See `index.ts` for the public API overview.
 */
import { ResponseUrls, type ResponseTarget } from './api/response-urls.ts';
import { Triggers, type Trigger } from './api/triggers.ts';
import type { Now } from './clock.ts';
import type { SandboxCore } from './core.ts';
import { Driver } from './driver/driver.ts';
import type { DriverResponse, Transport } from './driver/transport.ts';
import { Faults } from './faults/faults.ts';
import { listen, type Listening } from './http/server.ts';
import { TsFactory } from './ids.ts';
import { RateLimiter, type RateLimitOptions } from './rate-limit/rate-limiter.ts';
import { SocketModeServer, type DisconnectReason, type SocketConnectionInfo, type StrayMessage } from './socket/socket-mode.ts';
import { DEFAULT_SCOPES, Store, type BotIdentity } from './state/store.ts';
import type { ApiCall, Channel, ChannelInput, Ephemeral, FileRecord, SlackMessage, User, UserInput, UserVisibleProblem, ViewRecord, Workspace, WorkspaceInput } from './state/types.ts';
import { waitFor, type Probe } from './state/wait-for.ts';
import { createUiHandler } from './ui/routes.ts';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The app's signing secret; the driver signs with it. Default `sandbox-signing-secret`. */
  signingSecret?: string;
  /** The org-wide bot token (acts on every workspace). Default `xoxb-sandbox-org`. */
  botToken?: string;
  /** Scopes of the org-wide token. Default: all the sandbox's methods need. */
  scopes?: string[];
  /** Where the driver sends Slack's requests, e.g. `http://127.0.0.1:3000/slack/events` (or `setAppUrl`). */
  appUrl?: string;
  /** Clock for triggers, response_urls, rate limits, ts and tz offsets (epoch ms). Default `Date.now`. */
  now?: Now;
  /** Rate limits (see `RateLimiter`); `false` turns them off. */
  rateLimits?: RateLimitOptions | false;
  /** Slack's ack deadline; a slower answer is treated as `operation_timeout`. Default 3000. */
  ackTimeoutMs?: number;
  /** How long the driver waits for the app. Default 10000. */
  requestTimeoutMs?: number;
  /** The slash command the driver sends by default. Default `/concord`. */
  command?: string;
  /** The bot's ids. Default `U_BOT` / `B_BOT` / `A_CONCORD`, name `concord`. */
  bot?: Partial<BotIdentity>;
  /** The deprecated verification token sent as `token`. */
  verificationToken?: string;
  /**
   * Socket Mode: the driver sends envelopes over the app's WebSocket instead of signed HTTP requests
   * (switch at run time with `setTransport`). The app connects through `apps.connections.open` either way.
   */
  socketMode?: boolean;
  /** The app-level token (`xapp-…`) that `apps.connections.open` accepts. Default `xapp-sandbox`. */
  appToken?: string;
  /** How long a connection told to disconnect may stay open before the sandbox closes it. Default 10000. */
  socketRefreshGraceMs?: number;
}

/**
 * Socket Mode controls and state (`sb.socket`).
 *
 * @example
 *   await sb.socket.waitForConnection();
 *   sb.socket.requestRefresh();            // {"type":"disconnect","reason":"refresh_requested"}
 *   await sb.driver.slashCommand({ … });   // waits for the app's new connection, then sends
 */
export interface SocketModeControls {
  /** Every connection so far (closed ones too), oldest first. */
  connections(): SocketConnectionInfo[];
  /** Live connections: hello sent, not told to disconnect, not closed. */
  liveCount(): number;
  /** Resolves once `count` (default 1) live connections exist. */
  waitForConnection(timeoutMs?: number, count?: number): Promise<SocketConnectionInfo>;
  /** `{"type":"disconnect","reason":"refresh_requested"}` to every live connection (or one); returns how many. */
  requestRefresh(options?: { connectionId?: number }): number;
  /** Any `disconnect` message; `warning` leaves the connection working ("about 10 seconds before the disconnect"). */
  disconnect(reason: DisconnectReason, options?: { connectionId?: number }): number;
  /** Drops every connection without a closing handshake (a network failure). */
  dropConnections(): number;
  /** Messages from the app that were not acks of a pending envelope. */
  strayMessages(): StrayMessage[];
}

/** Copies state out so tests cannot mutate the sandbox by accident. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The person and channel the try-it page opens with. */
export interface UiStart {
  userId: string;
  channelId?: string;
}

export class Sandbox {
  readonly driver: Driver;
  readonly faults: Faults;
  readonly botToken: string;
  readonly signingSecret: string;
  /** The app-level token `apps.connections.open` accepts. */
  readonly appToken: string;
  readonly socket: SocketModeControls;
  private readonly core: SandboxCore;
  private listening?: Listening;
  private currentAppUrl?: string;
  private currentTransport: Transport;
  private currentUiStart?: UiStart;

  constructor(private readonly options: SandboxOptions = {}) {
    const now = options.now ?? Date.now;
    const bot: BotIdentity = { userId: 'U_BOT', botId: 'B_BOT', appId: 'A_CONCORD', name: 'concord', ...options.bot };
    const store = new Store(bot, now);
    const ts = new TsFactory(now);
    this.botToken = options.botToken ?? 'xoxb-sandbox-org';
    this.signingSecret = options.signingSecret ?? 'sandbox-signing-secret';
    this.appToken = options.appToken ?? 'xapp-sandbox';
    this.faults = new Faults();
    this.currentAppUrl = options.appUrl;
    this.currentTransport = options.socketMode ? 'socket' : 'http';
    const socketServer = new SocketModeServer({ store, baseUrl: () => this.url, refreshGraceMs: options.socketRefreshGraceMs });
    const rateLimiter = new RateLimiter(now, options.rateLimits === false ? { enabled: false } : options.rateLimits);
    this.core = {
      store,
      now,
      ts,
      triggers: new Triggers(now),
      responseUrls: new ResponseUrls(store, ts, now, () => this.url),
      rateLimiter,
      faults: this.faults,
      orgToken: { token: this.botToken, scopes: options.scopes ?? DEFAULT_SCOPES },
      appToken: this.appToken,
      socket: socketServer,
      baseUrl: () => this.url,
    };
    this.socket = {
      connections: () => socketServer.connections(),
      liveCount: () => socketServer.liveCount(),
      waitForConnection: (timeoutMs, count) => socketServer.waitForConnection(timeoutMs, count),
      requestRefresh: (opts) => socketServer.disconnect('refresh_requested', opts),
      disconnect: (reason, opts) => socketServer.disconnect(reason, opts),
      dropConnections: () => socketServer.dropConnections(),
      strayMessages: () => socketServer.strayMessages(),
    };
    this.driver = new Driver(this.core, {
      appUrl: () => this.currentAppUrl,
      transport: () => this.currentTransport,
      signingSecret: this.signingSecret,
      ackTimeoutMs: options.ackTimeoutMs ?? 3000,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      command: options.command ?? '/concord',
      verificationToken: options.verificationToken ?? 'sandbox-verification-token',
    });
  }

  /** Starts listening (called by `startSandbox`). */
  async start(): Promise<this> {
    this.listening = await listen(this.core, createUiHandler(this, this.core), this.options.port ?? 0, this.options.host ?? '127.0.0.1');
    return this;
  }

  /** `http://127.0.0.1:<port>` — the UI. */
  get url(): string {
    if (!this.listening) throw new Error('The sandbox is not listening yet');
    return `http://${this.options.host ?? '127.0.0.1'}:${this.listening.port}`;
  }

  /** `http://127.0.0.1:<port>/api/` — give it to the app as SLACK_API_URL (WebClient `slackApiUrl`). */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** The app's bot user, bot and app ids (what auth.test returns). */
  get bot(): BotIdentity {
    return { ...this.core.store.bot };
  }

  get appUrl(): string | undefined {
    return this.currentAppUrl;
  }

  /** Where the driver sends Slack's requests. */
  setAppUrl(url: string): void {
    this.currentAppUrl = url;
  }

  /** Whom the try-it page acts as, and in which channel, when it opens (default: the first person listed). */
  get uiStart(): UiStart | undefined {
    return this.currentUiStart && { ...this.currentUiStart };
  }

  setUiStart(start: UiStart): void {
    this.currentUiStart = { ...start };
  }

  /** `http` (signed POSTs to appUrl) or `socket` (envelopes over the app's Socket Mode connections). */
  get transport(): Transport {
    return this.currentTransport;
  }

  /** Switches how the driver reaches the app, as toggling Socket Mode in the app settings does. */
  setTransport(transport: Transport): void {
    this.currentTransport = transport;
  }

  // ── Seeding ──────────────────────────────────────────────────────────────────────────────

  addWorkspace(input: WorkspaceInput): Workspace {
    return copy(this.core.store.addWorkspace(input));
  }

  addUser(input: UserInput): User {
    return copy(this.core.store.addUser(input));
  }

  addChannel(input: ChannelInput): Channel {
    return copy(this.core.store.addChannel(input));
  }

  /** Adds a user to a channel (e.g. to let the bot DM an external user who now shares it). */
  joinChannel(channelId: string, userId: string): void {
    const channel = this.core.store.channels.get(channelId);
    if (!channel) throw new Error(`Unknown channel ${channelId}`);
    if (!channel.members.includes(userId)) channel.members.push(userId);
    this.core.store.changed();
  }

  /** Changes rate limits at run time (buckets restart full). */
  configureRateLimits(options: RateLimitOptions): void {
    this.core.rateLimiter.configure(options);
  }

  /** Mints a trigger_id as an interaction would (for tests of trigger expiry). */
  mintTrigger(userId: string): Trigger {
    const user = this.core.store.users.get(userId);
    if (!user) throw new Error(`Unknown user ${userId}`);
    return { ...this.core.triggers.mint(user.id, user.external ? (user.connectedTeamId ?? user.teamId) : user.teamId) };
  }

  /** Mints a response_url as an interaction would (to test `respond()` paths directly). */
  mintResponseUrl(target: ResponseTarget): string {
    return this.core.responseUrls.mint(target);
  }

  // ── State ────────────────────────────────────────────────────────────────────────────────

  workspaces(): Workspace[] {
    return copy([...this.core.store.workspaces.values()]);
  }

  users(teamId?: string): User[] {
    return copy([...this.core.store.users.values()].filter((u) => !teamId || u.teamId === teamId || u.connectedTeamId === teamId));
  }

  channels(teamId?: string): Channel[] {
    return copy([...this.core.store.channels.values()].filter((c) => !teamId || c.teamId === teamId));
  }

  /** Messages of a channel (thread replies included, oldest first); `{ threadTs }` for one thread. */
  messages(channelId: string, filter: { threadTs?: string; topLevel?: boolean } = {}): SlackMessage[] {
    let list = this.core.store.messages.get(channelId) ?? [];
    if (filter.threadTs) list = list.filter((m) => m.ts === filter.threadTs || m.thread_ts === filter.threadTs);
    if (filter.topLevel) list = list.filter((m) => !m.thread_ts || m.thread_ts === m.ts || m.subtype === 'thread_broadcast');
    return copy(list);
  }

  /** The bot's DM channel with a user, if one was opened. */
  dmChannel(userId: string): Channel | undefined {
    const found = [...this.core.store.channels.values()].find((c) => c.isIm && c.imUser === userId);
    return found && copy(found);
  }

  /** Messages in the bot's DM with a user. */
  directMessages(userId: string): SlackMessage[] {
    const dm = this.dmChannel(userId);
    return dm ? this.messages(dm.id) : [];
  }

  /** Ephemeral messages shown to a user (optionally in one channel). */
  ephemerals(userId: string, channelId?: string): Ephemeral[] {
    return copy(this.core.store.ephemerals.filter((e) => e.user === userId && (!channelId || e.channel === channelId)));
  }

  /** The user's open modal, bottom to top (errors from `response_action: errors` on `view.errors`). */
  openViews(userId: string): ViewRecord[] {
    return copy(this.core.store.viewStacks.get(userId) ?? []);
  }

  homeTab(userId: string): ViewRecord | undefined {
    const home = this.core.store.homes.get(userId);
    return home && copy(home);
  }

  files(): FileRecord[] {
    return [...this.core.store.files.values()].map((f) => ({ ...copy({ ...f, bytes: undefined }), bytes: f.bytes && Buffer.from(f.bytes) }));
  }

  /** Web API calls received (also `files.upload` and `response_url`), oldest first. */
  calls(method?: string): ApiCall[] {
    return copy(this.core.store.calls.filter((c) => !method || c.method === method));
  }

  /** Requests the driver sent to the app. */
  deliveries(): DriverResponse[] {
    return this.driver.deliveries();
  }

  /** Errors Slack would have shown users (operation_timeout, dispatch_failed, invalid acks…). */
  problems(userId?: string): UserVisibleProblem[] {
    return copy(this.core.store.problems.filter((p) => !userId || p.userId === userId));
  }

  // ── Waiting ──────────────────────────────────────────────────────────────────────────────

  /** Resolves with the probe's first truthy result, re-checked on every change. */
  waitFor<T>(probe: Probe<T>, timeoutMs = 2000, description = 'a condition'): Promise<T> {
    return waitFor(this.core.store, probe, timeoutMs, description);
  }

  waitForMessage(channelId: string, predicate: (m: SlackMessage) => boolean = () => true, timeoutMs = 2000): Promise<SlackMessage> {
    return this.waitFor(() => this.messages(channelId).find(predicate), timeoutMs, `a message in ${channelId}`);
  }

  waitForDirectMessage(userId: string, predicate: (m: SlackMessage) => boolean = () => true, timeoutMs = 2000): Promise<SlackMessage> {
    return this.waitFor(() => this.directMessages(userId).find(predicate), timeoutMs, `a DM to ${userId}`);
  }

  waitForEphemeral(userId: string, predicate: (e: Ephemeral) => boolean = () => true, timeoutMs = 2000): Promise<Ephemeral> {
    return this.waitFor(() => this.ephemerals(userId).find(predicate), timeoutMs, `an ephemeral for ${userId}`);
  }

  /** Waits for the top view of the user's modal to match. */
  waitForView(userId: string, predicate: (v: ViewRecord) => boolean = () => true, timeoutMs = 2000): Promise<ViewRecord> {
    return this.waitFor(() => this.openViews(userId).filter(predicate).at(-1), timeoutMs, `a modal view for ${userId}`);
  }

  waitForHome(userId: string, predicate: (v: ViewRecord) => boolean = () => true, timeoutMs = 2000): Promise<ViewRecord> {
    return this.waitFor(() => {
      const home = this.homeTab(userId);
      return home && predicate(home) ? home : undefined;
    }, timeoutMs, `a Home tab for ${userId}`);
  }

  waitForCall(method: string, predicate: (c: ApiCall) => boolean = () => true, timeoutMs = 2000): Promise<ApiCall> {
    return this.waitFor(() => this.calls(method).find(predicate), timeoutMs, `a ${method} call`);
  }

  // ── Lifecycle ────────────────────────────────────────────────────────────────────────────

  /** Forgets activity and faults; keeps workspaces/users/channels with `keepDirectory`. Socket Mode connections stay open. */
  reset(options: { keepDirectory?: boolean } = {}): void {
    this.core.store.reset(options.keepDirectory ?? false);
    this.core.triggers.clear();
    this.core.responseUrls.clear();
    this.core.rateLimiter.reset();
    this.faults.clear();
    this.driver.clearDeliveries();
  }

  async close(): Promise<void> {
    this.core.socket.close();
    await this.listening?.close();
    this.listening = undefined;
  }
}

/**
 * Starts a sandbox listening on 127.0.0.1.
 *
 * @example
 *   const sb = await startSandbox({ port: 0, signingSecret: 'test-secret', botToken: 'xoxb-test' });
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return new Sandbox(options).start();
}
