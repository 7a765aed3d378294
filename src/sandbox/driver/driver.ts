/**
 * The driver plays Slack towards the app: it sends Slack's exact payloads to `appUrl`, signed (v0) — or,
 * when the sandbox is in Socket Mode (`sb.setTransport('socket')`), as envelopes over the app's WebSocket
 * — then applies Slack's reading of the app's answer (acks) to the sandbox state. Every call resolves to
 * `{ status, headers, body, latencyMs, … }` and is recorded (`sb.deliveries()`). url_verification,
 * ssl_check and `raw()` exist only over HTTP; `envelope()` sends any envelope over Socket Mode.
 *
 * @example
 *   const r = await sb.driver.slashCommand({ userId: 'U1', channelId: 'C1', text: 'help' });
 *   await sb.driver.blockAction({ userId: 'U1', actionId: 'meeting_confirm' }); // finds the button
 *   await sb.driver.submitView({ userId: 'U1', values: { title: 'IOCC-61' } });
 */
import { randomUUID } from 'node:crypto';
import type { SandboxCore } from '../core.ts';
import { randomId } from '../ids.ts';
import { ensureDm, workspaceOfUser } from '../state/directory.ts';
import type { Channel, User, ViewRecord, Workspace } from '../state/types.ts';
import { viewObject } from '../api/objects.ts';
import { publicMessage } from '../api/methods/chat.ts';
import { applyMessageAck, applyViewSubmissionAck, deliveredInTime } from './acks.ts';
import { actionObject } from './action-object.ts';
import type { InputValue } from './element-values.ts';
import { locateSurface, type ActionTarget, type Located } from './locate-surface.ts';
import { payloadForm } from './payloads/common.ts';
import { eventEnvelope, sslCheckBody, urlVerificationBody } from './payloads/events.ts';
import { blockActionsPayload, viewClosedPayload, viewSubmissionPayload, type ActionSurface, type Actor } from './payloads/interactions.ts';
import { slashCommandBody } from './payloads/slash-command.ts';
import { slashCommandPayload, socketEnvelope, type EnvelopeSpec } from './payloads/socket-envelope.ts';
import { sendEnvelope } from './socket-transport.ts';
import { buildRequest, sendRequest, type BadRequestOptions, type DeliveryKind, type DriverResponse, type SentRequest, type Transport } from './transport.ts';
import { buildViewState, type ViewValues } from './view-state.ts';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

export interface DriverConfig {
  appUrl(): string | undefined;
  /** `http` (signed POSTs to appUrl) or `socket` (envelopes over Socket Mode). */
  transport(): Transport;
  signingSecret: string;
  /** Slack's ack deadline (3000 ms). */
  ackTimeoutMs: number;
  /** How long the driver waits for the app at all. */
  requestTimeoutMs: number;
  /** Default slash command, e.g. `/concord`. */
  command: string;
  /** The deprecated verification token Slack still sends as `token`. */
  verificationToken: string;
}

/** Over Socket Mode the BadRequestOptions (signature, headers, content type) do not apply: nothing is signed. */
export interface SlashCommandInput extends BadRequestOptions {
  userId: string;
  channelId: string;
  text?: string;
  command?: string;
}

export interface BlockActionInput extends BadRequestOptions {
  userId: string;
  actionId: string;
  blockId?: string;
  /** The value chosen: option value(s), date, time, user id, typed text. A button sends its own value. */
  value?: InputValue;
  /** Where the element is; by default the user's top modal, newest ephemeral, newest message, then Home tab. */
  target?: ActionTarget;
  /** In a modal: values typed so far (see `ViewValues`). */
  values?: ViewValues;
}

export interface SubmitViewInput extends BadRequestOptions {
  userId: string;
  /** Default: the top view of the user's modal. */
  viewId?: string;
  values?: ViewValues;
}

