import { isBuiltin } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { importedValue } from '../workspace/constants.js';
import { namesPackage, resolveSpecifier } from '../workspace/resolve.js';
import { forEachChild, rootOf, unwrap, valueNode, valueParent, type Node } from './ast.js';
import { MAX_EVAL_DEPTH, type Env } from './env.js';
import { memoize, memoizeByKey } from './memo.js';
import { callSiteArgumentNodes, callSitesOfFunction, foldSingle, memberAssignmentSites, methodCallSites } from './fold.js';
import { bindingsOf, findVariable, isAmbient, type Binding } from './variables.js';

/**
 * Where a value comes from, as far as the boundary rules care: a builtin module (or a
 * member path inside it), the global object, a require function, an authority
 * function, an open file handle / descriptor, or a package import.
 */
export type Origin =
  | { kind: 'module'; module: string; path: string[] }
  | { kind: 'global'; path: string[] }
  | { kind: 'require' }
  | { kind: 'authority'; name: string }
  | { kind: 'handle'; target: Node; flags: Node | null; env: Env }
  /** a package outside the workspace; path: the member reached in it (member: read off an imported value, not imported by name) */
  | { kind: 'external'; module: string; path: string[]; member?: boolean }
  /**
   * some member of an object the analysis cannot see into, taken without a name: by a computed
   * key that cannot be folded, by enumeration (Object.values, Object.entries, for-in), through a
   * Proxy or a Map built from such values. Calling it may call anything the object holds.
   */
  | { kind: 'enumerated'; how: string; /** member names are rewritten too (a Proxy, Object.fromEntries) */ renames: boolean; /** its named members are groups of the values (Object.groupBy) */ groups?: boolean }
  | { kind: 'unknown' };

export const UNKNOWN: Origin = { kind: 'unknown' };
/** the origin path of a CommonJS module's top-level `arguments` (its wrapper's exports, require, module, …) */
const CJS_WRAPPER_ARGS = '<commonjs wrapper arguments>';
const enumerated = (how: string, renames = false): Origin => ({ kind: 'enumerated', how, renames });
const RENAMERS = new Set(['Object.fromEntries', 'Proxy.revocable']);
/** packages that are a builtin under another name (graceful-fs is fs) */
export const FS_PACKAGES: Record<string, string> = { 'graceful-fs': 'fs' };
/** CommonJS module-system objects: what hangs off them can load any module */
const MODULE_SYSTEM_ROOTS = new Set(['require', 'module']);
const ENUMERATORS = new Set(['Proxy.revocable', 'Object.values', 'Object.entries', 'Object.fromEntries', 'Object.getOwnPropertyDescriptors', 'Array.from', 'Reflect.ownKeys']);
/** a named member that holds the contents it is read off: a descriptor's or an iterator result's value (not get: Map.prototype.get is a method) */
const CONTENT_KEYS = new Set(['value']);
/** globals that read their argument without changing it or handing it on */
const READ_ONLY_CALLS = new Set(['Object.values', 'Object.entries', 'Object.keys', 'Object.getOwnPropertyNames', 'Object.freeze', 'Object.isFrozen', 'Array.isArray', 'Array.from', 'JSON.stringify', 'String', 'Boolean', 'structuredClone']);
const CONTAINERS = new Set(['Map', 'WeakMap', 'Set', 'WeakSet', 'WeakRef']);
/** array methods whose second argument is the this of the callback they are handed first */
const THIS_ARG_METHODS = new Set(['map', 'flatMap', 'find', 'findLast', 'filter', 'forEach', 'some', 'every', 'findIndex', 'findLastIndex']);
const CALLBACK_METHODS = new Set(['map', 'flatMap', 'find', 'findLast', 'filter', 'reduce', 'reduceRight', 'forEach', 'some', 'every', 'findIndex', 'sort', 'toSorted']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'global', 'self']);
/** members of a global object that are a global object (of this or another window) */
const WINDOW_ALIASES = new Set(['parent', 'top', 'opener', 'content']);
/** members that give a window whatever they are read from (iframe.contentWindow, document.defaultView) */
const WINDOW_MEMBERS = new Set(['contentWindow', 'defaultView']);
const BOUND_FORMS = new Set(['call', 'apply', 'bind']);
/** an event emitter's methods that register a listener: em.on('x', f) */
export const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** The `.emit(…)` calls of the file (at most 16) that may send `event`: an event name that cannot be folded, on either side, matches all. */
export function emitCallsFor(event: Node, at: Node, env: Env, depth = 0): TSESTree.CallExpression[] {
  const name = foldSingle(event, env, depth + 1);
  return methodCallSites(rootOf(at), 'emit', env)
    .slice(0, 16)
    .filter((call) => {
      const sent = call.arguments[0] ? foldSingle(call.arguments[0] as Node, env, depth + 1) : null;
      return name === null || sent === null || sent === name;
    });
}
const OPENERS = new Set(['open', 'openSync']);

export function authorityNames(env: Env): Set<string> {
  return new Set(env.policy.authorityFunctions.map((f) => f.name));
}

/** `node:fs/promises` → { module: 'fs', path: ['promises'] } */
export function builtinOrigin(specifier: string): Origin | null {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (!specifier.startsWith('node:') && !isBuiltin(bare)) return null;
  const [module, ...rest] = bare.split('/');
  // node:process is the global process object
  if (module === 'process') return { kind: 'global', path: ['process', ...rest] };
  return { kind: 'module', module: module!, path: rest };
}

/** Reading property `key` of a value with origin `o`. */
export function memberOf(o: Origin, key: string | null, env: Env): Origin {
  // the CommonJS module wrapper's arguments (exports, require, module, __filename, __dirname); one read by a key
  // that cannot be folded may be require (fail closed)
  if (o.kind === 'global' && o.path.length === 1 && o.path[0] === CJS_WRAPPER_ARGS) {
    if (key === null || key === '1') return { kind: 'require' };
    if (key === '0') return { kind: 'global', path: ['exports'] };
    if (key === '2') return { kind: 'global', path: ['module'] };
    return /^\d+$/.test(key) ? UNKNOWN : { kind: 'global', path: ['arguments', key] };
  }
  // an unfoldable key on a builtin module is "some member of it" ('*'): fs[name](…) may be any fs function
  if (key === null) return o.kind === 'module' && !o.path.includes('*') ? { kind: 'module', module: o.module, path: [...o.path, '*'] } : o.kind === 'enumerated' ? o : enumerated('a computed key that cannot be folded');
  if (o.kind === 'authority') return o;
  // an element of enumerated values is one too; a named method of one is checked by its name (unless names are rewritten)
  // (its .call / .apply / .bind are still the same function)
  if (o.kind === 'enumerated' && o.groups) return { ...o, groups: false };
  if (o.kind === 'enumerated') return o.renames || /^\d+$/.test(key) || BOUND_FORMS.has(key) || CONTENT_KEYS.has(key) ? o : authorityNames(env).has(key) ? { kind: 'authority', name: key } : UNKNOWN;
  // require.resolve, require.main, require.cache: members of the require function
  if (o.kind === 'require') return { kind: 'global', path: ['require', key] };
  if (authorityNames(env).has(key) && !(o.kind === 'module')) return { kind: 'authority', name: key };
  if (o.kind === 'module') {
    // a namespace import's `default`, and module.Module, are the module itself
    if (key === 'default' && o.path.length === 0) return o;
    if (o.module === 'module' && key === 'Module' && o.path.length === 0) return o;
    return { kind: 'module', module: o.module, path: [...o.path, key] };
  }
  if (WINDOW_MEMBERS.has(key)) return { kind: 'global', path: [] };
  if (o.kind === 'global') {
    // (and window[0] is its first frame's window; an index of values standing for the global object is it too)
    if (o.path.length === 0 && (GLOBAL_OBJECTS.has(key) || WINDOW_ALIASES.has(key) || /^\d+$/.test(key))) return o;
    // frames[0], parent.frames[1]: another window (and window.frames is the window itself)
    if (o.path.length === 1 && o.path[0] === 'frames') return /^\d+$/.test(key) ? { kind: 'global', path: [] } : memberOf({ kind: 'global', path: [] }, key, env);
    // module.constructor, require.main.constructor, process.mainModule.constructor: the Module class
    if (key === 'constructor' && isModuleSystem(o.path)) return { kind: 'module', module: 'module', path: [] };
    return { kind: 'global', path: [...o.path, key] };
  }
  if (o.kind === 'handle' && key === 'fd') return o;
  if (o.kind === 'external') return { kind: 'external', module: o.module, path: [...o.path, key], member: true };
  return UNKNOWN;
}

export function memberKey(node: TSESTree.MemberExpression, env: Env, depth = 0): string | null {
  // a private name keeps its # (this.#x is not this.x)
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : `#${(node.property as TSESTree.PrivateIdentifier).name}`;
  return foldSingle(node.property, env, depth + 1);
}

function importedOrigin(binding: Binding, env: Env, depth: number): Origin {
  const def = binding.def!;
  const declNode = def.node as Node;
  if (declNode.type === 'TSImportEqualsDeclaration') {
    const ref = declNode.moduleReference;
    if (ref.type === 'TSExternalModuleReference' && ref.expression.type === 'Literal') return moduleOrigin(String(ref.expression.value), null, env, depth);
    return UNKNOWN;
  }
  const decl = def.parent as TSESTree.ImportDeclaration | null;
  if (!decl || decl.type !== 'ImportDeclaration') return UNKNOWN;
  let imported: string | null = null;
  if (declNode.type === 'ImportSpecifier') imported = declNode.imported.type === 'Identifier' ? declNode.imported.name : String(declNode.imported.value);
  else if (declNode.type === 'ImportDefaultSpecifier') imported = 'default';
  return moduleOrigin(decl.source.value, imported, env, depth);
}

/** The origin of `import { name } from specifier` (name null: the namespace). */
function moduleOrigin(specifier: string, name: string | null, env: Env, depth: number): Origin {
  if (name && authorityNames(env).has(name)) return { kind: 'authority', name };
  const builtin = builtinOrigin(specifier);
  if (builtin) return name === null || name === 'default' ? builtin : memberOf(builtin, name, env);
  if (specifier.startsWith('#')) {
    // a subpath import (#fs) mapped to a builtin
    const mapped = resolveSpecifier(env.ws, env.file, specifier, env.recordFor);
    if (mapped.kind === 'builtin' && mapped.module) return moduleOrigin(`node:${mapped.module}`, name, env, depth);
  }
  // packages that are the fs module under another name
  if (Object.hasOwn(FS_PACKAGES, specifier)) return moduleOrigin(`node:${FS_PACKAGES[specifier]}`, name, env, depth);
  if (depth > MAX_EVAL_DEPTH) return UNKNOWN;
  const res = resolveSpecifier(env.ws, env.file, specifier, env.recordFor);
  if (res.kind === 'external') return { kind: 'external', module: specifier, path: name && name !== 'default' ? [name] : [] };
  if (name === null) return UNKNOWN;
  const foreign = importedValue(env, specifier, name);
  if (!foreign) return UNKNOWN;
  return applyPath(originOf(foreign.node, foreign.env, depth + 1), foreign.path, env);
}

function applyPath(o: Origin, path: Array<string | null>, env: Env): Origin {
  let out = o;
  for (const key of path) out = memberOf(out, key, env);
  return out;
}

