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
  // Most values handed in are already in canonical shape (every object's keys in
  // sorted order: anything JSON.parse made from canonical text, and most literals).
  // For those the native JSON.stringify writes exactly the canonical bytes, several
  // times faster than encoding in JavaScript; anything else (unsorted keys, or a
  // value to refuse) takes the encoder below, which sorts and names what it refuses.
  return isCanonicalShape(value, []) ? (JSON.stringify(value) as string) : encode(value, [], []);
}

/**
 * True when JSON.stringify(value) is exactly canonicalJson(value) (see below); then
 * JSON.stringify of any member of it is that member's canonical encoding too. Lets a
 * caller that needs several texts of one value (an artifact with and without its id)
 * check the value once and have the native encoder write each.
 */
export function hasCanonicalShape(value: unknown): boolean {
  return isCanonicalShape(value, []);
}

/**
 * True when JSON.stringify(value) is byte for byte the canonical encoding: plain
 * JSON only (null, booleans, strings, finite numbers — -0 prints as 0 both ways —,
 * arrays without holes, plain objects without undefined members), every object's
 * own keys already in UTF-16 order (JSON.stringify writes them in Object.keys
 * order; integer-like keys come first there, so such objects are "unsorted" unless
 * that order happens to be the sorted one), no toJSON method anywhere (JSON.stringify
 * would call it), no cycle. It only answers yes or no: anything else is left to
 * encode(), which gives the same bytes or the same typed error as ever.
 */
function isCanonicalShape(value: unknown, ancestors: object[]): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  const obj = value as { toJSON?: unknown };
  if (typeof obj.toJSON === 'function' || ancestors.includes(obj)) return false;
  ancestors.push(obj);
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      const child: unknown = obj[i];
      if (child === undefined || !isCanonicalShape(child, ancestors)) return false;
    }
  } else {
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) return false;
    const keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (i > 0 && !(keys[i - 1] < key)) return false;
      const child = (obj as Record<string, unknown>)[key];
      if (child === undefined || !isCanonicalShape(child, ancestors)) return false;
    }
  }
  ancestors.pop();
  return true;
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
