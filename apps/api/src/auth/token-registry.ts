import type { Actor } from '@luthier/rmos-contracts';
import { digestsEqual, hashToken } from './token-hash.js';
import { readTokensFile, tokensFileMtime, type TokenEntry } from './tokens-file.js';

export interface TokenRegistry {
  /** The actor a presented bearer token belongs to, or null. */
  authenticate(token: string): Actor | null;
}

interface LoadedEntry {
  digest: Buffer;
  actor: Actor;
}

function load(entries: readonly TokenEntry[]): LoadedEntry[] {
  return entries
    .filter((e) => !e.revoked)
    .map((e) => ({ digest: Buffer.from(e.sha256, 'hex'), actor: Object.freeze({ actor_id: e.id, role: e.role }) }));
}

/**
 * Checks a token against every stored digest with timingSafeEqual and no early
 * exit, so the time taken says nothing about which entry (if any) matched.
 */
export function registryFromEntries(entries: readonly TokenEntry[]): TokenRegistry {
  const loaded = load(entries);
  return {
    authenticate(token) {
      const digest = hashToken(token);
      let match: Actor | null = null;
      for (const entry of loaded) if (digestsEqual(entry.digest, digest)) match = entry.actor;
      return match;
    },
  };
}

const RELOAD_CHECK_MS = 2000;

/**
 * A registry over the tokens file that picks up the security team's changes
 * (a new or revoked token) without a restart: the file's mtime is checked at
 * most every 2 s. A file that turns invalid keeps nobody in: every token fails.
 */
export function registryFromFile(file: string, log: (msg: string) => void = () => {}): TokenRegistry {
  let current = registryFromEntries(readTokensFile(file)?.tokens ?? []);
  let mtime = tokensFileMtime(file);
  let checkedAt = Date.now();
  return {
    authenticate(token) {
      const now = Date.now();
      if (now - checkedAt > RELOAD_CHECK_MS) {
        checkedAt = now;
        const m = tokensFileMtime(file);
        if (m !== mtime) {
          mtime = m;
          try {
            current = registryFromEntries(readTokensFile(file)?.tokens ?? []);
            log('tokens file reloaded');
          } catch (error) {
            current = registryFromEntries([]);
            log(`tokens file invalid, every token refused: ${(error as Error).message}`);
          }
        }
      }
      return current.authenticate(token);
    },
  };
}
