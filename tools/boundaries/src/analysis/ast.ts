import type { TSESTree } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;

/** Strips what does not change a value at run time: TS casts, `!`, `satisfies`, optional chains. */
export function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    switch (n.type) {
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
      case 'ChainExpression':
        n = n.expression;
        continue;
      default:
        return n;
    }
  }
}

/** The outermost node around `node` that still is the same value: `node` wrapped in its casts (parentheses are not nodes). */
export function valueNode(node: Node): Node {
  let n: Node = node;
  while (n.parent && ['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression'].includes(n.parent.type))
    n = n.parent;
  return n;
}

/** Node at the end of parent links that still is the same value (casts, parentheses are not nodes). */
export function valueParent(node: Node): Node | undefined {
  return valueNode(node).parent;
}

/** The Program a node belongs to (the top of its parent links). */
export function rootOf(node: Node): Node {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** Calls `visit` on each child node of `node`: every property holding a node or an array of nodes, `parent` aside. */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  for (const k of Object.keys(node)) {
    if (k === 'parent') continue;
    const c = (node as unknown as Record<string, unknown>)[k];
    if (Array.isArray(c)) {
      for (const x of c) if (x && typeof x === 'object' && 'type' in x) visit(x as Node);
    } else if (c && typeof c === 'object' && 'type' in c) visit(c as Node);
  }
}

export function staticName(node: Node): string | null {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'Literal' && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return null;
}
