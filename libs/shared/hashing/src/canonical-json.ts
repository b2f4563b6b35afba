import { canonicalNumber } from './number.js';

/**
 * Canonical JSON (RFC 8785 JSON Canonicalization Scheme): object keys sorted by
 * UTF-16 code units, no insignificant white space, numbers in ECMAScript's
 * shortest round-trip form. The same value gives the same bytes on every platform,
 * which is what makes every hash in the platform reproducible.
 *
 * Hand-written because the encoding must refuse what JSON.stringify silently
 * rewrites (NaN to null, undefined keys dropped, Dates to strings, class instances
 * flattened): a hash over a lossy encoding is not an audit trail.
 */
export class CanonicalJsonError extends Error {
  readonly code = 'CANONICAL_JSON_UNSUPPORTED_VALUE';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  return encode(value, [], []);
}

/** Escaped keys repeat across objects (the same schema many times over): encode each once. */
const encodedKeys = new Map<string, string>();
const MAX_CACHED_KEYS = 4096;

function encodeKey(key: string): string {
  let encoded = encodedKeys.get(key);
  if (encoded === undefined) {
    encoded = JSON.stringify(key);
    if (encodedKeys.size < MAX_CACHED_KEYS) encodedKeys.set(key, encoded);
  }
  return encoded;
}

/** The path is kept as a stack of keys and only spelled out when an error is thrown: hashing is on hot paths. */
type PathStack = (string | number)[];

function fail(message: string, path: PathStack, last?: string | number): never {
  const keys = last === undefined ? path : [...path, last];
  throw new CanonicalJsonError(message, '$' + keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join(''));
}

/** `ancestors` holds the objects being encoded above this one: JSON nests shallowly, so a list beats a Set. */
function encode(value: unknown, path: PathStack, ancestors: object[]): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) fail(`non-finite number ${value}`, path);
      // ECMAScript Number::toString is the JCS number form; -0 encodes as 0.
      return canonicalNumber(value);
    case 'object':
      break;
    default:
      fail(`unsupported ${typeof value}`, path);
  }
  const obj = value as object;
  if (ancestors.includes(obj)) fail('circular reference', path);
  ancestors.push(obj);
  try {
    let out: string;
    if (Array.isArray(obj)) {
      out = '[';
      for (let i = 0; i < obj.length; i++) {
        path.push(i);
        out += (i ? ',' : '') + encode(obj[i], path, ancestors);
        path.pop();
      }
      return out + ']';
    }
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      fail(`not a plain object (${proto?.constructor?.name ?? 'unknown'})`, path);
    }
    // The default sort compares UTF-16 code units, exactly as JCS requires (and never by locale).
    const keys = Object.keys(obj).sort();
    out = '{';
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const child = (obj as Record<string, unknown>)[key];
      if (child === undefined) fail('undefined value', path, key);
      path.push(key);
      out += (i ? ',' : '') + encodeKey(key) + ':' + encode(child, path, ancestors);
      path.pop();
    }
    return out + '}';
  } finally {
    ancestors.pop();
  }
}
