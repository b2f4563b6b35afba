import type { FastifyRequest } from 'fastify';
import { TOKEN_PREFIX } from '../auth/token-hash.js';

export const REDACTED = '[redacted]';

/**
 * Query parameter names whose value is a credential, matched case-insensitively on the name
 * percent-decoded, anywhere in it (`token`, `access_token`, `X-Api-Key`, `auth[token]`,
 * `client_secret`, `password`…): over-redacting a harmless value costs a log reader little;
 * a credential in clear in a log line is a leak.
 */
const CREDENTIAL_NAME = /token|secret|passw|pwd|auth|key|credential|signature|sig$|jwt|bearer|cookie|session_?key/i;

/** Anything shaped like one of the API's bearer tokens, wherever it sits in a URL (a path segment, a parameter of another name). */
const TOKEN_SHAPED = new RegExp(`${TOKEN_PREFIX}[A-Za-z0-9_\\-.~+/%]{8,}`, 'g');

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * The URL as a log line may hold it: the value of every query parameter named like a credential
 * replaced by `[redacted]`, and any token-shaped text anywhere in the URL too. The path and the
 * other parameters are kept as they were sent.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (typeof url !== 'string') return url;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query =
    q === -1
      ? ''
      : '?' +
        url
          .slice(q + 1)
          .split('&')
          .map((pair) => {
            const eq = pair.indexOf('=');
            const name = eq === -1 ? pair : pair.slice(0, eq);
            if (eq === -1 || !CREDENTIAL_NAME.test(decoded(name))) return pair;
            return `${name}=${REDACTED}`;
          })
          .join('&');
  return (path + query).replace(TOKEN_SHAPED, REDACTED);
}

/** Fastify's own `req` serializer, with the URL redacted. */
export function requestSerializer(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    version: request.headers?.['accept-version'],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket ? request.socket.remotePort : undefined,
  };
}
