import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** A lowercase hex sha256 digest: 64 characters. */
export type Sha256Hex = string;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(data: string | Uint8Array): Sha256Hex {
  return createHash('sha256').update(data).digest('hex');
}

/** sha256 over the canonical JSON encoding of a value: the platform's one way to hash data. */
export function hashCanonical(value: unknown): Sha256Hex {
  return sha256Hex(canonicalJson(value));
}

export function isSha256Hex(value: unknown): value is Sha256Hex {
  return typeof value === 'string' && SHA256_HEX.test(value);
}
