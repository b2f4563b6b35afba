import { posix as posixPath } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { importedValue } from '../workspace/constants.js';
import { forEachChild, rootOf, staticName, unwrap, valueParent, type Node } from './ast.js';
import { MAX_EVAL_DEPTH, type Env } from './env.js';
import { memoize } from './memo.js';
import { aliasIdentifier, ANY_ELEMENT, derefNode, foreignChanges, literalChanges, memberKey, namespaceSource, originOf, propertyOf } from './origin.js';
import { bindingsOf, findVariable, type Binding } from './variables.js';
import { calledFunction, isFunction, returnedExpressions } from './functions.js';
import { constantValues, isPureCall, operatorValues } from './evaluate.js';

/**
 * Constant folding of strings, symbolically: a value is a list of alternatives, each
 * a concatenation of known text, the data root (`process.env.RMOS_DATA_DIR`), and
 * unknown parts with the reason they could not be folded.
 */
/**
 * An unknown part; `segment`: it cannot hold a `/`, `?` or `#` (encodeURIComponent's result), though it may be `.` or `..`;
 * `fresh`: the six random letters and digits mkdtemp ends the name of a folder it has just made with.
 */
/**
 * An unknown part: why it cannot be read; segment: it holds no separator (encodeURIComponent's); fresh: mkdtemp's random
 * end of a new folder's name; place: the module's own file or folder (__dirname, import.meta.url), a folder of the
 * workspace's sources that is neither the data root nor inside it (at: its absolute path, a folder's); param: a SQL statement's bound parameter (its
 * position or name), where the SQL names a file by one; sql: a file name the SQL computes.
 */
export type Part = string | { kind: 'dataRoot' } | { kind: 'unknown'; why: string; segment?: boolean; fresh?: boolean; place?: boolean; at?: string; param?: string; sql?: boolean };
export type Sym = Part[];
export type Folded = Sym[];

export const MAX_ALTERNATIVES = 32;
export const DATA_ROOT: Part = { kind: 'dataRoot' };
export const unknownPart = (why: string): Part => ({ kind: 'unknown', why });
/** The text of a member (at any depth) of a constant JSON text that JSON.parse reads, or null where it is no such member. */
function jsonMember(n: TSESTree.MemberExpression, env: Env, depth: number): Folded | null {
  const keys: string[] = [];
  let cur: Node = n;
  while (cur.type === 'MemberExpression') {
    const k = memberKey(cur, env, depth);
    if (k === null) return null;
    keys.unshift(k);
    cur = unwrap(cur.object);
  }
  const d = cur.type === 'Identifier' ? derefNode(cur, env, depth + 1) : null;
  return jsonValue(d ? d.node : cur, keys, d?.env ?? env, depth);
}

/** The text at `keys` in what JSON.parse(constant text) gives (node: the call), or null where node is no such call. */
function jsonValue(node: Node, keys: string[], re: Env, depth: number): Folded | null {
  const root = unwrap(node);
  if (root.type !== 'CallExpression' || !root.arguments[0] || root.arguments[0].type === 'SpreadElement') return null;
  const o = originOf(root.callee, re, depth + 1);
  if (o.kind !== 'global' || o.path.join('.') !== 'JSON.parse') return null;
  const source = foldSingle(root.arguments[0], re, depth + 1);
  if (source === null) return unknown('a member of a JSON text that cannot be read');
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return unknown('a member of a JSON text that does not parse');
  }
  for (const k of keys) value = value !== null && typeof value === 'object' && Object.hasOwn(value, k) ? (value as Record<string, unknown>)[k] : undefined;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? text(String(value)) : unknown('a member of a JSON text that is no text');
}

/** a glob's wildcard (`*`, `?`, `[…]`, `{…}`): any text, separators included (`**`) */
export const GLOB_WHY = 'a shell glob';
/** A pattern's text with its glob characters as wildcards. */
function globbedSym(sym: Sym): Sym {
  return sym.flatMap((p) => (typeof p !== 'string' ? [p] : p.split(/([*?[\]{}])/).filter((x) => x !== '').map((x): Part => (/^[*?[\]{}]$/.test(x) ? { kind: 'unknown', why: GLOB_WHY } : x))));
}

/** the module's own file or folder: a place in the workspace's sources (see Part) */
export const OWN_PLACE: Part = { kind: 'unknown', why: "the module's own file or folder", place: true };
/** the module's own folder (__dirname, import.meta.dirname), or the folder of its file where a path climbs from the file (__filename, import.meta.url) */
const ownPlace = (folder: string): Part => ({ kind: 'unknown', why: "the module's own folder", place: true, at: folder });
const isPlace = (sym: Sym): boolean => sym.length === 1 && typeof sym[0] !== 'string' && sym[0]!.kind === 'unknown' && sym[0]!.place === true;
const placeAt = (sym: Sym): string | undefined => (isPlace(sym) && typeof sym[0] !== 'string' && sym[0]!.kind === 'unknown' ? sym[0]!.at : undefined);
const unknown = (why: string): Folded => [[unknownPart(why)]];
const text = (s: string): Folded => [[s]];

function concat(a: Folded, b: Folded): Folded {
  if (a.length * b.length > MAX_ALTERNATIVES) return unknown('too many alternatives');
  const out: Folded = [];
  for (const x of a) for (const y of b) out.push(merge([...x, ...y]));
  return out;
}

function merge(parts: Sym): Sym {
  const out: Sym = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else if (p !== '') out.push(p);
  }
  return out;
}

function union(...all: Folded[]): Folded {
  const out = all.flat();
  return out.length > MAX_ALTERNATIVES ? unknown('too many alternatives') : out;
}

/** Constant bytes: new Uint8Array([…]), Uint8Array.of(…), Uint8Array.from([…]), Buffer.from([…]). */
function constantBytes(node: Node, env: Env, depth: number): number[] | null {
  const d = derefNode(node, env, depth + 1);
  const n = d ? unwrap(d.node) : unwrap(node);
  const e = d?.env ?? env;
  if (n.type !== 'NewExpression' && n.type !== 'CallExpression') return null;
  const o = originOf(n.callee, e, depth + 1);
  const name = o.kind === 'global' ? o.path.join('.') : o.kind === 'module' && o.module === 'buffer' ? o.path.join('.') : '';
  let list: unknown[] | null = null;
  if (name === 'Uint8Array.of') list = (constantValues({ type: 'ArrayExpression', elements: n.arguments, parent: n } as unknown as Node, e, depth + 1) ?? [null])[0] as unknown[] | null;
  else if ((n.type === 'NewExpression' && name === 'Uint8Array') || name === 'Uint8Array.from' || name === 'Buffer.from') list = n.arguments[0] ? ((constantValues(n.arguments[0] as Node, e, depth + 1) ?? [null])[0] as unknown[] | null) : null;
  return Array.isArray(list) && list.length <= 4096 && list.every((v) => typeof v === 'number') ? (list as number[]) : null;
}

/**
 * process.env.NAME: the data root for the data-root variable; otherwise unknown, and whatever the file
 * assigns to it (process.env.X = 'data' before a write that reads it).
 */
function envVariable(n: Node, name: string, env: Env, depth: number, seen: Set<unknown>): Folded {
  if (name === env.policy.dataRoot.env) return [[DATA_ROOT]];
  const program = rootOf(n);
  const assigned = memberAssignmentSites(program, name, env).filter((right) => {
    const left = (right.parent as TSESTree.AssignmentExpression).left;
    if (left.type !== 'MemberExpression') return false;
    const o = originOf(left.object, env, depth + 1);
    return o.kind === 'global' && o.path.join('.') === 'process.env';
  });
  return union(unknown(`process.env.${name}`), ...assigned.slice(0, 8).map((v) => fold(v, env, depth + 1, seen)));
}

/** The one constant string a node folds to, or null. */
export function foldSingle(node: Node, env: Env, depth = 0): string | null {
  const alts = fold(node, env, depth);
  if (alts.length === 0) return null;
  const first = alts[0]!;
  const value = first.length === 0 ? '' : first.length === 1 && typeof first[0] === 'string' ? first[0] : null;
  if (value === null) return null;
  return alts.every((a) => (a.length === 0 ? '' : a.length === 1 ? a[0] : null) === value) ? value : null;
}

/** `node` folds to constants only (so an operator over it can be evaluated). */
function isConstantFold(node: Node, env: Env, depth: number): boolean {
  if (node.type === 'PrivateIdentifier') return false;
  const alts = fold(node, env, depth + 1);
  return alts.length > 0 && alts.every(isConstant);
}

export function isConstant(sym: Sym): boolean {
  return sym.every((p) => typeof p === 'string');
}

export function describe(sym: Sym): string {
  return sym.map((p) => (typeof p === 'string' ? p : p.kind === 'dataRoot' ? '<data root>' : '<?>')).join('');
}

const URL_TEXT = new Set(['pathname', 'href', 'toString']);

/**
 * A URL as the file system and servers read it: percent escapes decoded (fs turns file:///data/%72uns into
 * data/runs, a server routes /api/%61pprove to approve). Escaped separators stay as they are (fileURLToPath refuses them).
 */
function decodeUrl(folded: Folded): Folded {
  // (the URL parser first drops every tab and newline, and C0 controls and spaces at either end: 'file:///srv/data/ru\tns'
  // is file:///srv/data/runs)
  const decode = (t: string, i: number, last: number) => {
    let u = t.replace(/[\t\n\r]/g, '');
    if (i === 0) u = u.replace(/^[\x00-\x20]+/, '');
    if (i === last) u = u.replace(/[\x00-\x20]+$/, '');
    return u.replace(/%(?!2f|5c)[0-9a-f]{2}/gi, (m) => String.fromCharCode(parseInt(m.slice(1), 16)));
  };
  return folded.map((sym) => merge(sym.map((p, i) => (typeof p === 'string' ? decode(p, i, sym.length - 1) : p))));
}

