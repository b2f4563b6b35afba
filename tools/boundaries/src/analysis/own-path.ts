import path from 'node:path';
import { unwrap, type Node } from './ast.js';
import type { Env } from './env.js';
import { fold, foldSingle, type Sym } from './fold.js';
import { derefNode, memberKey, originOf } from './origin.js';
import { findVariable } from './variables.js';

/**
 * A path made from a module's own place, as an absolute path: import.meta.url / filename / dirname, __dirname,
 * __filename, and new URL(rel, …), fileURLToPath, path.dirname / join / resolve over them with constant parts,
 * also through constants of this and imported workspace files (each read in its own file). Else null.
 */
export function ownPath(n0: Node, e: Env, depth = 0): string | null {
  if (depth > 8) return null;
  const d = derefNode(n0, e);
  const n = d ? unwrap(d.node) : unwrap(n0);
  const ne = d?.env ?? e;
  // a file: URL's text is the URL (new URL('./w.js', import.meta.url).href)
  if (n.type === 'MemberExpression' && memberKey(n, ne) === 'href' && unwrap(n.object).type !== 'MetaProperty') return ownPath(n.object as Node, ne, depth + 1);
  if (n.type === 'MemberExpression' && unwrap(n.object).type === 'MetaProperty') {
    const key = memberKey(n, ne);
    return key === 'url' || key === 'filename' ? ne.file : key === 'dirname' ? path.dirname(ne.file) : null;
  }
  if (n.type === 'Identifier' && (n.name === '__dirname' || n.name === '__filename') && !findVariable(ne.getScope(n), n)) return n.name === '__dirname' ? path.dirname(ne.file) : ne.file;
  if ((n.type === 'NewExpression' || n.type === 'CallExpression') && n.arguments.length && !n.arguments.some((a) => a.type === 'SpreadElement')) {
    const co = originOf(n.callee, ne);
    const name = co.kind === 'global' ? co.path.join('.') : co.kind === 'module' ? `${co.module}.${co.path.filter((k) => k !== 'posix' && k !== 'default').join('.')}` : '';
    const argv = n.arguments as Node[];
    if ((name === 'URL' || name === 'url.URL') && n.type === 'NewExpression' && argv[1]) {
      const baseFile = ownPath(argv[1], ne, depth + 1);
      const rel = foldSingle(argv[0]!, ne);
      return baseFile !== null && rel !== null ? path.resolve(path.dirname(baseFile), rel) : null;
    }
    if (name === 'url.fileURLToPath') return ownPath(argv[0]!, ne, depth + 1);
    if (name === 'path.dirname') {
      const inner = ownPath(argv[0]!, ne, depth + 1);
      return inner === null ? null : path.dirname(inner);
    }
    if (name === 'path.join' || name === 'path.resolve') {
      const first = ownPath(argv[0]!, ne, depth + 1);
      if (first === null) return null;
      const rest = argv.slice(1).map((a) => foldSingle(a, ne));
      if (rest.some((r) => r === null)) return null;
      return name === 'path.join' ? path.join(first, ...(rest as string[])) : path.resolve(first, ...(rest as string[]));
    }
  }
  return null;
}

/** A path argument folded, where it is made from the module's own place read as that absolute path. */
export function foldPath(n: Node, e: Env, depth = 0): Sym[] {
  const own = ownPath(n, e);
  if (own !== null) return [[own]];
  // either branch (a ? new URL('./a.js', import.meta.url) : new URL('./b.js', import.meta.url)), each read so
  const d = depth < 4 ? derefNode(n, e) ?? { node: n, env: e } : null;
  const b = d ? unwrap(d.node) : null;
  if (b?.type === 'ConditionalExpression') return [...foldPath(b.consequent, d!.env, depth + 1), ...foldPath(b.alternate, d!.env, depth + 1)];
  // (a && b is a when a is falsy, which names no file: only b is a path)
  if (b?.type === 'LogicalExpression') return [...(b.operator === '&&' ? [] : foldPath(b.left, d!.env, depth + 1)), ...foldPath(b.right, d!.env, depth + 1)];
  return fold(n, e);
}
