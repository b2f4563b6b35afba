import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.js';

export const MAX_JSON_DEPTH = 16;
const FORBIDDEN_KEY = /"(?:__proto__|constructor|prototype)"\s*:/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What one scan of a JSON text finds before it is parsed. */
export interface JsonShape {
  /** deepest bracket nesting */
  depth: number;
  /** a key that some object holds twice (escapes decoded: "a" and "\u0061" are one key), or null */
  duplicateKey: string | null;
  /** a key named __proto__, constructor or prototype however it is spelled (escapes decoded), or null */
  forbiddenKey: string | null;
}

/**
 * Nesting depth, repeated keys and prototype keys of a JSON text, skipping strings, in one linear scan.
 * Hand-written because no parser bounds depth or reports a repeated key (JSON.parse keeps the last value
 * silently, so a body another reader takes the first value of would mean two things).
 */
export function scanJson(text: string): JsonShape {
  // the keys of each open object; null for an array
  const open: (Set<string> | null)[] = [];
  let max = 0;
  let duplicateKey: string | null = null;
  let forbiddenKey: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) {
          escaped = true;
          i++;
        } else if (d === 34) break;
      }
      const keys = open.at(-1);
      if (!keys || (duplicateKey !== null && forbiddenKey !== null)) continue;
      let next = i + 1;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      if (text.charCodeAt(next) !== 58 /* : */) continue;
      let key = text.slice(start + 1, i);
      if (escaped) {
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          continue; // a malformed string: the parser refuses the body
        }
      }
      if (forbiddenKey === null && FORBIDDEN_KEYS.has(key)) forbiddenKey = key;
      if (duplicateKey !== null) continue;
      if (keys.has(key)) duplicateKey = key;
      else keys.add(key);
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      open.push(c === 123 ? new Set() : null);
      if (open.length > max) max = open.length;
    } else if (c === 125 || c === 93) open.pop();
  }
  return { depth: max, duplicateKey, forbiddenKey };
}

/**
 * Why a JSON body's declared charset is refused, or null: JSON is UTF-8 (RFC 8259 §8.1) and a body read as
 * another would mean other text; a header declaring two charsets (`charset=utf-8; charset=latin1`) is
 * refused as well, as another reader could take the second.
 */
function charsetRefusal(contentType: string | undefined): string | null {
  const charsets = [...(contentType ?? '').matchAll(/;\s*charset\s*=\s*"?([^";\s]*)/gi)].map((m) => m[1]!);
  if (charsets.length > 1) return `a media type declares one charset at most; this one declares ${charsets.length}`;
  const charset = charsets[0];
  return charset !== undefined && !/^utf-?8$/i.test(charset) ? `JSON bodies are UTF-8; charset ${charset.slice(0, 40) || '(empty)'} is refused` : null;
}

/** A body sent compressed or otherwise encoded is not read: only `identity` (or no Content-Encoding) is. */
function encodingRefusal(contentEncoding: string | string[] | undefined): string | null {
  if (contentEncoding === undefined) return null;
  const codings = String(contentEncoding).split(',').map((c) => c.trim().toLowerCase()).filter(Boolean);
  const other = codings.find((c) => c !== 'identity');
  return other === undefined ? null : `Content-Encoding ${other.slice(0, 40)} is not supported: send the JSON body unencoded`;
}

/** UTF-8 only, byte for byte: a malformed sequence is refused instead of silently becoming U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * JSON bodies: refuse a Content-Encoding other than identity, a charset other than UTF-8 (or two), bytes that are
 * not UTF-8, prototype-polluting keys (plain, by a quick check, or spelled with escapes, by the scan), deep
 * nesting and repeated keys with their own codes, then parse with Fastify's secure parser.
 */
export function installJsonParser(app: FastifyInstance): void {
  const secureParse = app.getDefaultJsonParser('error', 'error');
  // JSON in and out only: any other body is 415, not a string for the schema to puzzle over.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const encoding = encodingRefusal(request.headers['content-encoding']);
    if (encoding) {
      done(new ApiError(415, 'UNSUPPORTED_CONTENT_ENCODING', encoding), undefined);
      return;
    }
    const charset = charsetRefusal(request.headers['content-type']);
    if (charset) {
      done(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', charset), undefined);
      return;
    }
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new ApiError(400, 'INVALID_UTF8', 'the body is not valid UTF-8'), undefined);
      return;
    }
    if (FORBIDDEN_KEY.test(text)) {
      done(new ApiError(400, 'FORBIDDEN_KEY', 'keys named __proto__, constructor or prototype are refused'), undefined);
      return;
    }
    const shape = scanJson(text);
    if (shape.forbiddenKey !== null) {
      // the same key spelled with escapes ("\u005f_proto__", "constr\u0075ctor"): the same refusal
      done(new ApiError(400, 'FORBIDDEN_KEY', 'keys named __proto__, constructor or prototype are refused'), undefined);
      return;
    }
    if (shape.depth > MAX_JSON_DEPTH) {
      done(new ApiError(400, 'NESTING_TOO_DEEP', `JSON nested deeper than ${MAX_JSON_DEPTH} levels is refused`), undefined);
      return;
    }
    if (shape.duplicateKey !== null) {
      done(new ApiError(400, 'DUPLICATE_KEY', `an object repeats the key ${JSON.stringify(shape.duplicateKey)}: each key may appear once`), undefined);
      return;
    }
    secureParse(request, text, done);
  });
}
