import type { Node } from './ast.js';
import type { Env } from './env.js';

/**
 * Per-checked-file memo of an evaluation over AST nodes. Without it, member chains and
 * alias chains are re-evaluated exponentially. Keyed on the checked file as well, so
 * that a foreign file's constants are re-read (and their dependency recorded) for
 * every file that uses them. A node under evaluation reads as `pending` (cycle guard).
 */
export function memoize<T>(pending: T, compute: (node: Node, env: Env, depth: number) => T) {
  let owner: string | null = null;
  let memo = new WeakMap<Node, T>();
  return (node: Node, env: Env, depth: number): T => {
    if (owner !== env.recordFor) {
      owner = env.recordFor;
      memo = new WeakMap();
    }
    const hit = memo.get(node);
    if (hit !== undefined) return hit;
    memo.set(node, pending);
    const value = compute(node, env, depth);
    memo.set(node, value);
    return value;
  };
}