export interface EventInput extends BadRequestOptions {
  teamId: string;
  event: Record<string, unknown>;
  /** Reuse an event_id to simulate a retry of the same event. */
  eventId?: string;
  /** `x-slack-retry-num` over HTTP, the envelope's `retry_attempt` over Socket Mode. */
  retryNum?: number;
  /** `x-slack-retry-reason` over HTTP, the envelope's `retry_reason` over Socket Mode. */
  retryReason?: string;
}

export class Driver {
  private readonly sent: DriverResponse[] = [];
  private nextId = 0;

  constructor(
    private readonly core: SandboxCore,
    private readonly config: DriverConfig,
  ) {}

  /** Everything the driver sent, oldest first. */
  deliveries(): DriverResponse[] {
    return [...this.sent];
  }

  /** Forgets past deliveries (part of `sb.reset()`). */
  clearDeliveries(): void {
    this.sent.length = 0;
  }

  /** Sends a slash command as the user in the channel; the ack is shown as Slack would. */
  async slashCommand(input: SlashCommandInput): Promise<DriverResponse> {
    const user = this.user(input.userId);
    const workspace = this.workspaceOf(user);
    const channel = this.channel(input.channelId, workspace);
    if (user.external) throw new Error(`Slash commands are not shared with Slack Connect users (${user.id}); Slack would not deliver this`);
    const command = input.command ?? this.config.command;
    const text = input.text ?? '';
    const trigger = this.core.triggers.mint(user.id, workspace.id);
    const responseUrl = this.core.responseUrls.mint({ teamId: workspace.id, userId: user.id, channelId: channel.id, source: 'command' });
    const body = slashCommandBody({ verificationToken: this.config.verificationToken, workspace, channel, user, command, text, responseUrl, triggerId: trigger.id, appId: this.core.store.bot.appId });
    const socket: EnvelopeSpec = { type: 'slash_commands', payload: slashCommandPayload(body), acceptsResponsePayload: true };
    const response = await this.send('slash_command', body, FORM, input, { triggerId: trigger.id, responseUrl }, socket);
    if (deliveredInTime(this.core, user, response, command)) {
      applyMessageAck(this.core, { workspace, user, channel, invocation: `${command} ${text}`.trim() }, response);
    }
    return response;
  }

  /** A user acting on an element (button click, menu choice, date pick…) → `block_actions`. */
  async blockAction(input: BlockActionInput): Promise<DriverResponse> {
    const user = this.user(input.userId);
    const workspace = this.workspaceOf(user);
    const located = locateSurface(this.core.store, user.id, input.actionId, input.blockId, input.target);
    const viewId = located.kind === 'view' ? located.view.id : undefined;
    const trigger = this.core.triggers.mint(user.id, workspace.id, viewId);
    const action = actionObject(located.found.element, located.found.blockId, input.value, this.core.ts.next());
    const { surface, responseUrl } = this.surfaceFor(located, user, workspace, input.values);
    const payload = blockActionsPayload(this.actor(user, workspace), surface, action, trigger.id, responseUrl, { values: {} });
    const socket: EnvelopeSpec = { type: 'interactive', payload, acceptsResponsePayload: false };
    const response = await this.send('block_actions', payloadForm(payload), FORM, input, { triggerId: trigger.id, responseUrl }, socket);
    // Over Socket Mode a block_actions envelope has `accepts_response_payload: false`: an ack payload is ignored.
    if (deliveredInTime(this.core, user, response, `action ${input.actionId}`) && located.kind !== 'view' && response.transport === 'http') {
      applyMessageAck(this.core, { workspace, user, channel: located.channel }, response);
    }
    return response;
  }

  /** Alias of `blockAction` for buttons. */
  clickButton(input: BlockActionInput): Promise<DriverResponse> {
    return this.blockAction(input);
  }

