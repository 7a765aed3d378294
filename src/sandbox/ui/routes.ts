/**
 * The try-it UI: `GET /` serves `index.html`; `/_sandbox/…` JSON endpoints back it.
 *   GET  /_sandbox/directory                 workspaces, users, channels
 *   GET  /_sandbox/feed?user=U&channel=C     messages, ephemerals, modal, Home tab, problems, deliveries
 *   POST /_sandbox/command  {userId, channelId, text}
 *   POST /_sandbox/action   {userId, actionId, blockId?, value?, target?, values?}
 *   POST /_sandbox/submit   {userId, viewId?, values}
 *   POST /_sandbox/close    {userId, viewId?, all?}
 *   POST /_sandbox/home     {userId}
 *   POST /_sandbox/message  {userId, channelId, text}
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxCore } from '../core.ts';
import type { DriverResponse } from '../driver/transport.ts';
import { readBody, sendJson, sendText } from '../http/body.ts';
import type { UiHandler } from '../http/server.ts';
import type { Sandbox } from '../sandbox.ts';

const PAGE = readFileSync(new URL('./index.html', import.meta.url), 'utf8');

/** A request body from the page (trusted: the UI is served on 127.0.0.1 only). */
type Json = Record<string, any>;

export function createUiHandler(sb: Sandbox, core: SandboxCore): UiHandler {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method === 'GET' && url.pathname === '/') {
      sendText(res, 200, PAGE, 'text/html; charset=utf-8');
      return true;
    }
    if (!url.pathname.startsWith('/_sandbox/')) return false;
    const name = url.pathname.slice('/_sandbox/'.length);
    try {
      if (req.method === 'GET') sendJson(res, 200, read(sb, core, name, url));
      else sendJson(res, 200, summary(await act(sb, name, JSON.parse((await readBody(req)).toString('utf8') || '{}') as Json)));
    } catch (error) {
      sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
    }
    return true;
  };
}

function read(sb: Sandbox, core: SandboxCore, name: string, url: URL): unknown {
  if (name === 'directory') {
    return { workspaces: sb.workspaces().map(({ botToken: _t, ...w }) => w), users: sb.users(), channels: sb.channels(), appUrl: sb.appUrl ?? null, command: core.store.bot.name };
  }
  if (name === 'feed') return feed(sb, url.searchParams.get('user') ?? '', url.searchParams.get('channel') ?? '');
  throw new Error(`unknown endpoint ${name}`);
}

function feed(sb: Sandbox, userId: string, channelId: string): unknown {
  return {
    messages: channelId ? sb.messages(channelId) : [],
    ephemerals: sb.ephemerals(userId).filter((e) => !channelId || e.channel === channelId),
    views: sb.openViews(userId),
    home: sb.homeTab(userId) ?? null,
    problems: sb.problems(userId).slice(-10),
    deliveries: sb.deliveries().slice(-8).map(summary),
  };
}

async function act(sb: Sandbox, name: string, body: Json): Promise<DriverResponse | undefined> {
  const d = sb.driver;
  switch (name) {
    case 'command':
      return d.slashCommand({ userId: body.userId, channelId: body.channelId, text: body.text ?? '' });
    case 'action':
      return d.blockAction({ userId: body.userId, actionId: body.actionId, blockId: body.blockId, value: body.value, target: body.target, values: body.values });
    case 'submit':
      return d.submitView({ userId: body.userId, viewId: body.viewId, values: body.values });
    case 'close':
      return d.closeView({ userId: body.userId, viewId: body.viewId, all: body.all });
    case 'home':
      return d.appHomeOpened({ userId: body.userId });
    case 'message':
      return d.userMessage({ userId: body.userId, channelId: body.channelId, text: body.text });
    default:
      throw new Error(`unknown endpoint ${name}`);
  }
}

function summary(r: DriverResponse | undefined): unknown {
  if (!r) return { ok: true };
  return { id: r.id, kind: r.kind, transport: r.transport, status: r.status, latencyMs: Math.round(r.latencyMs), timedOut: r.timedOut, error: r.error, body: r.body };
}
