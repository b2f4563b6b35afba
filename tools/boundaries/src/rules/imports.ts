import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { forEachChild, unwrap, type Node } from '../analysis/ast.js';
import { parseForESLint } from '../parser/index.js';
import { foldSingle, fold, describe, isConstant, unknownPart, type Sym } from '../analysis/fold.js';
import { foldPath, ownPath } from '../analysis/own-path.js';
import { commandArgs, commandDir, commandLines, commandOptions, execArgvElements, INTERPRETERS, NODE_LIKE, nodeLaunch, nodeOptionsEnd, nodeOptionWords, nodePreloadValues, optionParts, PACKAGE_MANAGERS, UNGLOBBED, readPackageScripts, readScriptFile, shellScriptOperand, simpleCommand } from './node-command.js';
import { namesDataRoot, shellCommands } from './target-path.js';
import { optionValues } from './fs-writes.js';
import { callShape, FS_PACKAGES, isBuiltinLoader, isRequireLike, memberKey, originOf } from '../analysis/origin.js';
import type { Policy } from '../policy/schema.js';
import { canonicalScheme, resolveSpecifier } from '../workspace/resolve.js';
import { fileContext, zoneRef } from './context.js';
import { envFor, MESSAGES, reporter, zoneTag } from './report.js';

const RULE = 'boundaries/imports';
const NATIVE_HOOKS = new Set(['process.binding', 'process._linkedBinding', 'process.dlopen']);
/** process members that replace the process with another program */
const PROGRAM_RUNNERS = new Set(['process.execve']);
const MODULE_HOOKS = new Set(['register', 'registerHooks']);
/** cluster's settings, where its workers' module and execArgv are named */
const CLUSTER_SETUP = new Set(['setupPrimary', 'setupMaster']);
/** native addons and WebAssembly modules */
const NATIVE_CODE = /\.(?:node|wasm)$/i;
/** files the loaders read as data or code the check reads itself: CommonJS runs a file of any other extension (x.txt, an extension-less file) as JavaScript */
const READ_FILES = /\.(?:[cm]?[jt]sx?|json)$/i;
/** dependency forms that only name a file, loading nothing */
const RESOLVE_FORMS = new Set(['require.resolve()', 'import.meta.resolve()']);
/** dependency forms that load no code at run time */
const TYPE_ONLY_FORMS = new Set(['import type', "import('…') type", '/// <reference>', 'declare module', 'JSDoc type']);
/** JavaScript files, whose JSDoc types TypeScript reads (allowJs / checkJs): their import('…') types and @import tags are dependencies */
const JSDOC_TYPED = /\.(?:c|m)?jsx?$/;

