import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { importedValue } from '../workspace/constants.js';
import { unwrap, type Node } from './ast.js';
import type { Env } from './env.js';
import { calledFunctionRef, derefNode, literalChanges, memberKey, memberValues, propertyOf } from './origin.js';

export { returnedExpressions } from './origin.js';
import { returnedExpressions } from './origin.js';
import { findVariable } from './variables.js';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(n: Node): n is FunctionNode {
  return n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression';
}

/**
 * The function a callee names: a local function or arrow, one imported from a workspace file,
 * or a method of an object literal or class reached through constants (`io.save`, `Store.make`).
 */
export function calledFunction(callee: Node, env: Env, depth = 0): { fn: FunctionNode; env: Env } | null {
  const n = unwrap(callee);
  if (isFunction(n)) return { fn: n, env };
  if (depth > 4) return null;
  if (n.type === 'MemberExpression') {
    const key = memberKey(n, env);
    if (key === null) return null;
    // a method of a literal or class, or one assigned later or held by an instance (new C().m, this.m)
    for (const v of memberValues(n.object, key, env)) {
      const f = calledFunction(v.node, v.env, depth + 1);
      if (f) return f;
    }
    return null;
  }
  // f()(…): a function that f returns (a curried wrapper, a factory of writers)
  if (n.type === 'CallExpression') {
    const outer = calledFunction(n.callee, env, depth + 1);
    if (!outer) return null;
    for (const r of returnedExpressions(outer.fn)) {
      const f = calledFunction(r, outer.env, depth + 1);
      if (f) return f;
    }
    return null;
  }
  if (n.type !== 'Identifier') return null;
  const variable = findVariable(env.getScope(n), n);
  const def = variable?.defs[0];
  if (!def || variable!.defs.length !== 1) return null;
  if (def.type === 'FunctionName' && isFunction(def.node as Node)) return { fn: def.node as FunctionNode, env };
  if (def.type === 'Variable' && def.node.type === 'VariableDeclarator' && def.node.init && variable!.references.filter((r) => r.isWrite()).length <= 1)
    return calledFunction(def.node.init, env, depth + 1);
  if (def.type === 'ImportBinding') return importedFunction(def, env, depth);
  return null;
}

function importedFunction(def: TSESLint.Scope.Definition, env: Env, depth: number): { fn: FunctionNode; env: Env } | null {
  const decl = def.parent as Node | null;
  const spec = def.node as Node;
  if (decl?.type !== 'ImportDeclaration') return null;
  const name = spec.type === 'ImportSpecifier' ? (spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value)) : spec.type === 'ImportDefaultSpecifier' ? 'default' : null;
  if (!name) return null;
  const foreign = importedValue(env, decl.source.value, name, true);
  if (!foreign || foreign.path.length) return null;
  return calledFunction(foreign.node, foreign.env, depth + 1);
}

calledFunctionRef.fn = (callee, env) => calledFunction(callee, env);

const CALLING_KEYS = new Set(['call', 'apply', 'bind']);
const CALLBACK_KEYS = new Set(['then', 'catch', 'finally', 'map', 'flatMap', 'forEach', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'reduce', 'reduceRight', 'sort', 'toSorted', 'on', 'once', 'addEventListener', 'addListener']);
const CALLING_FUNCTIONS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame']);

/**
 * True when `fn` calls its parameter at `index` (g(), g.call(…), new g(), g`…`), hands it to a
 * timer or a callback method, or passes it to a workspace function that does (a few levels deep).
 */
export function callsParameter(fn: FunctionNode, index: number, env: Env, depth = 0): boolean {
  if (depth > 3) return false;
  const param = fn.params[index] ?? (fn.params.at(-1)?.type === 'RestElement' ? fn.params.at(-1) : undefined);
  const id = param?.type === 'Identifier' ? param : param?.type === 'RestElement' && param.argument.type === 'Identifier' ? param.argument : param?.type === 'AssignmentPattern' && param.left.type === 'Identifier' ? param.left : null;
  if (!id) return false;
  const variable = findVariable(env.getScope(id), id);
  for (const ref of variable?.references ?? []) {
    let n: Node = ref.identifier as Node;
    // rest parameters: fns[0](…)
    while (n.parent?.type === 'MemberExpression' && n.parent.object === n && param!.type === 'RestElement' && n.parent.computed) n = n.parent;
    while (n.parent && (n.parent.type === 'TSAsExpression' || n.parent.type === 'TSNonNullExpression' || n.parent.type === 'ChainExpression')) n = n.parent;
    const p = n.parent;
    if (!p) continue;
    if ((p.type === 'CallExpression' || p.type === 'NewExpression') && p.callee === n) return true;
    if (p.type === 'TaggedTemplateExpression' && p.tag === n) return true;
    if (p.type === 'MemberExpression' && p.object === n && CALLING_KEYS.has(memberKey(p, env) ?? '')) return true;
    if ((p.type === 'CallExpression' || p.type === 'NewExpression') && p.arguments.includes(n as TSESTree.Expression)) {
      const callee = unwrap(p.callee);
      if (callee.type === 'Identifier' && CALLING_FUNCTIONS.has(callee.name) && !findVariable(env.getScope(callee), callee)?.defs.length) return true;
      if (callee.type === 'MemberExpression' && CALLBACK_KEYS.has(memberKey(callee, env) ?? '')) return true;
      const inner = p.type === 'CallExpression' ? calledFunction(callee, env) : null;
      if (inner && callsParameter(inner.fn, p.arguments.indexOf(n as TSESTree.Expression), inner.env, depth + 1)) return true;
    }
  }
  return false;
}

/**
 * True when `fn` may change what it is handed at `index`: it writes a member of it at any depth (p.k = v, p.a.b++,
 * delete p.k, [p.k] = l), calls a changing method on it or on a member of it (p.push(x), p.list.sort()), hands it to
 * Object.assign / Object.defineProperty / Reflect.set …, or to a workspace function that changes it (a few levels
 * deep). A destructured parameter changes the value through its bindings ({ sub }: sub.k = v), a const alias through
 * the alias.
 */
export function changesParameter(fn: FunctionNode, index: number, env: Env, depth = 0): boolean {
  if (depth > 3) return false;
  const param = fn.params[index];
  if (!param) return false;
  const names: TSESTree.Identifier[] = [];
  const collect = (p: Node): void => {
    if (p.type === 'Identifier') names.push(p);
    else if (p.type === 'AssignmentPattern') collect(p.left);
    else if (p.type === 'RestElement') collect(p.argument);
    else if (p.type === 'ArrayPattern') p.elements.forEach((e) => e && collect(e));
    else if (p.type === 'ObjectPattern') p.properties.forEach((q) => collect(q.type === 'Property' ? (q.value as Node) : q));
    else if (p.type === 'TSParameterProperty') collect(p.parameter);
  };
  collect(param);
  return names.some((id) => changesBinding(id, env, depth));
}

/** What literalChanges reads of a binding: any change through it (a member written, a changing method, an alias, a function it is handed to). */
function changesBinding(id: TSESTree.Identifier, env: Env, depth: number): boolean {
  const changes = literalChanges(id, env, depth);
  return !!changes && (changes.opaque || changes.assigned.size > 0 || changes.mutations.length > 0);
}
