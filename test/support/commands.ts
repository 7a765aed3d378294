/** Sends `/concord …` as a user through the sandbox and returns what that user sees. */
import type { TestApp } from './app.ts';

export interface Seen {
  status: number;
  /** The ephemeral reply's fallback text plus every text in its blocks, as the user would read it. */
  text: string;
  blocks: unknown[];
  responseType?: string;
  /** Only what Slack parses for mentions: the fallback text and every mrkdwn text object. */
  parsed: string;
}

function mrkdwnTexts(value: unknown, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v) => mrkdwnTexts(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
    for (const v of Object.values(o)) if (typeof v === 'object') mrkdwnTexts(v, out);
  }
}

function blockTexts(value: unknown, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v) => blockTexts(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'text' && typeof v === 'string') out.push(v);
      else blockTexts(v, out);
    }
  }
}

export async function concord(t: TestApp, userId: string, text: string, opts: { channelId?: string; teamId?: string } = {}): Promise<Seen> {
  const viewsBefore = new Set(t.sandbox.openViews(userId).map((v) => v.id));
  const r = await t.sandbox.driver.slashCommand({ userId, channelId: opts.channelId ?? t.iomc.channelId, text });
  let body = r.body as { text?: string; blocks?: unknown[]; response_type?: string } | string;
  if (r.status === 200 && (body === '' || body === undefined)) {
    // Acked empty: the reply comes through response_url (up to 20 s on a loaded machine), unless the
    // command opened a modal instead.
    const e = await Promise.race([
      t.sandbox.waitForEphemeral(userId, (m) => m.origin === 'response_url', 20_000),
      t.sandbox.waitForView(userId, (v) => v.type === 'modal' && !viewsBefore.has(v.id), 20_000).then(() => undefined),
    ]).catch(() => undefined);
    body = e ? { text: e.text, blocks: e.blocks } : '';
  }
  const b = typeof body === 'string' ? { text: body } : body;
  const texts: string[] = [b.text ?? ''];
  blockTexts(b.blocks ?? [], texts);
  const parsed: string[] = [b.text ?? ''];
  mrkdwnTexts(b.blocks ?? [], parsed);
  return { status: r.status, text: texts.join('\n'), blocks: b.blocks ?? [], responseType: b.response_type, parsed: parsed.join('\n') };
}