/** path.format({ root, dir, base, name, ext }) */
function pathFormat(arg: Node, env: Env, depth: number, seen: Set<unknown>): Folded {
  const obj = derefNode(arg, env, depth + 1);
  if (obj?.node.type !== 'ObjectExpression' || obj.node.properties.some((p) => p.type !== 'Property' || p.computed)) return unknown('path.format of an object that is not a literal');
  const part = (k: string): Folded | null => {
    const v = propertyOf(obj.node, k);
    return v ? fold(v, obj.env, depth + 1, seen) : null;
  };
  const dir = part('dir') ?? part('root');
  const base = part('base') ?? concat(part('name') ?? text(''), part('ext') ?? text(''));
  return dir ? concat(concat(dir, text('/')), base) : base;
}

const PATH_FUNCS = new Set(['join', 'resolve', 'normalize', 'relative', 'toNamespacedPath']);

function pathCall(fn: string, args: Folded[]): Folded {
  if (fn === 'relative') return unknown('path.relative');
  let acc: Folded = [[]];
  args.forEach((arg, i) => {
    if (fn === 'resolve') {
      // path.resolve restarts at an absolute argument; the data root may be absolute
      const restarts = arg.every((alt) => alt[0] === DATA_ROOT || (typeof alt[0] === 'string' && alt[0].startsWith('/')));
      if (restarts) {
        acc = arg;
        return;
      }
    }
    acc = i === 0 ? concat(acc, arg) : concat(concat(acc, text('/')), arg);
  });
  return acc;
}

/** the function (or the program) whose body a node runs in */
function homeOf(n: Node): Node {
  let p = n.parent;
  while (p && !isFunction(p) && p.type !== 'Program') p = p.parent;
  return p ?? n;
}

/** a with statement or a direct eval() in the code of `home` (either may write any variable of it) */
const dynamicScopes = new WeakMap<Node, boolean>();
function hasDynamicScope(home: Node): boolean {
  let hit = dynamicScopes.get(home);
  if (hit !== undefined) return hit;
  hit = false;
  const visit = (n: Node) => {
    if (hit) return;
    if (n.type === 'WithStatement' || (n.type === 'CallExpression' && unwrap(n.callee).type === 'Identifier' && (unwrap(n.callee) as TSESTree.Identifier).name === 'eval')) hit = true;
    else forEachChild(n, visit);
  };
  visit(rootOf(home));
  dynamicScopes.set(home, hit);
  return hit;
}

/**
 * The value a variable assigned more than once has at a read, where straight-line code shows it: the nearest
 * statement before the read's, in a statement list that holds the read (at any level within its function), that
 * writes the variable, when that statement is a plain `v = expr;` or `let v = expr;` and no statement between
 * writes it. Control enters a statement list only at its top, so that assignment runs before the read on every
 * path and nothing changes the variable after it. Null (every assignment is an alternative) where that cannot be
 * shown: a write of the variable in another function (a closure may run at any time, during an await too; a let's
 * initialiser excepted, which runs before every other write), a write
 * inside the read's own statement at any level (a loop brings it round), a write between that is not plain (a
 * conditional one, a loop, destructuring), a with statement or a direct eval.
 */
function reachingAssignment(id: TSESTree.Identifier, variable: NonNullable<ReturnType<typeof findVariable>>): Node | null {
  const writes = variable.references.filter((r) => r.isWrite());
  if (writes.length < 2 || variable.defs.some((d) => d.type !== 'Variable')) return null;
  const home = homeOf(id);
  // (a let's own initialiser is no such write: it runs once, before any other write of the binding can run — one
  // before it throws — so it never lands after a closure's assignment: let dir = ''; before(() => { dir = mkdtemp(…); … }))
  const letInit = (w: (typeof writes)[number]) => {
    const q = w.identifier.parent;
    return q?.type === 'VariableDeclarator' && q.id === w.identifier && q.parent?.type === 'VariableDeclaration' && q.parent.kind === 'let';
  };
  if (writes.some((w) => !letInit(w) && homeOf(w.identifier as Node) !== home) || hasDynamicScope(home)) return null;
  const inside = (n: Node, outer: Node) => n.range[0] >= outer.range[0] && n.range[1] <= outer.range[1];
  let child: Node = id;
  for (let p = id.parent as Node | undefined; p; child = p, p = p.parent as Node | undefined) {
    const list: Node[] | null = p.type === 'BlockStatement' || p.type === 'StaticBlock' || p.type === 'Program' ? (p.body as Node[]) : p.type === 'SwitchCase' ? (p.consequent as Node[]) : null;
    if (list) {
      if (writes.some((w) => inside(w.identifier as Node, child))) return null;
      for (let k = list.indexOf(child) - 1; k >= 0; k--) {
        const st = list[k]!;
        const here = writes.filter((w) => inside(w.identifier as Node, st));
        if (!here.length) continue;
        if (here.length !== 1) return null;
        const w = here[0]!.identifier as Node;
        const q = w.parent;
        if (st.type === 'ExpressionStatement' && st.expression.type === 'AssignmentExpression' && st.expression.operator === '=' && st.expression.left === w) return st.expression.right;
        if (st.type === 'VariableDeclaration' && q?.type === 'VariableDeclarator' && q.id === w && q.init && q.parent === st) return q.init as Node;
        return null;
      }
    }
    if (p === home) break;
  }
  return null;
}

function foldIdentifier(id: TSESTree.Identifier, env: Env, depth: number, seen: Set<unknown>): Folded {
  const variable = findVariable(env.getScope(id), id);
  if (!variable || variable.defs.length === 0) {
    if (id.name === 'undefined') return text('undefined');
    if (id.name === '__dirname') return [[ownPlace(posixPath.dirname(env.file))]];
    if (id.name === '__filename') return [[OWN_PLACE]];
    return unknown(`the global ${id.name}`);
  }
  if (seen.has(variable)) return unknown(`${id.name} depends on itself`);
  // a variable assigned again: the one assignment that reaches this read in straight-line code, where it can be shown
  const reaching = reachingAssignment(id, variable);
  if (reaching) return fold(reaching, env, depth + 1, seen);
  seen.add(variable);
  const plain: Folded[] = [];
  const compound: Folded[] = [];
  let repeated = false;
  for (const b of bindingsOf(variable)) {
    const defaults = b.defaults.map((d) => fold(d, env, depth + 1, seen));
    // s += x in a loop may add x any number of times
    if (b.kind === 'compound' && b.expr && inLoopWithin(b.expr, variable.scope.block as Node)) repeated = true;
    if (b.kind === 'import' && b.def) {
      const decl = b.def.parent as TSESTree.ImportDeclaration | null;
      const spec = b.def.node as Node;
      let name: string | null = null;
      if (spec.type === 'ImportSpecifier') name = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
      else if (spec.type === 'ImportDefaultSpecifier') name = 'default';
      const foreign = decl?.type === 'ImportDeclaration' && name ? importedValue(env, decl.source.value, name) : null;
      if (!foreign) {
        plain.push(unknown(`${id.name} is imported from a module that cannot be read`));
        continue;
      }
      plain.push(foldPath(foreign.node, foreign.path, foreign.env, depth + 1, new Set()));
    } else if (b.kind === 'expr' && b.expr) {
      const path = b.path.map((k, i) => (k !== null ? k : b.keyNodes[i] ? foldSingle(b.keyNodes[i]!, env, depth + 1) : null));
      plain.push(foldPath(b.expr, path, env, depth + 1, seen), ...defaults);
    } else if (b.kind === 'iter' && b.expr) {
      plain.push(elementsOf(b.expr, b.path, env, depth, seen) ?? unknown(`${id.name} iterates over a value that is not a literal array`));
    } else if (b.kind === 'keys' && b.expr && b.path.length === 0) {
      plain.push(keysOf(b.expr, env, depth) ?? unknown(`${id.name} is a key of a value that is not a literal`));
    } else if (b.kind === 'compound' && b.expr) {
      compound.push(fold(b.expr, env, depth + 1, seen));
    } else if (b.kind === 'param' && b.path.length === 0) {
      const passed = callSiteArguments(b, env, depth, seen);
      // a parameter of a function only this file calls (or of a literal array's callback) holds only what it is passed
      const closed = passed.length > 0 && closedParameter(b, env, depth);
      plain.push(...(closed ? [] : [unknown(`${id.name} is a parameter`)]), ...defaults, ...passed);
    } else if (b.kind === 'param' && b.path.every((k) => k !== null)) {
      // a destructured parameter ({ p }) reads its part of each argument passed at a call site
      plain.push(unknown(`${id.name} is a parameter`), ...defaults, ...callSiteArgumentNodes(b, env).map((a) => foldPath(a, b.path, env, depth + 1, seen)));
    } else if (b.kind === 'other' && b.def?.node.type === 'VariableDeclarator' && !b.def.node.init && b.def.node.id.type === 'Identifier' && b.def.parent?.type === 'VariableDeclaration' && !b.def.parent.declare) {
      // \`let dir;\`: undefined until it is assigned (the assignments are alternatives of their own)
      plain.push(text('undefined'));
    } else {
      plain.push(unknown(b.kind === 'param' ? `${id.name} is a parameter` : `${id.name} has no constant value`), ...defaults);
    }
  }
  seen.delete(variable);
  let out = union(...plain);
  for (const c of compound) out = union(out, concat(out, c));
  if (repeated) out = union(out, concat(out, unknown('what a loop adds')));
  return out;
}

/**
 * The arguments passed for a parameter at the call sites of its function in the same
 * file, so that a local wrapper (`function save(p) { fs.writeFileSync(p) }`) is seen
 * through. Calls from other files stay unknown.
 */
/** Calls in the file of a method named `name` on any object (the receiver's class is not known without types). */
let methodCallsOwner: object | null = null;
let methodCalls = new WeakMap<Node, Map<string, TSESTree.CallExpression[]>>();
export function methodCallSites(program: Node, name: string, env: Env): TSESTree.CallExpression[] {
  if (methodCallsOwner !== env.run) {
    methodCallsOwner = env.run;
    methodCalls = new WeakMap();
  }
  let index = methodCalls.get(program);
  if (!index) {
    const built = new Map<string, TSESTree.CallExpression[]>();
    const visit = (node: Node) => {
      if (node.type === 'CallExpression') {
        const c = unwrap(node.callee);
        if (c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier') {
          const list = built.get(c.property.name) ?? [];
          list.push(node);
          built.set(c.property.name, list);
        }
      }
      forEachChild(node, visit);
    };
    visit(program);
    methodCalls.set(program, (index = built));
  }
  return index.get(name) ?? [];
}

