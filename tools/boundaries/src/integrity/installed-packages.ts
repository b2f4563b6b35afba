import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Policy } from '../policy/schema.js';
import type { Violation } from '../runner/types.js';
import type { Project } from '../workspace/projects.js';
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

interface LockEntry {
  name?: string;
  resolved?: string;
  link?: boolean;
}

/** package-lock.json's install paths (node_modules/x, libs/y/node_modules/z) and what each holds, or null without one. */
function lockEntries(root: string): Map<string, LockEntry> | null {
  try {
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages?: Record<string, LockEntry> };
    return new Map(Object.entries(lock.packages ?? {}));
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
  const locked = lockEntries(root);
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

/**
 * What package-lock.json installs under a name. A workspace folder is linked only as the package it is
 * (node_modules/@luthier/rmos-runs -> libs/rmos/runs): linked under another name ("helper": "file:libs/…"),
 * an import of that name is judged as an outside package while it loads a project of some zone, past the
 * import matrix. A package the policy allows a zone (zod) comes from the registry under its own name: not an
 * alias ("zod": "npm:other@1"), a folder, a tarball or a git repository, which the review of zod did not cover.
 */
export function checkInstalledSources(root: string, policy: Policy, projects: readonly Project[]): Violation[] {
  const locked = lockEntries(root);
  if (!locked) return [];
  const allowed = new Set(policy.allowedPackages.flatMap((a) => a.packages));
  const out: Violation[] = [];
  for (const [key, entry] of locked) {
    const at = key.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const name = key.slice(at + 'node_modules/'.length);
    const instead = `change the dependency in package.json and run npm install, which rewrites package-lock.json`;
    if (entry.link) {
      const target = path.resolve(root, entry.resolved ?? '');
      const project = projects.find((p) => p.root === target);
      if (project?.name === name) continue;
      out.push(integrityViolation('package-lock.json', 1, `package-lock.json installs ${entry.resolved ?? 'a folder'} as the package "${name}" (${key}): an import of "${name}" is judged as a package from outside the workspace, yet it loads ${project ? `${project.name}${project.zone ? ` (zone:${project.zone})` : ''}` : 'a folder of the workspace'}, past the import rules; a project is imported by its own name; ${instead}`));
      continue;
    }
    if (!allowed.has(name)) continue;
    const alias = entry.name !== undefined && entry.name !== name;
    const source = entry.resolved !== undefined && !/^https:\/\//.test(entry.resolved);
    if (alias || source)
      out.push(integrityViolation('package-lock.json', 1, `package-lock.json installs the allowed package "${name}" (${key}) ${alias ? `as an alias of "${entry.name}"` : `from ${entry.resolved}`}, not from the registry under its own name: the policy's review of "${name}" does not cover that code; ${instead}`));
  }
  return out;
}
