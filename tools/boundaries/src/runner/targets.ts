import { statSync } from 'node:fs';
import path from 'node:path';
import { isSkippedPath, isSourceFile, SCAN_ROOTS } from './walk.js';

export interface Targets {
  /** files to check, relative to root */
  files: string[];
  /** arguments that name nothing the policy governs (outside libs/, apps/, tools/, a skipped folder, not source) */
  skipped: string[];
  /** arguments that do not exist */
  missing: string[];
}

const toRel = (root: string, arg: string) => path.relative(root, path.resolve(arg)).split(path.sep).join('/');

/** Maps file and folder arguments (absolute, or relative to the current directory) onto the workspace's source files. */
export function selectTargets(root: string, args: readonly string[], sources: readonly string[]): Targets {
  const files = new Set<string>();
  const skipped: string[] = [];
  const missing: string[] = [];
  const known = new Set(sources);
  for (const arg of args) {
    const rel = toRel(root, arg);
    let isDir: boolean;
    try {
      isDir = statSync(path.resolve(arg)).isDirectory();
    } catch {
      missing.push(rel);
      continue;
    }
    if (isDir) {
      const prefix = rel === '' ? '' : `${rel}/`;
      const inside = sources.filter((s) => s.startsWith(prefix));
      if (inside.length === 0) skipped.push(rel || '.');
      inside.forEach((s) => files.add(s));
    } else if (known.has(rel)) files.add(rel);
    else if (!rel.startsWith('..') && SCAN_ROOTS.some((r) => rel.startsWith(`${r}/`)) && !isSkippedPath(rel) && isSourceFile(rel))
      files.add(rel); // a file the walk did not list (e.g. just created): still check it
    else skipped.push(rel);
  }
  return { files: [...files].sort(), skipped, missing };
}
