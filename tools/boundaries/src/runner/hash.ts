import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function hashBytes(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Stands for a path that is not a readable file (absent, or a folder). */
export const MISSING = '-';

/** Hash of a file's bytes, or MISSING when it cannot be read. */
export function hashFile(abs: string): string {
  try {
    return hashBytes(readFileSync(abs));
  } catch {
    return MISSING;
  }
}

/** One hash over many files, by name and content: a renamed or deleted file changes it too. */
export function hashFiles(root: string, rels: readonly string[]): string {
  const hash = createHash('sha256');
  for (const rel of [...rels].sort()) hash.update(`${rel}\0${hashFile(path.join(root, rel))}\0`);
  return hash.digest('hex');
}

/** Every file below a folder, relative to `base`, sorted. */
export function listFiles(dir: string, base: string, skip: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const visit = (abs: string) => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (skip(entry.name)) continue;
      const child = path.join(abs, entry.name);
      if (entry.isDirectory()) visit(child);
      else out.push(path.relative(base, child).split(path.sep).join('/'));
    }
  };
  visit(dir);
  return out.sort();
}
