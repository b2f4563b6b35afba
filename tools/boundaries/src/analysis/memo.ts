import type { Node } from './ast.js';
import type { Env } from './env.js';

/**
 * Memo of an evaluation over AST nodes for one lint of one file. Without it, member
 * chains and alias chains are re-evaluated exponentially. It lives for one lint run
 * only, so that a foreign file's constants are re-read (and their dependency recorded)
 * every time a file is checked. A node under evaluation reads as `pending` (cycle guard).
 */
export function memoize<T>(pending: T, compute: (node: Node, env: Env, depth: number) => T) {
  let owner: object | null = null;
  let memo = new WeakMap<Node, T>();
  return (node: Node, env: Env, depth: number): T => {
    if (owner !== env.run) {
      owner = env.run;
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
