import * as crypto from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** A lowercase hex sha256 digest: 64 characters. */
export type Sha256Hex = string;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

// crypto.hash (Node 20.12+, 21.7+) is the one-shot digest: no Hash object per call,
// which matters on the hot paths (every feasibility result hashes its inputs).
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

export function sha256Hex(data: string | Uint8Array): Sha256Hex {
  return oneShot ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}

/** sha256 over the canonical JSON encoding of a value: the platform's one way to hash data. */
export function hashCanonical(value: unknown): Sha256Hex {
  return sha256Hex(canonicalJson(value));
}

export function isSha256Hex(value: unknown): value is Sha256Hex {
  return typeof value === 'string' && SHA256_HEX.test(value);
}