/** The package a bare specifier names: @scope/name or name (a subpath is the same package). */
export function packageName(spec: string): string {
  const parts = spec.replace(/^npm:/, '').split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** expressions that only change a value's static type */
const TYPE_WRAPPERS = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion']);
/** what node:module offers that loads or compiles nothing (createRequire's require is checked as require()) */
const MODULE_DATA = new Set(['createRequire', 'isBuiltin', 'builtinModules', 'findSourceMap', 'SourceMap', 'findPackageJSON', 'stripTypeScriptTypes', 'constants', 'getCompileCacheDir']);
/** the CommonJS module registry: every loaded module, each with its own require */
const MODULE_REGISTRY = new Set(['require.cache', 'require.main', 'module.children', 'module.parent', 'process.mainModule', 'module.paths']);

export function importAdvice(policy: Policy, from: string, to: string): string {
  const advice = policy.importAdvice;
  return (
    advice[`${from}->${to}`] ??
    advice[`${from}->*`] ??
    advice[`*->${to}`] ??
    `zone:${from} may import only ${(policy.imports[from] ?? []).map((z) => `zone:${z}`).join(', ') || 'nothing outside itself'}`
  );
}

/**
 * Builtins that do what a forbidden module does under another name: inspector's Runtime.evaluate
 * and repl's evaluator run code given as text, as vm does; a WASI instance reads and writes the host
 * folders it is handed (preopens), and v8 (heap snapshots) and trace_events (trace logs) write files
 * where they are told, as fs does. Forbidding the module forbids these too.
 */
const EQUIVALENT_MODULES: Record<string, string> = { inspector: 'vm', repl: 'vm', wasi: 'fs', v8: 'fs', trace_events: 'fs' };

/** The policy entry forbidding builtin `name` (e.g. "fs/promises") in `zone`, if any. */

export function forbiddenModule(policy: Policy, zone: string | null, name: string) {
  const bare = name.replace(/^node:/, '');
  const root = bare.split('/')[0]!;
  const alias = Object.hasOwn(EQUIVALENT_MODULES, root) ? EQUIVALENT_MODULES[root]! : null;
  for (const entry of policy.forbiddenModules) {
    if (entry.zone !== zone) continue;
    const hit = entry.modules.find((m) => {
      const mod = m.replace(/^node:/, '');
      return bare === mod || bare.startsWith(mod + '/') || alias === mod;
    });
    if (hit) return { entry, module: hit };
  }
  return null;
}

/** in code given as text: what reaches a module loader, code from text or a child the check cannot follow there (it reads no scope in the text) */
const INLINE_OPAQUE = new Set(['module', 'eval', 'Function', 'globalThis', 'global', 'self', 'window', 'Reflect', 'createRequire']);
const INLINE_OPAQUE_MEMBERS = new Set(['mainModule', 'binding', '_linkedBinding', 'dlopen', 'getBuiltinModule', 'execve', 'constructor', '_load']);
/** builtins that run programs, threads or code text: what code text does with them the check cannot follow */
const INLINE_RUNNERS = new Set(['child_process', 'worker_threads', 'cluster', 'vm', 'module', 'inspector', 'repl']);

/**
 * The dependencies of code node is given as text (node -e, a Worker with { eval: true }), parsed with the checker's
 * parser (as an ES module where asModule, else as CommonJS, else as either): static imports, export … from, import()
 * and require() / require.resolve() of string literals. Why it cannot be read: it does not parse; a specifier that
 * is no literal; a loader reached otherwise (require handed on, module, eval, Function, globalThis, process.mainModule,
 * .constructor); a builtin that runs programs, threads or code (child_process, worker_threads, vm …): the text has no
 * scope the check reads, so what those reach cannot be followed.
 */
export function inlineDependencies(text: string, asModule: boolean | null): { specs: string[] } | { why: string } {
  let ast: Node | null = null;
  for (const sourceType of asModule === true ? ['module'] : asModule === false ? ['commonjs'] : ['commonjs', 'module']) {
    try {
      ast = parseForESLint(text, { filePath: 'inline.ts', sourceType: sourceType as 'module' | 'commonjs' }).ast as Node;
      break;
    } catch {
      ast = null;
    }
  }
  if (!ast) return { why: 'it does not parse' };
  const specs: string[] = [];
  let why: string | null = null;
  const literal = (n: Node | undefined): string | null => {
    const u = n ? unwrap(n) : null;
    if (u?.type === 'Literal' && typeof u.value === 'string') return u.value;
    if (u?.type === 'TemplateLiteral' && u.expressions.length === 0) return u.quasis[0]!.value.cooked ?? null;
    return null;
  };
  const spec = (n: Node | undefined, form: string) => {
    const v = literal(n);
    if (v === null) why ??= `the specifier of its ${form} is no string literal`;
    else if (INLINE_RUNNERS.has(v.replace(/^node:/i, '').split('/')[0]!)) why ??= `it loads "${v}", which runs programs, threads or code the check cannot follow from text`;
    else specs.push(v);
  };
  const visit = (n: Node) => {
    if (why) return;
    switch (n.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
        spec(n.source, 'import');
        break;
      case 'ExportNamedDeclaration':
        if (n.source) spec(n.source, 'export … from');
        break;
      case 'ImportExpression':
        spec(n.source, 'import()');
        break;
      case 'CallExpression': {
        const c = unwrap(n.callee);
        const isRequire = c.type === 'Identifier' && c.name === 'require';
        const isResolve = c.type === 'MemberExpression' && !c.computed && unwrap(c.object).type === 'Identifier' && (unwrap(c.object) as TSESTree.Identifier).name === 'require' && c.property.type === 'Identifier' && c.property.name === 'resolve';
        if (isRequire || isResolve) {
          spec(n.arguments[0] as Node | undefined, 'require()');
          for (const a of n.arguments) visit(Object.assign(a, { parent: n }) as Node);
          return;
        }
        break;
      }
      case 'Identifier':
        if (n.name === 'require' || INLINE_OPAQUE.has(n.name)) {
          const p = n.parent;
          const isKey = p && ((p.type === 'MemberExpression' && p.property === n && !p.computed) || (p.type === 'Property' && p.key === n && !p.computed));
          if (!isKey) why ??= `it reaches ${n.name} otherwise than by a call with a string literal, which the check cannot follow in text`;
        } else if (INLINE_OPAQUE_MEMBERS.has(n.name) && n.parent?.type === 'MemberExpression' && n.parent.property === n) why ??= `it reads .${n.name}, which reaches the module loader or code from text`;
        break;
      case 'MemberExpression':
        if (n.computed && literal(n.property) === null && unwrap(n.property).type !== 'Literal') why ??= 'it reads a property by a computed name, which may be any loader';
        else if (n.computed && INLINE_OPAQUE_MEMBERS.has(literal(n.property) ?? '')) why ??= `it reads .${literal(n.property)}, which reaches the module loader or code from text`;
        break;
    }
    // (the parsed tree has no parent links: set here, before the child is read)
    forEachChild(n, (c) => visit(Object.assign(c, { parent: n })));
  };
  visit(ast);
  return why ? { why } : { specs };
}

export const importsRule: TSESLint.RuleModule<'violation', []> = {
  meta: {
    type: 'problem',
    docs: { description: 'Every dependency form crosses zones only as the policy import matrix allows, and only through the package entry' },
    messages: MESSAGES,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const fc = fileContext(context);
    if (fc.isWaived(RULE)) return {};
    const env = envFor(context, fc);
    const report = reporter(context);
    /** module-hook reads already reported (a call's callee is visited as a member read and as a callee) */
    const hooked = new Set<Node>();
    const { policy } = fc;
    const fromZone = fc.zone;
    const ref = zoneRef(policy, fromZone);

    function checkBuiltin(node: Node, name: string, form: string) {
      const hit = forbiddenModule(policy, fromZone, name);
      if (!hit) return;
      report(node, {
        rule: RULE,
        zones: `${zoneTag(fromZone)} -> node:${name.replace(/^node:/, '')}`,
        securityRef: ref,
        allowedWay: hit.entry.allowedWay,
        what: `${form} loads the module "${name}", which ${zoneTag(fromZone)} may not load: ${hit.entry.reason}`,
      });
    }

    function check(specNode: Node | undefined | null, form: string, builtinOnly = false) {
      if (!specNode) return;
      // a URL or path made from the module's own place (import(new URL('./x.js', import.meta.url).href)) is that file
      const own = foldSingle(specNode, env) === null ? ownPath(specNode, env) : null;
      if (own !== null) return checkResolved(specNode, own, form, builtinOnly, path.relative(path.dirname(fc.file), own).split(path.sep).join('/'));
      const spec = foldSingle(specNode, env);
      if (spec === null) {
        const seen = fold(specNode, env).map(describe).join(' | ');
        report(specNode, {
          rule: RULE,
          zones: `${zoneTag(fromZone)} -> unknown`,
          securityRef: ref,
          allowedWay: 'load modules with a constant specifier (a string literal or a const string) so the boundary check can see the target',
          what: `the specifier of this ${form} cannot be folded to a constant (${seen}), so what it loads cannot be checked; it is refused (fail closed)`,
        });
        return;
      }
      checkResolved(specNode, spec, form, builtinOnly);
    }

    function checkResolved(specNode: Node, spec: string, form: string, builtinOnly = false, shown = spec) {
      const res = resolveSpecifier(fc.ws, fc.file, spec);
      if (res.kind === 'builtin') return checkBuiltin(specNode, res.module ?? spec, form);
      if (builtinOnly || !fc.project) return;
      // code from a URL (https:, data:, blob:) is outside the workspace and every check
      if (/^(?!node:|file:)[a-z][a-z0-9+.-]*:/i.test(spec)) {
        report(specNode, {
          rule: RULE,
          zones: `${zoneTag(fromZone)} -> unknown`,
          securityRef: ref,
          allowedWay: 'import workspace code through a project package name (@luthier/NAME), or an installed package by its name',
          what: `${form} "${shown.slice(0, 80)}" loads code from a URL, which no boundary check can see (fail closed)`,
        });
        return;
      }
      // a package that is a builtin under another name (graceful-fs is fs)
      if (res.kind === 'external' && Object.hasOwn(FS_PACKAGES, spec)) return checkBuiltin(specNode, FS_PACKAGES[spec]!, form);
      if (res.kind === 'external') return checkPackage(specNode, spec, form);
      if (res.kind === 'unresolved') {
        const looksLocal = !!res.file || spec.startsWith('.') || spec.startsWith('#') || spec.startsWith('/') || canonicalScheme(spec).startsWith('file:') || spec.toLowerCase().startsWith('@luthier/') || fc.ws.aliases.some((a) => spec.startsWith(a.pattern.replace('*', '')));
        if (!looksLocal) return checkPackage(specNode, spec, form);
        report(specNode, {
          rule: RULE,
          zones: `${zoneTag(fromZone)} -> unknown`,
          securityRef: ref,
          allowedWay:
            res.file && path.relative(fc.ws.root, res.file).startsWith('..')
              ? 'install code from outside the workspace as a package (package.json, package-lock.json) and import it by its name, or move it into a project'
              : 'import workspace code through a project package name (@luthier/NAME) that resolves to its src/index.ts',
          what: `${form} "${shown}" cannot be checked: ${res.reason ?? 'it does not resolve'} (fail closed)`,
        });
        return;
      }
      // a native addon or a WebAssembly module is compiled code no check can read, as process.dlopen loads
      if (res.file && NATIVE_CODE.test(res.file) && policy.forbiddenModules.some((f) => f.zone === fromZone)) {
        const entry = policy.forbiddenModules.find((f) => f.zone === fromZone)!;
        report(specNode, {
          rule: RULE,
          zones: `${zoneTag(fromZone)} -> native code`,
          securityRef: ref,
          allowedWay: entry.allowedWay,
          what: `${form} "${shown}" loads a native addon or WebAssembly module, compiled code that no boundary check can read, which ${zoneTag(fromZone)} may not load: ${entry.reason}`,
        });
        return;
      }
      // CommonJS loads a file of any other extension as JavaScript (require('./helper.txt'), an extension-less
      // script): the walk reads only source files, so that code would never be checked (fail closed)
      if (res.file && !READ_FILES.test(res.file) && !NATIVE_CODE.test(res.file) && !TYPE_ONLY_FORMS.has(form) && !RESOLVE_FORMS.has(form)) {
        const rel = path.relative(fc.ws.root, res.file).split(path.sep).join('/');
        report(specNode, {
          rule: RULE,
          zones: `${zoneTag(fromZone)} -> unchecked code`,
          securityRef: ref,
          allowedWay: 'give code a source extension (.ts, .js, .mjs, .cjs …) so the boundary check reads it; read data files with fs instead of loading them',
          what: `${form} "${shown}" loads ${rel}, which is no source file the boundary check reads: Node runs a file of any other extension as JavaScript (fail closed)`,
        });
        return;
      }
      const target = res.project!;
      if (target === fc.project) return;
      const toZone = target.zone;
      if (!toZone) {
        report(specNode, {
          rule: RULE,
          zones: `${zoneTag(fromZone)} -> no zone`,
          securityRef: ref,
          allowedWay: `tag ${target.name} with its zone in project.json`,
          what: `${form} "${shown}" reaches ${target.name}, which has no zone tag, so the import cannot be checked (fail closed)`,
        });
        return;
      }
      const allowed = fromZone !== null && (policy.imports[fromZone] ?? []).includes(toZone);
      if (!allowed) {
        report(specNode, {
          rule: RULE,
          zones: `${zoneTag(fromZone)} -> zone:${toZone}`,
          securityRef: ref,
          allowedWay: importAdvice(policy, fromZone ?? '*', toZone),
          what: `${form} "${shown}": ${target.name} (zone:${toZone}) may not be imported from ${zoneTag(fromZone)}`,
        });
        return;
      }
      if (!res.viaEntry) {
        const rel = res.file ? path.relative(fc.ws.root, res.file).split(path.sep).join('/') : spec;
        report(specNode, {
          rule: RULE,
          zones: `${zoneTag(fromZone)} -> zone:${toZone}`,
          securityRef: ref,
          allowedWay: `import "${target.name}" and use what its entry point (src/index.ts) exports; export what others need from there`,
          what: `${form} "${shown}" enters ${target.name} at ${rel} instead of through its package entry`,
        });
      }
    }

    /**
     * A module file a builtin runs or loads by its path (a Worker's or fork()'s script, module.register's hooks): a
     * dependency as an import is. A path made from the module's own place (new URL('./w.js', import.meta.url)) is that
     * file; another relative path is the working directory's, the workspace root (where every command of the contract
     * starts), or, where the call gives a parent URL of this module, this file's. Every constant alternative is checked.
     */
    function checkScript(arg: Node, form: string, fromThisFile: boolean) {
      for (const alt of foldPath(arg, env).slice(0, 8)) checkModulePath(arg, alt, form, fromThisFile ? 'file' : fc.ws.root);
    }

    /**
     * One alternative of the path of a module a builtin or a child process loads. base 'file': resolved as this file
     * would import it (register(x, import.meta.url)); a folder: a relative path is that working directory's, and a bare
     * name is a path there too (node x.js), or, for a module node preloads (--import x, --require x), a package.
     */
    function checkModulePath(at: Node, sym: Sym, form: string, base: string | 'file' | null, bareIsPackage = false) {
      if (!fc.project) return;
      const spec = isConstant(sym) ? canonicalScheme(sym.join('')) : null;
      const located = spec !== null && (/^[a-z][a-z0-9+.-]+:/.test(spec) || path.isAbsolute(spec) || (base === 'file' && !spec.startsWith('.')) || (bareIsPackage && !/^[.\/\\]/.test(spec)));
      // a path that cannot be folded, or a relative one in a working directory that cannot be, may be any module (fail closed)
      if (spec === null || (base === null && !located)) {
        report(at, {
          rule: RULE,
          zones: `${zoneTag(fromZone)} -> unknown`,
          securityRef: ref,
          allowedWay: `name the module by a constant path, or a URL or path made from this module's own place (new URL('./w.js', ${'import.meta'}.url)), run in a constant working directory, so the boundary check can see it`,
          what: spec === null
            ? `the module ${form} loads ("${describe(sym)}") cannot be folded to a constant path, so what it loads cannot be checked; it is refused (fail closed)`
            : `the module ${form} loads ("${spec}") is relative to a working directory that cannot be folded, so what it loads cannot be checked; it is refused (fail closed)`,
        });
        return;
      }
      const shown = path.isAbsolute(spec) && spec.startsWith(fc.ws.root + path.sep) ? path.relative(fc.ws.root, spec).split(path.sep).join('/') : spec;
      checkResolved(at, located || base === 'file' ? spec : path.resolve(base!, spec), form, false, shown);
    }

    /**
     * The modules a child process loads: node (process.execPath, node, tsx, npx tsx …, through a shell's command line,
     * env and the like) run on a script, the modules node's options preload (--import, --require, --loader, in the
     * program's words, fork's execArgv, NODE_OPTIONS in the env option or before the program), and fork()'s module.
     * The command lines are read as boundaries/write-paths reads them (node-command.ts).
     */
    function checkChildProcess(n: Node, fn: string, args: Node[]) {
      const { program, argList, opts } = commandArgs(fn, args, env);
      if (!program) return;
      const o = commandOptions(opts, env, policy.dataRoot.env);
      const label = `child_process.${fn}()`;
      const ws = { root: fc.ws.root, inDataRoot: (rel: string) => namesDataRoot(policy, [rel]), recordFor: env.recordFor };
      const preload = (values: Sym[], how: string, cwd: string | null) => {
        for (const v of values) checkModulePath(n, v, `${label} (a module ${how} preloads)`, cwd, true);
      };
      const nodeOptions = (values: Array<Sym | null>, how: string, cwd: string | null) => preload(values.flatMap((v) => (v ? nodePreloadValues(nodeOptionWords(v)) : [])), how, cwd);
      const top = commandDir(o, fc.ws.root);
      nodeOptions([...(o.vars.set.has('NODE_OPTIONS') ? [o.vars.set.get('NODE_OPTIONS') ?? null] : []), ...o.unnamed], 'NODE_OPTIONS', top);
      const isFork = fn.replace(/Sync$/, '') === 'fork';
      if (isFork) preload(nodePreloadValues(o.argvElements.flat()), 'its execArgv', top);
      // (fork's module is checked as a script from the workspace root, the other builtins' are)
      if (isFork) return;
      /**
       * One simple command, run in the folder cwd (null: one that cannot be folded), `via` the scripts that run it:
       * a shell's command line (sh -c) or script file (sh x.sh, source x.sh, ./x.sh), a package manager's package.json
       * scripts (npm run x, npm test, with pre / post scripts and the node-options of the .npmrc), node's script and
       * preloads. A script file or package script that cannot be read is boundaries/write-paths' to refuse (it reports
       * the same call: its commands cannot be read); what can be read is walked, three levels deep.
       */
      const walk = (words: Sym[], depth: number, via: string, cwd: string | null) => {
        const simple = simpleCommand(words);
        if (!simple) return;
        nodeOptions(simple.prefixed, `NODE_OPTIONS${via}`, cwd);
        const { name, rest } = simple;
        const lines = (texts: Sym[], nextVia: string, nextCwd: string | null) => {
          if (depth < 3) for (const text of texts) for (const c of shellCommands(text, o.vars)) walk(c, depth + 1, nextVia, nextCwd);
        };
        // a shell script run by file (sh deploy.sh, source x.sh, ./deploy.sh) or a node script run by its path (./tool.mjs)
        const scriptFile = (word: Sym, asShell: boolean) => {
          const read = readScriptFile(word, cwd, ws, asShell);
          if ('refuse' in read || read.kind === 'installed') return;
          if (read.kind === 'shell') return lines([[read.text]], `${via} (through ${read.rel})`, cwd);
          if (read.kind === 'node') checkModulePath(n, [read.file], `${label}${via} (the script it runs)`, cwd);
        };
        if (name === 'sh') {
          const k = rest.findIndex((w) => INTERPRETERS.sh!.test(describe(w)));
          if (k >= 0) return rest[k + 1] && lines([rest[k + 1]!], via, cwd);
          const script = shellScriptOperand(rest);
          if (script) scriptFile(script, true);
          return;
        }
        if ((name === 'source' || name === '.') && rest.length) return scriptFile(rest[0]!, true);
        if (isConstant(simple.progWord) && /[\/\\]/.test(describe(simple.progWord)) && !NODE_LIKE.has(name)) return scriptFile(simple.progWord, false);
        if (PACKAGE_MANAGERS.has(name)) {
          const read = readPackageScripts(name, rest, cwd, ws, o.vars);
          if (read === null || 'refuse' in read) return;
          // (a package's scripts run in its folder, with the node-options its .npmrc and the workspace's hand them)
          const dir = path.dirname(read.file);
          if (read.lines.length) nodeOptions(read.nodeOptions, `the node-options npm hands the scripts of ${read.rel}`, dir);
          for (const { key, text } of read.lines) lines([text], `${via} (through the script "${key}" of ${read.rel})`, dir);
          return;
        }
        if (!NODE_LIKE.has(name)) return;
        const launch = nodeLaunch(rest);
        preload(launch.preloads, `${name}'s options${via}`, cwd);
        // node -e / --eval / -p / --print runs code given as text, no script: the text's imports are the file's (-i alone: a REPL)
        const own = rest.slice(0, nodeOptionsEnd(rest));
        const k = own.findIndex((w) => (INTERPRETERS[name] ?? INTERPRETERS.node!).test(describe(w)));
        if (k >= 0) {
          const [flag, inline] = optionParts(own[k]!);
          if (!/^--(eval|print)$/.test(flag) && !/^-[a-zA-Z]*[ep]/.test(flag)) return;
          const text = inline ?? (rest[k + 1] && (UNGLOBBED.get(rest[k + 1]!) ?? rest[k + 1]));
          const inputType = own.map((w, i) => (optionParts(w)[0] === '--input-type' ? optionParts(w)[1] ?? own[i + 1] ?? null : null)).find((v) => v !== null);
          if (text) checkInlineCode(n, [text], `${label}${via} (code ${name} is given as text)`, cwd, inputType ? describe(inputType) === 'module' : null);
          return;
        }
        if (launch.script) checkModulePath(n, launch.script, `${label}${via} (the script ${name} runs)`, cwd);
      };
      for (const c of commandLines(fn, program, argList, o, env).commands) walk(c.words, 0, '', top);
    }

    /**
     * Code node runs given as text (node -e / --eval / -p / --print, a Worker with { eval: true }): each constant
     * alternative is parsed with the checker's parser, and its static and dynamic import / require specifiers are
     * checked as this file's own imports (relative ones from node's working directory). Text that cannot be folded,
     * or parsed, or that reaches a loader the check cannot follow in text, is refused in a zone the matrix forbids
     * anything (fail closed).
     */
    function checkInlineCode(at: Node, texts: Sym[], form: string, cwd: string | null, asModule: boolean | null) {
      if (!fc.project) return;
      const forbidsAny = policy.zones.some((z) => !(policy.imports[fromZone ?? ''] ?? []).includes(z.id));
      for (const text of (texts.length ? texts : [[unknownPart('code the check cannot read')]]).slice(0, 8)) {
        const read = isConstant(text) ? inlineDependencies(text.join(''), asModule) : { why: `it cannot be folded to constant text ("${describe(text).slice(0, 60)}")` };
        if ('specs' in read) {
          for (const spec of read.specs) checkModulePath(at, [spec], `${form}: its import of`, cwd, true);
          continue;
        }
        if (!forbidsAny) continue;
        report(at, {
          rule: RULE,
          zones: `${zoneTag(fromZone)} -> unknown`,
          securityRef: ref,
          allowedWay: 'put the code in a workspace source file and run that file (its imports are checked), or give node constant text that imports by string literals',
          what: `${form} cannot be read for what it loads: ${read.why}, so its imports cannot be checked; it is refused (fail closed)`,
        });
      }
    }

    /** A package from outside the workspace: where the zone has a package list, only a listed one (type imports load nothing). */
    function checkPackage(specNode: Node, spec: string, form: string, through?: string) {
      const list = policy.allowedPackages.find((a) => a.zone === fromZone);
      if (!list || TYPE_ONLY_FORMS.has(form)) return;
      const name = packageName(spec);
      if (list.packages.includes(name)) return;
      report(specNode, {
        rule: RULE,
        zones: `${zoneTag(fromZone)} -> package ${name}`,
        securityRef: ref,
        allowedWay: list.allowedWay,
        what: `${form} ${through ? `reaches the package "${name}" through ${through}` : `"${spec}" loads the package "${name}"`}, which is not on the list of packages ${zoneTag(fromZone)} may load (${list.packages.join(', ') || 'none'}): ${list.reason}`,
      });
    }

    const visitors: TSESLint.RuleListener = {
      Program(node) {
        // triple-slash references are dependencies too
        for (const comment of context.sourceCode.getAllComments() as TSESTree.Comment[]) {
          // TypeScript reads the path / types argument wherever it stands among the others (resolution-mode first)
          const tag = comment.type === 'Line' ? /^\/\s*<reference\b(.*)/is.exec(comment.value) : null;
          if (!tag) continue;
          for (const m of tag[1]!.matchAll(/(?:^|\s)(?:path|types)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) checkResolved(comment as unknown as Node, (m[1] ?? m[2])!, '/// <reference>');
        }
        if (JSDOC_TYPED.test(context.filename))
          for (const comment of context.sourceCode.getAllComments() as TSESTree.Comment[]) {
            if (comment.type !== 'Block' || !comment.value.startsWith('*')) continue;
            // {import('x').T} types, and TypeScript 5.5's @import { T } from 'x' tags
            for (const m of comment.value.matchAll(/\bimport\s*\(\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`)\s*\)|@import\b[^@]*?\bfrom\s*(?:"([^"]*)"|'([^']*)')/g))
              checkResolved(comment as unknown as Node, (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5])!, 'JSDoc type');
          }
        if (!fc.inProjectArea || (fc.project && fc.zone)) return;
        report(node, {
          rule: RULE,
          zones: 'no zone',
          securityRef: 'SECURITY.md',
          allowedWay: fc.project
            ? `tag ${fc.project.name} with one of ${policy.zones.map((z) => z.tag).join(', ')} in its project.json`
            : 'place the file inside a project (a folder with project.json and a zone: tag)',
          what: fc.project
            ? `${fc.relFile} belongs to ${fc.project.name}, which has no zone tag the policy knows, so its imports cannot be checked (fail closed)`
            : `${fc.relFile} belongs to no project, so its zone and imports cannot be checked (fail closed)`,
        });
      },
      ImportDeclaration: (n) => check(n.source, n.importKind === 'type' ? 'import type' : 'import'),
      ExportNamedDeclaration: (n) => n.source && check(n.source, 'export … from'),
      ExportAllDeclaration: (n) => check(n.source, 'export * from'),
      ImportExpression: (n) => check(n.source, 'import()'),
      // `declare module 'x' { … }` in a module augments x: it depends on x's declarations as an import type does
      TSModuleDeclaration(n) {
        if (n.id.type === 'Literal' && typeof n.id.value === 'string' && !n.id.value.includes('*')) checkResolved(n.id as Node, n.id.value, 'declare module');
      },
      TSImportEqualsDeclaration(n) {
        if (n.moduleReference.type === 'TSExternalModuleReference') check(n.moduleReference.expression, 'import = require()');
      },
      TSImportType(n) {
        const legacy = n as unknown as { argument?: TSESTree.TypeNode; source?: Node };
        const src = legacy.source ?? (legacy.argument?.type === 'TSLiteralType' ? (legacy.argument.literal as Node) : legacy.argument);
        check(src as Node, "import('…') type");
      },
      NewExpression(n) {
        const shape = callShape(n, env);
        const o = originOf(shape.callee, env);
        // a thread running a script file (new Worker(text, { eval: true }) runs text: boundaries/forbidden-calls)
        if (o.kind === 'module' && o.module === 'worker_threads' && o.path.at(-1) === 'Worker' && shape.args[0]) {
          if (!optionValues(shape.args[1], env, ['eval']).values.length) checkScript(shape.args[0], 'new Worker()', false);
          // (a Worker given code as text: its imports are the file's, relative ones from the working directory)
          else checkInlineCode(shape.args[0], fold(shape.args[0], env), 'new Worker() (code it is given as text, { eval: true })', fc.ws.root, null);
          // (the modules its execArgv preloads into the thread: --import x, --require x)
          const argv = optionValues(shape.args[1], env, ['execArgv']).values.flatMap((v) => execArgvElements(v.node, v.env));
          for (const v of nodePreloadValues(argv.flat())) checkModulePath(n, v, 'new Worker() (a module its execArgv preloads)', fc.ws.root, true);
        }
      },
      CallExpression(n) {
        const shape = callShape(n, env);
        const callee = unwrap(shape.callee);
        const o = originOf(callee, env);
        // a child process running a module (fork), loader hooks loaded from a module (register(specifier, parentURL))
        if (o.kind === 'module' && o.module === 'child_process' && o.path.at(-1) === 'fork' && shape.args[0]) checkScript(shape.args[0], 'child_process.fork()', false);
        if (o.kind === 'module' && o.module === 'child_process' && o.path.length) checkChildProcess(n, o.path.join('.'), shape.args);
        // cluster's workers: node processes forked on the settings' exec module, with their execArgv's preloads
        if (o.kind === 'module' && o.module === 'cluster' && CLUSTER_SETUP.has(o.path.at(-1) ?? '') && shape.args[0]) {
          const form = `cluster.${o.path.at(-1)}()`;
          const read = optionValues(shape.args[0], env, ['exec', 'execArgv']);
          for (const v of read.values.filter((r) => r.key === 'exec')) checkScript(v.node, `${form} (the module its workers run)`, false);
          const argv = read.values.filter((r) => r.key === 'execArgv').flatMap((v) => execArgvElements(v.node, v.env));
          for (const v of nodePreloadValues(argv.flat())) checkModulePath(n, v, `${form} (a module its workers' execArgv preloads)`, fc.ws.root, true);
        }
        if (callee.type === 'MemberExpression' && unwrap(callee.object).type === 'MetaProperty' && memberKey(callee, env) === 'resolve') return check(shape.args[0], 'import.meta.resolve()');
        nativeHook(callee, o);
        // (where the zone may not install loader hooks at all, nativeHook has said so)
        if (o.kind === 'module' && o.module === 'module' && o.path.at(-1) === 'register' && shape.args[0] && !hooked.has(callee)) {
          const parent = shape.args[1] ? unwrap(shape.args[1]) : null;
          const fromThisFile = !!parent && parent.type === 'MemberExpression' && unwrap(parent.object).type === 'MetaProperty' && memberKey(parent, env) === 'url';
          checkScript(shape.args[0], 'module.register()', fromThisFile);
        }
        if (isRequireLike(o)) return check(shape.args[0] ?? n, 'require()');
        if (isBuiltinLoader(o)) return check(shape.args[0] ?? n, 'process.getBuiltinModule()', true);
        if (o.kind === 'global' && o.path.join('.') === 'require.resolve') return check(shape.args[0], 'require.resolve()');
      },
      MemberExpression(n) {
        const o = originOf(n, env);
        nativeHook(n, o);
        // a forbidden builtin reached through another module (a shared lib re-exporting node:fs)
        if (o.kind === 'module' && originOf(n.object, env).kind !== 'module') launderedBuiltin(n, o.module, 'this property read');
      },
      ImportSpecifier: (n) => (importedBinding(n), launderedPackage(n)),
      ImportDefaultSpecifier: (n) => (importedBinding(n), launderedPackage(n)),
      ImportNamespaceSpecifier: (n) => (importedBinding(n), launderedPackage(n)),
    };
    return visitors;

    function importedBinding(n: TSESTree.ImportSpecifier | TSESTree.ImportDefaultSpecifier | TSESTree.ImportNamespaceSpecifier) {
      const decl = n.parent as TSESTree.ImportDeclaration;
      if (!policy.forbiddenModules.some((f) => f.zone === fromZone) || decl.importKind === 'type' || (n.type === 'ImportSpecifier' && n.importKind === 'type')) return;
      // the builtin named directly is reported at the specifier; here, one reached through a workspace module
      if (resolveSpecifier(fc.ws, fc.file, decl.source.value).kind === 'builtin' || Object.hasOwn(FS_PACKAGES, decl.source.value)) return;
      const o = originOf(n.local, env);
      if (o.kind === 'module') launderedBuiltin(n, o.module, `import from "${decl.source.value}"`);
    }

    /** A package reached through a workspace module (a shared lib re-exporting it): checked as importing it would be. */
    function launderedPackage(n: TSESTree.ImportSpecifier | TSESTree.ImportDefaultSpecifier | TSESTree.ImportNamespaceSpecifier) {
      const decl = n.parent as TSESTree.ImportDeclaration;
      if (decl.importKind === 'type' || (n.type === 'ImportSpecifier' && n.importKind === 'type')) return;
      if (resolveSpecifier(fc.ws, fc.file, decl.source.value).kind !== 'project') return;
      const o = originOf(n.local, env);
      if (o.kind === 'external') checkPackage(n, o.module, 'import', `"${decl.source.value}"`);
    }

    /** An operand of an identity comparison (require.main === module): read only to compare, nothing is taken from it. */
    function compared(n: Node): boolean {
      let outer: Node = n;
      while (outer.parent && TYPE_WRAPPERS.has(outer.parent.type)) outer = outer.parent;
      const p = outer.parent;
      return p?.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(p.operator);
    }

    function launderedBuiltin(n: Node, module: string, form: string) {
      const hit = forbiddenModule(policy, fromZone, module);
      if (!hit) return;
      report(n, {
        rule: RULE,
        zones: `${zoneTag(fromZone)} -> node:${module}`,
        securityRef: ref,
        allowedWay: hit.entry.allowedWay,
        what: `${form} reaches the module "${module}" through another module, which ${zoneTag(fromZone)} may not load: ${hit.entry.reason}`,
      });
    }

    function nativeHook(n: Node, o: ReturnType<typeof originOf>) {
        // the CommonJS module registry, in every zone: each module in it carries a require, and its exports, that the
        // check cannot follow through the registry's collections (Object.values(require.cache)[0].require(x)); comparing
        // one (require.main === module) reads nothing from it
        if (o.kind === 'global' && MODULE_REGISTRY.has(o.path.join('.')) && !policy.forbiddenModules.some((f) => f.zone === fromZone) && !compared(n))
          return report(n, {
            rule: RULE,
            zones: `${zoneTag(fromZone)} -> ${o.path.join('.')}`,
            securityRef: ref,
            allowedWay: 'load the module you need with a constant specifier (import, or require of a string), which the check follows',
            what: `${o.path.join('.')} reaches the CommonJS module registry, whose modules each carry a require and exports that the check cannot follow through it, so what is loaded or used through it cannot be checked (fail closed)`,
          });
        if (!policy.forbiddenModules.some((f) => f.zone === fromZone)) return;
        // module.register / registerHooks: loader hooks from a URL (data: text is code), or functions that rewrite every later load
        if (o.kind === 'module' && o.module === 'module' && o.path.length === 1 && MODULE_HOOKS.has(o.path[0]!) && !hooked.has(n)) {
          hooked.add(n);
          const entry = policy.forbiddenModules.find((f) => f.zone === fromZone)!;
          return report(n, {
            rule: RULE,
            zones: `${zoneTag(fromZone)} -> node:module.${o.path[0]}`,
            securityRef: ref,
            allowedWay: entry.allowedWay,
            what: `module.${o.path[0]} installs module loader hooks, code that runs on every later import (from a URL, a data: text or functions), which ${zoneTag(fromZone)} may not do: ${entry.reason}`,
          });
        }
        // the rest of node:module is the loader itself: _extensions, _compile, wrap, runMain, the Module class (fail closed)
        if (o.kind === 'module' && o.module === 'module' && !hooked.has(n) && !isRequireLike(o)) {
          const member = o.path.filter((k) => k !== 'default' && k !== 'Module');
          let outer: Node = n;
          while (outer.parent && TYPE_WRAPPERS.has(outer.parent.type)) outer = outer.parent;
          const constructed = outer.parent?.type === 'NewExpression' && outer.parent.callee === outer;
          // reported once, at the outermost read; a path through require or _load is a require() form, checked as one
          const inner = outer.parent?.type === 'MemberExpression' && outer.parent.object === outer;
          if (!inner && !member.includes('require') && !member.includes('_load') && ((member.length > 0 && !MODULE_DATA.has(member[0]!) && !MODULE_HOOKS.has(member[0]!)) || (member.length === 0 && constructed))) {
            hooked.add(n);
            const entry = policy.forbiddenModules.find((f) => f.zone === fromZone)!;
            const what = member.length ? `module.${member.join('.')}` : 'new Module()';
            return report(n, {
              rule: RULE,
              zones: `${zoneTag(fromZone)} -> node:module`,
              securityRef: ref,
              allowedWay: entry.allowedWay,
              what: `${what} reaches the module loader itself, which loads and compiles any module or code text, which ${zoneTag(fromZone)} may not do: ${entry.reason}`,
            });
          }
        }
        if (o.kind !== 'global') return;
        const hook = o.path.join('.');
        const entry = policy.forbiddenModules.find((f) => f.zone === fromZone)!;
        if (MODULE_REGISTRY.has(hook) && !compared(n))
          return report(n, {
            rule: RULE,
            zones: `${zoneTag(fromZone)} -> ${hook}`,
            securityRef: ref,
            allowedWay: entry.allowedWay,
            what: `${hook} reaches the CommonJS module registry, whose modules each carry a require that loads any module, which ${zoneTag(fromZone)} may not do: ${entry.reason}`,
          });
        if (PROGRAM_RUNNERS.has(hook))
          return report(n, {
            rule: RULE,
            zones: `${zoneTag(fromZone)} -> ${hook}`,
            securityRef: ref,
            allowedWay: entry.allowedWay,
            what: `${hook} runs another program in place of this process, as child_process does, which ${zoneTag(fromZone)} may not do: ${entry.reason}`,
          });
        if (!NATIVE_HOOKS.has(hook)) return;
        report(n, {
          rule: RULE,
          zones: `${zoneTag(fromZone)} -> ${o.path.join('.')}`,
          securityRef: ref,
          allowedWay: entry.allowedWay,
          what: `${o.path.join('.')} loads native or internal modules, which ${zoneTag(fromZone)} may not do: ${entry.reason}`,
        });
    }
  },
};
