import type { Role } from '@luthier/rmos-contracts';
import { generateToken, hashToken } from './token-hash.js';
import { newEntry, readTokensFile, writeTokensFile, type TokensFile } from './tokens-file.js';

export class TokenIdTakenError extends Error {
  readonly code = 'TOKEN_ID_TAKEN';
  constructor(id: string) {
    super(`a token with id ${id} exists already; revoke it or pick another id`);
  }
}

/** Adds a token to the tokens file and returns the token itself: the only time it exists in clear. */
export function issueToken(file: string, id: string, role: Role): string {
  const contents: TokensFile = readTokensFile(file) ?? { version: 1, tokens: [] };
  if (contents.tokens.some((t) => t.id === id)) throw new TokenIdTakenError(id);
  const token = generateToken();
  contents.tokens.push(newEntry(id, role, hashToken(token).toString('hex')));
  writeTokensFile(file, contents);
  return token;
}

/** Marks a token revoked (kept listed for the record); returns false if there is no such id. */
export function revokeToken(file: string, id: string): boolean {
  const contents = readTokensFile(file);
  const entry = contents?.tokens.find((t) => t.id === id);
  if (!contents || !entry) return false;
  entry.revoked = true;
  writeTokensFile(file, contents);
  return true;
}