  /** Submits the user's modal with typed values → `view_submission`; applies the `response_action`. */
  async submitView(input: SubmitViewInput): Promise<DriverResponse> {
    const user = this.user(input.userId);
    const workspace = this.workspaceOf(user);
    const view = this.openView(user.id, input.viewId);
    view.state = buildViewState(view.definition.blocks, view.state, input.values);
    view.errors = undefined;
    const trigger = this.core.triggers.mint(user.id, workspace.id, view.id);
    const payload = viewSubmissionPayload(this.actor(user, workspace), viewObject(this.core.store, view), trigger.id);
    const socket: EnvelopeSpec = { type: 'interactive', payload, acceptsResponsePayload: true };
    const response = await this.send('view_submission', payloadForm(payload), FORM, input, { triggerId: trigger.id }, socket);
    if (deliveredInTime(this.core, user, response, 'view_submission')) applyViewSubmissionAck(this.core, user, view, response);
    return response;
  }

  /**
   * The user closes the modal: the top view (Cancel), or all views with `all: true` (is_cleared).
   * `view_closed` is sent only when the view has `notify_on_close: true`; otherwise resolves undefined.
   */
  async closeView(input: { userId: string; viewId?: string; all?: boolean } & BadRequestOptions): Promise<DriverResponse | undefined> {
    const user = this.user(input.userId);
    const workspace = this.workspaceOf(user);
    const view = this.openView(user.id, input.viewId);
    const stack = this.core.store.viewStack(user.id);
    if (input.all) stack.splice(0, stack.length);
    else stack.splice(stack.indexOf(view), 1);
    this.core.store.changed();
    if (view.definition.notify_on_close !== true) return undefined;
    const payload = viewClosedPayload(this.actor(user, workspace), viewObject(this.core.store, view), Boolean(input.all));
    return this.send('view_closed', payloadForm(payload), FORM, input, {}, { type: 'interactive', payload, acceptsResponsePayload: false });
  }

  /** An Events API `event_callback` for a workspace, optionally as a retry (`x-slack-retry-num`). */
  async event(input: EventInput): Promise<DriverResponse> {
    const workspace = this.workspace(input.teamId);
    const eventId = input.eventId ?? randomId('Ev');
    const nowSec = Math.floor(this.core.now() / 1000);
    const event = { ...input.event, event_ts: input.event.event_ts ?? this.core.ts.next() };
    const envelope = eventEnvelope({ workspace, appId: this.core.store.bot.appId, botUserId: this.core.store.bot.userId, verificationToken: this.config.verificationToken, event, eventId, eventTime: nowSec });
    const retry: Record<string, string> = {};
    if (input.retryNum !== undefined) retry['x-slack-retry-num'] = String(input.retryNum);
    if (input.retryReason !== undefined) retry['x-slack-retry-reason'] = input.retryReason;
    const socket: EnvelopeSpec = { type: 'events_api', payload: envelope, acceptsResponsePayload: false, retryAttempt: input.retryNum, retryReason: input.retryReason };
    return this.send('event_callback', JSON.stringify(envelope), JSON_TYPE, { ...input, headers: { ...retry, ...input.headers } }, {}, socket);
  }

  /** The user opens the app's Home (or Messages) tab → `app_home_opened` (with `view` once published). */
  async appHomeOpened(input: { userId: string; tab?: 'home' | 'messages' } & BadRequestOptions): Promise<DriverResponse> {
    const user = this.user(input.userId);
    const workspace = this.workspaceOf(user);
    const dm = ensureDm(this.core.store, user, workspace.id);
    const home = this.core.store.homes.get(user.id);
    const event = { type: 'app_home_opened', user: user.id, channel: dm.id, tab: input.tab ?? 'home', ...(home ? { view: viewObject(this.core.store, home) } : {}) };
    return this.event({ ...input, teamId: workspace.id, event });
  }

