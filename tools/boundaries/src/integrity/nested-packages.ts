import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Violation } from '../runner/types.js';
import { integrityViolation } from './types.js';

const INSTEAD = 'delete the folder: npm ci installs what package-lock.json lists, and only that is a package the policy can allow';

/** The package folders directly in a node_modules folder (name, or @scope/name), relative to it. */
function packagesIn(dir: string): string[] {
  const names: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return names;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // .bin, .package-lock.json: npm's own bookkeeping
    if (!e.name.startsWith('@')) names.push(e.name);
    else for (const scoped of packagesIn(path.join(dir, e.name))) names.push(`${e.name}/${scoped}`);
  }
  return names;
}

/** The install paths package-lock.json records (node_modules/x, libs/y/node_modules/z), or null without one. */
function lockedPaths(root: string): Set<string> | null {
  try {
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages?: Record<string, unknown> };
    return new Set(Object.keys(lock.packages ?? {}));
  } catch {
    return null;
  }
}

/**
 * A node_modules folder inside a project is where Node looks first for that project's imports: a package in it
 * that the lockfile does not install (one written or committed by hand) is loaded instead of the installed one,
 * code that no check has read, under a name the policy allows (zod). npm puts a package there only when the
 * lockfile says so; anything else is refused. Written by hand: npm offers no check of a tree against its lockfile.
 */
export function checkNestedPackages(root: string, installedDirs: readonly string[]): Violation[] {
  const locked = lockedPaths(root);
  const out: Violation[] = [];
  for (const dir of installedDirs)
    for (const pkg of packagesIn(path.join(root, dir))) {
      const rel = `${dir}/${pkg}`;
      if (locked?.has(rel)) continue;
      out.push(integrityViolation(rel, 1, `${rel} is a package that package-lock.json does not install: the files of ${dir.replace(/\/node_modules$/, '')} that import "${pkg}" load it instead of the installed package, code no boundary check has read; ${INSTEAD}`));
    }
  return out;
}

/** Staged files inside a node_modules folder of the code folders: installed code is never committed. */
export function checkCommittedPackages(stagedRels: readonly string[]): Violation[] {
  return stagedRels
    .filter((rel) => rel.split('/').slice(0, -1).includes('node_modules'))
    .map((rel) => integrityViolation(rel, 1, `${rel} is inside a node_modules folder: a package committed into a project is loaded in place of the installed one, code no boundary check reads; ${INSTEAD}`));
}
