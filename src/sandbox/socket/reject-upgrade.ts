/** Answers an HTTP upgrade request with a plain HTTP error and closes the socket (no WebSocket is opened). */
import type { Duplex } from 'node:stream';

export function rejectUpgrade(socket: Duplex, status: number, text: string, body = ''): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
