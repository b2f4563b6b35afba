import { existsSync, realpathSync, statSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordDependency } from './dependency-log.js';
import { fileSystemIsStable, onRelease } from './stable-fs.js';
import type { Project, Workspace } from './projects.js';

export interface Resolution {
  kind: 'project' | 'builtin' | 'external' | 'unresolved';
  /** the workspace project the specifier lands in (kind 'project') */
  project?: Project;
  /** the absolute file it resolves to, when found */
  file?: string;
  /** true only for a bare specifier (package name or tsconfig alias) that lands on the project's entry */
  viaEntry: boolean;
  /** builtin module name without `node:` (kind 'builtin') */
  module?: string;
  reason?: string;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json', '.d.ts'];
// TypeScript's Bundler resolution maps an emitted extension back to its source
const SOURCE_OF: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

type Probe = (candidate: string) => boolean;

// a missing path answers undefined instead of throwing: building an error per failed probe is most of its cost
function isFile(candidate: string): boolean {
  try {
    return statSync(candidate, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function isDir(candidate: string): boolean {
  try {
    return statSync(candidate, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/** Resolves a path the way Bundler resolution does: exact, .js→.ts, extension-less, directory index. */
function resolveFile(target: string, probe: Probe, depth = 0): string | null {
  if (probe(target) && isFile(target)) return target;
  const ext = path.extname(target);
  for (const alt of SOURCE_OF[ext] ?? []) {
    const candidate = target.slice(0, -ext.length) + alt;
    if (probe(candidate) && isFile(candidate)) return candidate;
  }
  for (const e of EXTENSIONS) if (probe(target + e) && isFile(target + e)) return target + e;
  if (isDir(target) && depth < 2) {
    const pkgFile = path.join(target, 'package.json');
    if (probe(pkgFile) && isFile(pkgFile)) {
      try {
        const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports?: unknown; main?: unknown; types?: unknown };
        const exp = pkg.exports as Record<string, unknown> | string | undefined;
        const main = typeof exp === 'string' ? exp : exp && typeof exp['.'] === 'string' ? (exp['.'] as string) : pkg.main;
        if (typeof main === 'string') {
          const viaMain = resolveFile(path.resolve(target, main), probe, depth + 1);
          if (viaMain) return viaMain;
        }
      } catch {
        // a broken package.json falls through to the index files
      }
    }
    for (const e of EXTENSIONS) {
      const candidate = path.join(target, 'index' + e);
      if (probe(candidate) && isFile(candidate)) return candidate;
    }
  }
  return null;
}

function real(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function matchAlias(pattern: string, specifier: string): string | null {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === specifier ? '' : null;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix))
    return specifier.slice(prefix.length, specifier.length - suffix.length);
  return null;
}

function landIn(ws: Workspace, file: string, bare: boolean): Resolution {
  const resolved = real(file);
  const project = ws.projectOfFile(resolved);
  if (!project) {
    const inWorkspace = resolved.startsWith(ws.root + path.sep) && !resolved.includes(`${path.sep}node_modules${path.sep}`);
    if (inWorkspace) return { kind: 'unresolved', file: resolved, viaEntry: false, reason: 'the file belongs to no project of the workspace' };
    // installed code is what the workspace's node_modules folders hold (the name as written, before links are followed:
    // node_modules may itself be a link); any other file outside the workspace, reached by a path, an alias or a link
    // pointing out of it, is code no boundary check reads (fail closed)
    const written = path.relative(ws.root, path.resolve(file));
    const installed = !written.startsWith('..') && !path.isAbsolute(written) && written.split(path.sep).includes('node_modules');
    return installed
      ? { kind: 'external', file: resolved, viaEntry: false }
      : { kind: 'unresolved', file: resolved, viaEntry: false, reason: `it is ${resolved}, a file outside the workspace that no boundary check reads` };
  }
  // a node_modules folder inside a project is never checked (the walk passes over installed code): a file there
  // reached as a project file would carry anything past the check under the project's name (fail closed)
  if (path.relative(project.root, resolved).split(path.sep).includes('node_modules'))
    return { kind: 'unresolved', file: resolved, viaEntry: false, reason: `it lies in a node_modules folder inside ${project.name}, which no boundary check reads; import installed packages by their name` };
  return { kind: 'project', project, file: resolved, viaEntry: bare && resolved === real(project.entry) };
}

/** The first string a conditional target gives (conditions in the order written); null when there is none. */
function conditionalTarget(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value;
  if (depth > 4 || !value || typeof value !== 'object') return null;
  for (const v of Array.isArray(value) ? value : Object.values(value as Record<string, unknown>)) {
    const t = conditionalTarget(v, depth + 1);
    if (t) return t;
  }
  return null;
}

/** Every target a conditional value may give (any condition may be the one in effect). */
function allTargets(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 4 || !value || typeof value !== 'object') return [];
  return (Array.isArray(value) ? value : Object.values(value as Record<string, unknown>)).flatMap((v) => allTargets(v, depth + 1));
}

/**
 * `#name` through the "imports" map of the package.json nearest to `fromFile` (inside the workspace).
 * Several conditions may map one name to different targets: the first that is a package or a
 * path is taken only when they all agree, otherwise the import cannot be checked (fail closed).
 */
function packageImport(ws: Workspace, fromFile: string, specifier: string, probe: Probe): { kind: 'file' | 'bare'; target: string } | { kind: 'unresolved'; reason: string } {
  for (let dir = path.dirname(fromFile); dir.startsWith(ws.root); dir = path.dirname(dir)) {
    const pkgFile = path.join(dir, 'package.json');
    if (!(probe(pkgFile) && isFile(pkgFile))) {
      if (dir === ws.root) break;
      continue;
    }
    let imports: Record<string, unknown> | undefined;
    try {
      imports = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { imports?: Record<string, unknown> }).imports;
    } catch {
      return { kind: 'unresolved', reason: `${pkgFile} cannot be read` };
    }
    if (!imports) return { kind: 'unresolved', reason: `no "imports" entry in ${path.relative(ws.root, pkgFile)} maps "${specifier}"` };
    for (const [pattern, value] of Object.entries(imports)) {
      const star = matchAlias(pattern, specifier);
      if (star === null) continue;
      const targets = [...new Set(allTargets(value).map((t) => t.replace(/\*/g, star)))];
      if (targets.length !== 1 || !conditionalTarget(value)) return { kind: 'unresolved', reason: `"${specifier}" maps to ${targets.length ? targets.join(', ') : 'nothing'} depending on conditions` };
      const target = targets[0]!;
      return target.startsWith('.') ? { kind: 'file', target: path.resolve(dir, target) } : { kind: 'bare', target };
    }
    return { kind: 'unresolved', reason: `no "imports" entry in ${path.relative(ws.root, pkgFile)} maps "${specifier}"` };
  }
  return { kind: 'unresolved', reason: `no package.json above the file maps "${specifier}"` };
}

/** True when `specifier` names a package from outside the workspace (installed or not): no builtin, path or workspace name. */
export function namesPackage(ws: Workspace, fromFile: string, specifier: string, recordFor = fromFile): boolean {
  if (specifier.startsWith('node:') || isBuiltin(specifier) || /^[.#/]|^file:/.test(specifier)) return false;
  return resolveSpecifier(ws, fromFile, specifier, recordFor).kind === 'external';
}

/**
 * Resolves an import specifier from `fromFile` against the workspace: package names
 * (`@luthier/x`, `@luthier/x/deep`), tsconfig aliases, relative and absolute paths,
 * `file:` URLs, node_modules symlinks and builtins. Every probed candidate is recorded
 * as a dependency of `recordFor` (default `fromFile`), so a file appearing later
 * invalidates the cached result.
 */
export function resolveSpecifier(ws: Workspace, fromFile: string, specifier: string, recordFor = fromFile): Resolution {
  if (!fileSystemIsStable()) return resolveUncached(ws, fromFile, specifier, (dep) => recordDependency(recordFor, dep));
  // the answer depends only on the importing folder and the specifier; its dependencies are replayed on every hit
  const key = `${ws.root}\0${path.dirname(fromFile)}\0${specifier}`;
  let hit = resolutions.get(key);
  if (!hit) {
    const deps: string[] = [];
    hit = { result: resolveUncached(ws, fromFile, specifier, (dep) => deps.push(dep)), deps };
    resolutions.set(key, hit);
  }
  for (const dep of hit.deps) recordDependency(recordFor, dep);
  return hit.result;
}

const resolutions = new Map<string, { result: Resolution; deps: string[] }>();
onRelease(() => resolutions.clear());

/**
 * A URL scheme is case-insensitive (WHATWG URL): Node's ESM loader reads `FILE:///x` as `file:///x` and
 * `NODE:fs` as `node:fs`, so the scheme is compared in lower case. (A single letter before the colon is a
 * Windows drive, not a scheme.)
 */
export function canonicalScheme(specifier: string): string {
  return specifier.replace(/^([a-z][a-z0-9+.-]+):/i, (scheme) => scheme.toLowerCase());
}

function resolveUncached(ws: Workspace, fromFile: string, rawSpecifier: string, record: (dependency: string) => void): Resolution {
  const specifier = canonicalScheme(rawSpecifier);
  const probe: Probe = (candidate) => {
    if (candidate.startsWith(ws.root + path.sep)) record(candidate);
    return existsSync(candidate);
  };
  const finish = (file: string | null, bare: boolean, what: string): Resolution => {
    if (!file) return { kind: 'unresolved', viaEntry: false, reason: `${what} does not resolve to a file` };
    const result = landIn(ws, file, bare);
    if (result.file) record(result.file);
    return result;
  };

  if (specifier.startsWith('node:')) return { kind: 'builtin', module: specifier.slice(5), viaEntry: false };
  if (isBuiltin(specifier)) return { kind: 'builtin', module: specifier, viaEntry: false };

  let target: string | null = null;
  if (specifier.startsWith('file:')) {
    try {
      target = fileURLToPath(specifier);
    } catch {
      return { kind: 'unresolved', viaEntry: false, reason: `"${specifier}" is not a valid file: URL` };
    }
  } else if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    target = path.resolve(path.dirname(fromFile), specifier);
  }
  if (target !== null) {
    // ./x.js names x.js for Node and x.ts for TypeScript (and tsx, which tries the source first): when both exist
    // and lie in different projects (a symlink), the import is both; it cannot be checked as one (fail closed)
    const ext = path.extname(target);
    const both = [target, ...(SOURCE_OF[ext] ?? []).map((alt) => target.slice(0, -ext.length) + alt)].filter((c) => probe(c) && isFile(c));
    const owners = new Set(both.map((c) => ws.projectOfFile(real(c))?.root ?? ''));
    if (owners.size > 1)
      return { kind: 'unresolved', viaEntry: false, reason: `it names ${both.map((c) => path.relative(ws.root, real(c))).join(' and ')} (Node takes one, TypeScript the other), which lie in different projects` };
    return finish(resolveFile(target, probe), false, `"${specifier}"`);
  }

  // a package's own subpath imports (`#internal` in package.json "imports"): resolved from the nearest package.json
  if (specifier.startsWith('#')) {
    const mapped = packageImport(ws, fromFile, specifier, probe);
    if (mapped.kind === 'unresolved') return { kind: 'unresolved', viaEntry: false, reason: mapped.reason };
    if (mapped.kind === 'file') return finish(resolveFile(mapped.target, probe), false, `"${specifier}"`);
    if (mapped.target.startsWith('#')) return { kind: 'unresolved', viaEntry: false, reason: `"${specifier}" maps to another subpath import` };
    return resolveUncached(ws, fromFile, mapped.target, record);
  }

  for (const alias of ws.aliases) {
    const star = matchAlias(alias.pattern, specifier);
    if (star === null) continue;
    for (const t of alias.targets) {
      const file = resolveFile(t.replace('*', star), probe);
      if (file) return finish(file, true, `alias "${alias.pattern}"`);
    }
    return { kind: 'unresolved', viaEntry: false, reason: `alias "${alias.pattern}" matches "${specifier}" but no target exists` };
  }

  // TypeScript resolves a bare name against baseUrl after paths (libs/rmos/runs/src/x from anywhere)
  if (ws.baseUrl) {
    const file = resolveFile(path.resolve(ws.baseUrl, specifier), probe);
    if (file) return finish(file, false, `"${specifier}" under baseUrl`);
  }

  // a bare package name: a workspace project (entry or deep path) or an external package
  const parts = specifier.split('/');
  const pkgName = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const subpath = parts.slice(specifier.startsWith('@') ? 2 : 1).join('/');
  const project = ws.projectByName(pkgName);
  if (project) {
    if (!subpath) return finish(resolveFile(project.entry, probe), true, `the entry of ${pkgName}`);
    return finish(resolveFile(path.join(project.root, subpath), probe), false, `"${specifier}"`);
  }
  const scope = ws.projects.find((p) => p.name.startsWith('@'))?.name.split('/')[0];
  // (the scope in any case: on a case-insensitive file system @LUTHIER/x is the installed link @luthier/x)
  if (scope && pkgName.toLowerCase().startsWith(scope.toLowerCase() + '/'))
    return { kind: 'unresolved', viaEntry: false, reason: `no workspace project is named ${pkgName}` };
  // an installed name that is a link into the workspace (a file: dependency, a symlink in a node_modules folder)
  // is that workspace folder, whatever the name: resolved as Node would, from the nearest node_modules up
  for (let dir = path.dirname(fromFile); ; dir = path.dirname(dir)) {
    const pkgDir = path.join(dir, 'node_modules', pkgName);
    if (probe(pkgDir)) {
      const realDir = real(pkgDir);
      const inWorkspace = realDir.startsWith(ws.root + path.sep) && !realDir.includes(`${path.sep}node_modules${path.sep}`);
      if (!inWorkspace) return { kind: 'external', viaEntry: false };
      return finish(resolveFile(subpath ? path.join(realDir, subpath) : realDir, probe), !subpath, `"${specifier}" (installed as a link to ${path.relative(ws.root, realDir)})`);
    }
    if (path.dirname(dir) === dir) break;
  }
  return { kind: 'external', viaEntry: false };
}
