import { readFileSync, statSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { roleSchema, type Role } from '@luthier/rmos-contracts';

/** The tokens file the security team manages: ids, roles and sha256 digests, never a token. */
export const tokenEntrySchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/, 'a token id is 1-64 characters of [A-Za-z0-9_.@-]'),
  role: roleSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  created_at: z.string(),
  /** A revoked token stays listed (for the audit trail) but authenticates nobody. */
  revoked: z.boolean().optional(),
});
export type TokenEntry = z.infer<typeof tokenEntrySchema>;

export const tokensFileSchema = z.strictObject({
  version: z.literal(1),
  tokens: z.array(tokenEntrySchema).max(10_000),
});
export type TokensFile = z.infer<typeof tokensFileSchema>;

export class TokensFileError extends Error {
  readonly code = 'TOKENS_FILE_INVALID';
  constructor(file: string, reason: string) {
    super(`tokens file ${file}: ${reason}`);
    this.name = 'TokensFileError';
  }
}

/** Reads and validates the tokens file; a missing file is null, a malformed one throws (fail closed). */
export function readTokensFile(file: string): TokensFile | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TokensFileError(file, 'not valid JSON');
  }
  const parsed = tokensFileSchema.safeParse(json);
  if (!parsed.success) throw new TokensFileError(file, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const ids = new Set<string>();
  for (const entry of parsed.data.tokens) {
    if (ids.has(entry.id)) throw new TokensFileError(file, `duplicate token id ${entry.id}`);
    ids.add(entry.id);
  }
  return parsed.data;
}

/** Atomic write (temp file + rename), readable by the owner only. */
export function writeTokensFile(file: string, contents: TokensFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(tokensFileSchema.parse(contents), null, 2) + '\n', { mode: 0o600 });
  renameSync(temp, file);
}

export function tokensFileMtime(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

export function newEntry(id: string, role: Role, sha256: string, now = new Date()): TokenEntry {
  return { id, role, sha256, created_at: now.toISOString() };
}
