import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The folders whose code the policy governs. */
export const SCAN_ROOTS = ['libs', 'apps', 'tools'] as const;
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/**
 * Only installed dependencies are passed over. Every other folder inside a project,
 * whatever its name (fixtures, tmp, data, dist, a dot folder), holds code that the
 * project's entry point can import, so skipping it by name would be a way around the check.
 */
export const SKIPPED_DIRS = new Set(['node_modules']);

export function isSourceFile(name: string): boolean {
  return SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** True when a workspace-relative path lies in a skipped folder. */
export function isSkippedPath(rel: string): boolean {
  const parts = rel.split('/');
  return parts.slice(0, -1).some((part) => SKIPPED_DIRS.has(part));
}

export interface WalkResult {
  /** Source files to check, relative to root, sorted. */
  sources: string[];
  /** project.json, package.json and tsconfig*.json found on the way: the tags and aliases every verdict depends on. */
  configs: string[];
  /** Every symbolic link found on the way (links are not followed), relative to root: the integrity check looks where they lead. */
  links: string[];
  /** The skipped node_modules folders found on the way, relative to root: the integrity check holds them to the lockfile. */
  installed: string[];
}

/** Walks the scan roots (or the given folders) collecting source files and project configuration files. */
export function walkWorkspace(root: string, dirs: readonly string[] = SCAN_ROOTS): WalkResult {
  const sources: string[] = [];
  const configs: string[] = [];
  const links: string[] = [];
  const installed: string[] = [];
  const visit = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) links.push(childRel);
      // a linked node_modules is one too (the walk follows no link, Node's resolution does)
      if (entry.isSymbolicLink() && SKIPPED_DIRS.has(entry.name)) installed.push(childRel);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) visit(childRel);
        else installed.push(childRel);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (isSourceFile(entry.name)) sources.push(childRel);
        else if (isConfigFile(entry.name)) configs.push(childRel);
      }
    }
  };
  for (const dir of dirs) visit(dir);
  sources.sort();
  configs.sort();
  return { sources, configs, links, installed };
}

export function isConfigFile(name: string): boolean {
  return name === 'project.json' || name === 'package.json' || /^tsconfig.*\.json$/.test(name);
}

/** Root-level files that change how every file is checked. */
export const ROOT_CONFIG_FILES = ['package.json', 'tsconfig.json', 'tsconfig.base.json', 'nx.json', 'eslint.config.mjs'];
