/**
 * Sends one envelope over Socket Mode and reads the ack like an HTTP answer, so the driver applies acks
 * the same way on both transports: the ack's `payload` becomes `body` (`''` when it is absent or `{}` —
 * Bolt's `ack()` sends `"payload":{}`, which Slack reads like an empty HTTP 200), `status` is 200 once
 * an ack came and 0 when none (or no connection) came within the request timeout. No signature: "there's no
 * need to verify or validate inbound events, because you're receiving the events over a pre-authenticated
 * WebSocket" (using-socket-mode §5).
 */
import type { SocketModeServer } from '../socket/socket-mode.ts';
import type { DeliveryKind, DriverResponse } from './transport.ts';

export interface SocketTransportConfig {
  ackTimeoutMs: number;
  requestTimeoutMs: number;
}

export async function sendEnvelope(server: SocketModeServer, config: SocketTransportConfig, kind: DeliveryKind, envelope: Record<string, unknown>, id: number): Promise<DriverResponse> {
  const body = JSON.stringify(envelope);
  const result = await server.deliver(envelope, config.requestTimeoutMs);
  const base = {
    id,
    kind,
    transport: 'socket' as const,
    headers: {},
    request: { url: result.connection?.url ?? '', headers: {}, body },
    latencyMs: result.latencyMs,
    envelopeId: String(envelope.envelope_id),
    connectionId: result.connection?.id,
    waitedMs: result.waitedMs,
  };
  if (!result.ack) return { ...base, status: 0, body: '', timedOut: result.connection !== undefined, error: result.error };
  return { ...base, status: 200, body: ackBody(result.ack.payload), ack: result.ack, timedOut: result.latencyMs > config.ackTimeoutMs };
}

/** The ack payload as an HTTP body: absent, null or `{}` → `''`. */
function ackBody(payload: unknown): unknown {
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'object' && !Array.isArray(payload) && Object.keys(payload).length === 0) return '';
  return payload;
}