  /** A user posts a message: stored in the channel, then delivered as a `message` event. */
  async userMessage(input: { userId: string; channelId: string; text: string; threadTs?: string } & BadRequestOptions): Promise<DriverResponse> {
    const user = this.user(input.userId);
    const workspace = this.workspaceOf(user);
    const channel = this.channel(input.channelId, workspace);
    const message = this.core.store.addMessage({ type: 'message', ts: this.core.ts.next(), channel: channel.id, team: workspace.id, user: user.id, text: input.text, thread_ts: input.threadTs, origin: 'user' });
    const event = { ...publicMessage(message), channel: channel.id, event_ts: message.ts, channel_type: channelType(channel) };
    return this.event({ ...input, teamId: workspace.id, event });
  }

  /** The Events API URL handshake (HTTP only: Socket Mode apps have no Request URL). */
  urlVerification(challenge = randomId('', 48), opts: BadRequestOptions = {}): Promise<DriverResponse> {
    return this.send('url_verification', JSON.stringify(urlVerificationBody(this.config.verificationToken, challenge)), JSON_TYPE, opts, {});
  }

  /** Slack's occasional `ssl_check=1` POST (not signed by Slack; sent signed here, which Bolt ignores). HTTP only. */
  sslCheck(opts: BadRequestOptions = {}): Promise<DriverResponse> {
    return this.send('ssl_check', sslCheckBody(this.config.verificationToken), FORM, opts, {});
  }

  /**
   * Re-sends an earlier request byte for byte (same body, same signature headers) — or, for a Socket Mode
   * delivery, the same envelope (same envelope_id) over a live connection. No ack is applied.
   */
  replay(previous: DriverResponse): Promise<DriverResponse> {
    if (previous.transport === 'socket') return this.transmitEnvelope(previous.kind, JSON.parse(previous.request.body) as Record<string, unknown>, {});
    return this.transmit(previous.kind, previous.request, {});
  }

  /** Sends any body, signed, with the given content type, over HTTP (whatever the transport). */
  raw(body: string, contentType: string, opts: BadRequestOptions = {}): Promise<DriverResponse> {
    return this.send('raw', body, contentType, opts, {});
  }

  /**
   * Sends an interaction payload exactly as given, form-encoded in `payload` and signed like Slack, over
   * HTTP whatever the transport: any JSON (a shape Slack never sends, a field missing or of the wrong type)
   * or, as a string, any text (not even JSON). For fuzz tests of the interaction handlers; no ack is
   * applied. Live `trigger_id` and `response_url` values come from `sb.mintTrigger()` / `sb.mintResponseUrl()`.
   *
   * @example
   *   const trigger = sb.mintTrigger('U1').id;
   *   await sb.driver.interaction({ type: 'block_actions', user: { id: 'U1' }, trigger_id: trigger, actions: [{ action_id: 'x', value: '{' }] });
   *   await sb.driver.interaction('{"type": "view_submission", ');
   */
  interaction(payload: unknown, opts: BadRequestOptions = {}): Promise<DriverResponse> {
    const body = new URLSearchParams({ payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }).toString();
    const type = isRecord(payload) ? payload.type : undefined;
    const kind: DeliveryKind = type === 'block_actions' || type === 'view_submission' || type === 'view_closed' ? type : 'raw';
    return this.send(kind, body, FORM, opts, {});
  }

  /**
   * Sends any envelope over Socket Mode (e.g. Slack's documented one) and resolves with the app's ack;
   * an `envelope_id` is added when missing. No ack is applied.
   *
   * @example
   *   const r = await sb.driver.envelope({ type: 'slash_commands', payload: { command: '/concord', text: 'help', … }, accepts_response_payload: true });
   */
  envelope(envelope: Record<string, unknown>): Promise<DriverResponse> {
    return this.transmitEnvelope('raw', { envelope_id: randomUUID(), ...envelope }, {});
  }

