import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashBytes } from './hash.js';
import type { FileResult, Violation } from './types.js';

/**
 * The per-file result cache. An entry is reused only when the file's content hash, every recorded
 * dependency's content hash, and the global key (policy, tags/aliases, the tool's own source) all match:
 * anything unknown is a miss, so the cache can make a check slower but never let a violation through.
 */
export const CACHE_FORMAT = 3;

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
}

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

  private constructor(
    private readonly file: string,
    private readonly key: string,
    entries: Record<string, CacheEntry>,
  ) {
    this.entries = entries;
  }

  /** Loads the cache; a missing, corrupt, old-format or other-key cache starts empty. */
  static open(root: string, key: string): ResultCache {
    const file = cacheFile(root);
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (parsed.format === CACHE_FORMAT && parsed.key === key && parsed.files && typeof parsed.files === 'object')
        return new ResultCache(file, key, parsed.files);
    } catch {
      /* no usable cache: start empty */
    }
    return new ResultCache(file, key, {});
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
    const body: CacheFile = { format: CACHE_FORMAT, key: this.key, files: this.entries };
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, this.file);
    this.dirty = false;
  }
}
