import { isBuiltin } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../analysis/ast.js';
import type { Env } from '../analysis/env.js';
import { findVariable, bindingsOf } from '../analysis/variables.js';
import { parseForESLint, visitorKeysOf } from '../parser/index.js';
import { recordDependency } from './dependency-log.js';
import { ParseMemo, type ParsedModule } from './parse-memo.js';
import { namesPackage, resolveSpecifier } from './resolve.js';
import { readText } from './stable-fs.js';

/** Parsed imported files, bounded; the file being checked is added after ESLint has parsed it (see rememberParsed). */
const parsed = new ParseMemo();

/**
 * Offers the tree ESLint just built for a file (nodes' parents set by its traversal) to later constant lookups:
 * files import their neighbours, so most imported files were checked moments before and need no second parse.
 * Only module-type parses are taken, because those are made with exactly the options parseModule uses.
 */
export function rememberParsed(file: string, code: string, module: ParsedModule): void {
  if (module.ast.sourceType === 'module' && !/\.c[jt]s$/.test(file)) parsed.set(file, code, module);
}

function setParents(node: Node, parent: Node | undefined): void {
  (node as { parent?: Node }).parent = parent;
  const keys = visitorKeysOf()[node.type] ?? [];
  for (const key of keys) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) for (const c of child) (c && typeof c === 'object' && 'type' in c) && setParents(c as Node, node);
    else if (child && typeof child === 'object' && 'type' in child) setParents(child as Node, node);
  }
}

/** Parses a workspace file, reusing a held parse of exactly the same text; null when it cannot be read or parsed. */
function parseModule(file: string): ParsedModule | null {
  const code = readText(file);
  if (code === null) return null;
  const hit = parsed.get(file, code);
  if (hit !== undefined) return hit;
  let module: ParsedModule | null = null;
  try {
    // a JSON module is its one value, the default export
    const source = file.endsWith('.json') ? `export default (${code}\n);\n` : code;
    const result = parseForESLint(source, {
      // typescript-estree reads a .json path as JSON text, not as the module wrapped around it
      filePath: file.endsWith('.json') ? `${file}.ts` : file,
      sourceType: /\.c[jt]s$/.test(file) ? 'script' : 'module',
      ecmaVersion: 'latest',
      range: true,
      loc: true,
      ecmaFeatures: { jsx: /\.[jt]sx$/.test(file) },
    });
    setParents(result.ast as Node, undefined);
    module = { ast: result.ast as TSESTree.Program, scopeManager: result.scopeManager as unknown as TSESLint.Scope.ScopeManager };
  } catch {
    module = null;
  }
  parsed.set(file, code, module);
  return module;
}

/**
 * A cheap text test before parsing: the file can give `name` a value only if it
 * declares it as a variable (`const name`, `const { name }`), lists it in an export
 * clause, re-exports everything, or (when functions are wanted) declares a function
 * of that name. Most imported names fail this test, and their files are not parsed.
 */
function mayBind(file: string, name: string, functions: boolean): boolean | 'star' {
  if (name === 'default') return true;
  const code = readText(file);
  if (code === null) return false;
  const n = name.replace(/[$]/g, '\\$&');
  const word = `(?<![\\w$])${n}(?![\\w$])`;
  const patterns = [`(?:const|let|var)\\s+(?:[{[][^=;]*)?${word}`, `export\\s*(?:type\\s*)?\\{[^}]*${word}`, `import\\s+${word}\\s*=`, `export\\s*\\*\\s*as\\s+${word}`, `(?:enum|namespace|module|class)\\s+${word}`];
  if (functions) patterns.push(`function\\s*\\*?\\s*${word}`);
  if (new RegExp(patterns.join('|')).test(code)) return true;
  return /export\s*\*/.test(code) ? 'star' : false;
}

