/**
 * The try-it UI: `GET /` serves `index.html` (`/_sandbox/mrkdwn.js` its renderer, `/favicon.ico` its
 * icon); `/_sandbox/…` JSON endpoints back it.
 *   GET  /_sandbox/directory                 workspaces, users (+ canUseCommands), channels, start (whom to open as)
 *   GET  /_sandbox/feed?user=U&channel=C     messages, ephemerals, modal, Home tab, problems, deliveries, and
 *                                            `dates`: each `<!date^…>` token rendered in U's time zone
 *   POST /_sandbox/command  {userId, channelId, text}   text as typed: picked `@handle`/`#channel` → `<@U…>`/`<#C…|name>`
 *   POST /_sandbox/action   {userId, actionId, blockId?, value?, target?, values?}
 *   POST /_sandbox/submit   {userId, viewId?, values}
 *   POST /_sandbox/close    {userId, viewId?, all?}
 *   POST /_sandbox/home     {userId}
 *   POST /_sandbox/message  {userId, channelId, text}
 *   GET|POST /_sandbox/clock                 Concord's test clock, forwarded (`clock-route.ts`)
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxCore } from '../core.ts';
import type { DriverResponse } from '../driver/transport.ts';
import { readBody, sendJson, sendText } from '../http/body.ts';
import type { UiHandler } from '../http/server.ts';
import type { Sandbox } from '../sandbox.ts';
import { moveClock, readClock } from './clock-route.ts';
import { FAVICON } from './favicon.ts';
import { renderDatesIn } from './slack-dates.ts';
import { TestClockError } from './test-clock-client.ts';
import { escapeTyped, pickable } from './typed-text.ts';

const PAGE = readFileSync(new URL('./index.html', import.meta.url), 'utf8');
const RENDERER = readFileSync(new URL('./mrkdwn.js', import.meta.url), 'utf8');

/** A request body from the page (trusted: the UI is served on 127.0.0.1 only). */
type Json = Record<string, any>;

export function createUiHandler(sb: Sandbox, core: SandboxCore): UiHandler {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method === 'GET' && url.pathname === '/') {
      sendText(res, 200, PAGE, 'text/html; charset=utf-8');
      return true;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname === '/favicon.ico') {
      res.writeHead(200, { 'content-type': 'image/x-icon', 'content-length': FAVICON.length, 'cache-control': 'max-age=86400' });
      res.end(FAVICON);
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/_sandbox/mrkdwn.js') {
      sendText(res, 200, RENDERER, 'text/javascript; charset=utf-8');
      return true;
    }
    if (url.pathname === '/_sandbox/clock') {
      await clock(sb, req, res, url);
      return true;
    }
    if (!url.pathname.startsWith('/_sandbox/')) return false;
    const name = url.pathname.slice('/_sandbox/'.length);
    if (req.method === 'GET') {
      try {
        sendJson(res, 200, read(sb, core, name, url));
      } catch (error) {
        sendJson(res, 400, { error: message(error) });
      }
      return true;
    }
    let body: Json = {};
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Json;
      sendJson(res, 200, summary(await act(sb, name, body)));
    } catch (error) {
      // What the person would have seen in Slack instead of a reply: listed under "Errors shown to the user".
      if (typeof body.userId === 'string') core.store.addProblem({ userId: body.userId, kind: 'refused', message: message(error) });
      sendJson(res, 400, { error: message(error) });
    }
    return true;
  };
}

/** Concord's test clock: its errors are shown in the clock control, not as errors Slack showed the user. */
async function clock(sb: Sandbox, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    if (req.method === 'GET') return sendJson(res, 200, await readClock(sb, url.searchParams.get('user')));
    const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TestClockError(400, 'The clock control sends a JSON object.');
    sendJson(res, 200, await moveClock(sb, body as Json));
  } catch (error) {
    const status = error instanceof TestClockError ? error.status : error instanceof SyntaxError ? 400 : 502;
    sendJson(res, status, { error: message(error) });
  }
}

function read(sb: Sandbox, core: SandboxCore, name: string, url: URL): unknown {
  if (name === 'directory') {
    return {
      workspaces: sb.workspaces().map(({ botToken: _t, ...w }) => w),
      // Slack does not deliver another organization's slash commands: an external user only receives and clicks.
      users: sb.users().map((u) => ({ ...u, canUseCommands: !u.external && !u.isBot })),
      channels: sb.channels(),
      appUrl: sb.appUrl ?? null,
      command: core.store.bot.name,
      start: sb.uiStart ?? null,
    };
  }
  if (name === 'feed') return feed(sb, core, url.searchParams.get('user') ?? '', url.searchParams.get('channel') ?? '');
  throw new Error(`unknown endpoint ${name}`);
}

function feed(sb: Sandbox, core: SandboxCore, userId: string, channelId: string): unknown {
  const shown = {
    messages: channelId ? sb.messages(channelId) : [],
    ephemerals: sb.ephemerals(userId).filter((e) => !channelId || e.channel === channelId),
    views: sb.openViews(userId),
    home: sb.homeTab(userId) ?? null,
  };
  const tz = sb.users().find((u) => u.id === userId)?.tz;
  return {
    ...shown,
    dates: renderDatesIn(shown, tz, new Date(core.now())),
    problems: sb.problems(userId).slice(-10),
    deliveries: sb.deliveries().slice(-8).map(summary),
  };
}

/** The text as the Slack client would send it: picked people and channels in their escaped forms. */
function typed(sb: Sandbox, userId: unknown, text: unknown): string {
  const raw = typeof text === 'string' ? text : '';
  const user = sb.users().find((u) => u.id === userId);
  return user ? escapeTyped(raw, pickable({ users: sb.users(), channels: sb.channels() }, user)) : raw;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function act(sb: Sandbox, name: string, body: Json): Promise<DriverResponse | undefined> {
  const d = sb.driver;
  switch (name) {
    case 'command':
      return d.slashCommand({ userId: body.userId, channelId: body.channelId, text: typed(sb, body.userId, body.text) });
    case 'action':
      return d.blockAction({ userId: body.userId, actionId: body.actionId, blockId: body.blockId, value: body.value, target: body.target, values: body.values });
    case 'submit':
      return d.submitView({ userId: body.userId, viewId: body.viewId, values: body.values });
    case 'close':
      return d.closeView({ userId: body.userId, viewId: body.viewId, all: body.all });
    case 'home':
      return d.appHomeOpened({ userId: body.userId });
    case 'message':
      return d.userMessage({ userId: body.userId, channelId: body.channelId, text: typed(sb, body.userId, body.text) });
    default:
      throw new Error(`unknown endpoint ${name}`);
  }
}

function summary(r: DriverResponse | undefined): unknown {
  if (!r) return { ok: true };
  return { id: r.id, kind: r.kind, transport: r.transport, status: r.status, latencyMs: Math.round(r.latencyMs), timedOut: r.timedOut, error: r.error, body: r.body };
}