/** The function a parameter binding belongs to and the parameter's position; null after a rest parameter (positions unknown). */
function parameterPosition(b: Binding): { fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression; index: number } | null {
  const def = b.def;
  if (!def || def.type !== 'Parameter') return null;
  const fn = def.node as Node;
  if (fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') return null;
  let param: Node = def.name as Node;
  while (param.parent && param.parent !== fn) param = param.parent;
  const index = fn.params.indexOf(param as TSESTree.Parameter);
  if (index < 0 || fn.params.slice(0, index + 1).some((p) => p.type === 'RestElement')) return null;
  return { fn, index };
}

/**
 * The argument nodes passed for parameter `b` at the call sites of its function in the same
 * file: calls of its name, or, for an object or class method, calls of a method of that name.
 */
export function callSiteArgumentNodes(b: Binding, env: Env): Node[] {
  const position = parameterPosition(b);
  if (!position) return [];
  const { fn, index } = position;
  const host = fn.parent;
  const calls = callSitesOfFunction(fn, env);
  const out = calls
    .slice(0, 9)
    .map((c) => argumentAt(c, index, env))
    .filter((a): a is Node => !!a);
  // a setter's parameter is what is assigned to a member of its name (o.v = x calls set v(x))
  if ((host?.type === 'Property' || host?.type === 'MethodDefinition') && host.kind === 'set' && index === 0 && !host.computed) {
    const name = host.key.type === 'Identifier' ? host.key.name : host.key.type === 'PrivateIdentifier' ? `#${host.key.name}` : null;
    const program = rootOf(fn);
    if (name) out.push(...memberAssignmentSites(program, name, env).slice(0, 9));
  }
  return out;
}

/** The argument a call passes at `index`, with spreads of array literals expanded (f(...['a', p])). */
export function argumentAt(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, env: Env): Node | null {
  let i = 0;
  for (const a of call.arguments) {
    if (a.type !== 'SpreadElement') {
      if (i === index) return a;
      i++;
      continue;
    }
    const arr = derefNode(a.argument, env);
    if (arr?.node.type !== 'ArrayExpression' || arr.node.elements.some((e) => !e || e.type === 'SpreadElement')) return null;
    for (const e of arr.node.elements) {
      if (i === index) return e as Node;
      i++;
    }
  }
  return null;
}

/**
 * The calls of a function in its file: calls of its name (declaration or const), of a method of
 * its name on any object (an object or class method), and an immediate call of it.
 */
export function callSitesOfFunction(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, env: Env): Array<TSESTree.CallExpression | TSESTree.NewExpression> {
  const calls: Array<TSESTree.CallExpression | TSESTree.NewExpression> = [];
  const host = fn.parent;
  // a class's constructor is called by new C(…)
  if (host?.type === 'MethodDefinition' && host.kind === 'constructor') {
    const cls = host.parent?.parent;
    const id = cls?.type === 'ClassDeclaration' ? cls.id : cls?.type === 'ClassExpression' && cls.parent?.type === 'VariableDeclarator' && cls.parent.id.type === 'Identifier' ? cls.parent.id : null;
    // the name's binding in the enclosing scope (a class declaration also binds its name inside its own scope)
    const outerScope = cls?.type === 'ClassDeclaration' ? env.getScope(cls).upper : id ? env.getScope(id) : null;
    const variable = id && outerScope ? findVariable(outerScope, id.name) : null;
    for (const ref of variable?.references ?? []) {
      const site = valueParent(ref.identifier as Node);
      if (site?.type === 'NewExpression' && unwrap(site.callee) === ref.identifier) calls.push(site);
    }
    return calls;
  }
  if ((host?.type === 'Property' || host?.type === 'MethodDefinition' || host?.type === 'PropertyDefinition') && !host.computed && host.key.type === 'Identifier') {
    const program = rootOf(fn);
    calls.push(...methodCallSites(program, host.key.name, env));
  }
  let nameId: TSESTree.Identifier | null = null;
  if (fn.type === 'FunctionDeclaration') nameId = fn.id;
  else if (fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier') nameId = fn.parent.id;
  const variable = nameId ? findVariable(env.getScope(nameId), nameId) : null;
  // f(…) and (fn)(…), also behind a type assertion ((f as any)(…))
  const calledAt = (n: Node) => {
    const site = valueParent(n);
    if (site?.type === 'CallExpression' && unwrap(site.callee) === n) calls.push(site);
  };
  for (const ref of variable?.references ?? []) calledAt(ref.identifier as Node);
  calledAt(fn);
  return calls;
}

/** The values assigned to a member named `name` on any object in the file (`x.name = v`). */
let assignOwner: object | null = null;
let assignIndex = new WeakMap<Node, Map<string, Node[]>>();
export function memberAssignmentSites(program: Node, name: string, env: Env): Node[] {
  if (assignOwner !== env.run) {
    assignOwner = env.run;
    assignIndex = new WeakMap();
  }
  let index = assignIndex.get(program);
  if (!index) {
    const built = new Map<string, Node[]>();
    const visit = (node: Node) => {
      if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && !node.left.computed) {
        const key = node.left.property.type === 'Identifier' ? node.left.property.name : `#${(node.left.property as TSESTree.PrivateIdentifier).name}`;
        built.set(key, [...(built.get(key) ?? []), node.right]);
      }
      forEachChild(node, visit);
    };
    visit(program);
    assignIndex.set(program, (index = built));
  }
  return index.get(name) ?? [];
}

/** `p.key` where p is a parameter: the key of each argument passed for it in this file. */
function parameterMember(obj: Node, key: string, env: Env, depth: number, seen: Set<unknown>): Folded | null {
  const n = unwrap(obj);
  if (n.type !== 'Identifier') return null;
  const variable = findVariable(env.getScope(n), n);
  if (!variable || variable.defs.length !== 1) return null;
  const bindings = bindingsOf(variable);
  if (bindings.length !== 1 || bindings[0]!.kind !== 'param' || bindings[0]!.path.some((k) => k === null)) return null;
  const b = bindings[0]!;
  // what the file's call sites pass, and the default a call without it gets (env = process.env: a default is the bound value's own)
  const args = callSiteArgumentNodes(b, env);
  if (!args.length && !b.defaults.length) return null;
  return union(
    unknown(`${n.name} is a parameter`),
    ...args.map((a) => foldPath(a, [...b.path, key], env, depth + 1, seen)),
    ...b.defaults.map((d) => foldPath(d, [key], env, depth + 1, seen)),
  );
}

function callSiteArguments(b: Binding, env: Env, depth: number, seen: Set<unknown>): Folded[] {
  const position = parameterPosition(b);
  if (!position) return [];
  const { fn, index } = position;
  // a callback of an array method on a literal array: its first parameter is each element
  const host = fn.parent;
  if (index === 0 && host?.type === 'CallExpression' && host.arguments[0] === fn) {
    const callee = unwrap(host.callee);
    if (callee.type === 'MemberExpression' && ARRAY_CALLBACKS.has(memberKey(callee, env, depth) ?? '')) {
      const elements = elementsOf(callee.object, [], env, depth, seen);
      if (elements) return [elements];
    }
  }
  const handed = handedArguments(fn, index, env, depth, seen);
  if (handed) return [handed, ...callSiteArgumentNodes(b, env).map((arg) => fold(arg, env, depth + 1, seen))];
  return callSiteArgumentNodes(b, env).map((arg) => fold(arg, env, depth + 1, seen));
}

/** timers that call the function they are given with their arguments after this position */
const TIMER_ARGUMENTS: Record<string, number> = { setTimeout: 2, setInterval: 2, setImmediate: 1, 'process.nextTick': 1 };

/**
 * What the host a callback is handed to calls it with at a parameter: a timer's extra arguments (setTimeout(cb, 0, p)),
 * each element of the array for reduce's second parameter and for Array.prototype.forEach.call(list, cb) (and the other
 * array callbacks), what Promise.resolve(v).then(cb) resolves to. null: no such host.
 */
function handedArguments(fn: Node, index: number, env: Env, depth: number, seen: Set<unknown>): Folded | null {
  const host = fn.parent;
  if (host?.type !== 'CallExpression') return null;
  const at = host.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  const callee = unwrap(host.callee);
  const o = originOf(host.callee, env, depth + 1);
  const timer = o.kind === 'global' || (o.kind === 'module' && o.module === 'timers') ? TIMER_ARGUMENTS[o.path.join('.')] : undefined;
  if (at === 0 && timer !== undefined) {
    const a = host.arguments[timer + index];
    return a && a.type !== 'SpreadElement' ? fold(a, env, depth + 1, seen) : null;
  }
  if (callee.type !== 'MemberExpression') return null;
  const key = memberKey(callee, env, depth);
  if (at === 0 && index === 1 && (key === 'reduce' || key === 'reduceRight')) return elementsOf(callee.object, [], env, depth, seen);
  const target = unwrap(callee.object);
  if (at === 1 && index === 0 && key === 'call' && target.type === 'MemberExpression' && ARRAY_CALLBACKS.has(memberKey(target, env, depth) ?? '') && host.arguments[0] && host.arguments[0].type !== 'SpreadElement') {
    const proto = originOf(target.object, env, depth + 1);
    if (proto.kind === 'global' && proto.path.join('.') === 'Array.prototype') return elementsOf(host.arguments[0], [], env, depth, seen);
  }
  if (at === 0 && index === 0 && key === 'then' && target.type === 'CallExpression' && target.arguments[0] && target.arguments[0].type !== 'SpreadElement') {
    const po = originOf(target.callee, env, depth + 1);
    if (po.kind === 'global' && po.path.join('.') === 'Promise.resolve') return fold(target.arguments[0], env, depth + 1, seen);
  }
  return null;
}

/**
 * `b` is given values at the call sites this file holds and nowhere else: the first parameter of a callback handed
 * to an array method of a literal array that nothing changes out of sight, or a parameter of a function of this file
 * that is not exported, is used only as the callee of its (at most 9) calls, and is passed an argument at that
 * position by every one of them.
 */
function closedParameter(b: Binding, env: Env, depth: number): boolean {
  const position = parameterPosition(b);
  if (!position) return false;
  const { fn, index } = position;
  const host = fn.parent;
  if (index === 0 && host?.type === 'CallExpression' && host.arguments[0] === fn) {
    const callee = unwrap(host.callee);
    if (callee.type !== 'MemberExpression' || !ARRAY_CALLBACKS.has(memberKey(callee, env, depth) ?? '')) return false;
    const list = derefNode(callee.object, env, depth + 1);
    const changes = literalChanges(callee.object, env, depth);
    return list?.node.type === 'ArrayExpression' && !changes?.localOpaque && !(changes?.assigned.size);
  }
  const id = fn.type === 'FunctionDeclaration' ? fn.id : host?.type === 'VariableDeclarator' && host.init === fn && host.id.type === 'Identifier' ? host.id : null;
  if (!id) return false;
  const decl = fn.type === 'FunctionDeclaration' ? fn : host?.parent;
  if (decl?.parent?.type === 'ExportNamedDeclaration' || decl?.parent?.type === 'ExportDefaultDeclaration') return false;
  const variable = findVariable(env.getScope(id), id);
  if (!variable) return false;
  const refs = variable.references.filter((r) => r.identifier !== id);
  if (refs.length === 0 || refs.length > 9) return false;
  return refs.every((r) => {
    const call = r.identifier.parent;
    return call?.type === 'CallExpression' && call.callee === r.identifier && argumentAt(call, index, env) !== null && !call.arguments.slice(0, index + 1).some((a) => a.type === 'SpreadElement');
  });
}

/** `node` sits in a loop's body inside `scope` (not past a function boundary). */
function inLoopWithin(node: Node, scope: Node): boolean {
  for (let p = node.parent; p && p !== scope; p = p.parent) {
    if (['ForStatement', 'ForOfStatement', 'ForInStatement', 'WhileStatement', 'DoWhileStatement'].includes(p.type)) return true;
    if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') {
      // a callback of forEach / map / reduce runs once per element
      const host = p.parent;
      if (host?.type === 'CallExpression' && host.callee.type === 'MemberExpression' && !host.callee.computed && host.callee.property.type === 'Identifier' && /^(?:forEach|map|flatMap|filter|reduce|reduceRight|some|every|find)$/.test(host.callee.property.name)) return true;
      return false;
    }
  }
  return false;
}

