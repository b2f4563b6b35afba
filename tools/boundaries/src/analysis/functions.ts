import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { importedValue } from '../workspace/constants.js';
import { unwrap, type Node } from './ast.js';
import type { Env } from './env.js';
import { calledFunctionRef, derefNode, memberKey, memberValues, propertyOf } from './origin.js';

export { returnedExpressions } from './origin.js';
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
