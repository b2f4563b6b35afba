import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** JSON with the comments and trailing commas tsconfig files allow. */
function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

interface TsOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
}

/**
 * The compiler options in effect for `file`, following `extends` (a path or a package, one or several) the way
 * TypeScript does: the nearest config that sets baseUrl / paths wins, baseUrl is relative to the config that sets
 * it, and paths to baseUrl or else to the config that sets them.
 */
function effectiveOptions(root: string, file: string, depth = 0): { baseUrl?: string; paths?: Record<string, string[]>; pathsBase?: string } {
  if (depth > 8) throw new WorkspaceError(file, 'tsconfig "extends" is nested too deep (a cycle?)');
  let config: { extends?: string | string[]; compilerOptions?: TsOptions };
  try {
    config = parseJsonc(readFileSync(file, 'utf8')) as typeof config;
  } catch (err) {
    throw new WorkspaceError(file, `cannot read the TypeScript config, so its path aliases are unknown: ${(err as Error).message}`);
  }
  const dir = path.dirname(file);
  let inherited: ReturnType<typeof effectiveOptions> = {};
  for (const ext of typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : []) {
    let target = ext.startsWith('.') || path.isAbsolute(ext) ? path.resolve(dir, ext) : path.join(root, 'node_modules', ext);
    if (!target.endsWith('.json')) target = existsSync(target) && !existsSync(`${target}.json`) ? path.join(target, 'tsconfig.json') : `${target}.json`;
    const parent = effectiveOptions(root, target, depth + 1);
    inherited = { ...inherited, ...Object.fromEntries(Object.entries(parent).filter(([, v]) => v !== undefined)) };
  }
  const own = config.compilerOptions ?? {};
  return {
    baseUrl: typeof own.baseUrl === 'string' ? path.resolve(dir, own.baseUrl) : inherited.baseUrl,
    paths: own.paths ?? inherited.paths,
    pathsBase: own.paths ? dir : inherited.pathsBase,
  };
}

/**
 * The path aliases and baseUrl TypeScript and tsx use: those of tsconfig.json (what `tsc -p tsconfig.json` and
 * tsx read, with what it extends), or of tsconfig.base.json when there is no tsconfig.json.
 */
function readAliases(root: string): Pick<Workspace, 'aliases' | 'baseUrl'> {
  const file = ['tsconfig.json', 'tsconfig.base.json'].map((f) => path.join(root, f)).find((f) => existsSync(f));
  return file ? aliasesOf(root, file) : { aliases: [], baseUrl: null };
}

/** The path aliases and baseUrl one TypeScript config puts in effect (with what it extends). */
export function aliasesOf(root: string, file: string): Pick<Workspace, 'aliases' | 'baseUrl'> {
  const options = effectiveOptions(root, file);
  const base = options.baseUrl ?? options.pathsBase ?? root;
  const aliases = Object.entries(options.paths ?? {}).map(([pattern, targets]) => ({
    pattern,
    targets: (Array.isArray(targets) ? targets : []).map((t) => path.resolve(base, t)),
  }));
  // the pattern TypeScript (and tsx) apply: an exact one first, then the wildcard with the longest prefix
  const prefix = (p: string) => (p.includes('*') ? p.indexOf('*') : Infinity);
  aliases.sort((a, b) => prefix(b.pattern) - prefix(a.pattern));
  return { aliases, baseUrl: options.baseUrl ?? null };
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