  private surfaceFor(located: Located, user: User, workspace: Workspace, values: ViewValues | undefined): { surface: ActionSurface; responseUrl?: string } {
    if (located.kind === 'view') {
      located.view.state = buildViewState(located.view.definition.blocks, located.view.state, values);
      return { surface: { kind: 'view', view: viewObject(this.core.store, located.view) } };
    }
    const ts = located.kind === 'message' ? located.message.ts : located.ephemeral.ts;
    const responseUrl = this.core.responseUrls.mint({ teamId: workspace.id, userId: user.id, channelId: located.channel.id, source: located.kind, messageTs: ts });
    if (located.kind === 'ephemeral') return { surface: { kind: 'ephemeral', channel: located.channel, ts }, responseUrl };
    return { surface: { kind: 'message', channel: located.channel, ts, message: publicMessage(located.message) }, responseUrl };
  }

  /** Over Socket Mode (when the request has a `socket` form) as an envelope, else as a signed HTTP POST. */
  private async send(kind: DeliveryKind, body: string, contentType: string, opts: BadRequestOptions, extra: Partial<DriverResponse>, socket?: EnvelopeSpec): Promise<DriverResponse> {
    if (socket && this.config.transport() === 'socket') return this.transmitEnvelope(kind, socketEnvelope(socket), extra);
    const request = buildRequest({ ...this.transportConfig() }, body, contentType, opts);
    return this.transmit(kind, request, extra);
  }

  private async transmit(kind: DeliveryKind, request: SentRequest, extra: Partial<DriverResponse>): Promise<DriverResponse> {
    return this.record({ ...(await sendRequest(this.transportConfig(), kind, request, ++this.nextId)), ...extra });
  }

  private async transmitEnvelope(kind: DeliveryKind, envelope: Record<string, unknown>, extra: Partial<DriverResponse>): Promise<DriverResponse> {
    const config = { ackTimeoutMs: this.config.ackTimeoutMs, requestTimeoutMs: this.config.requestTimeoutMs };
    return this.record({ ...(await sendEnvelope(this.core.socket, config, kind, envelope, ++this.nextId)), ...extra });
  }

  private record(response: DriverResponse): DriverResponse {
    this.sent.push(response);
    this.core.store.changed();
    return response;
  }

  private transportConfig(): { appUrl: string; signingSecret: string; ackTimeoutMs: number; requestTimeoutMs: number } {
    const appUrl = this.config.appUrl();
    if (!appUrl) throw new Error('The sandbox has no appUrl yet: pass it to startSandbox or call sb.setAppUrl(url)');
    return { appUrl, signingSecret: this.config.signingSecret, ackTimeoutMs: this.config.ackTimeoutMs, requestTimeoutMs: this.config.requestTimeoutMs };
  }

  private actor(user: User, workspace: Workspace): Actor {
    return { workspace, user, appId: this.core.store.bot.appId, verificationToken: this.config.verificationToken };
  }

  private user(userId: string): User {
    const user = this.core.store.users.get(userId);
    if (!user) throw new Error(`Unknown sandbox user ${userId}`);
    return user;
  }

  private workspace(teamId: string): Workspace {
    const ws = this.core.store.workspaces.get(teamId);
    if (!ws) throw new Error(`Unknown sandbox workspace ${teamId}`);
    return ws;
  }

  private workspaceOf(user: User): Workspace {
    return this.workspace(workspaceOfUser(user) ?? user.teamId);
  }

  private channel(channelId: string, workspace: Workspace): Channel {
    const channel = this.core.store.channels.get(channelId);
    if (!channel || channel.teamId !== workspace.id) throw new Error(`Unknown channel ${channelId} in workspace ${workspace.id}`);
    return channel;
  }

  private openView(userId: string, viewId: string | undefined): ViewRecord {
    const stack = this.core.store.viewStack(userId);
    const view = viewId ? stack.find((v) => v.id === viewId) : stack.at(-1);
    if (!view) throw new Error(`User ${userId} has no open modal${viewId ? ` view ${viewId}` : ''}`);
    return view;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function channelType(channel: Channel): string {
  if (channel.isIm) return 'im';
  if (channel.isMpim) return 'mpim';
  return channel.isPrivate ? 'group' : 'channel';
}
