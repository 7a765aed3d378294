/**
 * The Slack sandbox: a faithful local stand-in for Slack.
 *
 * - **Web API** on `sb.apiUrl` (`POST /api/<method>`, form or JSON bodies, `Authorization: Bearer`):
 *   auth.test, chat.postMessage/postEphemeral/update/delete/getPermalink, views.open/push/update/publish,
 *   users.info/list, conversations.open/info/members, files.getUploadURLExternal (+ upload URL) and
 *   files.completeUploadExternal, and response_urls (`POST /response/<id>`). Slack's errors, Block Kit
 *   validation on everything it receives, Slack-like rate limits (429 + Retry-After) and fault injection.
 * - **Driver** (`sb.driver`): Slack's signed requests to the app (slash commands, block_actions,
 *   view_submission/view_closed, events, url_verification, ssl_check), with Slack's reading of the acks.
 * - **Socket Mode** (`startSandbox({ socketMode: true })` or `sb.setTransport('socket')`): apps.connections.open
 *   with the app-level token, the WebSocket on the same port (`hello`, up to 10 connections, `disconnect`
 *   via `sb.socket.requestRefresh()`), and the driver's payloads as envelopes acked by envelope_id.
 * - **State** to assert on (`sb.messages()`, `sb.ephemerals()`, `sb.openViews()`, `sb.homeTab()`,
 *   `sb.files()`, `sb.calls()`, `sb.problems()`) and `waitFor…` helpers so tests never sleep blindly.
 * - **UI** at `sb.url` to try the app as any seeded user (`npm run sandbox`).
 *
 * @example
 *   const sb = await startSandbox({ port: 0, signingSecret: 'test-secret', botToken: 'xoxb-test' });
 *   const iomc = loadIomcWorkspace(sb);
 *   // start the app with SLACK_API_URL=sb.apiUrl, then:
 *   sb.setAppUrl('http://127.0.0.1:3000/slack/events');
 *   const r = await sb.driver.slashCommand({ userId: iomc.chair, channelId: iomc.channelId, text: 'help' });
 *   const reply = await sb.waitForEphemeral(iomc.chair, (e) => e.text.includes('Concord'));
 *   sb.faults.rateLimitStorm('chat.postMessage', { count: 3, retryAfter: 1 });
 *   await sb.close();
 */
export { startSandbox, Sandbox, type SandboxOptions, type SocketModeControls } from './sandbox.ts';
export { MAX_SOCKET_CONNECTIONS, type DisconnectReason, type SocketConnectionInfo, type StrayMessage } from './socket/socket-mode.ts';
export type { EnvelopeType } from './driver/payloads/socket-envelope.ts';
export { loadIomcWorkspace, IOMC_ORGANIZATIONS, type IomcWorkspace, type IomcOrganization } from './seed-workspace.ts';
export { createManualClock, type ManualClock, type Now } from './clock.ts';
export { validateBlocks, validateMessage, validateView, errorsOnly, type Surface, type ValidateOptions } from './block-kit/validate.ts';
export { formatProblem, type Problem } from './block-kit/problem.ts';
export { LIMITS as BLOCK_KIT_LIMITS } from './block-kit/limits.ts';
export { signRequest } from './driver/sign.ts';
export type { Driver, SlashCommandInput, BlockActionInput, SubmitViewInput, EventInput } from './driver/driver.ts';
export type { DriverResponse, BadRequestOptions, DeliveryKind, Transport } from './driver/transport.ts';
export type { ActionTarget } from './driver/locate-surface.ts';
export type { ViewValues } from './driver/view-state.ts';
export type { InputValue } from './driver/element-values.ts';
export type { Faults, FaultBudget } from './faults/faults.ts';
export type { RateLimitOptions } from './rate-limit/rate-limiter.ts';
export type { BotIdentity } from './state/store.ts';
export type {
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
} from './state/types.ts';
export { WaitTimeoutError } from './state/wait-for.ts';
export { TRIGGER_TTL_MS } from './api/triggers.ts';
export { RESPONSE_URL_MAX_USES, RESPONSE_URL_TTL_MS, type ResponseTarget } from './api/response-urls.ts';
export type { Trigger } from './api/triggers.ts';