function variableOrigin(id: TSESTree.Identifier, env: Env, depth: number, seen: Set<unknown>): Origin {
  const variable = findVariable(env.getScope(id), id);
  // a function's arguments object: an array of what its call sites pass
  if (id.name === 'arguments' && variable && variable.defs.length === 0 && variable.scope.type === 'function') {
    const fn = variable.scope.block as Node;
    if (fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') {
      const o = argumentsOrigin(fn, 0, true, [null], env, depth);
      // (the object holds them; arguments[i] reads one: see the member case)
      return o.kind === 'authority' ? enumerated(`the arguments object holding ${o.name}`) : o.kind === 'enumerated' ? o : UNKNOWN;
    }
  }
  // top-level arguments of a CommonJS module: what the module wrapper passes
  // (a .js file is CommonJS in a package without "type": "module", though parsed as a module here: there too)
  if (id.name === 'arguments' && (!variable || (variable.defs.length === 0 && (variable.scope.block as Node).type === 'Program'))) return { kind: 'global', path: [CJS_WRAPPER_ARGS] };
  if (!variable || variable.defs.length === 0 || isAmbient(variable)) {
    if (id.name === 'require') return { kind: 'require' };
    return { kind: 'global', path: GLOBAL_OBJECTS.has(id.name) ? [] : [id.name] };
  }
  if (seen.has(variable)) return UNKNOWN;
  seen.add(variable);
  for (const b of bindingsOf(variable)) {
    const keys = b.path.map((k, i) => (k !== null ? k : b.keyNodes[i] ? foldSingle(b.keyNodes[i]!, env, depth + 1) : null));
    const candidates: Origin[] = [];
    if (b.kind === 'import') candidates.push(importedOrigin(b, env, depth));
    else if (b.kind === 'expr' && b.expr) {
      // const { g } = await import('./a.js') (or = ns): what that workspace module exports as g
      const ns = keys.length > 0 && keys[0] !== null ? namespaceSource(b.expr, env) : null;
      if (ns !== null && !builtinOrigin(ns)) candidates.push(applyPath(moduleOrigin(ns, keys[0]!, env, depth), keys.slice(1), env));
      // const { a } = { a: deps[k] }, const [w] = [fs.writeFileSync]: the member's value in the literal; and what
      // else the member may hold: a getter's result (const { x } = { get x() { … } }, = new C(), = C), a value
      // assigned to it later, an instance's field
      // const { promise } = Promise.withResolvers(), const { reason } = c.signal: what a runtime object keeps
      if (keys.length > 0 && keys[0] !== null) candidates.push(applyPath(keptOrigin(b.expr, keys[0]!, env, depth + 1), keys.slice(1), env));
      const held = keys.length > 0 && keys[0] !== null ? memberValues(b.expr, keys[0]!, env, depth + 1) : [];
      // (const { a: { b } } = o: b of the literal o.a holds)
      for (const v of held) candidates.push(keys.length > 1 && !isGetter(v.node) ? pathOrigin(v.node, keys.slice(1), v.env, depth + 1) : applyPath(valueOrigin(v.node, v.env, depth + 1), keys.slice(1), env));
      // const [g] = make(), const [g] = [...list]: an element of the container
      if (!held.length && keys.length > 0 && keys[0] !== null && /^\d+$/.test(keys[0]!)) candidates.push(applyPath(elementOrigin(b.expr, env, depth + 1), keys.slice(1), env));
      candidates.push(applyPath(originOf(b.expr, env, depth + 1, seen), keys, env));
    }
    else if (b.kind === 'iter' && b.expr) candidates.push(applyPath(iterationOrigin(b.expr, env, depth), keys, env));
    else if (b.kind === 'class' && b.def && keys.length === 0) candidates.push(originOf(b.def.node as Node, env, depth + 1, seen));
    else if (b.kind === 'param') {
      candidates.push(applyPath(callbackParamOrigin(b, env, depth), keys, env));
      // a wrapper's parameter (function run(g) { g() }, run(...fns), run({ g })): what its call sites in the file pass, or the elements of what it is the callback of
      const fn = b.def?.node as Node | undefined;
      if (fn && (fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression')) {
        let param: Node = b.def!.name as Node;
        while (param.parent && param.parent !== fn) param = param.parent;
        // (a TypeScript `this` parameter takes no argument: function (this: T, g) is called with g first)
        const thisParam = fn.params[0]?.type === 'Identifier' && fn.params[0].name === 'this' ? 1 : 0;
        const index = fn.params.indexOf(param as TSESTree.Parameter) - thisParam;
        if (index >= 0) {
          const rest = param.type === 'RestElement';
          // a rest parameter is an array of the arguments from its position on
          candidates.push(argumentsOrigin(fn, index, rest, rest ? [null, ...keys] : keys, env, depth));
        }
        candidates.push(applyPath(namedCallbackOrigin(b, env, depth), keys, env));
        // new FinalizationRegistry((held) => …): what its register calls hand it
        candidates.push(applyPath(keeperCallbackOrigin(fn, env, depth), keys, env));
        // ({ detail }) => detail(): what the dispatched events carry
        if (keys[0] && b.path.length > 0 && fn.params[0] === param)
          for (const v of eventPayloads(fn, keys[0], env, depth)) candidates.push(applyPath(valueOrigin(v.node, v.env, depth + 1), keys.slice(1), env));
      }
    }
    // g ||= v, g ??= v, g &&= v: the variable may hold v
    else if (b.kind === 'compound' && b.expr && b.expr.parent?.type === 'AssignmentExpression' && LOGICAL_ASSIGN.has(b.expr.parent.operator)) candidates.push(applyPath(originOf(b.expr, env, depth + 1, seen), keys, env));
    // catch (e): what the try block throws
    else if (b.def?.type === 'CatchClause') candidates.push(applyPath(thrownOrigin(b.def.node as TSESTree.CatchClause, env, depth), keys, env));
    for (const d of b.defaults) candidates.push(originOf(d, env, depth + 1, seen));
    const hit = candidates.find((c) => c.kind !== 'unknown');
    if (hit) return hit;
  }
  return UNKNOWN;
}

const LOGICAL_ASSIGN = new Set(['||=', '&&=', '??=']);

/** The function whose implicit `arguments` object `id` is (not a variable of that name), or null. */
function argumentsObjectOf(id: TSESTree.Identifier, env: Env): TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | null {
  if (id.name !== 'arguments') return null;
  const variable = findVariable(env.getScope(id), id);
  if (!variable || variable.defs.length !== 0 || variable.scope.type !== 'function') return null;
  const fn = variable.scope.block as Node;
  return fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression' ? fn : null;
}
const PROMISE_COMBINATORS = new Set(['Promise.all', 'Promise.allSettled', 'Promise.race', 'Promise.any']);

/**
 * What a resolver (new Promise's resolve or reject) is called with: the arguments of its invocations (r(v), r.call(t, v),
 * Reflect.apply(r, t, [v])); one handed to a call (setTimeout(r, 0, v), [v].forEach(r), em.once('x', r)) may be called
 * with what that call is handed: its other arguments and the elements of its receiver.
 */
function resolverOrigin(res: TSESTree.Identifier, env: Env, depth: number): Origin {
  const variable = findVariable(env.getScope(res), res);
  for (const ref of variable?.references ?? []) {
    if (!ref.isRead()) continue;
    const at = ref.identifier as Node;
    const calls = invokedWith(at, env, depth);
    for (const args of calls ?? []) {
      const o = args[0] ? originOf(args[0], env, depth + 1) : UNKNOWN;
      if (o.kind !== 'unknown') return o;
    }
    if (calls) continue;
    const host = valueParent(at);
    if (host?.type !== 'CallExpression' || !host.arguments.some((a) => unwrap(a as Node) === at)) continue;
    const c = unwrap(host.callee);
    for (const a of host.arguments) {
      if (unwrap(a as Node) === at) continue;
      const o = a.type === 'SpreadElement' ? iterationOrigin(a.argument, env, depth) : originOf(a, env, depth + 1);
      if (o.kind === 'enumerated' || o.kind === 'authority') return o;
    }
    const el = c.type === 'MemberExpression' ? iterationOrigin(c.object, env, depth) : UNKNOWN;
    if (el.kind === 'enumerated' || el.kind === 'authority') return el;
  }
  return UNKNOWN;
}

/** What a try block throws, as far as origins go (see thrownIn). */
function thrownOrigin(clause: TSESTree.CatchClause, env: Env, depth: number): Origin {
  const tryStmt = clause.parent;
  if (tryStmt?.type !== 'TryStatement') return UNKNOWN;
  return thrownIn(tryStmt.block, env, depth, new Set());
}

/**
 * What running `body` may throw: its throw statements (outside nested functions), what the workspace functions it calls
 * throw (their bodies, at most 8 in all), what it awaits (a promise's origin is its value's, a rejected one's reason
 * too) and, when it calls or awaits anything, the reasons of the file's abort signals: the runtime rejects with a
 * signal's reason (throwIfAborted, fetch, timers/promises, events.once, streams).
 */
function thrownIn(body: Node, env: Env, depth: number, explored: Set<Node>): Origin {
  if (depth > MAX_EVAL_DEPTH) return UNKNOWN;
  let found: Origin = UNKNOWN;
  let calls = false;
  const visit = (n: Node) => {
    if (found.kind !== 'unknown' || n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression' || n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return;
    if (n.type === 'ThrowStatement') found = originOf(n.argument, env, depth + 1);
    if (n.type === 'AwaitExpression') {
      calls = true;
      found = originOf(n.argument, env, depth + 1);
    }
    if (n.type === 'CallExpression' || n.type === 'NewExpression' || n.type === 'TaggedTemplateExpression') {
      calls = true;
      const called = n.type === 'CallExpression' ? calledFunctionRef.fn?.(n.callee, env) : null;
      if (called && !explored.has(called.fn) && explored.size < 8) {
        explored.add(called.fn);
        const o = thrownIn(called.fn.body, called.env, depth + 1, explored);
        if (o.kind !== 'unknown') found = o;
      }
    }
    if (found.kind === 'unknown') forEachChild(n, visit);
  };
  visit(body);
  return found.kind === 'unknown' && calls ? signalReasons(rootOf(body), env, depth) : found;
}

/** The reasons the file's abort signals may hold (every AbortController, AbortSignal.abort(v)), as keptOrigin reads one. */
function signalReasons(program: Node, env: Env, depth: number): Origin {
  return signalReasonsMemo(program, env, depth);
}
const signalReasonsMemo = memoize<Origin>(UNKNOWN, (program, env, depth) => {
  const makers: Array<TSESTree.NewExpression | TSESTree.CallExpression> = [];
  const visit = (n: Node) => {
    if (makers.length >= 16) return;
    if (n.type === 'NewExpression' || n.type === 'CallExpression') {
      const c = unwrap(n.callee);
      const named = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier' ? c.property.name : '';
      if (named === 'AbortController' || named === 'abort') makers.push(n);
    }
    forEachChild(n, visit);
  };
  visit(program);
  for (const m of makers) {
    const co = originOf(m.callee, env, depth + 1);
    const name = co.kind === 'global' ? co.path.join('.') : '';
    if (name !== 'AbortController' && name !== 'AbortSignal.abort') continue;
    const puts = keptPuts(m, env, depth + 1);
    if (!puts.complete) return enumerated(`a value kept by ${name}, whose uses cannot all be followed`);
    for (const v of puts.values) {
      const o = originOf(v.node, v.env, depth + 1);
      if (o.kind !== 'unknown') return o;
    }
  }
  return UNKNOWN;
});

/** An element of what `for (… of expr)` iterates: enumerated when expr is, or when it is a literal holding a risky value. */
function iterationOrigin(expr: Node, env: Env, depth: number): Origin {
  const o = originOf(expr, env, depth + 1);
  if (o.kind === 'enumerated') return o;
  // a stream: what it holds (for await (const f of st), st.values())
  const kept = keptOrigin(expr, ITERATED, env, depth + 1);
  if (kept.kind !== 'unknown') return kept;
  // an object with its own iterator ({ *[Symbol.iterator]() { yield … } }): what the iterator yields
  const it = derefNode(expr, env, depth + 1);
  if (it && it.node.type === 'ObjectExpression')
    for (const p of it.node.properties) {
      if (p.type !== 'Property' || !p.computed) continue;
      const ko = originOf(p.key as Node, it.env, depth + 1);
      const fn = unwrap(p.value as Node);
      if (ko.kind !== 'global' || !['Symbol.iterator', 'Symbol.asyncIterator'].includes(ko.path.join('.')) || (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression')) continue;
      // (an iterator written by hand: the value of what its next() returns)
      if (!fn.generator)
        for (const r of returnedExpressions(fn))
          for (const next of memberValues(r, 'next', it.env, depth + 1).slice(0, 4)) {
            const nf = derefNode(next.node, next.env, depth + 1);
            if (nf?.node.type !== 'FunctionExpression' && nf?.node.type !== 'ArrowFunctionExpression') continue;
            for (const res of returnedExpressions(nf.node))
              for (const v of memberValues(res, 'value', nf.env, depth + 1)) {
                const vo = valueOrigin(v.node, v.env, depth + 1);
                if (vo.kind === 'enumerated' || vo.kind === 'authority') return vo;
              }
          }
      for (const y of returnedExpressions(fn, true)) {
        const yo = y.parent?.type === 'YieldExpression' && y.parent.delegate ? iterationOrigin(y, it.env, depth + 1) : originOf(y, it.env, depth + 1);
        if (yo.kind === 'enumerated' || yo.kind === 'authority') return yo;
      }
    }
  const el = elementOrigin(expr, env, depth);
  if (el.kind !== 'unknown') return el;
  return riskyContents(expr, env, depth) ?? UNKNOWN;
}

/** methods that answer an element of their receiver (or a container of its elements) */
const ELEMENT_GETTERS = new Set(['at', 'pop', 'shift', 'find', 'findLast', 'next', 'deref']);
const ELEMENT_COPIERS = new Set(['slice', 'concat', 'filter', 'toSorted', 'toReversed', 'reverse', 'sort', 'values', 'flat', 'with', 'toSpliced', 'splice', 'keys', 'entries']);

/**
 * The origin of an element of a container, when the analysis knows one: the values of a literal array (a spread
 * of another container included), of new Set([…]) / new Map([[k, v]]), what a generator yields, the container a
 * workspace function returns, a copy of one (slice, concat, filter, values, Array.from). The first known origin
 * (of any kind: a global such as globalThis or fetch, a module, a require function) stands for them all, so
 * that hiding a value in a container and taking it back out keeps what it is.
 */
export function elementOrigin(node: Node, env: Env, depth: number): Origin {
  if (depth > MAX_EVAL_DEPTH) return UNKNOWN;
  const o = originOf(node, env, depth + 1);
  if (o.kind === 'enumerated') return o;
  const d = derefNode(node, env, depth + 1);
  const n = d ? unwrap(d.node) : unwrap(node);
  const e = d?.env ?? env;
  if (n.type === 'ArrayExpression') {
    for (const el of n.elements) {
      if (!el) continue;
      const eo = el.type === 'SpreadElement' ? elementOrigin(el.argument, e, depth + 1) : originOf(el, e, depth + 1);
      if (eo.kind !== 'unknown') return eo;
      // a pair of a Map's entries ([k, v]): its values are elements too
      const inner = unwrap(el.type === 'SpreadElement' ? el.argument : el);
      if (inner.type === 'ArrayExpression') {
        const io = elementOrigin(inner, e, depth + 1);
        if (io.kind !== 'unknown') return io;
      }
    }
    // (and what is pushed into it later)
    return addedValues(node, env, depth);
  }
  if (n.type === 'NewExpression' || n.type === 'CallExpression') {
    const co = originOf(n.callee, e, depth + 1);
    const name = co.kind === 'global' ? co.path.join('.') : '';
    const first = n.arguments[0] && n.arguments[0].type !== 'SpreadElement' ? (n.arguments[0] as Node) : null;
    // Object.values(fs): any member of it
    if ((name === 'Object.values' || name === 'Object.entries') && first) {
      const src = originOf(first, e, depth + 1);
      if (src.kind !== 'unknown') return memberOf(src, null, env);
      // Object.values({ a: globalThis }): what the literal holds
      const lit = derefNode(first, e, depth + 1);
      const held = lit ? reachingContents(lit.node, lit.env, depth + 1) : null;
      if (held) return held.kind === 'authority' ? enumerated(`${name}(…) of a literal holding ${held.name}`) : held;
    }
    // new WeakRef(x).deref() is x
    if (name === 'WeakRef' && first) return originOf(first, e, depth + 1);
    if ((CONTAINERS.has(name) || name === 'Array.from' || name === 'Iterator.from') && first) {
      const inner = elementOrigin(first, e, depth + 1);
      if (inner.kind !== 'unknown') return inner;
    }
    // what m.set(k, v) / s.add(v) / a.push(v) put in a container of the file
    if (n.type === 'NewExpression' && (CONTAINERS.has(name) || name === 'Array')) {
      const added = addedValues(node, env, depth);
      if (added.kind !== 'unknown') return added;
    }
    if (name === 'Array.of' || name === 'Array')
      for (const a of n.arguments) {
        const ao = a.type === 'SpreadElement' ? elementOrigin(a.argument, e, depth + 1) : originOf(a, e, depth + 1);
        if (ao.kind !== 'unknown') return ao;
      }
    const callee = unwrap(n.callee);
    // Array(n).fill(x): x
    if (n.type === 'CallExpression' && callee.type === 'MemberExpression' && memberKey(callee, e, depth) === 'fill' && first) return originOf(first, e, depth + 1);
    if (n.type === 'CallExpression' && callee.type === 'MemberExpression' && ELEMENT_COPIERS.has(memberKey(callee, e, depth) ?? '')) {
      const ro = elementOrigin(callee.object, e, depth + 1);
      if (ro.kind !== 'unknown') return ro;
      for (const a of n.arguments) {
        const ao = elementOrigin(a.type === 'SpreadElement' ? a.argument : a, e, depth + 1);
        if (ao.kind !== 'unknown') return ao;
      }
    }
    // a workspace function: the containers it returns, or what a generator yields
    const called = n.type === 'CallExpression' ? calledFunctionRef.fn?.(n.callee, e) : null;
    if (called)
      for (const r of returnedExpressions(called.fn, called.fn.generator)) {
        const y = called.fn.generator && r.parent?.type === 'YieldExpression' ? r.parent : null;
        const ro = y ? (y.delegate ? elementOrigin(r, called.env, depth + 1) : originOf(r, called.env, depth + 1)) : elementOrigin(r, called.env, depth + 1);
        if (ro.kind !== 'unknown') return ro;
      }
  }
  return UNKNOWN;
}

/** The first known origin of what `.set(k, v)`, `.add(v)`, `.push(v)` or `.unshift(v)` put into the container a variable holds. */
function addedValues(node: Node, env: Env, depth: number): Origin {
  const id = unwrap(node);
  if (id.type !== 'Identifier' || depth > MAX_EVAL_DEPTH) return UNKNOWN;
  for (const ref of findVariable(env.getScope(id), id)?.references ?? []) {
    const member = ref.identifier.parent;
    const call = member?.parent;
    // Array.prototype.push.call(list, v), [].push.apply(list, [v]): the same insertion, with list as its this
    if (member?.type === 'CallExpression' && member.arguments[0] === ref.identifier) {
      const shape = callShape(member, env, depth + 1);
      const c = unwrap(shape.callee);
      const m = c.type === 'MemberExpression' && shape.thisArg === ref.identifier ? memberKey(c, env, depth) : null;
      const values = m === 'push' || m === 'unshift' ? shape.args : m === 'splice' ? shape.args.slice(2) : m === 'fill' ? shape.args.slice(0, 1) : [];
      for (const v of values) {
        const o = originOf(v, env, depth + 1);
        if (o.kind !== 'unknown') return o;
      }
      continue;
    }
    if (member?.type !== 'MemberExpression' || member.object !== ref.identifier || call?.type !== 'CallExpression' || call.callee !== member) continue;
    const k = memberKey(member, env, depth);
    const value = k === 'set' ? call.arguments[1] : k === 'add' || k === 'push' || k === 'unshift' ? call.arguments[0] : undefined;
    if (!value || value.type === 'SpreadElement') continue;
    const o = originOf(value, env, depth + 1);
    if (o.kind !== 'unknown') return o;
  }
  return UNKNOWN;
}

/** statics that call the callback at the first position with each element of what they are given at the second */
const CALLBACK_SOURCES: Record<string, [number, number]> = { 'Array.from': [1, 0], 'Array.fromAsync': [1, 0], 'Object.groupBy': [1, 0], 'Map.groupBy': [1, 0] };

/**
 * A callback's parameter (`values.forEach((fn) => fn())`): an element of an enumerated receiver is enumerated too. The
 * call that is handed the callback is read through its shape (Array.prototype.forEach.call(values, cb),
 * Reflect.apply(Array.prototype.forEach, values, [cb]): values is the receiver); Array.from(src, cb), Object.groupBy and
 * Map.groupBy hand cb the elements of src, reduce(cb, init) hands it init first.
 */
function callbackParamOrigin(b: Binding, env: Env, depth: number): Origin {
  const fn = b.def?.node as Node | undefined;
  if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return UNKNOWN;
  const written = valueNode(fn);
  // (handed inside the argument list of apply / Reflect.apply: m.apply(t, [cb]))
  const host = written.parent?.type === 'ArrayExpression' ? valueParent(written.parent) : written.parent;
  if (host?.type !== 'CallExpression') return UNKNOWN;
  const shape = callShape(host, env, depth + 1);
  const at = shape.args.findIndex((a) => unwrap(a) === fn);
  if (at < 0) return UNKNOWN;
  const callee = unwrap(shape.callee);
  const co = originOf(callee, env, depth + 1);
  const name = co.kind === 'global' ? co.path.join('.') : '';
  const source = Object.hasOwn(CALLBACK_SOURCES, name) ? CALLBACK_SOURCES[name]! : null;
  if (source && source[0] === at && shape.args[source[1]]) return iterationOrigin(shape.args[source[1]]!, env, depth);
  // JSON.stringify(obj, (k, v) => …): the replacer is handed every value of obj, by no name the source writes
  if (name === 'JSON.stringify' && at === 1 && shape.args[0] && !sealedLiteral(shape.args[0], env, depth)) return enumerated('a value JSON.stringify hands its replacer');
  const receiver = shape.thisArg ?? (callee.type === 'MemberExpression' ? (callee.object as Node) : undefined);
  if (callee.type !== 'MemberExpression' && !shape.thisArg) return UNKNOWN;
  const key = callee.type === 'MemberExpression' ? memberKey(callee, env, depth) : null;
  // p.then((v) => …), p.then(f, (e) => …): v is what the promise holds (and a rejected one's reason: what it was rejected with)
  // (a rejection the runtime makes may carry the reason of an abort signal of the file: fetch(u, { signal }).catch(…))
  if ((key === 'then' && at <= 1) || (key === 'catch' && at === 0)) {
    const o = receiver ? originOf(receiver, env, depth + 1) : UNKNOWN;
    return o.kind === 'unknown' && (key === 'catch' || at === 1) ? signalReasons(rootOf(host), env, depth) : o;
  }
  // em.on('x', (v) => …): what an .emit('x', v) in the file sends (any emitter; an event name that cannot be folded matches all)
  if (key && LISTENER_METHODS.has(key) && at === 1 && shape.args[0]) {
    const index = (fn.params as Node[]).indexOf(b.def!.name as Node);
    for (const call of index < 0 ? [] : emitCallsFor(shape.args[0], host, env, depth)) {
      const a = call.arguments[index + 1];
      if (!a || a.type === 'SpreadElement') continue;
      const o = originOf(a, env, depth + 1);
      if (o.kind === 'enumerated' || o.kind === 'authority') return o;
    }
    return UNKNOWN;
  }
  // [x].reduce((acc) => …, init): the accumulator starts as init
  if ((key === 'reduce' || key === 'reduceRight') && at === 0 && shape.args[1]) {
    const o = originOf(shape.args[1], env, depth + 1);
    if (o.kind !== 'unknown') return o;
  }
  return receiver ? iterationOrigin(receiver, env, depth) : UNKNOWN;
}

/**
 * What the call sites of `fn` in its file pass at position `index` (or, `all`, at any position
 * from it on), read along `keys` through literals (run({ g: x }) gives x for { g }); a spread
 * argument before or at the position may hold anything it iterates.
 */
function argumentsOrigin(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, index: number, all: boolean, keys: Array<string | null>, env: Env, depth: number): Origin {
  if (depth > MAX_EVAL_DEPTH) return UNKNOWN;
  // a setter's parameter is what is assigned to a member of its name (o.v = x calls set v(x))
  const host = fn.parent;
  if ((host?.type === 'Property' || host?.type === 'MethodDefinition') && host.kind === 'set' && index === 0 && !host.computed) {
    const name = host.key.type === 'Identifier' ? host.key.name : host.key.type === 'PrivateIdentifier' ? `#${host.key.name}` : null;
    const program = rootOf(fn);
    for (const right of name ? memberAssignmentSites(program, name, env).slice(0, 12) : []) {
      const o = pathOrigin(right, keys, env, depth);
      if (o.kind !== 'unknown') return o;
    }
  }
  // f(…), and f.call(t, …) / f.apply(t, [...]) / Reflect.apply(f, t, [...]) read through their shape
  const sites: Array<{ call: Node; args: ReadonlyArray<TSESTree.CallExpressionArgument> }> = [
    ...callSitesOfFunction(fn, env).slice(0, 12).map((call) => ({ call, args: call.arguments })),
    ...invocationSites(fn, env).map((call) => ({ call, args: callShape(call, env, depth + 1).args as TSESTree.Expression[] })),
    ...handedSites(fn, env, depth),
  ];
  for (const { args } of sites) {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      let o: Origin = UNKNOWN;
      if (a.type === 'SpreadElement') {
        if (i > index && !all) break;
        o = iterationOrigin(a.argument, env, depth);
        if (o.kind === 'unknown') o = riskyContents(a.argument, env, depth) ?? UNKNOWN;
      } else if (i === index || (all && i > index)) o = pathOrigin(a, all ? keys.slice(1) : keys, env, depth);
      // whatever is known of an argument is what the parameter holds: a module or a require (save(fs) with
      // function save(io) { io.writeFileSync(…) }), a global (run(globalThis) with run(g) { g.eval(…) }), fetch
      if (o.kind !== 'unknown') return o;
      if (!all && i >= index && a.type !== 'SpreadElement') break;
    }
  }
  return UNKNOWN;
}

/**
 * The calls that invoke `fn` through Function.prototype.call / .apply or Reflect.apply (fn written inline, or a
 * const naming it): `fn.call(t, a)`, `fn.apply(t, [a])`, `Reflect.apply(fn, t, [a])` (at most 12).
 */
export function invocationSites(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, env: Env): TSESTree.CallExpression[] {
  const refs: Node[] = [fn];
  const nameId = fn.type === 'FunctionDeclaration' ? fn.id : fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id : null;
  const variable = nameId ? findVariable(env.getScope(nameId), nameId) : null;
  for (const ref of variable?.references ?? []) if (ref.isRead()) refs.push(ref.identifier as Node);
  const out: TSESTree.CallExpression[] = [];
  for (const r of refs) {
    const at = valueNode(r);
    const p = at.parent;
    // fn.call(…), fn.apply(…)
    if (p?.type === 'MemberExpression' && p.object === at && !p.computed && p.property.type === 'Identifier' && (p.property.name === 'call' || p.property.name === 'apply') && p.parent?.type === 'CallExpression' && p.parent.callee === p) out.push(p.parent);
    // Reflect.apply(fn, …)
    if (p?.type === 'CallExpression' && p.arguments[0] === at) {
      const co = originOf(p.callee, env, 1);
      if (co.kind === 'global' && co.path.join('.') === 'Reflect.apply') out.push(p);
    }
  }
  return out.slice(0, 12);
}

/**
 * functions that call the function they are handed (at `fn`) with the arguments after it (from `from`): timers,
 * Promise.try; and by method name AsyncLocalStorage#run(store, fn, ...args) / #exit(fn, ...args) and
 * AsyncResource#runInAsyncScope(fn, thisArg, ...args)
 */
const HANDED_ARGUMENTS: Record<string, { fn: number; from: number }> = { setTimeout: { fn: 0, from: 2 }, setInterval: { fn: 0, from: 2 }, setImmediate: { fn: 0, from: 1 }, 'process.nextTick': { fn: 0, from: 1 }, 'Promise.try': { fn: 0, from: 1 } };
const HANDED_METHOD_ARGUMENTS: Record<string, { fn: number; from: number }> = { run: { fn: 1, from: 2 }, exit: { fn: 0, from: 1 }, runInAsyncScope: { fn: 0, from: 2 } };

/** `fn` written inline, or the references of the name it is declared or held under (at most 16), each as a value node. */
function functionRefs(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, env: Env): Node[] {
  const refs: Node[] = [valueNode(fn)];
  const nameId = fn.type === 'FunctionDeclaration' ? fn.id : fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id : null;
  const variable = nameId ? findVariable(env.getScope(nameId), nameId) : null;
  for (const ref of variable?.references ?? []) if (ref.isRead()) refs.push(valueNode(ref.identifier as Node));
  return refs.slice(0, 16);
}

/**
 * Where `fn` is called with arguments written elsewhere than a call of it: as a tag (tag`a${v}` calls it with the
 * strings and v), by a timer (setTimeout(fn, ms, v), setImmediate(fn, v), process.nextTick(fn, v), node:timers' too)
 * and bound (fn.bind(t, v) is called with v first).
 */
function handedSites(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, env: Env, depth: number): Array<{ call: Node; args: ReadonlyArray<TSESTree.CallExpressionArgument> }> {
  const out: Array<{ call: Node; args: ReadonlyArray<TSESTree.CallExpressionArgument> }> = [];
  for (const at of functionRefs(fn, env)) {
    const p = at.parent;
    if (p?.type === 'TaggedTemplateExpression' && valueNode(p.tag as Node) === at) out.push({ call: p, args: [p.quasi, ...p.quasi.expressions] });
    if (p?.type === 'CallExpression' && p.arguments.includes(at as TSESTree.Expression)) {
      const co = originOf(p.callee, env, depth + 1);
      const name = co.kind === 'global' ? co.path.join('.') : co.kind === 'module' && co.module === 'timers' ? co.path.join('.') : '';
      const c = unwrap(p.callee);
      const key = c.type === 'MemberExpression' ? memberKey(c, env, depth) : null;
      const spec = Object.hasOwn(HANDED_ARGUMENTS, name) ? HANDED_ARGUMENTS[name]! : key !== null && Object.hasOwn(HANDED_METHOD_ARGUMENTS, key) ? HANDED_METHOD_ARGUMENTS[key]! : null;
      if (spec && p.arguments[spec.fn] === at) out.push({ call: p, args: p.arguments.slice(spec.from) });
    }
    if (p?.type === 'MemberExpression' && p.object === at && memberKey(p, env, depth) === 'bind' && p.parent?.type === 'CallExpression' && p.parent.callee === p) out.push({ call: p.parent, args: p.parent.arguments.slice(1) });
  }
  return out;
}

/**
 * What `this` (a this expression) is given besides a call's receiver: for a function handed to an array method with a
 * this argument (list.forEach(function () { … }, t)), to Array.from(xs, fn, t), or bound (fn.bind(t)), that t.
 */
function thisGiven(self: Node, env: Env, depth: number): Node[] {
  const fn = env.getScope(self).variableScope.block as Node;
  if (fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration') return [];
  const out: Node[] = [];
  for (const at of functionRefs(fn, env)) {
    const p = at.parent;
    let given: Node | undefined;
    if (p?.type === 'CallExpression' && p.callee.type === 'MemberExpression') {
      const key = memberKey(p.callee, env, depth);
      const co = originOf(p.callee, env, depth + 1);
      if (co.kind === 'global' && co.path.join('.') === 'Array.from' && p.arguments[1] === at) given = p.arguments[2] as Node | undefined;
      else if (key && THIS_ARG_METHODS.has(key) && p.arguments[0] === at) given = p.arguments[1] as Node | undefined;
    }
    if (p?.type === 'MemberExpression' && p.object === at && memberKey(p, env, depth) === 'bind' && p.parent?.type === 'CallExpression' && p.parent.callee === p) given = p.parent.arguments[0] as Node | undefined;
    if (given && given.type !== 'SpreadElement') out.push(given);
  }
  return out;
}

/** What awaiting a thenable gives ({ then(resolve) { resolve(v) } }, an instance of a class with such a then): v. */
function thenableValue(node: Node, env: Env, depth: number): Origin {
  if (depth + HOLDER_HOP > MAX_EVAL_DEPTH) return UNKNOWN;
  for (const then of memberValues(node, 'then', env, depth + 1).slice(0, 4)) {
    const f = derefNode(then.node, then.env, depth + 1);
    const fn = f?.node;
    const res = fn && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') && fn.params[0]?.type === 'Identifier' ? fn.params[0] : null;
    for (const ref of res ? (findVariable(f!.env.getScope(res), res)?.references ?? []) : []) {
      const call = ref.identifier.parent;
      if (call?.type !== 'CallExpression' || call.callee !== ref.identifier || !call.arguments[0]) continue;
      const o = originOf(call.arguments[0], f!.env, depth + HOLDER_HOP);
      if (o.kind === 'enumerated' || o.kind === 'authority') return o;
    }
  }
  return UNKNOWN;
}

/** The origin of `node` read along `keys`, through object and array literals. */
function pathOrigin(node: Node, keys: Array<string | null>, env: Env, depth: number): Origin {
  let cur: { node: Node; env: Env } = { node, env };
  for (let i = 0; i < keys.length; i++) {
    const d = derefNode(cur.node, cur.env, depth + 1);
    const k = keys[i];
    const v = d && k !== null && k !== undefined ? propertyOf(d.node, k) : null;
    if (!v) return applyPath(originOf(cur.node, cur.env, depth + 1), keys.slice(i), env);
    cur = { node: v, env: d!.env };
  }
  return originOf(cur.node, cur.env, depth + 1);
}

/** The first parameter of a named function passed as a callback (`values.forEach(run)`): an element of the receiver. */
function namedCallbackOrigin(b: Binding, env: Env, depth: number): Origin {
  const fn = b.def?.node as Node | undefined;
  if (!fn || (fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') || fn.params[0] !== b.def?.name) return UNKNOWN;
  const id = fn.type === 'FunctionDeclaration' ? fn.id : fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id : null;
  const variable = id ? findVariable(env.getScope(id), id) : null;
  for (const ref of variable?.references ?? []) {
    const call = ref.identifier.parent;
    if (call?.type !== 'CallExpression' || call.arguments[0] !== ref.identifier) continue;
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression' || !CALLBACK_METHODS.has(memberKey(callee, env, depth) ?? '')) continue;
    const o = iterationOrigin(callee.object, env, depth);
    if (o.kind !== 'unknown') return o;
  }
  return UNKNOWN;
}

/** What calling a workspace function gives, as far as origins go: its returned (and yielded) values. */
function returnedOrigin(callee: Node, env: Env, depth: number): Origin {
  const n = unwrap(callee);
  if (n.type !== 'Identifier' && n.type !== 'MemberExpression' && n.type !== 'ArrowFunctionExpression' && n.type !== 'FunctionExpression') return UNKNOWN;
  const called = calledFunctionRef.fn?.(n, env);
  if (!called) return UNKNOWN;
  for (const v of returnedExpressions(called.fn, true)) {
    const o = originOf(v, called.env, depth + 1);
    // (and a global: the global object itself, eval, fetch; a module; a require function)
    if (o.kind !== 'unknown') return o;
  }
  return UNKNOWN;
}

/** Set by functions.ts (which imports this module) to break the import cycle. */
export const calledFunctionRef: { fn?: (callee: Node, env: Env) => { fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression; env: Env } | null } = {};

/** `f.call(t, a)`, `f.apply(t, [a])`, `Reflect.apply(f, t, [a])`, `f.bind(t, a)(b)`: the function really called and its arguments. */
export interface CallShape {
  callee: Node;
  args: Node[];
  /** some arguments are not statically known (spread, apply with a non-literal array) */
  argsUnknown: boolean;
  /** the `this` given by call / apply / Reflect.apply (Array.prototype.at.call(values, 0)) */
  thisArg?: Node;
}

function elementsOf(node: Node | undefined, env: Env): { items: Node[]; unknown: boolean } {
  if (!node) return { items: [], unknown: false };
  const n = derefNode(node, env);
  if (n && n.node.type === 'ArrayExpression')
    return { items: n.node.elements.filter((e): e is TSESTree.Expression => !!e && e.type !== 'SpreadElement'), unknown: n.node.elements.some((e) => e?.type === 'SpreadElement') };
  return { items: [], unknown: true };
}

/**
 * `node` is Function.prototype.call or .apply (any `x.call` / `x.apply`, or an alias of
 * Function.prototype.call): invoking it with `this` = f calls f.
 */
function invokerKind(node: Node, env: Env, depth: number): 'call' | 'apply' | null {
  const n = unwrap(node);
  if (n.type === 'MemberExpression') {
    const key = memberKey(n, env, depth);
    // (Reflect.apply is no Function.prototype.apply: it takes the function first)
    if (key === 'apply' && isReflectApply(n, env, depth)) return null;
    if (key === 'call' || key === 'apply') return key;
  }
  if (n.type !== 'Identifier' || depth > MAX_EVAL_DEPTH) return null;
  const o = originOf(n, env, depth + 1);
  const path = o.kind === 'global' ? o.path.join('.') : '';
  if (path === 'Function.prototype.call' || path === 'Function.prototype.apply') return path.endsWith('call') ? 'call' : 'apply';
  // const call = f.call (any function's call is Function.prototype.call)
  const variable = findVariable(env.getScope(n), n);
  const bindings = variable ? bindingsOf(variable) : [];
  const b = bindings.length === 1 ? bindings[0]! : null;
  if (b?.kind === 'expr' && b.expr && b.path.length === 0) return invokerKind(b.expr, env, depth + 1);
  if (b?.kind === 'expr' && b.expr && b.path.length === 1 && (b.path[0] === 'call' || b.path[0] === 'apply')) return b.path[0];
  return null;
}

function isReflectApply(n: Node, env: Env, depth: number): boolean {
  const o = originOf(n, env, depth + 1);
  return o.kind === 'global' && o.path.join('.') === 'Reflect.apply';
}

export function callShape(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression | TSESTree.Decorator, env: Env, depth = 0): CallShape {
  // a decorator is a call of its expression (with the class or member it decorates)
  if (node.type === 'Decorator') return { callee: unwrap(node.expression), args: [], argsUnknown: true };
  // a tagged template is a call of its tag (with the strings and the values as arguments)
  if (node.type === 'TaggedTemplateExpression') return callShape({ ...node, type: 'CallExpression', callee: node.tag, arguments: [node.quasi], optional: false } as unknown as TSESTree.CallExpression, env, depth);
  let callee = unwrap(node.callee);
  // a spread of a literal array stands for its elements, in place (fetch(...['/api/x', init]))
  let args: Node[] = [];
  let argsUnknown = false;
  for (const a of node.arguments) {
    if (a.type !== 'SpreadElement') args.push(a);
    else {
      const el = elementsOf(a.argument, env);
      if (!argsUnknown) args.push(...el.items);
      argsUnknown ||= el.unknown;
    }
  }
  let thisArg: Node | undefined;
  /**
   * The call invokes `callee` with `this` = thisArg (or, when none is given, the object it is read off) and `args`.
   * Each step rewrites what is really invoked, as the runtime does: a bound function is its target with its bound
   * this and arguments first (the call's own this is ignored); Reflect.apply(f, t, [a]) invokes f; and
   * Function.prototype.call / .apply invoked with `this` = f invoke f, with the this and arguments they are given. So
   * f.call(t, a), Function.prototype.call.call(f, t, a), and a bound call of call
   * (Function.prototype.call.bind(Function.prototype.call)(f, t, a), apply.bind(call)(f, [t, a])) all invoke f.
   */
  for (let i = 0; i < 8; i++) {
    // f.bind(t, ...pre)(...args), also through a variable of this file (const w = f.bind(t, p); w(x))
    const bound = callee.type === 'Identifier' ? derefNode(callee, env, depth + 1) : null;
    const bindCall = callee.type === 'CallExpression' ? callee : bound && bound.env.file === env.file && bound.node.type === 'CallExpression' ? bound.node : null;
    const inner = bindCall ? unwrap(bindCall.callee) : null;
    if (bindCall && inner?.type === 'MemberExpression' && memberKey(inner, env, depth) === 'bind') {
      const given = bindCall.arguments[0] && bindCall.arguments[0].type !== 'SpreadElement' ? (bindCall.arguments[0] as Node) : undefined;
      callee = unwrap(inner.object);
      thisArg = given;
      args = [...bindCall.arguments.slice(1).filter((a) => a.type !== 'SpreadElement'), ...args];
      argsUnknown ||= bindCall.arguments.some((a) => a.type === 'SpreadElement');
      continue;
    }
    const reflect = originOf(callee, env, depth + 1);
    const reflectFn = reflect.kind === 'global' ? reflect.path.join('.') : '';
    if (reflectFn === 'Reflect.apply' || reflectFn === 'Reflect.construct') {
      const el = elementsOf(args[reflectFn === 'Reflect.apply' ? 2 : 1], env);
      if (!args[0]) break;
      const target = args[0];
      thisArg = reflectFn === 'Reflect.apply' ? args[1] : undefined;
      callee = unwrap(target);
      args = el.items;
      argsUnknown ||= el.unknown;
      continue;
    }
    // Function.prototype.call / .apply invoked with this = f: f is invoked
    const self = thisArg ?? (callee.type === 'MemberExpression' ? (callee.object as Node) : undefined);
    const kind = self ? invokerKind(callee, env, depth) : null;
    if (kind === 'call') {
      callee = unwrap(self!);
      thisArg = args[0];
      args = args.slice(1);
      continue;
    }
    if (kind === 'apply') {
      const el = elementsOf(args[1], env);
      callee = unwrap(self!);
      thisArg = args[0];
      args = el.items;
      argsUnknown ||= el.unknown;
      continue;
    }
    break;
  }
  return { callee, args, argsUnknown, ...(thisArg ? { thisArg } : {}) };
}

/** A path into the CommonJS module system: require.*, module.*, process.mainModule.* (children, parent, main, cache …). */
function isModuleSystem(path: string[]): boolean {
  return (path.length > 0 && MODULE_SYSTEM_ROOTS.has(path[0]!)) || (path[0] === 'process' && path[1] === 'mainModule');
}

/**
 * True for a require function's call: require(), createRequire(...)(), module.require(),
 * require.main.require(), module.children[0].require(), Module._load(), Module.prototype.require().
 */
export function isRequireLike(o: Origin): boolean {
  if (o.kind === 'require') return true;
  const last = o.kind === 'global' || o.kind === 'module' ? o.path.at(-1) : undefined;
  if (o.kind === 'global') return o.path.join('.') === 'require' || (isModuleSystem(o.path) && (last === 'require' || last === '_load'));
  if (o.kind === 'module' && o.module === 'module') return last === '_load' || last === 'require';
  return false;
}

/** process.getBuiltinModule(name): loads a builtin by a string. */
export function isBuiltinLoader(o: Origin): boolean {
  return o.kind === 'global' && o.path.join('.') === 'process.getBuiltinModule';
}

/** The origin of the values a literal object or array holds, when one of them is risky (authority, enumerated). */
export function riskyContents(node: Node, env: Env, depth: number): Origin | null {
  const d = derefNode(node, env, depth + 1);
  if (!d || (d.node.type !== 'ObjectExpression' && d.node.type !== 'ArrayExpression')) return null;
  const values: Node[] = [];
  if (d.node.type === 'ObjectExpression')
    for (const p of d.node.properties) values.push(p.type === 'Property' ? (p.value as Node) : p.argument);
  else for (const e of d.node.elements) if (e) values.push(e.type === 'SpreadElement' ? e.argument : e);
  for (const v of values) {
    const o = originOf(v, d.env, depth + 1);
    if (o.kind === 'authority' || o.kind === 'enumerated') return o;
    // a literal inside the literal ([[deps[k], null]]): its elements are elements too
    const inner = unwrap(v);
    if ((inner.type === 'ObjectExpression' || inner.type === 'ArrayExpression') && depth < MAX_EVAL_DEPTH) {
      const nested = riskyContents(inner, d.env, depth + 1);
      if (nested) return nested.kind === 'authority' ? enumerated(`a literal holding ${nested.name}`) : nested;
    }
  }
  return null;
}

/** globals that run code, load modules or send requests (and the global object, which holds them all) */
const REACHING_GLOBALS = new Set(['eval', 'Function', 'fetch', 'Request', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'Worker', 'SharedWorker', 'WebAssembly', 'ShadowRealm', 'process', 'require', 'module', 'setTimeout', 'setInterval', 'navigator']);

/** An origin that reaches more than a plain value: an authority function, enumerated values, code, modules, requests. */
export function reachingOrigin(o: Origin): boolean {
  if (o.kind === 'authority' || o.kind === 'enumerated' || o.kind === 'require' || o.kind === 'module') return true;
  return o.kind === 'global' && (o.path.length === 0 || REACHING_GLOBALS.has(o.path[0]!)) && !processData(o.path);
}

/** process's plain data: text and numbers (process.env.X is always text), not a function or module of it */
const PROCESS_DATA = new Set(['version', 'versions', 'platform', 'arch', 'pid', 'ppid', 'execPath', 'argv0', 'argv', 'execArgv', 'title', 'exitCode']);
function processData(path: readonly string[]): boolean {
  if (path[0] !== 'process' || !PROCESS_DATA.has(path[1] ?? '') && path[1] !== 'env') return false;
  // (a name of Object.prototype, constructor above all, is no entry: process.env.constructor is Object)
  const entry = path[2] !== undefined && path.length === 3 && !(path[2] in Object.prototype);
  // process.env.X (not process.env itself, a whole object, nor a member of its text); process.versions.node,
  // process.argv[1]; process.version, process.pid …
  if (path[1] === 'env' || path[1] === 'versions') return entry;
  if (path[1] === 'argv' || path[1] === 'execArgv') return entry && /^\d+$/.test(path[2]!);
  return path.length === 2;
}

/** The first reaching origin (see reachingOrigin) of a value a literal object or array holds, in nested literals too. */
function reachingContents(lit: Node, env: Env, depth: number): Origin | null {
  if (depth > MAX_EVAL_DEPTH || (lit.type !== 'ObjectExpression' && lit.type !== 'ArrayExpression')) return null;
  const values = lit.type === 'ObjectExpression' ? lit.properties.map((p) => (p.type === 'Property' ? (p.value as Node) : p.argument)) : lit.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => !!e).map((e) => (e.type === 'SpreadElement' ? e.argument : e) as Node);
  for (const v of values) {
    const o = originOf(v, env, depth + 1);
    if (reachingOrigin(o)) return o;
    const inner = unwrap(v);
    const nested = inner.type === 'ObjectExpression' || inner.type === 'ArrayExpression' ? reachingContents(inner, env, depth + 1) : null;
    if (nested) return nested;
  }
  return null;
}

/** A literal object or array (through constants), never mutated or handed to a call, holding only plain values. */
export function sealedLiteral(node: Node, env: Env, depth = 0): boolean {
  const m = unwrap(node);
  if (m.type === 'MemberExpression' && !m.computed && m.property.type === 'PrivateIdentifier') return sealedPrivateField(m, env, depth);
  const d = derefNode(node, env, depth + 1);
  if (!d || (d.node.type !== 'ObjectExpression' && d.node.type !== 'ArrayExpression')) return false;
  if (d.node.type === 'ObjectExpression' && d.node.properties.some((p) => p.type !== 'Property' || p.kind !== 'init')) return false;
  // ({ __proto__: deps, … }): it inherits every member of its prototype, which t[k] may read (null has none)
  if (d.node.type === 'ObjectExpression' && d.node.properties.some((p) => p.type === 'Property' && !p.computed && !p.shorthand && !p.method && propertyKeyName(p) === '__proto__' && !(unwrap(p.value as Node).type === 'Literal' && (unwrap(p.value as Node) as TSESTree.Literal).value === null))) return false;
  if (d.node.type === 'ArrayExpression' && d.node.elements.some((e) => !e || e.type === 'SpreadElement')) return false;
  if (riskyContents(node, env, depth)) return false;
  // (nor the global object, code loaders, request functions, builtin modules or a require function: a member read
  // without its name, o[sym] or o[k], may be one of them)
  if (reachingContents(d.node, d.env, depth)) return false;
  return onlyRead(d.node, d.env, depth);
}

/** Object.prototype members that change the object they are called on (t.__defineGetter__('x', f)). */
const SELF_CHANGING_MEMBERS = new Set(['__defineGetter__', '__defineSetter__']);

/** `v` (a value node: casts included) is written at its place: assigned, updated, deleted, a destructuring or loop target. */
function isWriteTarget(v: Node): boolean {
  const up = v.parent;
  if (!up) return false;
  if (up.type === 'AssignmentExpression' || up.type === 'AssignmentPattern') return up.left === v;
  if (up.type === 'UpdateExpression') return true;
  if (up.type === 'UnaryExpression') return up.operator === 'delete';
  if (up.type === 'ArrayPattern' || up.type === 'RestElement') return true;
  if (up.type === 'Property' && up.value === v && up.parent?.type === 'ObjectPattern') return true;
  if (up.type === 'ForInStatement' || up.type === 'ForOfStatement') return up.left === v;
  return false;
}

/**
 * The literal `lit`, of a sealed table, is only ever read: nothing can change its members or its prototype behind the
 * check's back. It is bound (through casts, Object.freeze, and the members or elements of enclosing literals) to a
 * variable whose every reference reads a member of it (never writes one or calls a mutating method: push, splice, …,
 * nor, for an array, a member named by a key that cannot be folded, which may be one of them) or hands it whole to a
 * reader only (Object.keys, for … of, typeof, a spread copy, …); so is `this` in its methods. Handed anywhere else (an
 * alias, a cast handed to Object.setPrototypeOf, a return, an export, an element of another value), it may be changed
 * there. A literal frozen at every level on the way to it (Object.freeze) cannot be changed and is read wherever it goes.
 */
function onlyRead(lit: Node, env: Env, depth: number): boolean {
  if (depth > MAX_EVAL_DEPTH) return false;
  const isArray = lit.type === 'ArrayExpression';
  // from the literal up to its binding: each enclosing literal, the key leading down from it, and whether it is frozen
  const levels: Array<{ lit: Node; frozen: boolean }> = [];
  const keys: Array<string | null> = [];
  let cur: Node = lit;
  let root: TSESTree.Identifier | null = null;
  for (let i = 0; i < 8; i++) {
    let v = valueNode(cur);
    let frozen = false;
    while (v.parent?.type === 'CallExpression' && v.parent.arguments[0] === v) {
      const co = originOf(v.parent.callee, env, depth + 1);
      if (!(co.kind === 'global' && FREEZERS.has(co.path.join('.')))) break;
      frozen ||= co.path.join('.') === 'Object.freeze';
      v = valueNode(v.parent);
    }
    levels.push({ lit: cur, frozen });
    const p = v.parent;
    if (p?.type === 'Property' && p.value === v && p.kind === 'init' && p.parent?.type === 'ObjectExpression') {
      keys.unshift(p.computed ? foldSingle(p.key as Node, env, depth + 1) : propertyKeyName(p));
      cur = p.parent;
      continue;
    }
    if (p?.type === 'ArrayExpression') {
      const at = p.elements.indexOf(v as TSESTree.Expression);
      keys.unshift(p.elements.slice(0, at).some((e) => !e || e.type === 'SpreadElement') ? null : String(at));
      cur = p;
      continue;
    }
    if (p?.type === 'VariableDeclarator' && p.init === v && p.id.type === 'Identifier') root = p.id;
    // not bound: read where it stands (({ a() {} })[k]()), made afresh by each call of a function that returns it, or
    // a #private field's value (whose uses sealedPrivateField checks); anywhere else it may be changed
    else if (!(p?.type === 'MemberExpression' && p.object === v) && p?.type !== 'ReturnStatement' && !(p?.type === 'ArrowFunctionExpression' && p.body === v) && !(p?.type === 'PropertyDefinition' && p.key.type === 'PrivateIdentifier' && p.value === v))
      return levels.every((l) => l.frozen);
    break;
  }
  if (levels.every((l) => l.frozen)) return true;
  // `this` in the methods of each literal on the way (the methods of t may change t.table through this.table)
  for (const [i, level] of levels.entries()) {
    if (level.lit.type !== 'ObjectExpression') continue;
    const below = keys.slice(keys.length - i);
    for (const prop of level.lit.properties) {
      const fn = prop.type === 'Property' ? unwrap(prop.value as Node) : null;
      if (fn?.type !== 'FunctionExpression') continue;
      let ok = true;
      const visit = (n: Node) => {
        if (!ok) return;
        if (n.type === 'ThisExpression') ok = readOnlyUse(n, below, isArray, env, depth);
        if (n.type !== 'FunctionExpression' && n.type !== 'FunctionDeclaration' && !(n.type === 'ClassBody')) forEachChild(n, visit);
      };
      forEachChild(fn.body, visit);
      if (!ok) return false;
    }
  }
  if (!root) return true;
  const variable = findVariable(env.getScope(root), root);
  if (!variable) return false;
  // exported, it may be changed by any module that imports it
  const decl = root.parent?.parent;
  if (decl?.parent?.type === 'ExportNamedDeclaration') return false;
  for (const ref of variable.references) {
    // (the declaration itself, and types: keyof typeof t)
    if ((ref.init && ref.identifier === root) || !ref.isValueReference || inTypeQuery(ref.identifier as Node)) continue;
    if (ref.isWrite()) return false;
    if (!readOnlyUse(ref.identifier as Node, keys, isArray, env, depth)) return false;
  }
  return true;
}

/** `id` is read in a type only (typeof t, typeof t.a): no value is taken. */
function inTypeQuery(id: Node): boolean {
  for (let p = id.parent; p && (p.type === 'TSQualifiedName' || p.type === 'TSTypeQuery'); p = p.parent) if (p.type === 'TSTypeQuery') return true;
  return false;
}

const propertyKeyName = (p: TSESTree.Property): string | null => (p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : null);

/**
 * `x` (a reference to a sealed table's binding, or `this` in one of its methods) only reads: `keys` lead from x down to
 * the table (none: x is the table). A member on the way is read, never written; a member of the table is read or
 * called, never written, and no method that changes it is called; the table (or a literal on the way) handed whole
 * goes to a reader only.
 */
function readOnlyUse(x: Node, keys: Array<string | null>, isArray: boolean, env: Env, depth: number): boolean {
  const v = valueNode(x);
  const p = v.parent;
  if (p?.type === 'MemberExpression' && p.object === v) {
    const key = memberKey(p, env, depth);
    const pv = valueNode(p);
    const up = pv.parent;
    if (isWriteTarget(pv)) return false;
    if (keys.length === 0) {
      if (up?.type === 'CallExpression' && up.callee === pv && key !== null && (MUTATING_METHODS.has(key) || SELF_CHANGING_MEMBERS.has(key))) return false;
      // a member named by a key that cannot be folded may be one of those (t[k](...Object.values(deps)) may be a push):
      // handed a value that reaches more than plain data, it may put it in the table
      if (up?.type === 'CallExpression' && up.callee === pv && key === null && up.arguments.some((a) => reachingOrigin(originOf(a.type === 'SpreadElement' ? a.argument : a, env, depth + 1)))) return false;
      return true;
    }
    // another member than the one on the way to the table
    if (key !== null && keys[0] !== null && key !== keys[0]) return true;
    return readOnlyUse(p, keys.slice(1), isArray, env, depth);
  }
  if (!p) return false;
  switch (p.type) {
    case 'CallExpression':
    case 'NewExpression': {
      if (!p.arguments.includes(v as TSESTree.Expression)) return false;
      if (keys.length === 0 && ownThis(p, v, env, depth)) return true;
      const callee = originOf(p.callee, env, depth + 1);
      return callee.kind === 'global' && READ_ONLY_CALLS.has(callee.path.join('.'));
    }
    case 'ForInStatement':
    case 'ForOfStatement':
      return p.right === v;
    case 'BinaryExpression':
    case 'TemplateLiteral':
    case 'ExpressionStatement':
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
      return true;
    case 'UnaryExpression':
      return p.operator !== 'delete';
    case 'ConditionalExpression':
      return p.test === v;
    case 'SpreadElement':
      // a copy ({ ...t }, [...t]) or the elements handed one by one (f(...t))
      return true;
    case 'VariableDeclarator':
      // const { a, b } = t reads members
      return p.init === v && p.id.type === 'ObjectPattern' && keys.length === 0 && p.id.properties.every((q) => q.type === 'Property' && unwrap(q.value as Node).type === 'Identifier');
    default:
      return false;
  }
}

/**
 * `arg` is the this a call hands to a function of the same binding (t[k].call(t, x), t.m.apply(t, xs),
 * Reflect.apply(t[k], t, xs)): the same as t[k](x), which hands t nothing but its this (the check of this in the
 * table's methods covers that).
 */
function ownThis(call: TSESTree.CallExpression | TSESTree.NewExpression, arg: Node, env: Env, depth: number): boolean {
  const self = unwrap(arg);
  if (call.type !== 'CallExpression' || self.type !== 'Identifier') return false;
  const callee = unwrap(call.callee);
  let fn: Node | null = null;
  if (callee.type === 'MemberExpression' && ['call', 'apply'].includes(memberKey(callee, env, depth) ?? '') && call.arguments[0] === arg) fn = callee.object as Node;
  else {
    const co = originOf(call.callee, env, depth + 1);
    if (co.kind === 'global' && co.path.join('.') === 'Reflect.apply' && call.arguments[1] === arg && call.arguments[0]) fn = call.arguments[0] as Node;
  }
  // (fn a member of the same binding: t.k or t[k], one level, as the table's own function)
  const m = fn ? unwrap(fn) : null;
  if (m?.type !== 'MemberExpression') return false;
  const root = unwrap(m.object);
  if (root.type !== 'Identifier') return false;
  const variable = findVariable(env.getScope(self), self);
  return !!variable && findVariable(env.getScope(root), root) === variable;
}

/**
 * `this.#table` where the private field is initialised with a sealed literal and every use of it in
 * the class body only reads a member of it (a private name cannot be reached from outside the class).
 */
function sealedPrivateField(m: TSESTree.MemberExpression, env: Env, depth: number): boolean {
  const name = (m.property as TSESTree.PrivateIdentifier).name;
  let body: Node | undefined = m.parent;
  while (body && body.type !== 'ClassBody') body = body.parent;
  if (!body || body.type !== 'ClassBody') return false;
  const field = body.body.find((e): e is TSESTree.PropertyDefinition => e.type === 'PropertyDefinition' && e.key.type === 'PrivateIdentifier' && e.key.name === name);
  const init = field?.value ? unwrap(field.value as Node) : null;
  if (!init || (init.type !== 'ObjectExpression' && init.type !== 'ArrayExpression') || !sealedLiteral(init, env, depth + 1)) return false;
  let ok = true;
  const visit = (n: Node) => {
    if (!ok) return;
    if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'PrivateIdentifier' && n.property.name === name) {
      const p = n.parent;
      const up = p?.parent;
      const readsMember = p?.type === 'MemberExpression' && p.object === n;
      const writes =
        !readsMember ||
        (up?.type === 'AssignmentExpression' && up.left === p) ||
        up?.type === 'UpdateExpression' ||
        (up?.type === 'UnaryExpression' && up.operator === 'delete') ||
        (up?.type === 'CallExpression' && up.callee === p && MUTATING_METHODS.has(memberKey(p as TSESTree.MemberExpression, env, depth) ?? ''));
      if (writes) ok = false;
    }
    forEachChild(n, visit);
  };
  visit(body);
  return ok;
}

/**
 * The values a Map may hold under `keyNode`: a `const m = new Map([[k, v], …])` of the file and its `m.set(k, v)`
 * calls, matched by folded key; an entry or a lookup whose key cannot be folded may be any of them.
 */
function mapValues(mapNode: Node, keyNode: Node, env: Env, depth: number): Array<{ node: Node; env: Env }> {
  const m = unwrap(mapNode);
  if (m.type !== 'Identifier' || depth > MAX_EVAL_DEPTH) return [];
  const variable = findVariable(env.getScope(m), m);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable' || def.node.type !== 'VariableDeclarator' || !def.node.init) return [];
  const init = unwrap(def.node.init as Node);
  if (init.type !== 'NewExpression' || originOf(init.callee, env, depth + 1).kind !== 'global' || unwrap(init.callee).type !== 'Identifier' || !/^(?:Weak)?Map$/.test((unwrap(init.callee) as TSESTree.Identifier).name)) return [];
  const wanted = foldSingle(keyNode, env, depth + 1);
  const entries: Array<{ key: Node; value: Node }> = [];
  const list = init.arguments[0] ? derefNode(init.arguments[0] as Node, env, depth + 1) : null;
  if (list?.node.type === 'ArrayExpression')
    for (const e of list.node.elements) {
      const pair = e && e.type !== 'SpreadElement' ? unwrap(e) : null;
      if (pair?.type === 'ArrayExpression' && pair.elements[0] && pair.elements[1] && pair.elements[0].type !== 'SpreadElement' && pair.elements[1].type !== 'SpreadElement')
        entries.push({ key: pair.elements[0], value: pair.elements[1] });
    }
  for (const ref of variable.references) {
    const member = ref.identifier.parent;
    const call = member?.parent;
    if (member?.type === 'MemberExpression' && member.object === ref.identifier && call?.type === 'CallExpression' && call.callee === member && memberKey(member, env, depth) === 'set' && call.arguments[0] && call.arguments[1])
      entries.push({ key: call.arguments[0] as Node, value: call.arguments[1] as Node });
  }
  return entries
    .filter((entry) => {
      if (wanted === null) return true;
      const key = foldSingle(entry.key, env, depth + 1);
      return key === null || key === wanted;
    })
    .map((entry) => ({ node: entry.value, env }));
}

function callOrigin(node: TSESTree.CallExpression, env: Env, depth: number): Origin {
  const shape = callShape(node, env, depth);
  const direct = unwrap(node.callee);
  // f.bind(...) is still f, as far as what it can reach; Function.prototype.call.bind(f) calls f (its bound this)
  if (direct.type === 'MemberExpression' && memberKey(direct, env, depth) === 'bind') {
    if (invokerKind(direct.object, env, depth) && node.arguments[0] && node.arguments[0].type !== 'SpreadElement') return originOf(node.arguments[0], env, depth + 1);
    return originOf(direct.object, env, depth + 1);
  }
  // als.getStore(): what an als.run(v, …) or als.enterWith(v) of the file stored (any such call, fail closed)
  if (direct.type === 'MemberExpression' && memberKey(direct, env, depth) === 'getStore') {
    const program = rootOf(node);
    for (const call of [...methodCallSites(program, 'run', env), ...methodCallSites(program, 'enterWith', env)].slice(0, 16)) {
      const a = call.arguments[0];
      if (!a || a.type === 'SpreadElement') continue;
      const o = originOf(a, env, depth + 1);
      if (o.kind !== 'unknown') return o;
    }
  }
  // [process].at(0), [fetch].pop(), list.find(…): an element of the receiver
  if (direct.type === 'MemberExpression' && ELEMENT_GETTERS.has(memberKey(direct, env, depth) ?? '')) {
    const el = elementOrigin(direct.object, env, depth + 1);
    if (el.kind !== 'unknown') return el;
  }
  const co = originOf(shape.callee, env, depth + 1);
  if (co.kind === 'enumerated') return co;
  // a promise of a value holds that value (await and then() read it)
  if (co.kind === 'global' && (co.path.join('.') === 'Promise.resolve' || co.path.join('.') === 'Promise.reject') && shape.args[0]) return originOf(shape.args[0], env, depth + 1);
  // m.get(k) of a Map the file builds from literal entries and m.set calls: the value stored under k
  if (direct.type === 'MemberExpression' && memberKey(direct, env, depth) === 'get' && shape.args[0]) {
    const stored = mapValues(direct.object, shape.args[0], env, depth);
    for (const v of stored) {
      const o = originOf(v.node, v.env, depth + 1);
      if (o.kind !== 'unknown') return o;
    }
  }
  // a method of enumerated values (m.get(k), values.find(…), values.at(0)) gives more of the same
  const receiver = shape.thisArg ? originOf(shape.thisArg, env, depth + 1) : shape.callee.type === 'MemberExpression' ? originOf(shape.callee.object, env, depth + 1) : null;
  if (receiver?.kind === 'enumerated') return receiver;
  // Array.of(a, b), Promise.all([a, b]): what they hold
  if (co.kind === 'global' && co.path.join('.') === 'Array.of')
    for (const a of shape.args) {
      const o = originOf(a, env, depth + 1);
      if (o.kind === 'enumerated' || o.kind === 'authority') return o.kind === 'enumerated' ? o : enumerated(`Array.of holding ${o.name}`);
    }
  if (co.kind === 'global' && PROMISE_COMBINATORS.has(co.path.join('.')) && shape.args[0]) {
    const o = iterationOrigin(shape.args[0], env, depth);
    if (o.kind !== 'unknown') return o;
  }
  if (co.kind === 'global' && ENUMERATORS.has(co.path.join('.')) && shape.args[0]) {
    const src = shape.args[0];
    if (sealedLiteral(src, env, depth)) return UNKNOWN;
    // the values of a literal holding the global object, fetch, a module …: that (Object.entries' pairs stand for
    // their values too, as a Map's entries do); a copy under other names (Object.fromEntries) stays enumerated
    const lit = derefNode(src, env, depth + 1);
    const held = lit && (co.path.join('.') === 'Object.values' || co.path.join('.') === 'Object.entries') ? reachingContents(lit.node, lit.env, depth) : null;
    if (held && held.kind !== 'authority' && held.kind !== 'enumerated') return held;
    // the values of a builtin module (Object.values(fs)): some function of it
    const so = originOf(src, env, depth + 1);
    if (so.kind === 'module') return memberOf(so, null, env);
    return enumerated(`${co.path.join('.')}(…)`, RENAMERS.has(co.path.join('.')));
  }
  // events.once(em, name) / events.on(em, name): (a promise of, an async iterator of) the arguments of the file's
  // em.emit(name, …) calls (any emitter; a name that cannot be folded matches all)
  if (co.kind === 'module' && co.module === 'events' && co.path.length <= 2 && ['once', 'on'].includes(co.path.at(-1) ?? '') && (co.path.length === 1 || co.path[0] === 'EventEmitter') && shape.args[1])
    for (const call of emitCallsFor(shape.args[1], node, env, depth))
      for (const a of call.arguments.slice(1)) {
        const o = a.type === 'SpreadElement' ? iterationOrigin(a.argument, env, depth) : originOf(a, env, depth + 1);
        if (o.kind === 'enumerated' || o.kind === 'authority') return o;
      }
  const returned = returnedOrigin(shape.callee, env, depth);
  if (returned.kind !== 'unknown') return returned;
  // Object.groupBy(vals, …): each named member is a group of vals (Map.groupBy gives a Map: its get() is a method of it, below)
  if (co.kind === 'global' && co.path.join('.') === 'Object.groupBy' && shape.args[0]) {
    const o = originOf(shape.args[0], env, depth + 1);
    if (o.kind === 'enumerated') return { ...o, groups: true };
  }
  // a call handed enumerated values (as an argument, a spread or the this of .call / .apply) may give them back:
  // [].concat(vals), Iterator.from(vals), Object.assign([], vals), Array.prototype.concat.call([], vals) (fail closed)
  for (const a of [...(shape.thisArg ? [shape.thisArg] : []), ...shape.args]) {
    const o = originOf(a, env, depth + 1);
    if (o.kind === 'enumerated') return o;
  }
  for (const a of node.arguments) {
    if (a.type !== 'SpreadElement') continue;
    const o = originOf(a.argument, env, depth + 1);
    if (o.kind === 'enumerated') return o;
  }
  // arr.map((k) => deps[k]): what the callback returns
  // (and p.then(() => deps[k]): the promise it gives holds what the reaction returns)
  if (direct.type === 'MemberExpression' && (CALLBACK_METHODS.has(memberKey(direct, env, depth) ?? '') || memberKey(direct, env, depth) === 'then')) {
    const cb = node.arguments[0] ? derefNode(node.arguments[0] as Node, env, depth + 1) : null;
    if (cb && (cb.node.type === 'ArrowFunctionExpression' || cb.node.type === 'FunctionExpression')) {
      for (const r of returnedExpressions(cb.node)) {
        const o = originOf(r, cb.env, depth + 1);
        if (o.kind === 'enumerated' || o.kind === 'authority') return o;
      }
    }
    // [deps].flatMap(Object.values): the callback is itself an enumerator
    const cbo = node.arguments[0] && node.arguments[0].type !== 'SpreadElement' ? originOf(node.arguments[0], env, depth + 1) : null;
    if (cbo?.kind === 'global' && ENUMERATORS.has(cbo.path.join('.'))) return enumerated(`${cbo.path.join('.')} as a callback`, RENAMERS.has(cbo.path.join('.')));
  }
  if (isRequireLike(co) || isBuiltinLoader(co)) {
    const spec = shape.args[0] ? foldSingle(shape.args[0], env, depth + 1) : null;
    return spec === null ? UNKNOWN : moduleOrigin(spec, null, env, depth);
  }
  if (co.kind === 'module' && co.module === 'module' && co.path.at(-1) === 'createRequire') return { kind: 'require' };
  if (co.kind === 'module' && co.module === 'fs' && OPENERS.has(co.path.at(-1) ?? '') && shape.args[0])
    return { kind: 'handle', target: shape.args[0], flags: shape.args[1] ?? null, env };
  if (co.kind === 'module' && co.module === 'util' && (co.path.join('.') === 'promisify' || co.path.join('.') === 'callbackify') && shape.args[0]) return originOf(shape.args[0], env, depth + 1);
  if (co.kind === 'global' && ['Reflect.get', 'Object.getOwnPropertyDescriptor', 'Reflect.getOwnPropertyDescriptor'].includes(co.path.join('.')) && shape.args[0]) {
    const key = shape.args[1] ? foldSingle(shape.args[1], env, depth + 1) : null;
    const kept = key !== null ? keptOrigin(shape.args[0], key, env, depth + 1) : UNKNOWN;
    if (kept.kind !== 'unknown') return kept;
    return memberOf(originOf(shape.args[0], env, depth + 1), key, env);
  }
  return UNKNOWN;
}

/**
 * Runtime objects that keep a value they are handed and give it back elsewhere, by the runtime's contract: `puts`, the
 * methods that hand them a value (by argument position); `given`, the maker's own argument that is kept; `out`, the
 * member path from what is made to where the value is read back; `handedTo`, the maker's argument (a callback) the
 * runtime later calls with each kept value. (Structured clones, postMessage and BroadcastChannel, carry no function:
 * cloning one throws, so nothing callable comes back out of them.)
 */
type KeeperSpec = {
  puts: Record<string, number>;
  /** the member paths (a call as `name()`, iteration as ITERATED) where a kept value is read back */
  outs: string[][];
  given?: number;
  of?: number;
  handedTo?: number;
  /** the maker's argument whose elements are kept (Readable.from(iterable)) */
  elements?: number;
  /**
   * the maker's argument (an underlying source, a stream's options) whose methods the runtime calls: each with a
   * controller parameter whose put methods (or, for `()`, the parameter itself called) hand the keeper a value; and,
   * with `thisIsKeeper`, `this` in every method of it is the keeper itself (node's read() { this.push(v) })
   */
  source?: { arg: number; methods: Record<string, { param: number; puts: Record<string, number> }>; thisIsKeeper?: boolean };
  /** events whose listeners (keeper.on(name, fn)) are handed each kept value */
  events?: string[];
};
/** the path step that stands for iterating a value (for … of, for await … of) */
const ITERATED = '[iterated]';
const WEB_STREAM_READS = [[ITERATED], ['values()', ITERATED], ['getReader()', 'read()', 'value']];
const WEB_CONTROLLER = { enqueue: 0 };
const NODE_STREAM_READS = [[ITERATED], ['read()'], ['iterator()', ITERATED]];
const KEEPERS: Record<string, KeeperSpec> = {
  // a controller keeps the reason it is aborted with: its signal's reason (a listener's event.target.reason, this.reason)
  AbortController: { puts: { abort: 0 }, outs: [['signal', 'reason']] },
  'AbortSignal.abort': { puts: {}, given: 0, outs: [['reason']] },
  // the signal AbortSignal.any makes has the reason of one of the signals it is given
  'AbortSignal.any': { puts: {}, of: 0, outs: [['reason']] },
  // the promise holds what resolve or reject is called with (awaited, then, catch)
  'Promise.withResolvers': { puts: { resolve: 0, reject: 0 }, outs: [['promise']] },
  // register(target, held) hands held to the registry's cleanup callback
  FinalizationRegistry: { puts: { register: 1 }, outs: [], handedTo: 0 },
  // a web stream gives back what its underlying source's controller enqueues (start / pull are handed it), read by
  // async iteration or a reader; ReadableStream.from(iterable) the elements of iterable (a Response or a Blob made of
  // one gives text and bytes only: nothing callable comes back out of them)
  ReadableStream: { puts: {}, outs: WEB_STREAM_READS, source: { arg: 0, methods: { start: { param: 0, puts: WEB_CONTROLLER }, pull: { param: 0, puts: WEB_CONTROLLER } } } },
  'ReadableStream.from': { puts: {}, elements: 0, outs: WEB_STREAM_READS },
  TransformStream: { puts: {}, outs: WEB_STREAM_READS.map((o) => ['readable', ...o]), source: { arg: 0, methods: { start: { param: 0, puts: WEB_CONTROLLER }, transform: { param: 1, puts: WEB_CONTROLLER }, flush: { param: 0, puts: WEB_CONTROLLER } } } },
  // node's streams (in object mode) give back what is pushed (s.push(v), this.push(v) in its read(), a transform's
  // callback(null, v)) or written through (a PassThrough), to 'data' listeners, async iteration and read()
  'stream.Readable': { puts: { push: 0, unshift: 0 }, outs: NODE_STREAM_READS, events: ['data'], source: { arg: 0, methods: {}, thisIsKeeper: true } },
  'stream.Readable.from': { puts: {}, elements: 0, outs: NODE_STREAM_READS, events: ['data'] },
  'stream.PassThrough': { puts: { push: 0, unshift: 0, write: 0, end: 0 }, outs: NODE_STREAM_READS, events: ['data'] },
  'stream.Transform': { puts: { push: 0, unshift: 0 }, outs: NODE_STREAM_READS, events: ['data'], source: { arg: 0, methods: { transform: { param: 2, puts: { '()': 1 } }, flush: { param: 0, puts: { '()': 1 } } }, thisIsKeeper: true } },
  'stream.Duplex': { puts: { push: 0, unshift: 0 }, outs: NODE_STREAM_READS, events: ['data'], source: { arg: 0, methods: {}, thisIsKeeper: true } },
};
/** the calls a kept value is read back through (getReader(), read(), values()) */
const KEEPER_CALLS = new Set(Object.values(KEEPERS).flatMap((k) => k.outs.flat().filter((p) => p.endsWith('()'))));

/** The KEEPERS name of what `co` is (a global's path, a builtin module's member: stream.Readable), and whether it is made with new. */
function keeperName(co: Origin): string {
  const name = co.kind === 'global' ? co.path.join('.') : co.kind === 'module' ? [co.module, ...co.path].join('.') : '';
  return Object.hasOwn(KEEPERS, name) ? name : '';
}
/** a keeper is made by new when its name ends in a class (AbortController, stream.Readable), by a call otherwise (Promise.withResolvers) */
const madeByNew = (name: string) => /^[A-Z]/.test(name.split('.').at(-1) ?? '');
/** event members that are the object a listener is registered on */
const EVENT_TARGETS = new Set(['target', 'currentTarget', 'srcElement']);

/** What `node` is a member path into: a keeper's making call and the path from it (c.signal → new AbortController(), ['signal']). */
function keeperPaths(node: Node, env: Env, depth: number, path: string[] = []): Array<{ maker: TSESTree.NewExpression | TSESTree.CallExpression; name: string; path: string[] }> {
  if (depth > MAX_EVAL_DEPTH) return [];
  const n = unwrap(node);
  if (n.type === 'MemberExpression') {
    const k = memberKey(n, env, depth);
    return k === null ? [] : keeperPaths(n.object, env, depth + 1, [k, ...path]);
  }
  // await r.read(): what the promise holds
  if (n.type === 'AwaitExpression') return keeperPaths(n.argument, env, depth + 1, path);
  if (n.type === 'NewExpression' || n.type === 'CallExpression') {
    const callee = unwrap(n.callee);
    // st.getReader().read(): a call a kept value is read back through
    if (n.type === 'CallExpression' && callee.type === 'MemberExpression') {
      const step = memberKey(callee, env, depth);
      if (step !== null && KEEPER_CALLS.has(`${step}()`)) return keeperPaths(callee.object, env, depth + 1, [`${step}()`, ...path]);
    }
    const name = keeperName(originOf(n.callee, env, depth + 1));
    return name && (n.type === 'NewExpression') === madeByNew(name) ? [{ maker: n, name, path }] : [];
  }
  // this in a listener (signal.onabort = function () { this.reason }): the object it is registered on
  if (n.type === 'ThisExpression') {
    const fn = env.getScope(n).variableScope.block as Node;
    return fn.type === 'FunctionExpression' || fn.type === 'FunctionDeclaration' ? listenerReceivers(fn, env, depth).flatMap((r) => keeperPaths(r, env, depth + 1, path)) : [];
  }
  if (n.type !== 'Identifier') return [];
  const variable = findVariable(env.getScope(n), n);
  const bindings = variable ? bindingsOf(variable) : [];
  if (bindings.length !== 1) return [];
  const b = bindings[0]!;
  // (e) => e.target.reason in a listener: the object it is registered on
  const fn = b.def?.node as Node | undefined;
  if (b.kind === 'param' && b.path.length === 0 && EVENT_TARGETS.has(path[0] ?? '') && fn && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression' || fn.type === 'FunctionDeclaration') && fn.params[0] === b.def!.name)
    return listenerReceivers(fn, env, depth).flatMap((r) => keeperPaths(r, env, depth + 1, path.slice(1)));
  if (b.kind !== 'expr' || !b.expr) return [];
  const keys = b.path.map((k, i) => (k !== null ? k : b.keyNodes[i] ? foldSingle(b.keyNodes[i]!, env, depth + 1) : null));
  return keys.some((k) => k === null) ? [] : keeperPaths(b.expr, env, depth + 1, [...(keys as string[]), ...path]);
}

/** The objects a listener function is registered on: t.addEventListener(name, fn), t.onabort = fn (at most 4). */
function listenerReceivers(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, env: Env, depth: number): Node[] {
  const out: Node[] = [];
  for (const at of functionRefs(fn, env)) {
    const p = at.parent;
    if (p?.type === 'CallExpression' && p.arguments[1] === at && unwrap(p.callee).type === 'MemberExpression' && memberKey(unwrap(p.callee) as TSESTree.MemberExpression, env, depth) === 'addEventListener') out.push((unwrap(p.callee) as TSESTree.MemberExpression).object);
    if (p?.type === 'AssignmentExpression' && p.right === at && p.operator === '=' && unwrap(p.left).type === 'MemberExpression' && /^on[a-z]+$/.test(memberKey(unwrap(p.left) as TSESTree.MemberExpression, env, depth) ?? '')) out.push((unwrap(p.left) as TSESTree.MemberExpression).object);
  }
  return out.slice(0, 4);
}

/**
 * The argument lists `at` (a value node: a keeper's put method read off it, a resolver destructured from it) is invoked
 * with: at(…), at.call(t, …), at.apply(t, […]), Reflect.apply(at, t, […]); null when it is used otherwise (handed on,
 * aliased, bound), so that what it is called with cannot be seen.
 */
function invokedWith(at: Node, env: Env, depth: number): Node[][] | null {
  const v = valueNode(at);
  const p = v.parent;
  const shaped = (call: TSESTree.CallExpression): Node[][] | null => {
    const shape = callShape(call, env, depth + 1);
    return unwrap(shape.callee) === unwrap(at) && !shape.argsUnknown ? [shape.args] : null;
  };
  if (p?.type === 'CallExpression' && p.callee === v) return shaped(p);
  if (p?.type === 'MemberExpression' && p.object === v && ['call', 'apply'].includes(memberKey(p, env, depth) ?? '')) {
    const call = valueNode(p).parent;
    return call?.type === 'CallExpression' && call.callee === valueNode(p) ? shaped(call) : null;
  }
  if (p?.type === 'CallExpression' && p.arguments[0] === v && isReflectApply(p.callee, env, depth)) return shaped(p);
  return null;
}

/**
 * What a keeper holds: the values its put methods are called with, wherever the file reaches them (on the variable it
 * is bound to, or destructured from it), and what it is made with. Not complete when a use of it may put a value this
 * reading does not see (it is handed on, aliased, read by a key that cannot be folded, a put method taken without a call).
 */
const keptPuts = memoize<{ values: Array<{ node: Node; env: Env; iterated?: boolean }>; complete: boolean }>({ values: [], complete: true }, (node, env, depth) => {
  const maker = node as TSESTree.NewExpression | TSESTree.CallExpression;
  const spec = KEEPERS[keeperName(originOf(maker.callee, env, depth + 1))]!;
  const out: Array<{ node: Node; env: Env; iterated?: boolean }> = [];
  const arg = (i: number | undefined) => (i === undefined ? undefined : maker.arguments[i]);
  const given = arg(spec.given);
  const elements = arg(spec.elements);
  if (given?.type === 'SpreadElement' || elements?.type === 'SpreadElement') return { values: [], complete: false };
  if (given) out.push({ node: given, env });
  if (elements) out.push({ node: elements, env, iterated: true });
  let seen = true;
  let puts = Object.keys(spec.puts);
  let putAt = spec.puts;
  const invoked = (at: Node, key: string) => {
    const calls = invokedWith(at, env, depth);
    if (!calls) seen = false;
    for (const args of calls ?? []) {
      const a = args[putAt[key]!];
      if (a) out.push({ node: a, env });
    }
  };
  // the reads of a const binding (every other write of it is a use that cannot be followed)
  const reads = (id: TSESTree.Identifier): Node[] => {
    const variable = findVariable(env.getScope(id), id);
    if (!variable || variable.references.some((r) => r.isWrite() && r.identifier !== id)) {
      seen = false;
      return [];
    }
    return variable.references.filter((r) => r.isRead()).map((r) => r.identifier as Node);
  };
  // a use of what was made (or of the variable holding it): a member read, a destructuring; a put method must be
  // invoked where it is read (or through the binding it is destructured to)
  const use = (at: Node, depthLeft: number): void => {
    const v = valueNode(at);
    const p = v.parent;
    if (p?.type === 'VariableDeclarator' && p.init === v && p.id.type === 'Identifier' && depthLeft > 0) return reads(p.id).forEach((r) => use(r, depthLeft - 1));
    if (p?.type === 'VariableDeclarator' && p.init === v && p.id.type === 'ObjectPattern') {
      for (const q of p.id.properties) {
        const key = q.type !== 'Property' ? null : q.computed ? foldSingle(q.key as Node, env, depth + 1) : q.key.type === 'Identifier' ? q.key.name : String((q.key as TSESTree.Literal).value);
        if (key === null) return void (seen = false);
        if (!puts.includes(key)) continue;
        const target = unwrap((q as TSESTree.Property).value as Node);
        if (target.type !== 'Identifier') return void (seen = false);
        for (const r of reads(target)) invoked(r, key);
      }
      return;
    }
    // (iterating it reads what it holds)
    if ((p?.type === 'ForOfStatement' && p.right === v) || (p?.type === 'AwaitExpression' && depthLeft > 0)) return p.type === 'AwaitExpression' ? use(p, depthLeft - 1) : undefined;
    if (p?.type !== 'MemberExpression' || p.object !== v) return void (seen = false);
    const key = memberKey(p, env, depth);
    if (key === null) seen = false;
    else if (puts.includes(key)) invoked(p, key);
    else if (isWriteTarget(valueNode(p))) seen = false;
  };
  const source = spec.source ? maker.arguments[spec.source.arg] : undefined;
  const src = source && source.type !== 'SpreadElement' ? derefNode(source, env, depth + 1) : null;
  if (source && src?.node.type !== 'ObjectExpression') return { values: out, complete: false };
  // what is put through the keeper itself (s.push(v), and this.push(v) in its source's methods)
  if (puts.length) {
    use(maker, 2);
    if (spec.source?.thisIsKeeper && src?.node.type === 'ObjectExpression') for (const t of thisIn(src.node)) use(t, 0);
  }
  // what is put through a controller the runtime hands a method of the source (start(c) { c.enqueue(v) }; cb(null, v))
  if (spec.source && src?.node.type === 'ObjectExpression')
    for (const prop of src.node.properties) {
      const key = prop.type === 'Property' ? (prop.computed ? foldSingle(prop.key as Node, src.env, depth + 1) : propertyKeyName(prop)) : null;
      if (key === null) return { values: out, complete: false };
      const m = Object.hasOwn(spec.source.methods, key) ? spec.source.methods[key]! : null;
      if (!m) continue;
      const fn = derefNode((prop as TSESTree.Property).value as Node, src.env, depth + 1)?.node;
      if (fn?.type !== 'FunctionExpression' && fn?.type !== 'ArrowFunctionExpression' && fn?.type !== 'FunctionDeclaration') return { values: out, complete: false };
      const param = fn.params[m.param];
      if (!param) continue;
      if (param.type !== 'Identifier') return { values: out, complete: false };
      puts = Object.keys(m.puts).filter((k) => k !== '()');
      putAt = m.puts;
      for (const r of reads(param)) {
        if (Object.hasOwn(m.puts, '()') && invokedWith(r, env, depth)) invoked(r, '()');
        else use(r, 0);
      }
    }
  return { values: out, complete: seen };
});

/** `this` in the methods of an object literal (not inside a nested function of its own this), at most 16. */
function thisIn(obj: TSESTree.ObjectExpression): Node[] {
  const out: Node[] = [];
  const visit = (n: Node, top: boolean) => {
    if (out.length >= 16) return;
    if (!top && (n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration' || n.type === 'ClassBody')) return;
    if (n.type === 'ThisExpression') out.push(n);
    forEachChild(n, (c) => visit(c, false));
  };
  for (const p of obj.properties) {
    const fn = p.type === 'Property' ? unwrap(p.value as Node) : null;
    if (fn?.type === 'FunctionExpression') visit(fn.body, true);
  }
  return out;
}

/**
 * `obj.key` read back out of a keeper (c.signal.reason, r.promise, a listener's e.target.reason): the origin of what
 * it holds; when a use of the keeper cannot be followed (fail closed) what it holds is taken without its name.
 */
function keptOrigin(obj: Node, key: string, env: Env, depth: number): Origin {
  for (const k of keeperPaths(obj, env, depth)) {
    const spec = KEEPERS[k.name]!;
    const full = [...k.path, key].join('\0');
    if (!spec.outs.some((o) => o.join('\0') === full)) continue;
    if (spec.of !== undefined) {
      const list = k.maker.arguments[spec.of];
      const el = elementsOf(list as Node | undefined, env);
      if (el.unknown) return enumerated(`the ${key} of a signal ${k.name} is given`);
      for (const s of el.items) {
        const o = keptOrigin(s, key, env, depth + 1);
        if (o.kind !== 'unknown') return o;
      }
      continue;
    }
    const o = keptIn(k.maker, k.name, env, depth);
    if (o.kind !== 'unknown') return o;
  }
  return UNKNOWN;
}

/** The origin of what a keeper holds (fail closed when a use of it cannot be followed). */
function keptIn(maker: Node, name: string, env: Env, depth: number): Origin {
  const puts = keptPuts(maker, env, depth + 1);
  if (!puts.complete) return enumerated(`a value kept by ${name}, whose uses cannot all be followed`);
  for (const v of puts.values) {
    const o = v.iterated ? iterationOrigin(v.node, v.env, depth + 1) : originOf(v.node, v.env, depth + 1);
    if (o.kind !== 'unknown') return o;
  }
  return UNKNOWN;
}

/** The values a keeper `node` reaches holds (new AbortController(), its signal, Promise.withResolvers(), its promise), for handing checks. */
export function keptValues(node: Node, env: Env, depth = 0): Array<{ node: Node; env: Env }> {
  const out: Array<{ node: Node; env: Env }> = [];
  for (const k of keeperPaths(node, env, depth)) {
    const spec = KEEPERS[k.name]!;
    if (!spec.outs.some((o) => o.length > k.path.length && k.path.every((p, i) => o[i] === p))) continue;
    if (spec.of !== undefined) {
      for (const s of elementsOf(k.maker.arguments[spec.of] as Node | undefined, env).items) out.push(...keptValues(s, env, depth + 1));
      continue;
    }
    out.push(...keptPuts(k.maker, env, depth + 1).values);
  }
  return out;
}

/** The parameter of a keeper's callback (new FinalizationRegistry((held) => …)): what register hands it (fail closed as keptOrigin). */
function keeperCallbackOrigin(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, env: Env, depth: number): Origin {
  for (const at of functionRefs(fn, env)) {
    const host = at.parent;
    // s.on('data', fn): a listener of a keeper's event is handed each value it holds
    if (host?.type === 'CallExpression' && host.arguments[1] === at && host.arguments[0] && unwrap(host.callee).type === 'MemberExpression' && LISTENER_METHODS.has(memberKey(unwrap(host.callee) as TSESTree.MemberExpression, env, depth) ?? '')) {
      const event = foldSingle(host.arguments[0] as Node, env, depth + 1);
      for (const k of keeperPaths((unwrap(host.callee) as TSESTree.MemberExpression).object, env, depth + 1)) {
        if (k.path.length || !KEEPERS[k.name]!.events?.some((e) => event === null || e === event)) continue;
        const o = keptIn(k.maker, k.name, env, depth);
        if (o.kind !== 'unknown') return o;
      }
    }
    if (host?.type !== 'NewExpression') continue;
    const name = keeperName(originOf(host.callee, env, depth + 1));
    const spec = name ? KEEPERS[name]! : null;
    if (spec?.handedTo === undefined || host.arguments[spec.handedTo] !== at) continue;
    const puts = keptPuts(host, env, depth + 1);
    if (!puts.complete) return enumerated(`a value ${name} hands its callback, whose uses cannot all be followed`);
    for (const v of puts.values) {
      const o = originOf(v.node, v.env, depth + 1);
      if (o.kind !== 'unknown') return o;
    }
  }
  return UNKNOWN;
}

/** Proxy traps that change what a member read, a call or a construction of the proxy gives */
const READ_TRAPS = new Set(['get', 'apply', 'construct', 'getOwnPropertyDescriptor']);

/**
 * A Proxy handler that is certainly without READ_TRAPS but a get trap that answers its target's member (see
 * targetMemberTrap): an object literal written in place (or a const only handed here) whose every key is written out,
 * with no spread and no __proto__ (which would lend it traps).
 */
function forwardingHandler(handler: TSESTree.CallExpressionArgument | undefined, env: Env): boolean {
  let h = handler ? unwrap(handler as Node) : null;
  if (h?.type === 'Identifier') {
    const variable = findVariable(env.getScope(h), h);
    const def = variable?.defs.length === 1 ? variable.defs[0]!.node : null;
    if (def?.type !== 'VariableDeclarator' || def.parent?.kind !== 'const' || def.id.type !== 'Identifier' || !def.init || variable!.references.filter((r) => r.identifier !== def.id).length !== 1) return false;
    h = unwrap(def.init);
  }
  if (h?.type !== 'ObjectExpression') return false;
  return h.properties.every((p) => p.type === 'Property' && !p.computed && propertyKeyName(p) !== '__proto__' && (!READ_TRAPS.has(propertyKeyName(p) ?? 'get') || (propertyKeyName(p) === 'get' && p.kind === 'init' && targetMemberTrap(p.value as Node, env))));
}

/**
 * A get trap that answers the member of its target the read names, and nothing else: `Reflect.get` itself, or a
 * function whose every return is `t[k]` or `Reflect.get(t, k)` / `Reflect.get(t, k, r)` of its own target and key
 * parameters, never assigned (`get: (t, k) => t[k]`, `get(t, k, r) { return Reflect.get(t, k, r) }`). A proxy with
 * one reads as its target; any other trap (a renamed key, another value, a body that cannot be read) does not.
 */
function targetMemberTrap(value: Node, env: Env): boolean {
  const fn = unwrap(value);
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') {
    const o = originOf(fn, env, 1);
    return o.kind === 'global' && o.path.join('.') === 'Reflect.get';
  }
  const [t, k] = fn.params;
  if (t?.type !== 'Identifier' || k?.type !== 'Identifier' || fn.async || fn.generator) return false;
  const tv = findVariable(env.getScope(t), t);
  const kv = findVariable(env.getScope(k), k);
  if (!tv || !kv || [tv, kv].some((v) => v.references.some((r) => r.isWrite()))) return false;
  const is = (n: Node | undefined, v: TSESLint.Scope.Variable) => {
    const u = n ? unwrap(n) : null;
    return u?.type === 'Identifier' && findVariable(env.getScope(u), u) === v;
  };
  const returned = returnedExpressions(fn);
  // (a block body that may end without a return answers undefined: nothing is read from elsewhere)
  return returned.length > 0 && returned.length <= 8 && returned.every((r) => {
    const u = unwrap(r);
    if (u.type === 'MemberExpression') return u.computed && is(u.object, tv) && is(u.property, kv);
    if (u.type !== 'CallExpression' || u.arguments.length < 2 || u.arguments.length > 3 || u.arguments.some((a) => a.type === 'SpreadElement')) return false;
    const co = originOf(u.callee, env, 1);
    return co.kind === 'global' && co.path.join('.') === 'Reflect.get' && is(u.arguments[0], tv) && is(u.arguments[1], kv);
  });
}

/** returnedExpressions' answers, by function and by whether yields were asked for (the walk depends on the tree alone). */
const returnedMemo = [new WeakMap<Node, Node[]>(), new WeakMap<Node, Node[]>()];

/**
 * What a function gives back: an arrow's expression body, or every `return x` (and, asked, `yield x`) not inside a
 * nested function. Kept per function: a large body is walked once, however many analyses ask (callers only read it).
 */
export function returnedExpressions(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, yields = false): Node[] {
  const memo = returnedMemo[yields ? 1 : 0]!;
  let out = memo.get(fn);
  if (!out) memo.set(fn, (out = walkReturns(fn, yields)));
  return out;
}

function walkReturns(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, yields: boolean): Node[] {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const out: Node[] = [];
  const visit = (n: Node) => {
    if (out.length > 8 || n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return;
    if (n.type === 'ReturnStatement' && n.argument) out.push(n.argument);
    if (yields && n.type === 'YieldExpression' && n.argument) out.push(n.argument);
    forEachChild(n, visit);
  };
  visit(fn.body);
  return out;
}

/** Follows identifiers and member reads of literal objects to the expression that gives the value. */
export function derefNode(node: Node, env: Env, depth = 0): { node: Node; env: Env } | null {
  return derefMemo(node, env, depth);
}

const derefMemo = memoize<{ node: Node; env: Env } | null>(null, (node, env, depth) => {
  const n = unwrap(node);
  if (depth > MAX_EVAL_DEPTH) return null;
  if (n.type === 'Identifier') {
    const variable = findVariable(env.getScope(n), n);
    if (!variable) return null;
    const bindings = bindingsOf(variable);
    if (bindings.length !== 1) return null;
    const b = bindings[0]!;
    if (b.kind === 'expr' && b.expr && b.path.length === 0) return derefNode(b.expr, env, depth + 1);
    if (b.kind === 'class' && b.def) return { node: b.def.node as Node, env };
    // an enum or a namespace is an object of constants: its members are read by propertyOf
    if (b.kind === 'other' && b.def && (b.def.type === 'TSEnumName' || b.def.type === 'TSModuleName')) return { node: b.def.node as Node, env };
    if (b.kind === 'import' && b.def) {
      const decl = b.def.parent as TSESTree.ImportDeclaration | null;
      const spec = b.def.node as Node;
      if (decl?.type !== 'ImportDeclaration' || (spec.type !== 'ImportSpecifier' && spec.type !== 'ImportDefaultSpecifier')) return null;
      const name = spec.type === 'ImportDefaultSpecifier' ? 'default' : spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
      const foreign = importedValue(env, decl.source.value, name);
      if (!foreign || foreign.path.length) return null;
      return derefNode(foreign.node, foreign.env, depth + 1);
    }
    return null;
  }
  if (n.type === 'MemberExpression') {
    const obj = derefNode(n.object, env, depth + 1);
    const key = memberKey(n, env, depth);
    if (!obj || key === null) return null;
    const value = propertyOf(obj.node, key, obj.env);
    return value ? derefNode(value, obj.env, depth + 1) : null;
  }
  // Object.freeze(x) (and Object.seal, Object.preventExtensions) answers x itself
  if (n.type === 'CallExpression' && n.arguments[0] && n.arguments[0].type !== 'SpreadElement') {
    const co = originOf(n.callee, env, depth + 1);
    if (co.kind === 'global' && FREEZERS.has(co.path.join('.'))) return derefNode(n.arguments[0], env, depth + 1);
  }
  return { node: n, env };
});
const FREEZERS = new Set(['Object.freeze', 'Object.seal', 'Object.preventExtensions']);

/** the methods that change the array they are called on */
export const ARRAY_MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'fill', 'copyWithin', 'sort', 'reverse']);
const MUTATING_METHODS = new Set([...ARRAY_MUTATING_METHODS, 'set', 'delete', 'clear', 'add']);
/** the key under which literalChanges records values inserted at no one index (push, unshift, splice, fill, Set#add, Map#set) */
export const ANY_ELEMENT = '*';
const MUTATING_GLOBALS = new Set(['Object.assign', 'Object.defineProperty', 'Object.defineProperties', 'Object.setPrototypeOf', 'Reflect.set', 'Reflect.defineProperty', 'Reflect.deleteProperty', 'Reflect.setPrototypeOf']);

/**
 * How the literal a variable is bound to changes after its declaration: `v.key = x` with a constant
 * key (each assigned value is an alternative for that key), or in ways that cannot be followed
 * (a computed or nested write, `delete`, `v.push(…)`, `Object.assign(v, …)`): opaque.
 */
export function literalChanges(node: Node, env: Env, depth = 0): LiteralChanges | null {
  const n = unwrap(node);
  // a literal inside another (holder.sub): changed when the holder is changed inside (holder.sub.k = x, holder.sub.push(x),
  // through an alias of holder.sub), or its member on the way is given another value (holder.sub = {…})
  if (n.type === 'MemberExpression' && depth < MAX_EVAL_DEPTH) {
    let root: Node = n;
    let first: TSESTree.MemberExpression | null = null;
    while (root.type === 'MemberExpression') {
      first = root;
      root = unwrap(root.object);
    }
    if (root.type !== 'Identifier' || !first) return null;
    const rc = literalChanges(root, env, depth + 1);
    const key = memberKey(first, env, depth);
    if (!rc || !(rc.opaque || key === null || rc.assigned.has(key) || rc.assigned.has(ANY_ELEMENT))) return null;
    return { opaque: true, localOpaque: rc.localOpaque || key === null || rc.assigned.size > 0, assigned: new Map(), mutations: [], onlyMutations: false };
  }
  if (n.type !== 'Identifier') return null;
  const variable = findVariable(env.getScope(n), n);
  if (!variable) return null;
  // once per variable and run: every reference of it gives the same answer (and aliases and parameters are
  // followed from here, so without the memo a value passed through many calls is re-read exponentially)
  const key = (variable.identifiers[0] as Node | undefined) ?? n;
  return changesMemo(key, env, depth);
}

/**
 * opaque: changed in ways not followed here, or in the module that declares it; localOpaque: here only; assigned: values
 * given to a key (ANY_ELEMENT: to no one index). mutations: the mutating method calls made on the literal itself in its
 * file (parts.reverse(), parts.push(x)), and onlyMutations: no other change (so its values are those calls applied to it).
 */
type LiteralChanges = { opaque: boolean; localOpaque: boolean; assigned: Map<string, Node[]>; mutations: TSESTree.CallExpression[]; onlyMutations: boolean };
const NO_CHANGES: LiteralChanges = Object.freeze({ opaque: false, localOpaque: false, assigned: new Map<string, Node[]>(), mutations: [], onlyMutations: true });

const changesMemo = memoize<LiteralChanges | null>(NO_CHANGES, (node, env, depth) => {
  const n = node as TSESTree.Identifier;
  const variable = findVariable(env.getScope(n), n);
  if (!variable) return null;
  const assigned = new Map<string, Node[]>();
  let opaque = false;
  const mutations: TSESTree.CallExpression[] = [];
  // a change other than a mutating method called on the literal itself
  let other = false;
  // an imported literal changed in the module that declares it (export const M = {}; M.k = … there): its keys cannot be trusted here
  const there = foreignChanges(n, env, depth);
  const changedThere = !!there && (there.opaque || there.assigned.size > 0);
  // a class's own name inside its body is a binding of its own (static { C.f = … }): its references count too
  const def = variable.defs[0];
  const classScope = def?.type === 'ClassName' ? env.getScope(def.node as Node) : null;
  const both = classScope ? [classScope.set.get(n.name), classScope.upper?.set.get(n.name)].filter((v): v is NonNullable<typeof v> => !!v && v.defs.some((d) => d.node === def!.node)) : [];
  const refs = both.length > 1 ? [...new Set([...both.flatMap((v) => v.references), ...variable.references])] : variable.references;
  // pushes in straight-line code beside the declaration fill the next indices in order ([] then push(a), push(b): [a, b])
  const declarator = def?.node.type === 'VariableDeclarator' ? def.node : null;
  const initList = declarator?.init ? unwrap(declarator.init as Node) : null;
  let nextIndex = initList?.type === 'ArrayExpression' && initList.elements.every((e) => e && e.type !== 'SpreadElement') ? initList.elements.length : -1;
  const declaredIn = declarator?.parent?.parent;
  const mutable = initList?.type === 'ArrayExpression' || initList?.type === 'ObjectExpression';
  for (const ref of refs) {
    // (parts as string[]).reverse(), parts!.push(x): a cast is the same value
    const id = valueNode(ref.identifier as Node);
    const p = id.parent;
    if (p?.type === 'MemberExpression' && p.object === id) {
      // (through casts on the way: x[0]![0] = v, (o.a as any).b = v)
      const wrapped = memberTop(p);
      const top: Node = unwrap(wrapped);
      const up = wrapped.parent;
      // (also a destructuring or loop target: [o.k] = [v], for (o.k of list))
      if (isWriteTarget(wrapped)) {
        const key = top === p ? memberKey(p, env, depth) : null;
        // (o.k ||= v keeps the old value or takes v: both are alternatives)
        if (key !== null && up?.type === 'AssignmentExpression' && (up.operator === '=' || LOGICAL_ASSIGN.has(up.operator))) assigned.set(key, [...(assigned.get(key) ?? []), up.right]);
        // (o[k] = v with a key that cannot be folded, arr[arr.length] = v: v may be any member)
        else if (top === p && key === null && up?.type === 'AssignmentExpression' && up.operator === '=') {
          opaque = true;
          assigned.set(ANY_ELEMENT, [...(assigned.get(ANY_ELEMENT) ?? []), up.right]);
        } else {
          opaque = true;
          // ({ [k]: o.f } = src): o.f holds src's member k (the pattern's property stands for it: see originOf)
          if (key !== null && up?.type === 'Property' && up.value === wrapped && up.parent?.type === 'ObjectPattern' && up.parent.parent?.type === 'AssignmentExpression' && up.parent.parent.left === up.parent) assigned.set(key, [...(assigned.get(key) ?? []), up]);
        }
        other = true;
      }
      if (up?.type === 'CallExpression' && up.callee === wrapped && top.type === 'MemberExpression' && MUTATING_METHODS.has(memberKey(top, env, depth) ?? '')) {
        opaque = true;
        if (top === p) mutations.push(up);
        else other = true;
        // what it inserts is an alternative for any element
        const m = top === p ? memberKey(top, env, depth) : null;
        const items = m === 'push' || m === 'unshift' || m === 'add' ? up.arguments : m === 'splice' ? up.arguments.slice(2) : m === 'fill' ? up.arguments.slice(0, 1) : m === 'set' ? up.arguments.slice(1, 2) : [];
        const inOrder = m === 'push' && nextIndex >= 0 && up.parent?.type === 'ExpressionStatement' && up.parent.parent === declaredIn && items.every((a) => a.type !== 'SpreadElement');
        if (!inOrder) nextIndex = -1;
        for (const a of items) {
          if (a.type === 'SpreadElement') continue;
          const at = inOrder ? String(nextIndex++) : ANY_ELEMENT;
          assigned.set(at, [...(assigned.get(at) ?? []), a]);
        }
      }
      // o.__defineGetter__('k', () => x): a getter of k (what it returns is assigned to k); __defineSetter__ changes it too
      if (up?.type === 'CallExpression' && up.callee === wrapped && top === p && SELF_CHANGING_MEMBERS.has(memberKey(p, env, depth) ?? '')) {
        other = true;
        const [k, g] = up.arguments;
        const key = k && k.type !== 'SpreadElement' ? foldSingle(k, env, depth + 1) : null;
        const getter = g && g.type !== 'SpreadElement' ? derefNode(g, env, depth + 1) : null;
        if (key === null || !getter || !isGetterLike(getter.node)) opaque = true;
        if (memberKey(p, env, depth) === '__defineGetter__' && getter && isGetterLike(getter.node))
          assigned.set(key ?? ANY_ELEMENT, [...(assigned.get(key ?? ANY_ELEMENT) ?? []), ...returnedExpressions(getter.node as TSESTree.FunctionExpression)]);
      }
    }
    // a member read off it and handed on (const q = holder.parts; q[0] = x, or f(holder.parts) changing its parameter):
    // a change through that name is a change inside this literal
    if (p?.type === 'MemberExpression' && p.object === id && depth < MAX_EVAL_DEPTH && changedThrough(memberTop(p), env, depth)) opaque = other = true;
    // held in another literal ({ parts }, [names]): a change through that literal's name or its member reads changes it
    if (mutable && p && depth < MAX_EVAL_DEPTH && heldAndChanged(id, env, depth)) opaque = other = true;
    // an alias (const b = a; b[1] = x) or a workspace function's parameter (f(a) with function f(p) { p[1] = x }):
    // what is changed through it is changed here
    const through = aliasOrParameter(id, env, depth);
    if (through && depth < MAX_EVAL_DEPTH) {
      const more = literalChanges(through.id, through.env, depth + 1);
      if (more) {
        opaque ||= more.localOpaque;
        for (const [k, vs] of more.assigned) assigned.set(k, [...(assigned.get(k) ?? []), ...vs]);
        // (mutating calls through an alias in the same file are calls on the literal; any other change is not followed)
        if (more.onlyMutations && through.env.file === env.file) mutations.push(...more.mutations);
        else if (more.localOpaque || more.assigned.size) other = true;
      }
    }
    // a literal array or object handed where the check does not follow it (an argument of a call it cannot see into,
    // Array.prototype.reverse.call(parts), an element of another literal, a returned value, a member of another object)
    // may be changed there
    if (mutable && !through && p && escapesHere(id, p, env, depth)) opaque = other = true;
    if ((p?.type === 'CallExpression' || p?.type === 'NewExpression') && p.arguments[0] === id) {
      const callee = originOf(p.callee, env, depth + 1);
      const fn = callee.kind === 'global' ? callee.path.join('.') : '';
      if (fn === 'Object.assign' || fn === 'Object.defineProperty' || fn === 'Reflect.defineProperty' || MUTATING_GLOBALS.has(fn)) other = true;
      if (fn === 'Object.assign') {
        // Object.assign(v, { key: x }): each literal source's keys are assignments
        for (const src of p.arguments.slice(1)) {
          const lit = src.type === 'SpreadElement' ? null : derefNode(src, env, depth + 1);
          if (lit?.node.type !== 'ObjectExpression' || lit.node.properties.some((q) => q.type !== 'Property' || q.computed)) {
            opaque = true;
            continue;
          }
          for (const q of lit.node.properties as TSESTree.Property[]) {
            const key = q.key.type === 'Identifier' ? q.key.name : String((q.key as TSESTree.Literal).value);
            assigned.set(key, [...(assigned.get(key) ?? []), q.value as Node]);
          }
        }
      } else if ((fn === 'Object.defineProperty' || fn === 'Reflect.defineProperty') && p.arguments[1] && p.arguments[2] && p.arguments[1].type !== 'SpreadElement' && p.arguments[2].type !== 'SpreadElement') {
        // Object.defineProperty(v, 'k', { value: x } or { get() { return x } }): an assignment of x to k
        const key = foldSingle(p.arguments[1], env, depth + 1);
        const desc = derefNode(p.arguments[2], env, depth + 1);
        const value = desc ? (propertyOf(desc.node, 'value') ?? propertyOf(desc.node, 'get')) : null;
        if (key === null || !value) opaque = true;
        else if (isGetterLike(value)) for (const r of returnedExpressions(value as TSESTree.FunctionExpression)) assigned.set(key, [...(assigned.get(key) ?? []), r]);
        else assigned.set(key, [...(assigned.get(key) ?? []), value]);
      } else if (fn === 'Reflect.set' && p.arguments[1] && p.arguments[2] && p.arguments[1].type !== 'SpreadElement' && p.arguments[2].type !== 'SpreadElement') {
        // Reflect.set(v, 'k', x): an assignment of x to k (a key that cannot be folded: any member)
        const key = foldSingle(p.arguments[1], env, depth + 1);
        if (key === null) opaque = true;
        assigned.set(key ?? ANY_ELEMENT, [...(assigned.get(key ?? ANY_ELEMENT) ?? []), p.arguments[2]]);
      } else if (fn === 'Object.defineProperties' && p.arguments[1] && p.arguments[1].type !== 'SpreadElement') {
        // Object.defineProperties(v, { k: { value: x } }): an assignment of x to k, for each descriptor
        opaque = true;
        const all = derefNode(p.arguments[1], env, depth + 1);
        if (all?.node.type === 'ObjectExpression')
          for (const q of all.node.properties) {
            if (q.type !== 'Property') continue;
            const key = q.computed ? foldSingle(q.key as Node, all.env, depth + 1) : q.key.type === 'Identifier' ? q.key.name : String((q.key as TSESTree.Literal).value);
            const desc = derefNode(q.value as Node, all.env, depth + 1);
            const value = desc ? (propertyOf(desc.node, 'value') ?? propertyOf(desc.node, 'get')) : null;
            if (!value) continue;
            const values = isGetterLike(value) ? returnedExpressions(value as TSESTree.FunctionExpression) : [value];
            assigned.set(key ?? ANY_ELEMENT, [...(assigned.get(key ?? ANY_ELEMENT) ?? []), ...values]);
          }
      } else if (MUTATING_GLOBALS.has(fn)) opaque = true;
    }
  }
  return { opaque: opaque || changedThere, localOpaque: opaque, assigned, mutations, onlyMutations: !other && !changedThere };
});

/** The outermost member read of a chain that starts at `m` (a.b.c for a.b), as the value node it is (casts included). */
function memberTop(m: Node): Node {
  let top = valueNode(m);
  while (top.parent?.type === 'MemberExpression' && top.parent.object === top) top = valueNode(top.parent);
  return top;
}

/** The value at `v` (a member read) is handed to a name (an alias, a workspace function's parameter) through which it is changed. */
function changedThrough(v: Node, env: Env, depth: number): boolean {
  const through = aliasOrParameter(v, env, depth);
  if (!through) return false;
  const more = literalChanges(through.id, through.env, depth + 1);
  return !!more && (more.opaque || more.assigned.size > 0 || more.mutations.length > 0);
}

/**
 * `id` (a reference to a literal) stands as a member or an element of another literal, and that literal is changed
 * inside (holder.parts[0] = x, holder.parts.push(x) through the holder's variable or a function it is handed to), or
 * is read and changed where it stands ([names][0].k = x).
 */
function heldAndChanged(id: Node, env: Env, depth: number): boolean {
  let v = valueNode(id);
  let held = false;
  for (let i = 0; i < 8; i++) {
    const p = v.parent;
    if (p?.type === 'Property' && p.value === v && p.parent?.type === 'ObjectExpression') v = valueNode(p.parent);
    else if (p?.type === 'ArrayExpression') v = valueNode(p);
    else break;
    held = true;
  }
  if (!held) return false;
  const p = v.parent;
  if (p?.type === 'MemberExpression' && p.object === v) {
    const top = memberTop(p);
    const up = top.parent;
    if (isWriteTarget(top)) return true;
    if (up?.type === 'CallExpression' && up.callee === top && top.type === 'MemberExpression' && MUTATING_METHODS.has(memberKey(top, env, depth) ?? '')) return true;
    return changedThrough(top, env, depth);
  }
  const through = aliasOrParameter(v, env, depth);
  if (!through) return false;
  const more = literalChanges(through.id, through.env, depth + 1);
  return !!more && more.opaque;
}

const isGetterLike = (v: Node): boolean => v.type === 'FunctionExpression' || v.type === 'ArrowFunctionExpression';

/**
 * `id` (a reference to a literal) is handed, at its parent `p`, to a change the member reads above do not see: the
 * receiver of a mutating method called through .call / .apply / Reflect.apply (Array.prototype.reverse.call(parts)),
 * or an element of a literal array whose elements a callback or a loop is handed ([parts].forEach((x) => x.reverse())).
 * Reading calls (fs, builtins, loggers, a route's answer) are not changes: a literal they are handed keeps its value.
 */
function escapesHere(id: Node, p: Node, env: Env, depth: number): boolean {
  if (p.type === 'CallExpression' && p.arguments.includes(id as TSESTree.Expression)) {
    const callee = unwrap(p.callee);
    const via = callee.type === 'MemberExpression' ? memberKey(callee, env, depth) : null;
    const target = via === 'call' || via === 'apply' ? unwrap((callee as TSESTree.MemberExpression).object) : null;
    if (target?.type === 'MemberExpression' && p.arguments[0] === id && MUTATING_METHODS.has(memberKey(target, env, depth) ?? '')) return true;
    const co = originOf(p.callee, env, depth + 1);
    if (co.kind === 'global' && co.path.join('.') === 'Reflect.apply' && p.arguments[1] === id) return true;
    return false;
  }
  if (p.type === 'ArrayExpression') {
    const host = p.parent;
    if (host?.type === 'ForOfStatement' && host.right === p) return true;
    return host?.type === 'MemberExpression' && host.object === p && CALLBACK_METHODS.has(memberKey(host, env, depth) ?? '');
  }
  return false;
}

/** The variable name a reference is copied to: `const b = a`, `b = a` or `b ??= a` (and ||=, &&=) gives b. */
export function aliasIdentifier(id: Node): TSESTree.Identifier | null {
  const p = id.parent;
  if (p?.type === 'VariableDeclarator' && p.init === id && p.id.type === 'Identifier') return p.id;
  if (p?.type === 'AssignmentExpression' && p.right === id && (p.operator === '=' || LOGICAL_ASSIGN.has(p.operator)) && p.left.type === 'Identifier') return p.left;
  return null;
}

/** The other name a reference hands its value to: `const b = a` / `b = a`, or the parameter of a workspace function it is passed to. */
function aliasOrParameter(id: Node, env: Env, depth: number): { id: TSESTree.Identifier; env: Env } | null {
  const p = id.parent;
  const alias = aliasIdentifier(id);
  if (alias) return { id: alias, env };
  if ((p?.type === 'CallExpression' || p?.type === 'NewExpression') && p.arguments.includes(id as TSESTree.Expression)) {
    const called = depth < MAX_EVAL_DEPTH ? calledFunctionRef.fn?.(p.callee, env) : null;
    const param = called?.fn.params[p.arguments.indexOf(id as TSESTree.Expression)];
    if (called && param?.type === 'Identifier') return { id: param, env: called.env };
  }
  return null;
}

/** How an imported literal changes in the module that declares it (`export const CFG = {…}; CFG.dir = …` there), in that module's env. */
export function foreignChanges(node: Node, env: Env, depth = 0): { opaque: boolean; assigned: Map<string, Node[]>; env: Env } | null {
  const n = unwrap(node);
  if (n.type !== 'Identifier' || depth > MAX_EVAL_DEPTH) return null;
  const def = findVariable(env.getScope(n), n)?.defs[0];
  if (def?.type !== 'ImportBinding') return null;
  const decl = def.parent as TSESTree.ImportDeclaration | null;
  const spec = def.node as Node;
  const name = spec.type === 'ImportSpecifier' ? (spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value)) : spec.type === 'ImportDefaultSpecifier' ? 'default' : null;
  const foreign = decl?.type === 'ImportDeclaration' && name ? importedValue(env, decl.source.value, name) : null;
  if (!foreign || foreign.path.length) return null;
  const holder = foreign.node.type === 'Identifier' ? foreign.node : foreign.node.parent?.type === 'VariableDeclarator' && foreign.node.parent.id.type === 'Identifier' ? foreign.node.parent.id : null;
  const changes = holder ? literalChanges(holder, foreign.env, depth + 1) : null;
  return changes ? { ...changes, env: foreign.env } : null;
}

/** The module specifier when `node` is a namespace import (`import * as ns from '…'`). */
export function namespaceSource(node: Node, env: Env): string | null {
  const n = unwrap(node);
  // (await import('./a.js')), or a const holding it: the module's namespace object too
  const awaited = n.type === 'AwaitExpression' ? n : n.type === 'Identifier' ? derefNode(n, env) : null;
  const a = awaited && 'node' in awaited ? unwrap(awaited.node) : awaited;
  if (a?.type === 'AwaitExpression' && unwrap(a.argument).type === 'ImportExpression') {
    const spec = foldSingle((unwrap(a.argument) as TSESTree.ImportExpression).source, awaited && 'env' in awaited ? awaited.env : env);
    if (spec !== null) return spec;
  }
  if (n.type !== 'Identifier') return null;
  const variable = findVariable(env.getScope(n), n);
  const def = variable?.defs[0];
  // import('./a.js').then((m) => …): the callback's first parameter is the namespace
  const fn = def?.type === 'Parameter' ? (def.node as Node) : null;
  if (fn && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') && fn.params[0] === def!.name && variable!.defs.length === 1) {
    const call = fn.parent;
    const callee = call?.type === 'CallExpression' && call.arguments[0] === fn ? unwrap(call.callee) : null;
    if (callee?.type === 'MemberExpression' && memberKey(callee, env) === 'then' && unwrap(callee.object).type === 'ImportExpression') {
      const spec = foldSingle((unwrap(callee.object) as TSESTree.ImportExpression).source, env);
      if (spec !== null) return spec;
    }
  }
  if (!def || def.type !== 'ImportBinding' || (def.node as Node).type !== 'ImportNamespaceSpecifier') return null;
  const decl = def.parent as TSESTree.ImportDeclaration | null;
  return decl?.type === 'ImportDeclaration' ? decl.source.value : null;
}

export function propertyOf(obj: Node, key: string, env?: Env): Node | null {
  // an enum member's initialiser (members without one are numbers, which name no path)
  if (obj.type === 'TSEnumDeclaration') {
    for (const m of obj.body.members) {
      const k = m.id.type === 'Identifier' ? m.id.name : m.id.type === 'Literal' ? String(m.id.value) : null;
      if (k === key) return (m.initializer as Node | undefined) ?? null;
    }
    return null;
  }
  // a namespace's exported constants, enums, classes and nested namespaces
  if (obj.type === 'TSModuleDeclaration') {
    const body = obj.body;
    if (!body || body.type !== 'TSModuleBlock') return null;
    for (const stmt of body.body) {
      if (stmt.type !== 'ExportNamedDeclaration' || !stmt.declaration) continue;
      const d = stmt.declaration;
      if (d.type === 'VariableDeclaration' && d.kind === 'const')
        for (const decl of d.declarations) if (decl.id.type === 'Identifier' && decl.id.name === key) return (decl.init as Node | null) ?? null;
      if ((d.type === 'TSEnumDeclaration' || d.type === 'ClassDeclaration' || d.type === 'TSModuleDeclaration') && d.id?.type === 'Identifier' && d.id.name === key) return d as Node;
    }
    return null;
  }
  // a class's static members: `static D = '…'`, `static get d() {…}`, `static m() {…}`
  if (obj.type === 'ClassDeclaration' || obj.type === 'ClassExpression') {
    for (let i = obj.body.body.length - 1; i >= 0; i--) {
      const m = obj.body.body[i]!;
      if ((m.type !== 'PropertyDefinition' && m.type !== 'MethodDefinition') || !m.static) continue;
      // (a computed key that is not written out may be this one: the later member wins, so nothing before it is known)
      const k = m.computed ? staticKey(m.key as Node, env) : m.key.type === 'Identifier' ? m.key.name : m.key.type === 'PrivateIdentifier' ? `#${m.key.name}` : m.key.type === 'Literal' ? String(m.key.value) : null;
      if (k === undefined) return null;
      if (k === key) return (m.value as Node | null) ?? null;
    }
    return null;
  }
  if (obj.type === 'ObjectExpression') {
    // the last definition wins: a later spread or computed key that cannot be read here may be the one
    for (let i = obj.properties.length - 1; i >= 0; i--) {
      const p = obj.properties[i]!;
      if (p.type === 'SpreadElement') {
        const inner = unwrap(p.argument);
        if (inner.type !== 'ObjectExpression') return null;
        const found = propertyOf(inner, key, env);
        if (found || inner.properties.some((q) => q.type === 'SpreadElement' || q.computed)) return found;
        continue;
      }
      if (p.type !== 'Property') continue;
      const k = p.computed ? staticKey(p.key as Node, env) : p.key.type === 'Identifier' ? p.key.name : String((p.key as TSESTree.Literal).value);
      if (k === undefined) return null;
      if (k === key) return p.value as Node;
    }
  }
  if (obj.type === 'ArrayExpression' && /^\d+$/.test(key)) {
    // (a spread before the index moves it: unknown here)
    const index = Number(key);
    if (obj.elements.slice(0, index + 1).some((e) => e?.type === 'SpreadElement')) return null;
    const el = obj.elements[index];
    return el && el.type !== 'SpreadElement' ? el : null;
  }
  return null;
}

/** A computed key written out (['k'], [`k`]); null for a symbol; undefined when it is an expression this syntax-only reading cannot name. */
function staticKey(k: Node, env?: Env): string | null | undefined {
  const n = unwrap(k);
  if (n.type === 'Literal') return String(n.value);
  // a symbol (Symbol.iterator, Symbol('x'), Symbol.for('x'), a const holding one) is never a string key: null, no name
  const made = env && n.type === 'Identifier' ? derefNode(n, env) : null;
  const s0 = made ? unwrap(made.node) : n;
  const sym = s0.type === 'MemberExpression' ? s0.object : s0.type === 'CallExpression' ? (s0.callee.type === 'MemberExpression' ? s0.callee.object : s0.callee) : null;
  if (sym?.type === 'Identifier' && sym.name === 'Symbol') return null;
  // a key the file's constants give (const K = 'flag'; [K], [`${K}2`])
  if (env) {
    const folded = foldSingle(n, env);
    if (folded !== null) return folded;
  }
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0]!.value.cooked ?? undefined;
  return undefined;
}

const DESCRIPTOR_CALLS = new Set(['Object.getOwnPropertyDescriptor', 'Reflect.getOwnPropertyDescriptor']);

/** `node` is a property descriptor (Object.getOwnPropertyDescriptor(o, k)), directly or through a constant. */
export function isDescriptorRead(node: Node, env: Env, depth = 0): boolean {
  const d = derefNode(node, env, depth + 1);
  const n = d ? unwrap(d.node) : unwrap(node);
  if (n.type !== 'CallExpression' || depth > MAX_EVAL_DEPTH) return false;
  const o = originOf(n.callee, d?.env ?? env, depth + 1);
  return o.kind === 'global' && DESCRIPTOR_CALLS.has(o.path.join('.'));
}

const isGetter = (v: Node): boolean =>
  (v.type === 'FunctionExpression' || v.type === 'ArrowFunctionExpression') && !!v.parent && (v.parent.type === 'Property' || v.parent.type === 'MethodDefinition') && v.parent.kind === 'get';

/** The origin of a member's value: a getter stands for what it returns. */
function valueOrigin(v: Node, env: Env, depth: number): Origin {
  if (!isGetter(v)) return originOf(v, env, depth + 1);
  for (const r of returnedExpressions(v as TSESTree.FunctionExpression)) {
    const o = originOf(r, env, depth + 1);
    if (o.kind !== 'unknown') return o;
  }
  return UNKNOWN;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class an instance belongs to: `this` in a class's methods (not in a nested function), `new C()` of a class of the workspace. */
function instanceClass(node: Node, env: Env, depth: number): { cls: ClassNode; env: Env; viaThis: boolean } | null {
  const n = unwrap(node);
  if (n.type === 'ThisExpression') {
    for (let p: Node | undefined = n.parent; p; p = p.parent) {
      if (p.type === 'FunctionDeclaration' || (p.type === 'FunctionExpression' && p.parent?.type !== 'MethodDefinition')) return null;
      if (p.type === 'ClassBody') return { cls: p.parent as ClassNode, env, viaThis: true };
    }
    return null;
  }
  const d = derefNode(n, env, depth + 1);
  if (d?.node.type !== 'NewExpression') return null;
  // (new (mixin(Base))() too; and new F() of a function: the this.k = v its body makes, read as a class's)
  const c = classesOf(d.node.callee, d.env, depth + 1)[0];
  if (c) return { cls: c.cls, env: c.env, viaThis: false };
  const f = calledFunctionRef.fn?.(d.node.callee, d.env);
  return f && f.fn.type !== 'ArrowFunctionExpression' ? { cls: f.fn as unknown as ClassNode, env: f.env, viaThis: false } : null;
}

const memberName = (k: Node): string | null => (k.type === 'Identifier' ? k.name : k.type === 'PrivateIdentifier' ? `#${k.name}` : k.type === 'Literal' ? String(k.value) : null);

/**
 * Every expression member `key` of `obj` may hold, as far as can be seen: its value in a literal
 * object (or a class's static member), values assigned to it after the declaration (`o.k = v`,
 * Object.assign, Object.defineProperty), and for an instance (`this`, `new C()`) the class's
 * fields, methods, getters and `this.key = v` assignments.
 */
export function memberValues(obj: Node, key: string, env: Env, depth = 0): Array<{ node: Node; env: Env }> {
  return memberValuesMemo(obj, key, env, depth);
}

// A member asked about again while it is being read (a holder that leads back to it) adds nothing the first reading does not find.
const memberValuesMemo = memoizeByKey<Array<{ node: Node; env: Env }>>([], (obj, key, env, depth) => {
  const out: Array<{ node: Node; env: Env }> = [];
  const lit = derefNode(obj, env, depth + 1);
  if (lit) {
    const value = propertyOf(lit.node, key, lit.env);
    if (value) out.push({ node: value, env: lit.env });
  }
  // new Error(m, { cause: v }).cause, Object.create(p, { k: { value: v } }).k: what the options or descriptors hold
  if (lit && (lit.node.type === 'NewExpression' || lit.node.type === 'CallExpression')) {
    const co = originOf(lit.node.callee, lit.env, depth + 1);
    const name = co.kind === 'global' ? co.path.join('.') : '';
    const at = (i: number) => (lit.node as TSESTree.CallExpression).arguments[i];
    const options = key === 'cause' && /Error$/.test(name) ? at(1) : name === 'Object.create' ? at(1) : undefined;
    const holder = options && options.type !== 'SpreadElement' ? derefNode(options, lit.env, depth + 1) : null;
    const held = holder ? propertyOf(holder.node, key) : null;
    if (held && name === 'Object.create') {
      const desc = derefNode(held, holder!.env, depth + 1);
      const v = desc ? (propertyOf(desc.node, 'value') ?? propertyOf(desc.node, 'get')) : null;
      if (v) out.push({ node: v, env: desc!.env });
    } else if (held) out.push({ node: held, env: holder!.env });
    // new Proxy(target, { get }).k: what the get trap returns (for any key), else the target's member
    if (name === 'Proxy' && lit.node.type === 'NewExpression') {
      const target = at(0);
      const handler = at(1) && at(1)!.type !== 'SpreadElement' ? derefNode(at(1) as Node, lit.env, depth + 1) : null;
      const trap = handler ? propertyOf(handler.node, 'get', handler.env) : null;
      const fn = trap ? unwrap(trap) : null;
      // (a trap answering its target's member, t[k], is that member: the target's, below)
      if (fn && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') && !targetMemberTrap(fn, handler!.env)) for (const r of returnedExpressions(fn)) out.push({ node: r, env: handler!.env });
      if (target && target.type !== 'SpreadElement' && depth < MAX_EVAL_DEPTH) out.push(...memberValues(target as Node, key, lit.env, depth + 1));
    }
  }
  // Object.assign(target, { k: v }, …).k: the value a literal source gives it
  if (lit && lit.node.type === 'CallExpression') {
    const co = originOf(lit.node.callee, lit.env, depth + 1);
    if (co.kind === 'global' && co.path.join('.') === 'Object.assign')
      for (const a of lit.node.arguments) {
        const src = a.type === 'SpreadElement' ? null : derefNode(a, lit.env, depth + 1);
        const value = src ? propertyOf(src.node, key) : null;
        if (value) out.push({ node: value, env: src!.env });
      }
  }
  // e.detail in a listener: what the file's dispatched events carry (new CustomEvent(name, { detail: v }))
  if (!lit) out.push(...listenerPayloads(obj, key, env, depth));
  // o.a.k where o.a is not a literal the file names directly (a getter's result, a listener's e.detail): k of what o.a may hold
  const inner = unwrap(obj);
  const innerKey = !lit && inner.type === 'MemberExpression' && depth < MAX_EVAL_DEPTH ? memberKey(inner, env, depth) : null;
  if (innerKey !== null)
    for (const h of memberValues((inner as TSESTree.MemberExpression).object, innerKey, env, depth + 1).slice(0, 8)) {
      const d = derefNode(h.node, h.env, depth + 1);
      const v = d ? propertyOf(d.node, key, d.env) : null;
      if (v) out.push({ node: v, env: d!.env });
    }
  // o.inner.k = v after const o = {}: assignments to the same member path of the same variable
  out.push(...pathAssignments(obj, key, env));
  // o.k = v after the declaration of o, whatever o holds: a literal, a class or a function (C.k = v, F.k = v), a copy
  // (structuredClone(x), Object.create(p), new Foo()), a parameter: each value assigned is one the member may hold
  // (a variable of the file, not a global: the module system's objects are read, not built here)
  const changes = declaredHere(obj, env) ? literalChanges(obj, env, depth) : null;
  for (const v of changes?.assigned.get(key) ?? []) out.push({ node: v, env });
  // (a member may hold what is put in at no one key: splice(i, n, v), fill(v), an unordered push, o[k] = v; not
  // a method of arrays and collections, arr.push, which those name)
  if (/^\d+$/.test(key) || !(key in Array.prototype || key in Map.prototype || key in Set.prototype)) for (const v of changes?.assigned.get(ANY_ELEMENT) ?? []) out.push({ node: v, env });
  // a class's static members assigned in static blocks and static methods (static { this.g = … })
  // (and an object literal's: box.put(x) with put(v) { this.v = v })
  if (lit && (lit.node.type === 'ClassDeclaration' || lit.node.type === 'ClassExpression' || lit.node.type === 'ObjectExpression'))
    for (const right of thisAssignments(lit.node, lit.env).get(key) ?? []) out.push({ node: right, env: lit.env });
  const inst = instanceClass(obj, env, depth);
  if (inst) {
    // (and of the classes it extends, and, for this, of the file's classes that extend it: a base class's method
    // reads members a subclass or a mixin's base supplies)
    for (const c of relatedClasses(inst.cls, inst.env, inst.viaThis, depth)) {
      for (const m of c.cls.body.body)
        if ((m.type === 'PropertyDefinition' || m.type === 'MethodDefinition' || m.type === 'AccessorProperty') && (inst.viaThis || !m.static) && !m.computed && memberName(m.key) === key && m.value)
          out.push({ node: m.value as Node, env: c.env });
      for (const right of thisAssignments(c.cls, c.env).get(key) ?? []) out.push({ node: right, env: c.env });
      out.push(...prototypeMembers(c.cls, key, c.env, depth));
    }
    // constructor(public f) with new C(x): x (a parameter property is a field set from the argument)
    const made = inst.viaThis ? null : derefNode(obj, env, depth + 1);
    const ctor = inst.cls.body.body.find((m): m is TSESTree.MethodDefinition => m.type === 'MethodDefinition' && m.kind === 'constructor');
    if (made?.node.type === 'NewExpression' && ctor)
      ctor.value.params.forEach((p, i) => {
        const prop = p.type === 'TSParameterProperty' ? p.parameter : null;
        const id = prop?.type === 'AssignmentPattern' ? prop.left : prop;
        const arg = (made.node as TSESTree.NewExpression).arguments[i];
        if (id?.type === 'Identifier' && id.name === key && arg && arg.type !== 'SpreadElement') out.push({ node: arg, env: made.env });
      });
  }
  // what the object may be besides its own node, and its prototypes: k of each (a few hops deep)
  if (lit && depth + HOLDER_HOP < MAX_EVAL_DEPTH) for (const h of otherHolders(obj, lit, env, depth).slice(0, 8)) out.push(...memberValues(h.node, key, h.env, depth + HOLDER_HOP));
  return out;
});

/**
 * What the file puts on a class's (or a function's) prototype under `key`: C.prototype.k = v,
 * Object.defineProperty(C.prototype, 'k', { value, get }), Object.assign(C.prototype, { k }) (a getter stands for its returns).
 */
function prototypeMembers(cls: ClassNode, key: string, env: Env, depth: number): Array<{ node: Node; env: Env }> {
  const id = cls.type === 'ClassDeclaration' || (cls as Node).type === 'FunctionDeclaration' ? cls.id : cls.parent?.type === 'VariableDeclarator' && cls.parent.id.type === 'Identifier' ? cls.parent.id : null;
  if (!id) return [];
  const scope = cls.type === 'ClassDeclaration' ? env.getScope(cls).upper : env.getScope(id);
  const variable = scope ? findVariable(scope, id.name) : null;
  const out: Array<{ node: Node; env: Env }> = [];
  const fromDescriptor = (desc: Node | undefined) => {
    const d = desc && desc.type !== 'SpreadElement' ? derefNode(desc, env, depth + 1) : null;
    if (d?.node.type !== 'ObjectExpression') return;
    const value = propertyOf(d.node, 'value');
    if (value) out.push({ node: value, env: d.env });
    const get = propertyOf(d.node, 'get');
    const g = get ? unwrap(get) : null;
    if (g && (g.type === 'FunctionExpression' || g.type === 'ArrowFunctionExpression')) for (const r of returnedExpressions(g)) out.push({ node: r, env: d.env });
  };
  for (const ref of (variable?.references ?? []).slice(0, 32)) {
    const at = valueNode(ref.identifier as Node);
    const proto = at.parent;
    if (proto?.type !== 'MemberExpression' || proto.object !== at || memberKey(proto, env, depth) !== 'prototype') continue;
    const top = valueNode(proto);
    const up = top.parent;
    if (up?.type === 'MemberExpression' && up.object === top && memberKey(up, env, depth) === key && up.parent?.type === 'AssignmentExpression' && up.parent.left === up) out.push({ node: up.parent.right, env });
    if (up?.type === 'CallExpression' && up.arguments[0] === top) {
      const co = originOf(up.callee, env, depth + 1);
      const name = co.kind === 'global' ? co.path.join('.') : '';
      if ((name === 'Object.defineProperty' || name === 'Reflect.defineProperty') && up.arguments[1] && foldSingle(up.arguments[1] as Node, env, depth + 1) === key) fromDescriptor(up.arguments[2] as Node | undefined);
      if (name === 'Object.defineProperties' && up.arguments[1] && up.arguments[1].type !== 'SpreadElement') {
        const all = derefNode(up.arguments[1], env, depth + 1);
        const desc = all ? propertyOf(all.node, key) : null;
        if (desc) fromDescriptor(desc);
      }
      if (name === 'Object.assign')
        for (const a of up.arguments.slice(1)) {
          const src = a.type === 'SpreadElement' ? null : derefNode(a, env, depth + 1);
          const value = src ? propertyOf(src.node, key) : null;
          if (value) out.push({ node: value, env: src!.env });
        }
    }
  }
  return out;
}

/** how much of the depth budget following one holder of a member costs (so that only a few are followed in a row) */
const HOLDER_HOP = 8;
const PROTOTYPE_SETTERS = new Set(['Object.setPrototypeOf', 'Reflect.setPrototypeOf']);

/**
 * The other expressions whose members `obj` (dereferenced to `lit`) has: what a workspace function returns (mk().k,
 * (() => ({ k }))()), what a constructor returns (new C() with constructor() { return {…} }, Reflect.construct), a
 * conditional's or logical's branches, an awaited value, and its prototypes: { __proto__: p }, Object.create(p),
 * Object.setPrototypeOf(o, p) / o.__proto__ = p on its variable, and for a class (its statics) the class it extends.
 */
function otherHolders(obj: Node, lit: { node: Node; env: Env }, env: Env, depth: number): Array<{ node: Node; env: Env }> {
  const n = lit.node;
  const e = lit.env;
  const out: Array<{ node: Node; env: Env }> = [];
  const at = (x: Node | undefined | null) => {
    if (x && x.type !== 'SpreadElement') out.push({ node: x, env: e });
  };
  if (n.type === 'ConditionalExpression') out.push({ node: n.consequent, env: e }, { node: n.alternate, env: e });
  else if (n.type === 'LogicalExpression') out.push({ node: n.left, env: e }, { node: n.right, env: e });
  else if (n.type === 'AwaitExpression') at(n.argument);
  else if (n.type === 'SequenceExpression') at(n.expressions.at(-1));
  else if (n.type === 'ThisExpression') for (const t of thisGiven(n, e, depth)) at(t);
  else if (n.type === 'ObjectExpression') {
    for (const p of n.properties)
      if (p.type === 'Property' && p.kind === 'init' && !p.computed && !p.shorthand && !p.method && ((p.key.type === 'Identifier' && p.key.name === '__proto__') || (p.key.type === 'Literal' && p.key.value === '__proto__'))) at(p.value as Node);
  } else if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') at(n.superClass as Node | null);
  else if (n.type === 'CallExpression' || n.type === 'NewExpression') {
    const co = originOf(n.callee, e, depth + 1);
    const name = co.kind === 'global' ? co.path.join('.') : '';
    if (name === 'Object.create') at(n.arguments[0] as Node | undefined);
    else if (name === 'Reflect.construct' && n.arguments[0] && n.arguments[0].type !== 'SpreadElement') out.push(...constructorReturns(n.arguments[0], e, depth));
    else if (n.type === 'NewExpression') out.push(...constructorReturns(n.callee, e, depth));
    else {
      const called = calledFunctionRef.fn?.(n.callee, e);
      if (called && !called.fn.generator) for (const r of returnedExpressions(called.fn)) out.push({ node: r, env: called.env });
    }
  }
  const id = unwrap(obj);
  if (id.type === 'Identifier' && declaredHere(id, env)) {
    for (const ref of findVariable(env.getScope(id), id)?.references ?? []) {
      const at0 = valueNode(ref.identifier as Node);
      const call = at0.parent;
      if (call?.type !== 'CallExpression' || call.arguments[0] !== at0 || !call.arguments[1] || call.arguments[1].type === 'SpreadElement') continue;
      const co = originOf(call.callee, env, depth + 1);
      if (co.kind === 'global' && PROTOTYPE_SETTERS.has(co.path.join('.'))) out.push({ node: call.arguments[1], env });
    }
    for (const v of literalChanges(id, env, depth)?.assigned.get('__proto__') ?? []) out.push({ node: v, env });
  }
  return out;
}

/** What constructing `callee` answers when its constructor returns a value: a class's constructor's or a function's returns. */
function constructorReturns(callee: Node, env: Env, depth: number): Array<{ node: Node; env: Env }> {
  const c = derefNode(callee, env, depth + 1);
  if (!c) return [];
  const fn =
    c.node.type === 'ClassDeclaration' || c.node.type === 'ClassExpression'
      ? c.node.body.body.find((m): m is TSESTree.MethodDefinition => m.type === 'MethodDefinition' && m.kind === 'constructor')?.value
      : c.node.type === 'FunctionDeclaration' || c.node.type === 'FunctionExpression' ? c.node : undefined;
  return fn && (fn.type === 'FunctionExpression' || fn.type === 'FunctionDeclaration') ? returnedExpressions(fn).map((r) => ({ node: r, env: c.env })) : [];
}

/** The classes an expression may be: a class (through constants), what a workspace function returns (a mixin), what a parameter is passed. */
function classesOf(node: Node, env: Env, depth: number): Array<{ cls: ClassNode; env: Env }> {
  if (depth > MAX_EVAL_DEPTH) return [];
  // const M = (Base) => class extends Base {}: Base is what M's call sites pass
  const id = unwrap(node);
  if (id.type === 'Identifier') {
    const variable = findVariable(env.getScope(id), id);
    const b = variable ? bindingsOf(variable) : [];
    if (b.length === 1 && b[0]!.kind === 'param' && b[0]!.path.length === 0) return callSiteArgumentNodes(b[0]!, env).slice(0, 4).flatMap((a) => classesOf(a, env, depth + HOLDER_HOP));
  }
  const d = derefNode(node, env, depth + 1);
  if (!d) return [];
  const n = d.node;
  if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return [{ cls: n, env: d.env }];
  if (n.type === 'CallExpression') {
    const called = calledFunctionRef.fn?.(n.callee, d.env);
    return called ? returnedExpressions(called.fn).flatMap((r) => classesOf(r, called.env, depth + HOLDER_HOP)) : [];
  }
  return [];
}

/**
 * `cls` and the classes whose instance members an instance of it has: those it extends (through mixins too) and,
 * when it is read through `this` (which may be an instance of a subclass), the file's classes that extend it and theirs.
 */
function relatedClasses(cls: ClassNode, env: Env, viaThis: boolean, depth: number): Array<{ cls: ClassNode; env: Env }> {
  const out: Array<{ cls: ClassNode; env: Env }> = [{ cls, env }];
  const has = (c: ClassNode) => out.some((x) => x.cls === c);
  const up = (from: number) => {
    for (let i = from; i < out.length && out.length < 12; i++) {
      const c = out[i]!;
      if (c.cls.superClass) for (const s of classesOf(c.cls.superClass, c.env, depth + 1)) if (!has(s.cls)) out.push(s);
    }
  };
  up(0);
  if (viaThis && out.length < 12) {
    const program = rootOf(cls);
    const subclasses: Array<{ cls: ClassNode; env: Env }> = [];
    forEachChild(program, function visit(n: Node) {
      if ((n.type === 'ClassDeclaration' || n.type === 'ClassExpression') && n.superClass && subclasses.length < 12) subclasses.push({ cls: n, env });
      forEachChild(n, visit);
    });
    for (let changed = true; changed && out.length < 12; ) {
      changed = false;
      for (const s of subclasses)
        if (!has(s.cls) && classesOf(s.cls.superClass!, s.env, depth + 1).some((b) => has(b.cls))) {
          const from = out.length;
          out.push(s);
          up(from);
          changed = true;
        }
    }
  }
  return out;
}

/** events whose init object carries a payload to listeners, by the member that holds it */
const EVENT_PAYLOADS: Record<string, string> = { CustomEvent: 'detail', MessageEvent: 'data' };

/**
 * `e.<key>` where e is the event parameter of a listener (t.addEventListener(name, (e) => …), the global
 * addEventListener, a function declared apart and registered so): the payload of each event the file dispatches
 * that may reach it (dispatchEvent(new CustomEvent(name, { detail: v })) gives v for e.detail; an event name that
 * cannot be folded, on either side, matches all).
 */
export function listenerPayloads(obj: Node, key: string, env: Env, depth: number): Array<{ node: Node; env: Env }> {
  const id = unwrap(obj);
  if (id.type !== 'Identifier' || depth > MAX_EVAL_DEPTH) return [];
  const variable = findVariable(env.getScope(id), id);
  const def = variable?.defs[0];
  const fn = def?.type === 'Parameter' ? (def.node as Node) : null;
  if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration') || fn.params[0] !== def!.name) return [];
  return eventPayloads(fn, key, env, depth);
}

/** The payloads under `key` of the events the file dispatches to the listener `fn` (see listenerPayloads). */
function eventPayloads(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration, key: string, env: Env, depth: number): Array<{ node: Node; env: Env }> {
  if (depth > MAX_EVAL_DEPTH) return [];
  // where the listener is registered: inline, or by the name of the function
  const refs: Node[] = [fn];
  const nameId = fn.type === 'FunctionDeclaration' ? fn.id : fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id : null;
  const named = nameId ? findVariable(env.getScope(nameId), nameId) : null;
  for (const ref of named?.references ?? []) refs.push(ref.identifier as Node);
  const names: Array<string | null> = [];
  for (const r of refs) {
    const at = valueNode(r);
    const call = at.parent;
    if (call?.type !== 'CallExpression' || call.arguments[1] !== at || !call.arguments[0]) continue;
    const c = unwrap(call.callee);
    const registers = c.type === 'MemberExpression' ? memberKey(c, env, depth) === 'addEventListener' : c.type === 'Identifier' && c.name === 'addEventListener';
    if (registers) names.push(foldSingle(call.arguments[0] as Node, env, depth + 1));
  }
  if (!names.length) return [];
  const program = rootOf(fn);
  const dispatches: TSESTree.CallExpression[] = [...methodCallSites(program, 'dispatchEvent', env)];
  const visit = (n: Node) => {
    if (n.type === 'CallExpression' && unwrap(n.callee).type === 'Identifier' && (unwrap(n.callee) as TSESTree.Identifier).name === 'dispatchEvent') dispatches.push(n);
    forEachChild(n, visit);
  };
  if (dispatches.length < 16) visit(program);
  const out: Array<{ node: Node; env: Env }> = [];
  for (const call of dispatches.slice(0, 16)) {
    const arg = call.arguments[0];
    const ev = arg && arg.type !== 'SpreadElement' ? derefNode(arg, env, depth + 1) : null;
    if (ev?.node.type !== 'NewExpression') continue;
    const co = originOf(ev.node.callee, ev.env, depth + 1);
    const [nameArg, initArg] = ev.node.arguments;
    const sent = nameArg && nameArg.type !== 'SpreadElement' ? foldSingle(nameArg, ev.env, depth + 1) : null;
    if (!names.some((n) => n === null || sent === null || n === sent)) continue;
    // an event of a class of the file (class E extends Event { f = … }): the members an instance of it has
    if (depth + HOLDER_HOP < MAX_EVAL_DEPTH && classesOf(ev.node.callee, ev.env, depth + 1).length) {
      out.push(...memberValues(ev.node, key, ev.env, depth + HOLDER_HOP));
    }
    // (and what the init object carries, for CustomEvent and MessageEvent and classes extending them)
    if (co.kind !== 'global' || EVENT_PAYLOADS[co.path.join('.')] !== key) continue;
    const init = initArg && initArg.type !== 'SpreadElement' ? derefNode(initArg, ev.env, depth + 1) : null;
    const payload = init ? propertyOf(init.node, key, init.env) : null;
    if (payload) out.push({ node: payload, env: init!.env });
    // (and what is assigned to the init object's member later)
    if (initArg && initArg.type !== 'SpreadElement') for (const v of literalChanges(initArg, ev.env, depth + 1)?.assigned.get(key) ?? []) out.push({ node: v, env: ev.env });
  }
  return out;
}

/** The member path of `node` from a variable (o.inner → o, ['inner']), or null. */
function memberPath(node: Node, env: Env): { root: TSESLint.Scope.Variable; keys: string[] } | null {
  const keys: string[] = [];
  let n = unwrap(node);
  while (n.type === 'MemberExpression') {
    const k = memberKey(n, env);
    if (k === null) return null;
    keys.unshift(k);
    n = unwrap(n.object);
  }
  if (n.type !== 'Identifier') return null;
  const root = findVariable(env.getScope(n), n);
  return root ? { root, keys } : null;
}

/** Values assigned in the file to `obj.key` where obj is a member path of a variable with at least one key (o.inner.k = v). */
function pathAssignments(obj: Node, key: string, env: Env): Array<{ node: Node; env: Env }> {
  const target = unwrap(obj).type === 'MemberExpression' ? memberPath(obj, env) : null;
  if (!target) return [];
  const program = rootOf(obj);
  return memberAssignmentSites(program, key, env)
    .filter((right) => {
      const left = (right.parent as TSESTree.AssignmentExpression).left as TSESTree.MemberExpression;
      const at = memberPath(left.object, env);
      return !!at && at.root === target.root && at.keys.join('\u0000') === target.keys.join('\u0000');
    })
    .slice(0, 12)
    .map((right) => ({ node: right, env }));
}

/** `node` names a variable declared in the file: a const or let, a parameter, a function, a class or an import. */
function declaredHere(node: Node, env: Env): boolean {
  const n = unwrap(node);
  return n.type === 'Identifier' && (findVariable(env.getScope(n), n)?.defs.length ?? 0) > 0;
}

/** `this.key = v` in a class's body (or an object literal's methods), by key (built once per class and run). */
let thisAssignmentsOwner: object | null = null;
let thisAssignmentsIndex = new WeakMap<Node, Map<string, Node[]>>();
function thisAssignments(cls: ClassNode | TSESTree.ObjectExpression, env: Env): Map<string, Node[]> {
  if (thisAssignmentsOwner !== env.run) {
    thisAssignmentsOwner = env.run;
    thisAssignmentsIndex = new WeakMap();
  }
  let index = thisAssignmentsIndex.get(cls);
  if (index) return index;
  const built = new Map<string, Node[]>();
  const visit = (node: Node) => {
    if (node.type === 'AssignmentExpression' && (node.operator === '=' || LOGICAL_ASSIGN.has(node.operator)) && node.left.type === 'MemberExpression' && unwrap(node.left.object).type === 'ThisExpression') {
      const key = memberKey(node.left, env);
      if (key !== null) built.set(key, [...(built.get(key) ?? []), node.right]);
    }
    forEachChild(node, visit);
  };
  visit(cls.type === 'ObjectExpression' ? cls : cls.body);
  thisAssignmentsIndex.set(cls, (index = built));
  return index;
}

export function originOf(node: Node, env: Env, depth = 0, _seen?: Set<unknown>): Origin {
  return originMemo(node, env, depth);
}

const originMemo = memoize<Origin>(UNKNOWN, (node, env, depth) => {
  const seen = new Set<unknown>();
  if (depth > MAX_EVAL_DEPTH) return UNKNOWN;
  const n = unwrap(node);
  switch (n.type) {
    case 'Identifier':
      return variableOrigin(n, env, depth, seen);
    case 'MemberExpression': {
      const obj = derefNode(n.object, env, depth + 1);
      const key = memberKey(n, env, depth);
      // import.meta.require (Bun, some loaders) is a require function
      if (key === 'require' && unwrap(n.object).type === 'MetaProperty') return { kind: 'require' };
      // the value (or getter) of a property descriptor is the property's value
      if ((key === 'value' || key === 'get') && isDescriptorRead(n.object, env, depth)) return originOf(n.object, env, depth + 1, seen);
      // Object.getOwnPropertyDescriptors(x).name.value (or .get): x.name
      if (key === 'value' || key === 'get') {
        const named = unwrap(n.object);
        const all = named.type === 'MemberExpression' ? derefNode(named.object, env, depth + 1) : null;
        const call = all ? unwrap(all.node) : null;
        if (named.type === 'MemberExpression' && call?.type === 'CallExpression' && call.arguments[0] && call.arguments[0].type !== 'SpreadElement') {
          const co = originOf(call.callee, all!.env, depth + 1);
          if (co.kind === 'global' && co.path.join('.') === 'Object.getOwnPropertyDescriptors') return memberOf(originOf(call.arguments[0], all!.env, depth + 1, seen), memberKey(named, env, depth), env);
        }
      }
      // arguments[i]: what the call sites pass at i (any position, for a key that cannot be folded)
      const argsFn = unwrap(n.object).type === 'Identifier' ? argumentsObjectOf(unwrap(n.object) as TSESTree.Identifier, env) : null;
      if (argsFn && (key === null || /^\d+$/.test(key))) return argumentsOrigin(argsFn, key === null ? 0 : Number(key), key === null, key === null ? [null] : [], env, depth);
      // [...[globalThis]][0], list[i] of a container the analysis sees into: an element of it
      if (key === null || /^\d+$/.test(key)) {
        const container = derefNode(n.object, env, depth + 1);
        const cn = container ? unwrap(container.node) : null;
        if (cn && (cn.type === 'ArrayExpression' || cn.type === 'NewExpression' || cn.type === 'CallExpression') && !(cn.type === 'ArrayExpression' && key !== null && propertyOf(cn, key))) {
          const el = elementOrigin(n.object, env, depth + 1);
          if (el.kind !== 'unknown') return el;
        }
      }
      // any member of a literal holding only plain values is a plain value
      if (key === null && sealedLiteral(n.object, env, depth)) return UNKNOWN;
      // ns.name of a namespace import of a workspace module: what that module exports as name
      const ns = key !== null ? namespaceSource(n.object, env) : null;
      if (ns !== null && !builtinOrigin(ns)) {
        const o = moduleOrigin(ns, key, env, depth);
        if (o.kind !== 'unknown') return o;
      }
      // a value a runtime object keeps and gives back (c.signal.reason after c.abort(v), r.promise after r.resolve(v))
      if (key !== null) {
        const kept = keptOrigin(n.object, key, env, depth);
        if (kept.kind !== 'unknown') return kept;
      }
      // what the member may hold: its value in a literal or class, what is assigned to it later, a getter's result
      if (key !== null)
        for (const v of memberValues(n.object, key, env, depth)) {
          const o = valueOrigin(v.node, v.env, depth);
          if (o.kind !== 'unknown') return o;
        }
      return memberOf(originOf(n.object, env, depth + 1, seen), key, env);
    }
    case 'CallExpression':
      return callOrigin(n, env, depth);
    case 'ImportExpression': {
      const spec = foldSingle(n.source, env, depth + 1);
      return spec === null ? UNKNOWN : moduleOrigin(spec, null, env, depth);
    }
    case 'ExportNamedDeclaration':
    case 'ExportAllDeclaration':
      // a re-export statement read as a value stands for the builtin module or package it re-exports
      if (!n.source) return UNKNOWN;
      return builtinOrigin(n.source.value) ?? (namesPackage(env.ws, env.file, n.source.value, env.recordFor) ? { kind: 'external', module: n.source.value, path: [] } : UNKNOWN);
    case 'AwaitExpression': {
      const o = originOf(n.argument, env, depth + 1, seen);
      return o.kind !== 'unknown' ? o : thenableValue(n.argument, env, depth);
    }
    case 'YieldExpression': {
      // const x = yield: what a .next(v) in the file sends in (the generator's object is not tracked)
      const program = rootOf(n);
      for (const call of methodCallSites(program, 'next', env).slice(0, 16)) {
        const a = call.arguments[0];
        if (!a || a.type === 'SpreadElement') continue;
        const o = originOf(a, env, depth + 1, seen);
        if (o.kind === 'enumerated' || o.kind === 'authority') return o;
      }
      return UNKNOWN;
    }
    case 'SequenceExpression':
      return originOf(n.expressions.at(-1)!, env, depth + 1, seen);
    case 'Property': {
      // a destructuring assignment's property ({ [k]: o.f } = src): what src holds under its key
      const assign = n.parent?.type === 'ObjectPattern' ? n.parent.parent : null;
      if (assign?.type !== 'AssignmentExpression' || assign.left !== n.parent) return UNKNOWN;
      const key = n.computed ? foldSingle(n.key as Node, env, depth + 1) : n.key.type === 'Identifier' ? n.key.name : String((n.key as TSESTree.Literal).value);
      if (key !== null)
        for (const v of memberValues(assign.right, key, env, depth + 1)) {
          const o = valueOrigin(v.node, v.env, depth);
          if (o.kind !== 'unknown') return o;
        }
      return memberOf(originOf(assign.right, env, depth + 1, seen), key, env);
    }
    case 'AssignmentExpression':
      return n.operator === '=' ? originOf(n.right, env, depth + 1, seen) : UNKNOWN;
    case 'ConditionalExpression': {
      const a = originOf(n.consequent, env, depth + 1, seen);
      return a.kind !== 'unknown' ? a : originOf(n.alternate, env, depth + 1, seen);
    }
    case 'LogicalExpression': {
      const a = originOf(n.left, env, depth + 1, seen);
      return a.kind !== 'unknown' ? a : originOf(n.right, env, depth + 1, seen);
    }
    case 'ArrayExpression':
    case 'ObjectExpression': {
      // a copy of enumerated values ([...Object.values(deps)], { ...Object.fromEntries(…) }) is enumerated too
      const parts = n.type === 'ArrayExpression' ? n.elements : n.properties;
      for (const p of parts) {
        if (!p || p.type !== 'SpreadElement') continue;
        const o = originOf(p.argument, env, depth + 1, seen);
        if (o.kind === 'enumerated') return o;
      }
      // an array holding such a value gives it back by index or by its methods ([deps[k]].pop(), .values().next().value)
      if (n.type === 'ArrayExpression')
        for (const e of n.elements) {
          if (!e || e.type === 'SpreadElement') continue;
          const o = originOf(e, env, depth + 1, seen);
          if (o.kind === 'enumerated') return o;
        }
      return UNKNOWN;
    }
    case 'NewExpression': {
      const co = originOf(n.callee, env, depth + 1, seen);
      const name = co.kind === 'global' ? co.path.join('.') : '';
      // a Proxy whose handler has no trap that changes what a read or a call gives forwards both to its target
      // (new Proxy(fs, {}), new Proxy(fs, { has })); otherwise it renames members at run time: none of its member
      // reads can be trusted (a get trap, a handler that cannot be read)
      if (name === 'Proxy') return n.arguments[0] && n.arguments[0].type !== 'SpreadElement' && forwardingHandler(n.arguments[1], env) ? originOf(n.arguments[0], env, depth + 1, seen) : enumerated('a Proxy', true);
      // new Module(…): a module whose .require loads any module
      if (co.kind === 'module' && co.module === 'module' && co.path.length === 0) return co;
      // new Promise((resolve) => resolve(x)): the promise holds x
      // (and new Promise((_, reject) => reject(x)): a rejected one's reason, read by catch and a catch clause around await)
      if (name === 'Promise' && n.arguments[0] && n.arguments[0].type !== 'SpreadElement') {
        const exec = derefNode(n.arguments[0], env, depth + 1);
        const fn = exec?.node;
        const resolvers = fn && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') ? fn.params.slice(0, 2).filter((q): q is TSESTree.Identifier => q.type === 'Identifier') : [];
        for (const res of resolvers) {
          const o = resolverOrigin(res, exec!.env, depth);
          if (o.kind === 'enumerated' || o.kind === 'authority') return o;
        }
      }
      // new Array(...vals), new Array(v): what it is handed
      if (co.kind === 'global' && !CONTAINERS.has(name))
        for (const a of n.arguments) {
          const o = originOf(a.type === 'SpreadElement' ? a.argument : a, env, depth + 1, seen);
          if (o.kind === 'enumerated') return o;
        }
      if (CONTAINERS.has(name) && n.arguments[0] && n.arguments[0].type !== 'SpreadElement') {
        const inner = originOf(n.arguments[0], env, depth + 1, seen);
        if (inner.kind === 'enumerated') return inner;
        const risky = riskyContents(n.arguments[0], env, depth);
        if (risky) return enumerated(`a ${name} holding ${risky.kind === 'authority' ? risky.name : 'enumerated values'}`);
      }
      return UNKNOWN;
    }
    case 'ClassDeclaration':
    case 'ClassExpression':
      // class W extends fs.WriteStream {}: constructing it constructs what it extends (its own constructor's super() call is that call instead)
      // (a class extending an authority function or enumerated values is reported where it extends it)
      if (!n.superClass || n.body.body.some((m) => m.type === 'MethodDefinition' && m.kind === 'constructor')) return UNKNOWN;
      {
        const base = originOf(n.superClass, env, depth + 1, seen);
        return base.kind === 'module' || base.kind === 'external' || base.kind === 'global' ? base : UNKNOWN;
      }
    case 'Super': {
      // super(…) and super.m: what the nearest enclosing class extends (in an object literal's method, super is its prototype)
      for (let p: Node | undefined = n.parent; p; p = p.parent) {
        if (p.type === 'ClassDeclaration' || p.type === 'ClassExpression') return p.superClass ? originOf(p.superClass, env, depth + 1, seen) : UNKNOWN;
        if (p.type === 'Property' && p.method) return UNKNOWN;
      }
      return UNKNOWN;
    }
    case 'ThisExpression': {
      const vs = env.getScope(n).variableScope;
      if (vs.type === 'module' || vs.type === 'global') return { kind: 'global', path: [] };
      // in sloppy code a plain function called without a receiver gets the global object as `this`
      const fn = vs.block as Node;
      // (function () { this.… }).call(t), Reflect.apply(function () { … }, t, []): this is what it is called with
      if (fn.type === 'FunctionExpression' || fn.type === 'FunctionDeclaration')
        for (const call of invocationSites(fn, env)) {
          const given = callShape(call, env, depth + 1).thisArg;
          const o = given ? originOf(given, env, depth + 1) : UNKNOWN;
          if (o.kind !== 'unknown') return o;
        }
      // list.forEach(function () { this.… }, t), Array.from(xs, function () { … }, t), fn.bind(t): this is t
      for (const given of thisGiven(n, env, depth)) {
        const o = originOf(given, env, depth + 1);
        if (o.kind !== 'unknown') return o;
      }
      const method = fn.parent && (fn.parent.type === 'MethodDefinition' || fn.parent.type === 'Property' || fn.parent.type === 'PropertyDefinition');
      if (!vs.isStrict && vs.type === 'function' && (fn.type === 'FunctionExpression' || fn.type === 'FunctionDeclaration') && !method) return { kind: 'global', path: [] };
      return UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
});
