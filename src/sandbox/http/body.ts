/**
 * Request bodies as @slack/web-api and Bolt send them: `application/x-www-form-urlencoded` (charset
 * suffix tolerated), `application/json`, or `multipart/form-data` (binary arguments, file uploads).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Fields = Record<string, unknown>;

export class BadBodyError extends Error {}

/** Buffers the whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses a body by content type; multipart file parts become Buffers. */
export async function parseFields(raw: Buffer, contentType: string | undefined): Promise<Fields> {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw.length === 0) return {};
  if (type === 'application/json') return parseJson(raw);
  if (type === 'multipart/form-data') return parseMultipart(raw, contentType ?? '');
  return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
}

function parseJson(raw: Buffer): Fields {
  try {
    const value = JSON.parse(raw.toString('utf8')) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Fields;
  } catch {
    // fall through
  }
  throw new BadBodyError('invalid_json');
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<Fields> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const fields: Fields = {};
  for (const [key, value] of form) {
    fields[key] = typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer());
  }
  return fields;
}

/** Sends a JSON body with Slack's content type. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Sends plain text. */
export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
