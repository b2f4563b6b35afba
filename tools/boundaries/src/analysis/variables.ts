import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
// the function typescript-eslint's ASTUtils re-exports, taken from its source: loading @typescript-eslint/utils costs ~0.1 s per run
import { findVariable as findVariableIn } from '@eslint-community/eslint-utils';
import type { Node } from './ast.js';

/** A step from a destructured value to the part bound: a property key, an element index, or `null` when it cannot be folded. */
export type PathKey = string | null;

/** One way a variable gets its value: an expression, then the pattern path taken into it. */
export interface Binding {
  /** iter: each element of `expr` (for-of); keys: each key of `expr` (for-in) */
  kind: 'expr' | 'param' | 'import' | 'function' | 'class' | 'other' | 'compound' | 'iter' | 'keys';
  expr?: Node;
  path: PathKey[];
  /** computed keys in the pattern that still need folding */
  keyNodes: Array<Node | null>;
  /** default values met on the way (`{ a = x }`), which are alternatives */
  defaults: Node[];
  def?: TSESLint.Scope.Definition;
}

/** The variable `id` refers to from `scope`; a name without a node (no range) is looked up by name, from `scope` outwards. */
export function findVariable(scope: TSESLint.Scope.Scope, id: TSESTree.Identifier | string): TSESLint.Scope.Variable | null {
  return findVariableIn(scope as never, (typeof id === 'string' || !id.range ? (typeof id === 'string' ? id : id.name) : id) as never) as TSESLint.Scope.Variable | null;
}

/**
 * The keys from the root of a destructuring pattern down to `id`, and the node
 * where the pattern starts (declarator, assignment, parameter).
 */
export function patternPath(id: Node): { root: Node | undefined; keys: Array<Node | string>; defaults: Node[] } {
  const keys: Array<Node | string> = [];
  const defaults: Node[] = [];
  let n: Node = id;
  for (;;) {
    const p = n.parent;
    if (!p) return { root: undefined, keys, defaults };
    if (p.type === 'Property' && p.value === n && p.parent?.type === 'ObjectPattern') {
      keys.unshift(p.computed ? p.key : p.key.type === 'Identifier' ? p.key.name : String((p.key as TSESTree.Literal).value));
      n = p.parent;
    } else if (p.type === 'ArrayPattern') {
      keys.unshift(String(p.elements.indexOf(n as TSESTree.DestructuringPattern)));
      n = p;
    } else if (p.type === 'AssignmentPattern' && p.left === n) {
      defaults.push(p.right);
      n = p;
    } else if (p.type === 'RestElement') {
      // an object rest keeps every other key under the same name; an array rest shifts indices
      if (p.parent?.type === 'ArrayPattern') keys.unshift('*');
      n = p.parent ?? p;
      if (n === p) return { root: undefined, keys, defaults };
    } else if (p.type === 'TSParameterProperty') {
      n = p;
    } else {
      return { root: p, keys, defaults };
    }
  }
}

function bindingFor(idNode: Node, def?: TSESLint.Scope.Definition): Binding {
  const { root, keys, defaults } = patternPath(idNode);
  const path: PathKey[] = keys.map((k) => (typeof k === 'string' ? (k === '*' ? null : k) : null));
  const keyNodes = keys.map((k) => (typeof k === 'string' ? null : k));
  if (root?.type === 'VariableDeclarator' && !root.init && root.parent?.parent?.type === 'ForOfStatement' && root.parent.parent.left === root.parent)
    return { kind: 'iter', expr: root.parent.parent.right, path, keyNodes, defaults, def };
  if (root?.type === 'VariableDeclarator' && !root.init && root.parent?.parent?.type === 'ForInStatement' && root.parent.parent.left === root.parent)
    return { kind: 'keys', expr: root.parent.parent.right, path, keyNodes, defaults, def };
  if (root?.type === 'VariableDeclarator') return { kind: root.init ? 'expr' : 'other', expr: root.init ?? undefined, path, keyNodes, defaults, def };
  if (root?.type === 'AssignmentExpression') {
    if (root.operator === '=') return { kind: 'expr', expr: root.right, path, keyNodes, defaults, def };
    return { kind: 'compound', expr: root.right, path, keyNodes, defaults, def };
  }
  if (root?.type === 'ForOfStatement') return { kind: 'iter', expr: root.right, path, keyNodes, defaults, def };
  if (root?.type === 'ForInStatement') return { kind: 'keys', expr: root.right, path, keyNodes, defaults, def };
  return { kind: 'param', path, keyNodes, defaults, def };
}

/**
 * Every way `variable` is given a value: its declarations (with destructuring paths)
 * and every later assignment. Used to follow aliases and re-assignment chains.
 */
export function bindingsOf(variable: TSESLint.Scope.Variable): Binding[] {
  const out: Binding[] = [];
  for (const def of variable.defs) {
    switch (def.type) {
      case 'ImportBinding':
        out.push({ kind: 'import', path: [], keyNodes: [], defaults: [], def });
        break;
      case 'FunctionName':
        out.push({ kind: 'function', path: [], keyNodes: [], defaults: [], def });
        break;
      case 'ClassName':
        out.push({ kind: 'class', path: [], keyNodes: [], defaults: [], def });
        break;
      case 'Variable':
      case 'Parameter':
        out.push(def.type === 'Parameter' && def.name.parent === def.node ? { kind: 'param', path: [], keyNodes: [], defaults: [], def } : bindingFor(def.name, def));
        break;
      default:
        out.push({ kind: 'other', path: [], keyNodes: [], defaults: [], def });
    }
  }
  for (const ref of variable.references) {
    if (!ref.isWrite() || ref.init) continue;
    out.push(bindingFor(ref.identifier));
  }
  return out;
}

/**
 * A variable that only TypeScript's `declare` introduces (`declare const x`, `declare function f()`,
 * anything inside `declare global` / `declare module`): at run time the name is a global.
 */
export function isAmbient(variable: TSESLint.Scope.Variable): boolean {
  if (variable.defs.length === 0) return false;
  return variable.defs.every((def) => {
    const node = def.node as TSESTree.Node;
    if (node.type === 'TSDeclareFunction') return true;
    if (def.parent && (def.parent as TSESTree.Node).type === 'VariableDeclaration' && (def.parent as TSESTree.VariableDeclaration).declare) return true;
    if ((node.type === 'ClassDeclaration' || node.type === 'TSEnumDeclaration') && node.declare) return true;
    for (let p: TSESTree.Node | undefined = node.parent; p; p = p.parent) if (p.type === 'TSModuleDeclaration' && p.declare) return true;
    return false;
  });
}