/** Every element of an array literal (through constants), each read along `path`. */
/**
 * What iterating `node` gives, read along `path`: the elements of a literal array (a spread of another container
 * included), of new Set([…]) / new Map([[k, v]]) / Array.from(…) of one, what a generator of the workspace yields
 * (async ones too). Null when it cannot be read.
 */
function elementsOf(node: Node, path: Array<string | null>, env: Env, depth: number, seen: Set<unknown>): Folded | null {
  if (depth > MAX_EVAL_DEPTH) return null;
  const arr = derefNode(node, env, depth + 1);
  const n = arr ? unwrap(arr.node) : unwrap(node);
  const e = arr?.env ?? env;
  if (n.type === 'ArrayExpression') {
    if (n.elements.some((el) => !el)) return null;
    const parts: Folded[] = [];
    for (const el of n.elements as Array<TSESTree.Expression | TSESTree.SpreadElement>) {
      if (el.type !== 'SpreadElement') parts.push(foldPath(el, path, e, depth + 1, seen));
      else {
        const inner = elementsOf(el.argument, path, e, depth + 1, seen);
        if (!inner) return null;
        parts.push(inner);
      }
    }
    // (and what is inserted later: arr.push(x), arr.unshift(x), and what is set at an index: arr[1] = x, a push in order)
    const changes = literalChanges(node, env, depth);
    // (changed in a way that records nothing, Object.assign(list, other): it may hold anything)
    if (changes?.opaque && !changes.mutations.length && !changes.assigned.size) return null;
    const inserted = [...(changes?.assigned ?? [])].filter(([k]) => k === ANY_ELEMENT || /^\d+$/.test(k)).flatMap(([, v]) => v);
    return union(...parts, ...inserted.map((v) => foldPath(v, path, env, depth + 1, seen)));
  }
  if (n.type === 'NewExpression' || n.type === 'CallExpression') {
    const co = originOf(n.callee, e, depth + 1);
    const name = co.kind === 'global' ? co.path.join('.') : '';
    const first = n.arguments[0] && n.arguments[0].type !== 'SpreadElement' ? (n.arguments[0] as Node) : null;
    // a Map's entries are [key, value] pairs: path[0] picks one
    if (first && (name === 'Set' || name === 'Array.from' || name === 'Map')) return elementsOf(first, path, e, depth + 1, seen);
    // Object.keys / values / entries of a literal object nothing changes: its keys, its values, or [key, value] pairs
    if (first && (name === 'Object.keys' || name === 'Object.values' || name === 'Object.entries')) {
      const lit = derefNode(first, e, depth + 1);
      const changes = literalChanges(first, e, depth);
      if (lit?.node.type !== 'ObjectExpression' || lit.node.properties.some((q) => q.type !== 'Property' || q.computed || q.kind !== 'init') || changes?.opaque || changes?.assigned.size) return null;
      const props = lit.node.properties as TSESTree.Property[];
      if (!props.length) return null;
      const keyOf = (q: TSESTree.Property) => text(literalKey(q));
      const part = name === 'Object.keys' ? 0 : name === 'Object.values' ? 1 : path[0] === '0' ? 0 : path[0] === '1' ? 1 : -1;
      if (part < 0) return null;
      const rest = name === 'Object.entries' ? path.slice(1) : path;
      return union(...props.map((q) => (part === 0 ? (rest.length ? unknown('a member of a key') : keyOf(q)) : foldPath(q.value as Node, rest, lit.env, depth + 1, seen))));
    }
    // an array method that keeps some of the receiver's elements (filter, slice, sort …): each is one of them
    const callee = unwrap(n.callee);
    if (n.type === 'CallExpression' && callee.type === 'MemberExpression' && ELEMENT_SUBSETS.has(memberKey(callee, e, depth) ?? '')) {
      const inner = elementsOf(callee.object, path, e, depth + 1, seen);
      if (inner) return inner;
    }
    // fs.globSync(pattern) / fs.promises.glob(pattern): paths that match the pattern, its glob characters any text
    if (n.type === 'CallExpression' && first && co.kind === 'module' && co.module === 'fs' && /^glob(Sync)?$/.test(co.path.at(-1) ?? '') && !path.length) {
      const patterns = derefNode(first, e, depth + 1)?.node.type === 'ArrayExpression' ? elementsOf(first, [], e, depth + 1, seen) : fold(first, e, depth + 1, seen);
      if (patterns) return patterns.map(globbedSym);
    }
    if (n.type === 'CallExpression') {
      const called = calledFunction(n.callee, e);
      if (called?.fn.generator) {
        const yielded = returnedExpressions(called.fn, true).filter((r) => r.parent?.type === 'YieldExpression');
        if (yielded.length) return union(...yielded.map((y) => ((y.parent as TSESTree.YieldExpression).delegate ? (elementsOf(y, path, called.env, depth + 1, seen) ?? unknown('a delegated yield')) : foldPath(y, path, called.env, depth + 1, seen))));
      }
    }
  }
  return null;
}

/** array methods whose result holds only elements of the receiver */
const ELEMENT_SUBSETS = new Set(['filter', 'slice', 'toSorted', 'toReversed', 'reverse', 'sort', 'values', 'toSpliced', 'splice']);
/** array methods that give back one element of the receiver (or undefined) */
const ELEMENT_PICKERS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);

/** The key a non-computed property is written with (`a: …`, `'a': …`, `1: …`). */
const literalKey = (p: TSESTree.Property): string => staticName(p.key as Node) ?? String((p.key as TSESTree.Literal).value);

/** The keys `for (k in node)` visits: a literal object's own keys (or an array's indices). */
function keysOf(node: Node, env: Env, depth: number): Folded | null {
  const d = derefNode(node, env, depth + 1);
  const n = d ? unwrap(d.node) : null;
  if (n?.type === 'ArrayExpression') return n.elements.length ? union(...n.elements.map((_, i) => text(String(i)))) : null;
  if (n?.type !== 'ObjectExpression' || n.properties.some((p) => p.type !== 'Property')) return null;
  const keys = (n.properties as TSESTree.Property[]).map((p) => (p.computed ? fold(p.key as Node, d!.env, depth + 1) : text(literalKey(p))));
  return keys.length ? union(...keys) : null;
}

const ARRAY_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast']);