/** The sources of `export * from '…'` in a file, read without parsing it. */
function starSources(file: string): string[] {
  return [...(readText(file) ?? '').matchAll(/export\s*\*\s*from\s*(['"])([^'"]+)\1/g)].map((m) => m[2]!);
}

/**
 * True when `specifier`, seen from env.file, is a module outside the workspace: a builtin (fs, node:fs,
 * node:fs/promises) or a package (installed or not). Whether it really exports `name` is not asked: a name it lacks
 * reads as a member of the module, which folds to nothing and reaches nothing but that module. A re-export of it
 * then stands for the module (originOf reads the statement so).
 */
function outsideExports(env: Env, specifier: string, _name: string): boolean {
  return specifier.startsWith('node:') || isBuiltin(specifier) || namesPackage(env.ws, env.file, specifier, env.recordFor);
}

function scopeGetter(sm: TSESLint.Scope.ScopeManager) {
  return (node: Node): TSESLint.Scope.Scope => {
    const inner = node.type !== 'Program';
    for (let n: Node | undefined = node; n; n = n.parent) {
      const scope = sm.acquire(n as never, inner);
      if (scope) return scope.type === 'function-expression-name' ? scope.childScopes[0]! : scope;
    }
    return sm.globalScope!;
  };
}

/** What an imported name is bound to in another workspace file: the expression, in that file's env. */
export interface ForeignValue {
  node: Node;
  env: Env;
  /** destructuring path into node */
  path: Array<string | null>;
}

function exportedFrom(mod: ParsedModule, env: Env, name: string, functions: boolean, seen: Set<string>): ForeignValue | null {
  const moduleScope = mod.scopeManager.globalScope!.childScopes[0] ?? mod.scopeManager.globalScope!;
  const local = (localName: string): ForeignValue | null => {
    const id = { type: 'Identifier', name: localName } as TSESTree.Identifier;
    const variable = findVariable(moduleScope, id);
    if (!variable) return null;
    const bindings = bindingsOf(variable);
    // a variable written again in its module (export let L; L = … in a function): the variable itself, whose every write is an alternative
    if (bindings.length > 1 && variable.defs[0]?.name) return { node: variable.defs[0].name as Node, env, path: [] };
    for (const b of bindings) {
      if (b.kind === 'function' && b.def) return { node: b.def.node as Node, env, path: [] };
      if (b.kind === 'expr' && b.expr) return { node: b.expr, env, path: b.path };
      if (b.kind === 'import' && b.def) return { node: b.def.name, env, path: [] };
    }
    return null;
  };
  for (const stmt of mod.ast.body) {
    if (stmt.type === 'ExportDefaultDeclaration' && name === 'default') {
      const d = stmt.declaration;
      if (d.type === 'Identifier') return local(d.name);
      return { node: d, env, path: [] };
    }
    if (stmt.type === 'ExportNamedDeclaration') {
      if (stmt.declaration?.type === 'FunctionDeclaration' && stmt.declaration.id?.name === name) return { node: stmt.declaration, env, path: [] };
      // enums, namespaces and classes hold constants too (their members are read by propertyOf)
      const d = stmt.declaration;
      if ((d?.type === 'TSEnumDeclaration' || d?.type === 'TSModuleDeclaration' || d?.type === 'ClassDeclaration') && d.id?.type === 'Identifier' && d.id.name === name) return { node: d, env, path: [] };
      if (stmt.declaration?.type === 'VariableDeclaration') {
        for (const decl of stmt.declaration.declarations)
          if (decl.id.type === 'Identifier' && decl.id.name === name && decl.init) return stmt.declaration.kind === 'const' ? { node: decl.init, env, path: [] } : local(name) ?? { node: decl.init, env, path: [] };
          else if (decl.id.type !== 'Identifier') {
            const hit = local(name);
            if (hit) return hit;
          }
      }
      for (const spec of stmt.specifiers) {
        const exported = spec.exported.type === 'Identifier' ? spec.exported.name : String(spec.exported.value);
        if (exported !== name) continue;
        const localName = spec.local.type === 'Identifier' ? spec.local.name : String(spec.local.value);
        // a re-export of a builtin's or a package's member (export { writeFileSync as w } from 'node:fs'): the statement stands for the module
        if (stmt.source && outsideExports(env, stmt.source.value, localName)) return { node: stmt, env, path: localName === 'default' ? [] : [localName] };
        if (stmt.source) return importedValue(env, stmt.source.value, localName, functions, seen);
        return local(localName);
      }
    }
  }
  for (const stmt of mod.ast.body)
    if (stmt.type === 'ExportAllDeclaration' && !stmt.exported) {
      const hit = importedValue(env, stmt.source.value, name, functions, seen);
      if (hit) return hit;
    }
  for (const stmt of mod.ast.body) {
    if (stmt.type !== 'ExportAllDeclaration') continue;
    // export * from 'node:fs' / export * as ns from 'node:fs'
    if (!stmt.exported && name !== 'default' && outsideExports(env, stmt.source.value, name)) return { node: stmt, env, path: [name] };
    const exported = stmt.exported as { type: string; name?: string; value?: unknown } | null;
    const as = exported ? (exported.type === 'Identifier' ? exported.name! : String(exported.value)) : null;
    if (as === name && outsideExports(env, stmt.source.value, 'default')) return { node: stmt, env, path: [] };
  }
  return null;
}

/**
 * Follows `import { name } from specifier` (as seen from env.file) into the workspace
 * file it resolves to, parses it, and returns the exported expression. Records every
 * file read as a dependency of env.recordFor.
 */
export function importedValue(env: Env, specifier: string, name: string, functions = false, seen = new Set<string>()): ForeignValue | null {
  // memoised for one lint run: its dependencies are recorded on the first lookup
  if (memoOwner !== env.run) {
    memoOwner = env.run;
    memo.clear();
  }
  const key = `${env.file}\0${specifier}\0${name}\0${functions}`;
  if (memo.has(key)) return memo.get(key)!;
  memo.set(key, null);
  const value = lookupImported(env, specifier, name, functions, seen);
  memo.set(key, value);
  return value;
}

let memoOwner: object | null = null;
const memo = new Map<string, ForeignValue | null>();

function lookupImported(env: Env, specifier: string, name: string, functions: boolean, seen: Set<string>): ForeignValue | null {
  if (env.fileDepth >= 6) return null;
  const res = resolveSpecifier(env.ws, env.file, specifier, env.recordFor);
  if (!res.file || res.kind === 'builtin' || res.kind === 'external') return null;
  const key = `${res.file}#${name}`;
  if (seen.has(key)) return null;
  seen.add(key);
  recordDependency(env.recordFor, res.file);
  const may = mayBind(res.file, name, functions);
  if (!may) return null;
  if (may === 'star') {
    // a barrel that does not declare the name itself: follow its `export *` lines without parsing it
    const foreignEnv: Env = { ...env, file: res.file, fileDepth: env.fileDepth + 1 };
    let builtinStar = false;
    for (const source of starSources(res.file)) {
      const hit = importedValue(foreignEnv, source, name, functions, seen);
      if (hit) return hit;
      builtinStar ||= outsideExports(foreignEnv, source, name);
    }
    // a builtin's member re-exported by `export *` is read from the parsed file below
    if (!builtinStar) return null;
  }
  const mod = parseModule(res.file);
  if (!mod) return null;
  const foreignEnv: Env = { ...env, file: res.file, getScope: scopeGetter(mod.scopeManager), fileDepth: env.fileDepth + 1 };
  return exportedFrom(mod, foreignEnv, name, functions, seen);
}
