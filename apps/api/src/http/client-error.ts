import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './api-error.js';

/** llhttp's (and node's) socket-level refusals, renamed to the API's stable codes. */
const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'the request was not received in time'],
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', 'the request headers are too large'],
  HPE_INVALID_CONTENT_LENGTH: [400, 'INVALID_CONTENT_LENGTH', 'the Content-Length header is malformed'],
  // How long the body is, told two ways or badly (node's parser reports Content-Length with Transfer-Encoding as either).
  HPE_UNEXPECTED_CONTENT_LENGTH: [400, 'INVALID_FRAMING', 'the body framing is ambiguous or malformed (Content-Length with Transfer-Encoding, a bad chunk)'],
  HPE_INVALID_TRANSFER_ENCODING: [400, 'INVALID_FRAMING', 'the body framing is ambiguous or malformed (Content-Length with Transfer-Encoding, a bad chunk)'],
  HPE_INVALID_CHUNK_SIZE: [400, 'INVALID_FRAMING', 'the body framing is ambiguous or malformed (Content-Length with Transfer-Encoding, a bad chunk)'],
  HPE_INVALID_HEADER_TOKEN: [400, 'INVALID_HEADER', 'a request header is malformed'],
  HPE_INVALID_CHARACTER: [400, 'INVALID_HEADER', 'a request header holds a character it may not'],
  HPE_LF_EXPECTED: [400, 'MALFORMED_REQUEST', 'the request is not well-formed HTTP'],
};

const FALLBACK: [number, string, string] = [400, 'MALFORMED_REQUEST', 'the request is not well-formed HTTP'];

/**
 * Fastify's `clientErrorHandler`: a request node's HTTP parser refused before Fastify saw it (a malformed
 * Content-Length, Content-Length with Transfer-Encoding, control characters in a header, a garbage request
 * line, headers over the limit) answers the API's `{ error: { code, message } }` body with a stable code, then
 * the connection is closed. Only the parser's code is logged, never the raw bytes (they may hold a token).
 */
export function clientErrorReply(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = CLIENT_ERRORS[error.code ?? ''] ?? FALLBACK;
  this.log.debug({ client_error: error.code ?? 'unknown', status }, 'client error');
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
