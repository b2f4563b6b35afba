import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'lt_';

/**
 * A new bearer token: 32 random bytes (256 bits), base64url, with a prefix so
 * secret scanners can recognise it.
 */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored as sha256 digests. A plain fast hash is enough here because
 * the token is 256 bits of randomness: no dictionary or brute force can find a
 * preimage, so a slow password KDF (scrypt, argon2) would add per-request cost
 * and no security. A leaked tokens file does not reveal a usable token.
 * crypto.hash is the one-shot form of createHash(…).update(…).digest() (same digest,
 * no Hash object per request).
 */
export function hashToken(token: string): Buffer {
  return hash('sha256', token, 'buffer');
}

/** Constant-time comparison of two digests (both 32 bytes). */
export function digestsEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
