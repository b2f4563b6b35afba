import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '@luthier/shared-hashing';
import type { Policy } from '../policy/schema.js';

/** One Nx project of the workspace, as the boundary rules see it. */
export interface Project {
  /** package name, e.g. @luthier/rmos-runs (the Nx name when there is no package.json) */
  name: string;
  nxName: string;
  /** absolute directory */
  root: string;
  tags: string[];
  /** zone id from its zone: tag, when the policy knows that zone; null otherwise */
  zone: string | null;
  /** absolute path of the package entry (src/index.ts) */
  entry: string;
}

export interface Workspace {
  root: string;
  projects: Project[];
  /** tsconfig.base.json `paths`, patterns to absolute targets */
  aliases: Array<{ pattern: string; targets: string[] }>;
  /** tsconfig.base.json `baseUrl` (absolute), against which TypeScript also resolves bare names; null when unset */
  baseUrl: string | null;
  /** names (package or Nx) that more than one project claims: neither project is reached by them */
  duplicateNames: Map<string, Project[]>;
  projectOfFile(absFile: string): Project | null;
  projectByName(name: string): Project | null;
}

export class WorkspaceError extends Error {
  readonly code = 'BOUNDARY_WORKSPACE_INVALID';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'WorkspaceError';
  }
}

const PROJECT_DIRS = ['libs', 'apps', 'tools'];
const SKIP = new Set(['node_modules', 'dist', 'coverage', 'fixtures', '__fixtures__', 'data', 'tmp']);
const cache = new Map<string, Workspace>();

function findProjectFiles(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isFile() && entry.name === 'project.json') out.push(path.join(dir, entry.name));
    else if (entry.isDirectory() && !SKIP.has(entry.name) && !entry.name.startsWith('.')) findProjectFiles(path.join(dir, entry.name), out);
  }
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new WorkspaceError(file, `cannot read JSON: ${(err as Error).message}`);
  }
}

function readProject(projectJson: string, policy: Policy): Project {
  const root = path.dirname(projectJson);
  const nx = readJson(projectJson);
  const nxName = typeof nx.name === 'string' ? nx.name : path.basename(root);
  let name = nxName;
  let entryRel = 'src/index.ts';
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    if (typeof pkg.name === 'string') name = pkg.name;
    const exp = pkg.exports as Record<string, unknown> | string | undefined;
    const dot = typeof exp === 'string' ? exp : exp && typeof exp['.'] === 'string' ? (exp['.'] as string) : undefined;
    const main = dot ?? (typeof pkg.main === 'string' ? pkg.main : undefined);
    if (main) entryRel = main;
  } catch {
    // an application without package.json keeps its Nx name and the default entry
  }
  const tags = Array.isArray(nx.tags) ? nx.tags.filter((t): t is string => typeof t === 'string') : [];
  const zoneTag = tags.find((t) => t.startsWith('zone:'));
  const zone = zoneTag ? (policy.zones.find((z) => z.tag === zoneTag)?.id ?? null) : null;
  return { name, nxName, root, tags, zone, entry: path.resolve(root, entryRel) };
}

function readAliases(root: string): Pick<Workspace, 'aliases' | 'baseUrl'> {
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return { aliases: [], baseUrl: null };
  }
  const options = (config.compilerOptions ?? {}) as { baseUrl?: string; paths?: Record<string, string[]> };
  const base = path.resolve(root, options.baseUrl ?? '.');
  const aliases = Object.entries(options.paths ?? {}).map(([pattern, targets]) => ({
    pattern,
    targets: targets.map((t) => path.resolve(base, t)),
  }));
  // the pattern TypeScript (and tsx) apply: an exact one first, then the wildcard with the longest prefix
  const prefix = (p: string) => (p.includes('*') ? p.indexOf('*') : Infinity);
  aliases.sort((a, b) => prefix(b.pattern) - prefix(a.pattern));
  return { aliases, baseUrl: typeof options.baseUrl === 'string' ? base : null };
}

const isInside = (dir: string, file: string) => file === dir || file.startsWith(dir + path.sep);

/**
 * Reads every project.json under libs/, apps/ and tools/ (no source parsing).
 * Memoised per root and policy content.
 */
export function loadWorkspace(root: string, policy: Policy): Workspace {
  const absRoot = path.resolve(root);
  const key = `${absRoot}\0${sha256Hex(JSON.stringify(policy))}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const files: string[] = [];
  for (const dir of PROJECT_DIRS) findProjectFiles(path.join(absRoot, dir), files);
  const projects = files.sort().map((f) => readProject(f, policy));
  // deepest root first, so that a nested project wins over its parent
  const byDepth = [...projects].sort((a, b) => b.root.length - a.root.length);
  // a name two projects claim (a shared lib calling itself @luthier/rmos-runs) names neither: imports of it and
  // policy entries naming it (writers, authority functions) fail closed, and the integrity check says why
  const claims = new Map<string, Project[]>();
  for (const p of projects)
    for (const n of new Set([p.name, p.nxName])) claims.set(n, [...(claims.get(n) ?? []), p]);
  const duplicateNames = new Map([...claims].filter(([, ps]) => new Set(ps).size > 1));
  const byName = new Map(projects.filter((p) => !duplicateNames.has(p.name)).map((p) => [p.name, p]));
  const ws: Workspace = {
    root: absRoot,
    projects,
    ...readAliases(absRoot),
    duplicateNames,
    projectOfFile: (absFile) => byDepth.find((p) => isInside(p.root, path.resolve(absFile))) ?? null,
    projectByName: (name) => byName.get(name) ?? null,
  };
  cache.set(key, ws);
  return ws;
}

/** Forgets memoised workspaces (tests and watch mode, after project.json changes). */
export function clearWorkspaceCache(): void {
  cache.clear();
}
