/**
 * The sandbox's non-API endpoints that the app calls: the file upload URL (`POST /upload/v1/<file_id>`),
 * response_urls (`POST /response/<id>`), and file downloads (`GET /files/<id>/<name>`, `url_private`).
 * Faults apply under the pseudo-methods `files.upload` and `response_url`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { receiveUpload } from '../api/methods/files.ts';
import type { SandboxCore } from '../core.ts';
import { recordCall } from './api-route.ts';
import { BadBodyError, parseFields, readBody, sendJson, sendText, type Fields } from './body.ts';
import { faultGate } from './fault-gate.ts';

/**
 * Accepts the raw bytes, or a multipart body whose first file part is the content (what
 * @slack/web-api's `files.uploadV2` sends). Answers `OK - <length>` like files.slack.com.
 */
export async function handleUpload(core: SandboxCore, req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
  const raw = await readBody(req);
  if (!(await passes(core, 'files.upload', req, res, { file_id: fileId }))) return;
  const bytes = await uploadedBytes(raw, req.headers['content-type']);
  const ok = receiveUpload(core, fileId, bytes);
  recordCall(core, 'files.upload', { file_id: fileId, bytes: bytes.length }, { status: ok ? 200 : 404, body: { ok } });
  if (ok) sendText(res, 200, `OK - ${bytes.length}`);
  else sendText(res, 404, 'file_not_found');
}

async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return raw;
  const fields = await parseFields(raw, contentType);
  const file = Object.values(fields).find((v) => Buffer.isBuffer(v));
  return Buffer.isBuffer(file) ? file : Buffer.alloc(0);
}

/** A POST to a response_url: JSON (what Bolt's `respond()` sends) or a form with `payload`. */
export async function handleResponseUrl(core: SandboxCore, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  const raw = await readBody(req);
  let args: Fields;
  try {
    args = await parseFields(raw, req.headers['content-type'] ?? 'application/json');
    if (typeof args.payload === 'string') args = JSON.parse(args.payload) as Fields;
  } catch (error) {
    if (!(error instanceof BadBodyError) && !(error instanceof SyntaxError)) throw error;
    return sendJson(res, 400, { ok: false, error: 'invalid_payload' });
  }
  if (!(await passes(core, 'response_url', req, res, { response_url_id: id, ...args }))) return;
  const outcome = core.responseUrls.post(id, args);
  recordCall(core, 'response_url', { response_url_id: id, ...args }, outcome);
  sendJson(res, outcome.status, outcome.body);
}

/** Serves an uploaded file's bytes. */
export function handleFileDownload(core: SandboxCore, res: ServerResponse, fileId: string): void {
  const file = core.store.files.get(fileId);
  if (!file?.bytes) return sendText(res, 404, 'file_not_found');
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length });
  res.end(file.bytes);
}

async function passes(core: SandboxCore, method: string, req: IncomingMessage, res: ServerResponse, args: Fields): Promise<boolean> {
  const gate = await faultGate(core, method);
  if (gate.pass) return true;
  if (gate.answer === 'drop') {
    recordCall(core, method, args, { status: 0, body: {}, fault: 'dropped' });
    req.socket.destroy();
  } else {
    recordCall(core, method, args, gate.answer);
    sendJson(res, gate.answer.status, gate.answer.body, gate.answer.headers);
  }
  return false;
}