/** `this.name` inside a class: its field initialisers, constructor parameter properties and `this.name = …` assignments. */
function classField(n: TSESTree.MemberExpression, key: string, env: Env, depth: number, seen: Set<unknown>): Folded | null {
  let cls: Node | undefined = n.parent;
  while (cls && cls.type !== 'ClassBody') cls = cls.parent;
  if (!cls || cls.type !== 'ClassBody') return null;
  const found: Folded[] = [];
  const visit = (node: Node, depthLeft: number) => {
    if (depthLeft < 0 || found.length > 8) return;
    if (node.type === 'PropertyDefinition' && !node.computed && (node.key.type === 'Identifier' ? node.key.name : node.key.type === 'PrivateIdentifier' ? `#${node.key.name}` : null) === key && node.value) found.push(fold(node.value, env, depth + 1, seen));
    if (node.type === 'TSParameterProperty') {
      const p = node.parameter;
      if (p.type === 'Identifier' && p.name === key) found.push(unknown(`${key} is a constructor parameter`));
      if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier' && p.left.name === key) found.push(unknown(`${key} is a constructor parameter`), fold(p.right, env, depth + 1, seen));
    }
    if (node.type === 'AssignmentExpression' && node.operator === '=' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression' && memberKey(node.left, env, depth) === key)
      found.push(fold(node.right, env, depth + 1, seen));
    forEachChild(node, (child) => visit(child, depthLeft - 1));
  };
  visit(cls, 12);
  // inst.name = v on an instance of the class made in the file (const s = new S(); s.dir = …)
  const program = rootOf(cls);
  for (const right of memberAssignmentSites(program, key, env).slice(0, 12)) {
    const left = (right.parent as TSESTree.AssignmentExpression).left as TSESTree.MemberExpression;
    const made = unwrap(left.object).type === 'ThisExpression' ? null : derefNode(left.object, env, depth + 1);
    const ctor = made?.node.type === 'NewExpression' ? derefNode(made.node.callee, made.env, depth + 1) : null;
    if (ctor && ctor.node === cls.parent) found.push(fold(right, env, depth + 1, seen));
  }
  return found.length ? union(...found) : null;
}

/** Folds `node` and then reads the destructuring path from it (an object or array literal). */
/** Each constant value of `node` read along numeric `keys` ('a,b'.split(',') at [1]); null unless every one is text. */
function constantElement(node: Node, keys: Array<string | null>, env: Env, depth: number): Folded | null {
  if (!keys.every((k) => k !== null && /^\d+$/.test(k))) return null;
  const values = constantValues(node, env, depth + 1);
  if (!values) return null;
  const out: Folded = [];
  for (const value of values) {
    let v: unknown = value;
    for (const k of keys) v = typeof v === 'string' || Array.isArray(v) ? (v as unknown[])[Number(k)] : undefined;
    if (typeof v !== 'string') return null;
    out.push([v]);
  }
  return out;
}

/** The functions whose returned values foldPath is reading a member of, right now. */
const readingReturns = new Set<Node>();

function foldPath(node: Node, path: Array<string | null>, env: Env, depth: number, seen: Set<unknown>): Folded {
  if (path.length === 0) return fold(node, env, depth, seen);
  let cur: { node: Node; env: Env } | null = { node, env };
  const ns = path[0] !== null ? namespaceSource(node, env) : null;
  if (ns !== null) {
    const foreign = importedValue(env, ns, path[0]!);
    if (!foreign) return unknown(`${path[0]} of a module that cannot be read`);
    return foldPath(foreign.node, [...foreign.path, ...path.slice(1)], foreign.env, depth + 1, seen);
  }
  for (const [i, key] of path.entries()) {
    if (key === null) return unknown('a computed destructuring key');
    const obj = derefNode(cur.node, cur.env, depth + 1);
    if (!obj) {
      // process.env.X however deep the destructuring starts (const { env: { X } } = process)
      const o = originOf(cur.node, cur.env, depth + 1);
      const rest = path.slice(i);
      const full = o.kind === 'global' && rest.every((k) => k !== null) ? [...o.path, ...(rest as string[])] : [];
      if (full.length === 3 && full[0] === 'process' && full[1] === 'env')
        return full[2] === env.policy.dataRoot.env ? [[DATA_ROOT]] : unknown(`process.env.${full[2]}`);
      return unknown('a destructured value');
    }
    const value = propertyOf(obj.node, key);
    if (!value) {
      // an element of a constant computed array (const [, p] = 'a,b'.split(','))
      const element = constantElement(obj.node, path.slice(i), obj.env, depth);
      if (element) return element;
      // a member of a constant JSON text parsed (const { p } = JSON.parse('{"p": …}'))
      const json = path.slice(i).every((k) => k !== null) ? jsonValue(obj.node, path.slice(i) as string[], obj.env, depth) : null;
      if (json) return json;
      // a member of what a workspace function returns (loadConfig().dataDir): that member of each returned value
      // (not of a function already being read so: a recursive one would never end)
      const called = obj.node.type === 'CallExpression' ? calledFunction(obj.node.callee, obj.env) : null;
      const returned = called && !readingReturns.has(called.fn) ? returnedExpressions(called.fn) : [];
      if (!returned.length) return unknown(`no constant property ${key}`);
      readingReturns.add(called!.fn);
      try {
        return union(...returned.map((r) => foldPath(r, path.slice(i), called!.env, depth + 1, seen)));
      } finally {
        readingReturns.delete(called!.fn);
      }
    }
    cur = { node: value, env: obj.env };
  }
  return fold(cur.node, cur.env, depth + 1, seen);
}

/** new URL(relative, base) or URL.parse(relative, base): resolved when both are constants; otherwise the relative part after the base's folder */
function foldUrl(args: TSESTree.CallExpressionArgument[], env: Env, depth: number, seen: Set<unknown>): Folded {
  // new URL(relative, base): resolved when both are constants; otherwise the relative part after the base's folder
  const rel = fold(args[0] as Node, env, depth + 1, seen);
  const baseArg = args[1];
  if (!baseArg || baseArg.type === 'SpreadElement') return decodeUrl(rel);
  const base = fold(baseArg, env, depth + 1, seen);
  const out: Folded = [];
  for (const r of rel)
    for (const b of base) {
      const rText = isConstant(r) ? r.join('') : null;
      const bText = isConstant(b) ? b.join('') : null;
      if (rText !== null && bText !== null) {
        try {
          out.push([new URL(rText, bText).href]);
          continue;
        } catch {
          // not a valid URL pair: keep both parts below
        }
      }
      const absolute = typeof r[0] === 'string' && /^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(r[0]);
      const last = b[b.length - 1];
      const folder = typeof last === 'string' ? [...b.slice(0, -1), last.slice(0, last.lastIndexOf('/') + 1)] : isPlace(b) ? [placeAt(b) ? b[0]! : ownPlace(posixPath.dirname(env.file)), '/'] : [...b, '/'];
      out.push(merge(absolute ? [unknownPart('a URL base'), ...r] : [...(bText !== null || typeof last === 'string' || isPlace(b) ? folder : [unknownPart('a URL base'), '/']), ...r]));
    }
  return out.length > MAX_ALTERNATIVES ? unknown('too many alternatives') : decodeUrl(out);
}

const TRIMS = new Set(['trim', 'trimStart', 'trimEnd', 'trimLeft', 'trimRight']);

function foldCall(n: TSESTree.CallExpression, env: Env, depth: number, seen: Set<unknown>): Folded {
  const callee = unwrap(n.callee);
  const args = n.arguments;
  // a spread of an array literal is its elements; any other spread is one unknown argument
  const foldArgs = () =>
    args.flatMap((a): Folded[] => {
      if (a.type !== 'SpreadElement') return [fold(a, env, depth + 1, seen)];
      const arr = derefNode(a.argument, env, depth + 1);
      if (arr?.node.type === 'ArrayExpression' && arr.node.elements.every((e) => e && e.type !== 'SpreadElement'))
        return arr.node.elements.map((e) => fold(e as Node, arr.env, depth + 1, seen));
      // a spread of a computed constant array ('data/runs'.split('/'))
      const values = constantValues(a.argument, env, depth + 1);
      if (values && values.length === 1 && Array.isArray(values[0]) && values[0].every((v) => typeof v === 'string'))
        return (values[0] as string[]).map((v) => text(v));
      return [unknown('a spread argument')];
    });
  if (callee.type === 'MemberExpression') {
    const key = memberKey(callee, env, depth);
    if (key === 'concat') {
      const base = fold(callee.object, env, depth + 1, seen);
      return foldArgs().reduce(concat, base);
    }
    if (key === 'join') {
      const arr = derefNode(callee.object, env, depth + 1);
      // an array changed after its declaration: assigned elements are alternatives; after push/splice/… any element may be anything
      const changed = literalChanges(callee.object, env, depth);
      // (one changed only by mutating calls that can be run, words.reverse(): each value they can leave it with)
      if (changed?.opaque && changed.onlyMutations) {
        const values = constantValues(n, env, depth + 1);
        if (values && values.every((v) => typeof v === 'string')) return values.map((v) => [v as string]);
      }
      if (arr?.node.type === 'ArrayExpression' && arr.node.elements.every((e) => e && e.type !== 'SpreadElement')) {
        // (join(undefined) is join(): a comma)
        const sep = args[0] && !(args[0].type !== 'SpreadElement' && isNothing(args[0], env, depth, false)) ? fold(args[0], env, depth + 1, seen) : text(',');
        let acc: Folded = [[]];
        arr.node.elements.forEach((e, i) => {
          if (i > 0) acc = concat(acc, sep);
          // (an element that is null or undefined joins as empty text: ['approve', null, 'Workflow'].join('') is approveWorkflow)
          const element = union(
            elementText(e as Node, arr.env, depth, seen),
            ...[...(changed?.assigned.get(String(i)) ?? []), ...(changed?.assigned.get(ANY_ELEMENT) ?? [])].map((v) => elementText(v, env, depth, seen)),
            ...(changed?.opaque ? [unknown('an element of an array changed after its declaration')] : []),
          );
          acc = concat(acc, element);
        });
        if (changed?.opaque) acc = union(acc, concat(concat(acc, sep), unknown('an element added after the declaration')));
        return acc;
      }
    }
    if (key === 'toString' || key === 'valueOf') {
      // (n).toString(36), buf.toString('hex'): an argument changes the text; evaluated when constant, unknown otherwise
      if (args.length && !(key === 'toString' && args[0] && args[0].type !== 'SpreadElement' && /^utf-?8$/i.test(foldSingle(args[0], env, depth + 1) ?? ''))) {
        const values = constantValues(n, env, depth + 1);
        if (values && values.every((v) => typeof v === 'string')) return values.map((v) => [v as string]);
        return unknown(`${key} with an argument`);
      }
      return fold(callee.object, env, depth + 1, seen);
    }
    // text methods that change no separator, on a path only partly known: applied to its known parts
    // (path.join(root, 'runs', 'x').normalize(), .trim(), .slice(0)); NFKC can turn fullwidth letters into runs
    if ((key === 'normalize' || key === 'toWellFormed' || TRIMS.has(key ?? '') || ((key === 'slice' || key === 'substring') && args.length <= 1)) && args.every((a) => a.type !== 'SpreadElement') && originOf(callee.object, env, depth + 1).kind === 'unknown') {
      const whole = constantValues(n, env, depth + 1);
      if (whole && whole.every((v) => typeof v === 'string')) return whole.map((v) => [v as string]);
      const arg = args[0] ? foldSingle(args[0], env, depth + 1) : undefined;
      if (arg === null) return unknown(`${key} with an argument that is not a constant`);
      if ((key === 'slice' || key === 'substring') && arg !== undefined && arg !== '0') return unknown(`${key} of a text only partly known`);
      const recv = fold(callee.object, env, depth + 1, seen);
      return recv.map((alt) =>
        alt.map((part, i) => {
          if (typeof part !== 'string') return part;
          try {
            if (key === 'normalize') return part.normalize(arg);
            if (key === 'toWellFormed') return (part as string & { toWellFormed(): string }).toWellFormed();
          } catch {
            return unknownPart(`${key} with an invalid form`);
          }
          let out = part;
          if ((key === 'trim' || key === 'trimStart' || key === 'trimLeft') && i === 0) out = out.trimStart();
          if ((key === 'trim' || key === 'trimEnd' || key === 'trimRight') && i === alt.length - 1) out = out.trimEnd();
          return out;
        }),
      );
    }
    // new TextDecoder().decode(new TextEncoder().encode(s)) is s
    if ((key === 'encode' || key === 'decode') && args[0] && args[0].type !== 'SpreadElement') {
      const codec = derefNode(callee.object, env, depth + 1);
      const co = codec?.node.type === 'NewExpression' ? originOf(codec.node.callee, codec.env, depth + 1) : null;
      if (co?.kind === 'global' && co.path.join('.') === (key === 'encode' ? 'TextEncoder' : 'TextDecoder')) {
        // decode(new Uint8Array([47, 97, …])): the bytes as UTF-8 text
        const bytes = key === 'decode' ? constantBytes(args[0], env, depth) : null;
        if (bytes) return text(Buffer.from(bytes).toString('utf8'));
        return fold(args[0], env, depth + 1, seen);
      }
    }
    // new Map([[k, v], …]).get(k): the value of the pair with that key (and anything set later)
    if (key === 'get' && args[0] && args[0].type !== 'SpreadElement') {
      const map = derefNode(callee.object, env, depth + 1);
      const mo = map?.node.type === 'NewExpression' ? originOf(map.node.callee, map.env, depth + 1) : null;
      if (map && map.node.type === 'NewExpression' && mo?.kind === 'global' && mo.path.join('.') === 'Map') {
        const wanted = foldSingle(args[0], env, depth + 1);
        const init = map.node.arguments[0] ? derefNode(map.node.arguments[0] as Node, map.env, depth + 1) : null;
        const changes = literalChanges(callee.object, env, depth);
        const found: Folded[] = [];
        if (init?.node.type === 'ArrayExpression')
          for (const pair of init.node.elements) {
            if (pair?.type !== 'ArrayExpression' || !pair.elements[0] || !pair.elements[1] || pair.elements[0].type === 'SpreadElement' || pair.elements[1].type === 'SpreadElement') continue;
            const k = foldSingle(pair.elements[0], init.env, depth + 1);
            if (wanted === null || k === null || k === wanted) found.push(fold(pair.elements[1], init.env, depth + 1, seen));
          }
        if (found.length) return union(...found, ...(changes?.opaque || wanted === null ? [unknown('a Map changed after its declaration')] : []));
      }
    }
  }
  // a pure string / array computation over constants ('…'.split('').reverse().join(''), String.fromCharCode, atob, …)
  if (isPureCall(n, env, depth)) {
    const values = constantValues(n, env, depth + 1);
    if (values && values.every((v) => typeof v === 'string')) return values.map((v) => [v as string]);
  }
  // arr.find(cb), arr.at(i): one of the receiver's elements, whatever the callback or index
  if (callee.type === 'MemberExpression' && ELEMENT_PICKERS.has(memberKey(callee, env, depth) ?? '')) {
    const elements = elementsOf(callee.object, [], env, depth + 1, seen);
    if (elements) return elements;
  }
  const o = originOf(callee, env, depth + 1);
  // Uint8Array.from([…]) / Uint8Array.of(…) as a path: fs takes any Uint8Array as the bytes of a path
  if (o.kind === 'global' && (o.path.join('.') === 'Uint8Array.from' || o.path.join('.') === 'Uint8Array.of')) {
    const bytes = constantBytes(n, env, depth);
    return bytes ? text(Buffer.from(bytes).toString('utf8')) : unknown('bytes that cannot be read');
  }
  // process.cwd() is the working directory, where relative paths start: '.' (after a process.chdir, see the write check)
  if (o.kind === 'global' && o.path.join('.') === 'process.cwd' && args.length === 0) return text('.');
  // Promise.resolve(x) holds x (await reads it)
  if (o.kind === 'global' && o.path.join('.') === 'Promise.resolve' && args[0] && args[0].type !== 'SpreadElement') return fold(args[0], env, depth + 1, seen);
  // Reflect.get(process.env, name): the variable; Reflect.get(literal, key): its member
  if (o.kind === 'global' && o.path.join('.') === 'Reflect.get' && args[0] && args[1] && args[0].type !== 'SpreadElement' && args[1].type !== 'SpreadElement') {
    const key = foldSingle(args[1], env, depth + 1);
    const target = originOf(args[0], env, depth + 1);
    if (key !== null && target.kind === 'global' && target.path.join('.') === 'process.env') return envVariable(n, key, env, depth, seen);
    const lit = key !== null ? derefNode(args[0], env, depth + 1) : null;
    const value = lit ? propertyOf(lit.node, key!) : null;
    if (value) return fold(value, lit!.env, depth + 1, seen);
    return key === null && target.kind === 'global' && target.path.join('.') === 'process.env' ? union(unknown('an environment variable'), [[DATA_ROOT]]) : unknown('Reflect.get of a value that cannot be read');
  }
  // URL.parse(…) is new URL(…), or null
  if (o.kind === 'global' && o.path.join('.') === 'URL.parse' && args[0] && args[0].type !== 'SpreadElement') return foldUrl(args, env, depth, seen);
  if (o.kind === 'module' && o.module === 'path') {
    const fn = o.path.filter((k) => k !== 'posix' && k !== 'win32' && k !== 'default');
    if (fn.length === 1 && PATH_FUNCS.has(fn[0]!)) return pathCall(fn[0]!, foldArgs());
    if (fn.length === 1 && fn[0] === 'format' && args[0] && args[0].type !== 'SpreadElement') return pathFormat(args[0], env, depth, seen);
    if (fn.length === 1 && ['dirname', 'basename', 'extname'].includes(fn[0]!) && args[0] && args[0].type !== 'SpreadElement') {
      const values = constantValues(n, env, depth + 1);
      if (values && values.every((v) => typeof v === 'string')) return values.map((v) => [v as string]);
      // the directory of a path is still under whatever its leading segments are under
      if (fn[0] === 'dirname') {
        const inner = fold(args[0], env, depth + 1, seen);
        // (the folder of the module's own place is still a place of the workspace's sources)
        if (inner.length && inner.every(isPlace)) return inner.map((sym) => { const at = placeAt(sym); return [at ? ownPlace(posixPath.dirname(at)) : ownPlace(posixPath.dirname(env.file))]; });
        return concat(inner, [[unknownPart('path.dirname')]]);
      }
    }
  }
  if (o.kind === 'global' && o.path.join('.') === 'String' && args[0]) return fold(args[0], env, depth + 1, seen);
  // Object.assign returns its target (what it sets on a URL object is read by urlPathParts)
  if (o.kind === 'global' && o.path.join('.') === 'Object.assign' && args[0] && args[0].type !== 'SpreadElement') return fold(args[0], env, depth + 1, seen);
  // a path given as a Buffer: its text (an encoding other than utf8 was evaluated above when constant)
  if (((o.kind === 'global' && o.path.join('.') === 'Buffer.from') || (o.kind === 'module' && o.module === 'buffer' && o.path.join('.') === 'Buffer.from')) && args[0] && args[0].type !== 'SpreadElement') {
    // Buffer.from([100, 97, …]) is those bytes, never the array's text ("100,97,…"); bytes that cannot be read are unknown
    const bytes = constantBytes(n, env, depth);
    if (bytes) return text(Buffer.from(bytes).toString('utf8'));
    const source = derefNode(args[0], env, depth + 1)?.node ?? unwrap(args[0]);
    if (source.type === 'ArrayExpression' || source.type === 'NewExpression') return unknown('bytes that cannot be read');
    const enc = args[1] ? foldSingle(args[1], env, depth + 1) : 'utf8';
    if (enc !== null && /^utf-?8$/i.test(enc)) return fold(args[0], env, depth + 1, seen);
    const a0 = foldSingle(args[0], env, depth + 1);
    if (a0 !== null && enc !== null && Buffer.isEncoding(enc)) return text(Buffer.from(a0, enc as BufferEncoding).toString('utf8'));
  }
  // fileURLToPath decodes the URL's escapes; pathToFileURL's escapes are decoded again when the URL is used
  if (o.kind === 'module' && o.module === 'url' && o.path.at(-1) === 'fileURLToPath' && args[0]) return decodeUrl(fold(args[0], env, depth + 1, seen));
  if (o.kind === 'module' && o.module === 'url' && o.path.at(-1) === 'pathToFileURL' && args[0]) return fold(args[0], env, depth + 1, seen);
  // String.raw({ raw: [...] }, ...subs): the raw pieces with the substitutions between them
  if (o.kind === 'global' && o.path.join('.') === 'String.raw') {
    const strings = args[0] && args[0].type !== 'SpreadElement' ? derefNode(args[0], env, depth + 1) : null;
    const raw = strings ? propertyOf(strings.node, 'raw') : null;
    const pieces = raw ? constantValues(raw, strings!.env, depth + 1) : null;
    if (pieces?.length === 1 && Array.isArray(pieces[0]) && pieces[0].every((v) => typeof v === 'string')) {
      const list = pieces[0] as string[];
      let acc: Folded = text(list[0] ?? '');
      for (let i = 1; i < list.length; i++) {
        const sub = args[i];
        acc = concat(concat(acc, sub && sub.type !== 'SpreadElement' ? fold(sub, env, depth + 1, seen) : text('undefined')), text(list[i]!));
      }
      return acc;
    }
    return unknown('String.raw of pieces that cannot be read');
  }
  // fs.mkdtemp(prefix): the prefix and six random letters and digits, the name of a folder that did not exist before
  if (o.kind === 'module' && o.module === 'fs' && /^mkdtemp(Sync)?$/.test(o.path.filter((k) => k !== 'promises' && k !== 'default').join('.')) && args[0] && args[0].type !== 'SpreadElement')
    return concat(fold(args[0], env, depth + 1, seen), [[{ kind: 'unknown', why: 'the random end of the name of a folder mkdtemp makes', segment: true, fresh: true }]]);
  // encodeURIComponent(x): whatever x is, no separator survives it (it may still be . or ..)
  if (o.kind === 'global' && o.path.join('.') === 'encodeURIComponent') return [[{ kind: 'unknown', why: 'encodeURIComponent of a value that cannot be read', segment: true }]];
  // a function of the workspace whose value can be read: what its return statements give
  const called = calledFunction(callee, env);
  if (called) {
    const returns = returnedExpressions(called.fn);
    if (returns.length) return union(...returns.map((r) => fold(r, called.env, depth + 1, seen)));
  }
  return unknown('the result of a call');
}

/**
 * `node` is null or undefined (void 0 included) in every value it may have; with `some`, in one of them at least.
 */
function isNothing(node: Node, env: Env, depth: number, some: boolean): boolean {
  const el = unwrap(node);
  if (el.type === 'Literal' && el.value === null) return true;
  const values = constantValues(el, env, depth + 1);
  const nothing = (v: unknown) => v === null || v === undefined;
  return !!values && values.length > 0 && (some ? values.some(nothing) : values.every(nothing));
}

/**
 * An element of an array as the array's text gives it (Array.prototype.join, toString): null and undefined are
 * empty text, every other value its own text; an element that may be either has both alternatives.
 */
function elementText(node: Node, env: Env, depth: number, seen: Set<unknown>): Folded {
  if (isNothing(node, env, depth, false)) return text('');
  if (!isNothing(node, env, depth, true)) return fold(node, env, depth + 1, seen);
  const values = constantValues(unwrap(node), env, depth + 1)!;
  return union(...values.map((v) => text(v === null || v === undefined ? '' : String(v))));
}

export function fold(node: Node, env: Env, depth = 0, _seen?: Set<unknown>): Folded {
  return foldMemo(node, env, depth);
}

const foldMemo = memoize<Folded>([[{ kind: 'unknown', why: 'a value that depends on itself' }]], (node, env, depth) => {
  const seen = new Set<unknown>();
  if (depth > MAX_EVAL_DEPTH) return unknown('too deep');
  const n = unwrap(node);
  switch (n.type) {
    case 'Literal':
      if (n.value === null) return text('null');
      if (typeof n.value === 'object') return unknown('a regular expression');
      return text(String(n.value));
    case 'TemplateLiteral': {
      let acc: Folded = [[n.quasis[0]!.value.cooked ?? n.quasis[0]!.value.raw]];
      n.expressions.forEach((e, i) => {
        acc = concat(acc, fold(e, env, depth + 1, seen));
        const q = n.quasis[i + 1]!;
        acc = concat(acc, text(q.value.cooked ?? q.value.raw));
      });
      return acc;
    }
    case 'TaggedTemplateExpression': {
      const tag = originOf(n.tag, env, depth + 1);
      if (tag.kind !== 'global' || tag.path.join('.') !== 'String.raw') return unknown('a tagged template');
      let acc: Folded = [[n.quasi.quasis[0]!.value.raw]];
      n.quasi.expressions.forEach((e, i) => {
        acc = concat(acc, fold(e, env, depth + 1, seen));
        acc = concat(acc, text(n.quasi.quasis[i + 1]!.value.raw));
      });
      return acc;
    }
    case 'BinaryExpression': {
      // numbers are added, not concatenated (String.fromCharCode(96 + 1)): constant operands are evaluated
      const values = n.operator === '+' && !(isConstantFold(n.left, env, depth) && isConstantFold(n.right, env, depth)) ? null : operatorValues(n, env, depth + 1);
      if (values) return values.map((v) => [String(v)]);
      if (n.operator !== '+') return unknown(`the ${n.operator} operator`);
      return concat(fold(n.left, env, depth + 1, seen), fold(n.right, env, depth + 1, seen));
    }
    case 'UnaryExpression': {
      const values = operatorValues(n, env, depth + 1);
      return values ? values.map((v) => [String(v)]) : unknown(`the ${n.operator} operator`);
    }
    case 'Identifier':
      return foldIdentifier(n, env, depth, seen);
    case 'MemberExpression': {
      // import.meta.url / dirname / filename: the module's own place
      if (unwrap(n.object).type === 'MetaProperty' && ['url', 'dirname', 'filename'].includes(memberKey(n, env, depth) ?? '')) return [[memberKey(n, env, depth) === 'dirname' ? ownPlace(posixPath.dirname(env.file)) : OWN_PLACE]];
      // a member of a constant JSON text parsed (JSON.parse('{"p": "data/runs"}').p, through a constant)
      const json = jsonMember(n, env, depth);
      if (json) return json;
      const o = originOf(n, env, depth + 1);
      if (o.kind === 'global' && o.path.length === 3 && o.path[0] === 'process' && o.path[1] === 'env') return envVariable(n, o.path[2]!, env, depth, seen);
      if (o.kind === 'module' && o.module === 'path' && o.path.at(-1) === 'sep') return text('/');
      // path.parse(constant).dir (and .root, .base, .name, .ext)
      const parsed = unwrap(n.object);
      const pkey = memberKey(n, env, depth);
      if (parsed.type === 'CallExpression' && pkey !== null && ['dir', 'root', 'base', 'name', 'ext'].includes(pkey) && parsed.arguments[0] && parsed.arguments[0].type !== 'SpreadElement') {
        const po = originOf(parsed.callee, env, depth + 1);
        if (po.kind === 'module' && po.module === 'path' && po.path.filter((k) => k !== 'posix' && k !== 'win32' && k !== 'default').join('.') === 'parse') {
          const values = constantValues(parsed.arguments[0], env, depth + 1);
          if (values?.every((v) => typeof v === 'string')) return union(...values.map((v) => text(posixPath.parse(v as string)[pkey as 'dir'])));
          // the folder of a path is under whatever its leading segments are under
          if (pkey === 'dir' || pkey === 'root') return concat(fold(parsed.arguments[0], env, depth + 1, seen), unknown('path.parse'));
        }
      }
      const key = memberKey(n, env, depth);
      const ns = namespaceSource(n.object, env);
      if (ns !== null && key !== null) {
        const foreign = importedValue(env, ns, key);
        return foreign ? foldPath(foreign.node, foreign.path, foreign.env, depth + 1, seen) : unknown(`${key} of a module that cannot be read`);
      }
      if (unwrap(n.object).type === 'ThisExpression' && key !== null) {
        const field = classField(n, key, env, depth, seen);
        if (field) return field;
      }
      // arguments[i]: what the function's call sites in the file pass at i
      const argsObj = unwrap(n.object);
      if (argsObj.type === 'Identifier' && argsObj.name === 'arguments' && key !== null && /^\d+$/.test(key)) {
        const variable = findVariable(env.getScope(argsObj), argsObj);
        const fn = variable && variable.defs.length === 0 && variable.scope.type === 'function' ? (variable.scope.block as Node) : null;
        if (fn && (fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression')) {
          const passed = callSitesOfFunction(fn, env).slice(0, 9).map((c) => argumentAt(c, Number(key), env)).filter((a): a is Node => !!a);
          return union(unknown('an argument'), ...passed.map((a) => fold(a, env, depth + 1, seen)));
        }
      }
      const obj = derefNode(n.object, env, depth + 1);
      // a class's static member set in a static block (static { this.k = … }): an alternative too
      if (obj && key !== null && (obj.node.type === 'ClassDeclaration' || obj.node.type === 'ClassExpression')) {
        const set: Node[] = [];
        for (const m of obj.node.body.body)
          if (m.type === 'StaticBlock')
            forEachChild(m, function visit(c: Node) {
              if (c.type === 'AssignmentExpression' && c.left.type === 'MemberExpression' && unwrap(c.left.object).type === 'ThisExpression' && memberKey(c.left, obj.env, depth) === key) set.push(c.right);
              if (c.type !== 'FunctionExpression' && c.type !== 'FunctionDeclaration') forEachChild(c, visit);
            });
        if (set.length) {
          const base = propertyOf(obj.node, key, obj.env);
          return union(...(base ? [fold(base, obj.env, depth + 1, seen)] : []), ...set.map((v) => fold(v, obj.env, depth + 1, seen)));
        }
      }
      // a literal changed after its declaration: what is assigned to the key is an alternative too
      const changes = obj && key !== null ? literalChanges(n.object, env, depth) : null;
      // (and what the module that declares an imported literal assigns to it, in that module)
      const foreign = changes ? foreignChanges(n.object, env, depth) : null;
      if (changes && (changes.opaque || changes.assigned.has(key!))) {
        const base = propertyOf(obj!.node, key!, obj!.env);
        const anyOpaque = changes.localOpaque || (foreign ? foreign.opaque : false);
        return union(
          ...(base ? [fold(base, obj!.env, depth + 1, seen)] : []),
          ...[...(changes.assigned.get(key!) ?? []), ...(/^\d+$/.test(key!) ? (changes.assigned.get(ANY_ELEMENT) ?? []) : [])].map((v) => fold(v, env, depth + 1, seen)),
          ...(foreign?.assigned.get(key!) ?? []).map((v) => fold(v, foreign!.env, depth + 1, seen)),
          ...(anyOpaque || !base ? [unknown(`${key} of an object changed after its declaration`)] : []),
        );
      }
      const value = obj && key !== null ? propertyOf(obj.node, key, obj.env) : null;
      if (obj && value) {
        // a getter (`get d() { return '…' }`) reads as what it returns
        if (isFunction(value) && value.parent && ((value.parent.type === 'Property' && value.parent.kind === 'get') || (value.parent.type === 'MethodDefinition' && value.parent.kind === 'get')))
          return union(...returnedExpressions(value).map((r) => fold(r, obj.env, depth + 1, seen)));
        return fold(value, obj.env, depth + 1, seen);
      }
      // { ...process.env, X: 1 }.RMOS_DATA_DIR: the key read from the spread it would come from
      if (obj && key !== null && !value && obj.node.type === 'ObjectExpression') {
        const spread = [...obj.node.properties].reverse().find((p) => p.type === 'SpreadElement');
        if (spread && spread.type === 'SpreadElement') return foldPath(spread.argument, [key], obj.env, depth + 1, seen);
      }
      if (!obj && key !== null) {
        const viaParam = parameterMember(n.object, key, env, depth, seen);
        if (viaParam) return viaParam;
      }
      // an element of a constant string or array ('a/b'.split('/')[1], ['x'].filter(Boolean)[0]), before what a call returns
      if (key !== null && /^\d+$/.test(key)) {
        const values = constantValues(n, env, depth + 1);
        if (values && values.every((v) => typeof v === 'string')) return values.map((v) => [v as string]);
      }
      // (an element of an array the check can list the elements of but not their order: ['x'].filter(f)[0], Object.values(o)[0]: any of them)
      if (key !== null && /^\d+$/.test(key) && !value) {
        const elements = elementsOf(n.object, [], env, depth + 1, seen);
        if (elements) return elements;
      }
      if (obj && key !== null && !value && obj.node.type === 'CallExpression') return foldPath(obj.node, [key], obj.env, depth + 1, seen);
      // a URL's text parts are the URL (its pathname is a suffix of what it folds to)
      // (when the whole URL is constant text, its pathname is the parsed pathname: new URL('http://h/x').pathname is '/x')
      if (obj && key !== null && URL_TEXT.has(key) && obj.node.type === 'NewExpression') {
        const whole = fold(obj.node, obj.env, depth + 1, seen);
        if (key !== 'pathname') return whole;
        return whole.map((alt) => {
          if (!alt.every((p) => typeof p === 'string')) return alt;
          try {
            return [new URL(alt.join('')).pathname];
          } catch {
            return alt;
          }
        });
      }
      // an element of a constant string or array ('a/b'.split('/')[1])
      if (key !== null && /^\d+$/.test(key)) {
        const values = constantValues(n, env, depth + 1);
        if (values && values.every((v) => typeof v === 'string')) return values.map((v) => [v as string]);
      }
      return unknown('a property that is not a constant');
    }
    case 'CallExpression':
      return foldCall(n, env, depth, seen);
    case 'NewExpression': {
      const o = originOf(n.callee, env, depth + 1);
      if (o.kind === 'global' && o.path.join('.') === 'URL' && n.arguments[0] && n.arguments[0].type !== 'SpreadElement') return foldUrl(n.arguments, env, depth, seen);
      // new String(x) is x as text
      if (o.kind === 'global' && o.path.join('.') === 'String' && n.arguments[0] && n.arguments[0].type !== 'SpreadElement') return fold(n.arguments[0], env, depth + 1, seen);
      // new Uint8Array([…]) as a path: fs takes any Uint8Array as the bytes of a path
      if (o.kind === 'global' && o.path.join('.') === 'Uint8Array') {
        const bytes = constantBytes(n, env, depth);
        if (bytes) return text(Buffer.from(bytes).toString('utf8'));
      }
      return unknown('a constructed object');
    }
    case 'ArrayExpression': {
      // an array as text is its elements joined by commas (fetch([url]) requests url); null and undefined are empty
      if (n.elements.length > 16 || n.elements.some((e) => !e || e.type === 'SpreadElement')) return unknown('an array with holes or spreads');
      let acc: Folded = [[]];
      n.elements.forEach((e, i) => {
        if (i > 0) acc = concat(acc, text(','));
        acc = concat(acc, elementText(e as Node, env, depth, seen));
      });
      return acc;
    }
    case 'ObjectExpression': {
      // an object as text (`${o}`, o + '', import(o)): what its Symbol.toPrimitive, toString or valueOf returns (each an alternative)
      const converters = n.properties.filter(
        (p): p is TSESTree.Property =>
          p.type === 'Property' && ((!p.computed && ['toString', 'valueOf'].includes(staticName(p.key as Node) ?? String((p.key as TSESTree.Literal).value))) || (p.computed && originOf(p.key as Node, env, depth + 1).kind === 'global' && (originOf(p.key as Node, env, depth + 1) as { path: string[] }).path.join('.') === 'Symbol.toPrimitive')),
      );
      // (a conversion set later, o.toString = …, or through a prototype is not seen: any other text stays an alternative)
      if (!converters.length) return unknown('an object as text');
      return union(
        unknown('an object whose conversion may be changed later'),
        ...converters.map((p) => {
          const fn = unwrap(p.value as Node);
          if (!isFunction(fn)) return unknown('a conversion that is not a function');
          const returns = returnedExpressions(fn);
          return returns.length ? union(...returns.map((r) => fold(r, env, depth + 1, seen))) : unknown('a conversion that returns nothing readable');
        }),
      );
    }
    case 'ConditionalExpression':
      return union(fold(n.consequent, env, depth + 1, seen), fold(n.alternate, env, depth + 1, seen));
    case 'LogicalExpression':
      return union(fold(n.left, env, depth + 1, seen), fold(n.right, env, depth + 1, seen));
    case 'AwaitExpression':
      return fold(n.argument, env, depth + 1, seen);
    case 'SequenceExpression':
      return fold(n.expressions.at(-1)!, env, depth + 1, seen);
    case 'AssignmentExpression':
      // u.pathname += 'x': whatever it held, then x
      if (n.operator === '+=') return concat(unknown('what it held before'), fold(n.right, env, depth + 1, seen));
      return n.operator === '=' ? fold(n.right, env, depth + 1, seen) : unknown('a compound assignment');
    default:
      return unknown(`a ${n.type}`);
  }
});

/**
 * The URL object a text of it is made from: u.href, u.toString(), u.toJSON(), String(u), `${u}`, u + '' are u (its
 * parts set in place are requested through them as well); anything else is itself.
 */
function urlObjectOf(n: Node, env: Env, depth: number): Node {
  if (depth > 4) return n;
  if (n.type === 'MemberExpression' && memberKey(n, env) === 'href') return urlObjectOf(unwrap(n.object), env, depth + 1);
  if (n.type === 'CallExpression' && n.arguments.length === 0 && n.callee.type === 'MemberExpression' && ['toString', 'toJSON'].includes(memberKey(n.callee, env) ?? '')) return urlObjectOf(unwrap(n.callee.object), env, depth + 1);
  if (n.type === 'CallExpression' && n.arguments.length === 1 && n.arguments[0]!.type !== 'SpreadElement') {
    const o = originOf(n.callee, env);
    if (o.kind === 'global' && o.path.join('.') === 'String') return urlObjectOf(unwrap(n.arguments[0] as Node), env, depth + 1);
  }
  if (n.type === 'TemplateLiteral' && n.expressions.length === 1 && n.quasis.every((q) => q.value.cooked === '')) return urlObjectOf(unwrap(n.expressions[0] as Node), env, depth + 1);
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    const empty = (x: Node) => x.type === 'Literal' && x.value === '';
    if (empty(unwrap(n.right as Node))) return urlObjectOf(unwrap(n.left as Node), env, depth + 1);
    if (empty(unwrap(n.left as Node))) return urlObjectOf(unwrap(n.right as Node), env, depth + 1);
  }
  return n;
}

/** A URL object is changed in place (u.pathname = …, u.href = …, Object.assign(u, { pathname: … })): each path it is given. */
const URL_PATH_PARTS = new Set(['pathname', 'href']);
/** What is assigned to the path of the URL object arg is (a variable holding new URL(…), or Object.assign of one). */
export function urlPathParts(arg: Node, env: Env): Node[] {
  const out: Node[] = [];
  const literalParts = (lit: Node) => {
    const d = derefNode(lit, env);
    if (d?.node.type !== 'ObjectExpression') return;
    for (const p of d.node.properties)
      if (p.type === 'Property' && URL_PATH_PARTS.has((p.computed ? foldSingle(p.key as Node, d.env) : p.key.type === 'Identifier' ? p.key.name : String((p.key as TSESTree.Literal).value)) ?? '')) out.push(p.value as Node);
  };
  const isAssign = (n: Node): n is TSESTree.CallExpression => {
    if (n.type !== 'CallExpression') return false;
    const o = originOf(n.callee, env);
    return o.kind === 'global' && o.path.join('.') === 'Object.assign';
  };
  const a = urlObjectOf(unwrap(arg), env, 0);
  if (isAssign(a)) a.arguments.slice(1).forEach((x) => literalParts(x as Node));
  if (a.type !== 'Identifier') return out;
  const d = derefNode(a, env);
  const made = d ? unwrap(d.node) : null;
  const isUrl = (m: Node | null): boolean => !!m && ((m.type === 'NewExpression' && (() => { const o = originOf(m.callee, env); return o.kind === 'global' && o.path.join('.') === 'URL'; })()) || (isAssign(m) && !!m.arguments[0] && isUrl(unwrap(m.arguments[0] as Node))));
  if (!isUrl(made)) return out;
  if (made && isAssign(made)) made.arguments.slice(1).forEach((x) => literalParts(x as Node));
  // the URL's variable and its aliases (const v = u: v.pathname = … changes u)
  const names = [findVariable(env.getScope(a), a)];
  for (let i = 0; i < names.length && i < 8; i++)
    for (const ref of names[i]?.references ?? []) {
      const p = ref.identifier.parent;
      // (u.pathname += 'x' is read as the assignment: what it held, then x)
      if (p?.type === 'MemberExpression' && p.object === ref.identifier && URL_PATH_PARTS.has(memberKey(p, env) ?? '') && p.parent?.type === 'AssignmentExpression' && p.parent.left === p) out.push(p.parent.operator === '=' ? p.parent.right : p.parent);
      if (p && isAssign(p) && p.arguments[0] === ref.identifier) p.arguments.slice(1).forEach((x) => literalParts(x as Node));
      const alias = aliasIdentifier(ref.identifier as Node);
      const other = alias ? findVariable(env.getScope(alias), alias) : null;
      if (other && !names.includes(other)) names.push(other);
    }
  return out;
}
