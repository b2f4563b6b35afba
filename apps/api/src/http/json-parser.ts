import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.js';

export const MAX_JSON_DEPTH = 16;
const FORBIDDEN_KEY = /"(?:__proto__|constructor|prototype)"\s*:/;

/**
 * Deepest bracket nesting of a JSON text, skipping strings. Hand-written because
 * no parser bounds depth; a single linear scan before JSON.parse is enough.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/**
 * JSON bodies: refuse prototype-polluting keys and deep nesting with their own
 * codes, then parse with Fastify's secure parser (which also refuses an escaped
 * `__proto__` the quick check cannot see).
 */
export function installJsonParser(app: FastifyInstance): void {
  const secureParse = app.getDefaultJsonParser('error', 'error');
  // JSON in and out only: any other body is 415, not a string for the schema to puzzle over.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (FORBIDDEN_KEY.test(text)) {
      done(new ApiError(400, 'FORBIDDEN_KEY', 'keys named __proto__, constructor or prototype are refused'), undefined);
      return;
    }
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(new ApiError(400, 'NESTING_TOO_DEEP', `JSON nested deeper than ${MAX_JSON_DEPTH} levels is refused`), undefined);
      return;
    }
    secureParse(request, text, done);
  });
}
