import type { Node } from './ast.js';
import type { Env } from './env.js';

/**
 * Memo of an evaluation over AST nodes for one lint of one file. Without it, member
 * chains and alias chains are re-evaluated exponentially. It lives for one lint run
 * only, so that a foreign file's constants are re-read (and their dependency recorded)
 * every time a file is checked. A node under evaluation reads as `pending` (cycle guard).
 */
export function memoize<T>(pending: T, compute: (node: Node, env: Env, depth: number) => T) {
  const keyed = memoizeByKey<T>(pending, (node, _key, env, depth) => compute(node, env, depth));
  return (node: Node, env: Env, depth: number): T => keyed(node, '', env, depth);
}

/** memoize for a question asked of a node about one of several keys (a member's name): one answer per node and key. */
export function memoizeByKey<T>(pending: T, compute: (node: Node, key: string, env: Env, depth: number) => T) {
  let owner: object | null = null;
  let memo = new WeakMap<Node, Map<string, T>>();
  return (node: Node, key: string, env: Env, depth: number): T => {
    if (owner !== env.run) {
      owner = env.run;
      memo = new WeakMap();
    }
    let byKey = memo.get(node);
    if (!byKey) memo.set(node, (byKey = new Map()));
    const hit = byKey.get(key);
    if (hit !== undefined) return hit;
    byKey.set(key, pending);
    const value = compute(node, key, env, depth);
    byKey.set(key, value);
    return value;
  };
}
