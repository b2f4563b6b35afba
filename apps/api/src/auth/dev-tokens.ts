import { ROLES, type Role } from '@luthier/rmos-contracts';
import { issueToken } from './issue-token.js';
import { readTokensFile } from './tokens-file.js';

/**
 * A fresh clone has no tokens file. Outside production the server creates one
 * with a `dev-<role>` token per role and returns the tokens so they can be
 * printed once; only their digests are stored. In production a missing file
 * is an error: the security team issues tokens with `npm run token -- create`.
 */
export function ensureDevTokens(file: string): Record<Role, string> | null {
  if (readTokensFile(file) !== null) return null;
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = issueToken(file, `dev-${role}`, role);
  return tokens;
}
