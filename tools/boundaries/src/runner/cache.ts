import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashBytes, hashFile, MISSING } from './hash.js';
import type { FileResult, Violation } from './types.js';

/**
 * The per-file result cache. An entry is reused only when the file's content hash, every recorded
 * dependency's content hash, and the global key (policy, tags/aliases, the tool's own source) all match:
 * anything unknown is a miss, so the cache can make a check slower but never let a violation through.
 */
export const CACHE_FORMAT = 4;

export interface CacheEntry {
  /** content hash of the file */
  h: string;
  /** dependencies: [relative path, content hash] */
  d: [string, string][];
  v: Violation[];
}

interface CacheFile {
  format: number;
  key: string;
  files: Record<string, CacheEntry>;
  /** content hashes by file, each with the stat it was taken under: [dev:ino:size:mtimeNs:ctimeNs, hash] */
  stats?: Record<string, [string, string]>;
}

/**
 * A stat is trusted to stand for content only when the file had not changed for this long before it was hashed.
 * Timestamps are coarse (the kernel's clock tick, seconds on some file systems): a file changed twice within one
 * tick can keep its stat, so a hash taken in that window is never reused by stat alone (git's "racily clean").
 */
const SETTLED_NS = 2_000_000_000n;

export function cacheDir(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'luthier-boundaries');
}

/** One cache file per workspace root (a temp copy may share node_modules through a symlink). */
export function cacheFile(root: string): string {
  return path.join(cacheDir(root), `results-${hashBytes(path.resolve(root)).slice(0, 16)}.json`);
}

export class ResultCache {
  private entries: Record<string, CacheEntry>;
  private dirty = false;
  private readonly knownStats: Record<string, [string, string]>;
  private readonly seenStats: Record<string, [string, string]> = {};

  private constructor(
    private readonly file: string,
    private readonly key: string,
    entries: Record<string, CacheEntry>,
    stats: Record<string, [string, string]> = {},
    private readonly settledNs = SETTLED_NS,
  ) {
    this.entries = entries;
    this.knownStats = stats;
  }

  /**
   * The content hash of a file, read afresh unless its stat (device, inode, size, modification and change times in
   * nanoseconds) is exactly the one recorded with a hash taken after the file had settled. The change time cannot be
   * set back short of the system clock, so an edit always misses; a warm check then stats each file instead of
   * reading and hashing it (ESLint's and git's caches do the same).
   */
  hashOf(rel: string, abs: string): string {
    let st;
    try {
      st = statSync(abs, { bigint: true, throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (!st || !st.isFile()) return MISSING;
    const stat = `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
    const known = this.knownStats[rel];
    if (known && known[0] === stat) {
      this.seenStats[rel] = known;
      return known[1];
    }
    if (known) {
      delete this.knownStats[rel]; // the file changed: its old stat is dropped with the next save
      this.dirty = true;
    }
    const hash = hashFile(abs);
    const settledBefore = BigInt(Date.now()) * 1_000_000n - this.settledNs;
    if (hash !== MISSING && st.mtimeNs < settledBefore && st.ctimeNs < settledBefore) {
      this.seenStats[rel] = [stat, hash];
      this.dirty = true;
    }
    return hash;
  }

  /** Loads the cache; a missing, corrupt, old-format or other-key cache starts empty. */
  static open(root: string, key: string, opts: { settledNs?: bigint } = {}): ResultCache {
    const file = cacheFile(root);
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (parsed.format === CACHE_FORMAT && parsed.key === key && parsed.files && typeof parsed.files === 'object')
        return new ResultCache(file, key, parsed.files, parsed.stats && typeof parsed.stats === 'object' ? parsed.stats : {}, opts.settledNs);
    } catch {
      /* no usable cache: start empty */
    }
    return new ResultCache(file, key, {}, {}, opts.settledNs);
  }

  /** The cached violations of a file, or null when the file or any dependency has changed. */
  lookup(rel: string, contentHash: string, currentHash: (rel: string) => string): Violation[] | null {
    const entry = this.entries[rel];
    if (!entry || entry.h !== contentHash) return null;
    for (const [dep, depHash] of entry.d) if (currentHash(dep) !== depHash) return null;
    return entry.v;
  }

  /** `currentHash` gives MISSING for an absent file, so a probed file that appears later re-checks its dependents. */
  store(rel: string, contentHash: string, result: FileResult, currentHash: (rel: string) => string): void {
    const deps: [string, string][] = result.dependencies.map((dep) => [dep, currentHash(dep)]);
    this.entries[rel] = { h: contentHash, d: deps, v: result.violations };
    this.dirty = true;
  }

  /** Drops entries of files that no longer exist, so the cache does not grow without bound. */
  retainOnly(rels: Iterable<string>, onlyThese: boolean): void {
    if (!onlyThese) return;
    const keep = new Set(rels);
    for (const rel of Object.keys(this.entries))
      if (!keep.has(rel)) {
        delete this.entries[rel];
        this.dirty = true;
      }
  }

  /** Writes atomically (temp file + rename): a crash mid-write never leaves a half cache that parses. */
  save(): void {
    if (!this.dirty) return;
    // stats are kept for the files the entries name (checked files and their dependencies), so the table follows the tree
    const named = new Set(Object.keys(this.entries));
    for (const entry of Object.values(this.entries)) for (const [dep] of entry.d) named.add(dep);
    const stats: Record<string, [string, string]> = {};
    for (const [rel, value] of Object.entries({ ...this.knownStats, ...this.seenStats })) if (named.has(rel)) stats[rel] = value;
    const body: CacheFile = { format: CACHE_FORMAT, key: this.key, files: this.entries, stats };
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, this.file);
    this.dirty = false;
  }
}
