import type { TSESTree } from '@typescript-eslint/utils';
import { forEachChild, unwrap, type Node } from '../analysis/ast.js';
import type { Env } from '../analysis/env.js';
import { fold, foldSingle, type Sym } from '../analysis/fold.js';
import { callShape, derefNode, literalChanges, memberKey, originOf, propertyOf, type Origin } from '../analysis/origin.js';
import { findVariable } from '../analysis/variables.js';
import { SQL_RUNNERS, sqlFileNames } from '../analysis/sql.js';
import { calledFunction, isFunction, type FunctionNode } from '../analysis/functions.js';
import { isAbsolute, namesDataRoot, variablePart } from './target-path.js';

export { calledFunction };

/** fs functions that change the file system, and which arguments are paths they change. */
const PATH_WRITES: Record<string, number[]> = {
  writeFile: [0],
  appendFile: [0],
  createWriteStream: [0],
  WriteStream: [0],
  rename: [0, 1],
  copyFile: [1],
  cp: [1],
  link: [0, 1],
  symlink: [0, 1],
  mkdir: [0],
  mkdtemp: [0],
  rm: [0],
  rmdir: [0],
  unlink: [0],
  truncate: [0],
  chmod: [0],
  lchmod: [0],
  chown: [0],
  lchown: [0],
  utimes: [0],
  lutimes: [0],
};
/** fs functions that change the file behind a descriptor opened earlier */
const FD_WRITES = new Set(['write', 'writev', 'ftruncate', 'fchmod', 'fchown', 'futimes', 'writeFile', 'appendFile', 'truncate']);
/** FileHandle methods that change its file */
const HANDLE_WRITES = new Set(['write', 'writev', 'writeFile', 'appendFile', 'truncate', 'chmod', 'chown', 'utimes', 'createWriteStream']);
const OPENERS = new Set(['open', 'openSync']);
/** creating the data root itself is harmless; removing, moving or re-linking it takes runs/ along */
const HARMLESS_ON_ROOT = new Set(['mkdir', 'mkdtemp']);
/**
 * the argument positions where a folder's whole tree is changed: removed (rm, rmdir), moved away (rename's source),
 * or written into from a tree the check cannot see (cp's destination). Aimed at a folder that holds the data root
 * (the working directory, `..`, `/`), they change runs/ too.
 */
export const TREE_WRITES: Readonly<Record<string, number[]>> = { rm: [0], rmdir: [0], rename: [0], cp: [1] };
// (an fs function the check cannot name may be rm: its first argument; its second is as likely a file's content)
const treeWrite = (fn: string, i: number) => (fn === '*' ? i === 0 : Object.hasOwn(TREE_WRITES, fn) && TREE_WRITES[fn]!.includes(i));

export interface WriteTarget {
  target: Node;
  env: Env;
  op: string;
  /** the operation also harms the data root when aimed at the root itself */
  destroysRoot: boolean;
  /** the operation changes the whole tree under its target: aimed at a folder that holds the data root, it changes runs/ */
  destroysTree?: boolean;
  /** the paths written, where they are read out of the argument's text (a file named in SQL) rather than being it */
  paths?: Sym[];
  /** reported only where the path is certainly in a protected folder (not where it cannot be proved outside one) */
  definite?: boolean;
}

function fsFunction(o: Origin): string | null {
  if (o.kind !== 'module' || o.module !== 'fs') return null;
  const path = o.path.filter((k) => k !== 'promises' && k !== 'default');
  if (path.length !== 1) return null;
  return path[0]!.replace(/Sync$/, '');
}

/** fs.constants flags that open a file without the right to change it (O_RDONLY is 0) */
const READ_SAFE_FLAGS = new Set(['O_RDONLY', 'O_NOFOLLOW', 'O_CLOEXEC', 'O_NOATIME', 'O_DIRECTORY', 'O_NONBLOCK', 'O_SYNC', 'O_DSYNC', 'O_RSYNC', 'O_NOCTTY', 'O_DIRECT', 'O_SYMLINK']);
/** string flags that open for reading only (fs's stringToFlags: r, rs, sr; every other opens for writing or is refused) */
const READ_ONLY_FLAG_TEXT = new Set(['r', 'rs', 'sr']);

/**
 * Flags that are certainly read-only: none, 'r' / 'rs' / 'sr', 0, or `|` of read-safe fs.constants
 * (O_RDONLY | O_NOFOLLOW). Anything else (a write flag, a number, text or value that cannot be read) may write (fail closed).
 */
export function readOnlyFlags(flags: Node | undefined, env: Env): boolean {
  if (!flags) return true;
  const n = unwrap(flags);
  if (n.type === 'Identifier' && n.name === 'undefined') return true;
  if (n.type === 'Literal' && typeof n.value === 'number') return n.value === 0;
  if (n.type === 'BinaryExpression' && n.operator === '|') return readOnlyFlags(n.left as Node, env) && readOnlyFlags(n.right, env);
  const o = originOf(n, env);
  if (o.kind === 'module' && o.module === 'fs') return READ_SAFE_FLAGS.has(o.path.at(-1) ?? '');
  const d = derefNode(n, env);
  if (d && d.node !== n) return readOnlyFlags(d.node, d.env);
  const alts = fold(n, env);
  return alts.length > 0 && alts.every((alt: Sym) => alt.length === 1 && typeof alt[0] === 'string' && READ_ONLY_FLAG_TEXT.has(alt[0]));
}

/** An open whose flags cannot be proved read-only counts as a write. */
function opensForWriting(flags: Node | undefined, env: Env): boolean {
  return !readOnlyFlags(flags, env);
}

/**
 * The values an options object gives `key` (matched case-insensitively where `ci`): its property (the last one),
 * a property of an object spread into it (`{ ...opts }`), what the file assigns to that key later (`opts.cwd = …`).
 * opaque: the object, a spread in it, or a change to it cannot be read, so the key may hold anything.
 * notObject: the value is not an object at all (a string: an encoding; a number; undefined).
 */
export interface OptionRead {
  values: { node: Node; env: Env; key: string }[];
  opaque: boolean;
  notObject: boolean;
}

export function optionValues(node: Node | undefined, env: Env, keys: readonly string[], ci = false, depth = 0): OptionRead {
  const out: OptionRead = { values: [], opaque: false, notObject: false };
  if (!node || depth > 6) return { ...out, notObject: !node, opaque: !!node };
  const wanted = (k: string) => (ci ? keys.some((w) => w.toLowerCase() === k.toLowerCase()) : keys.includes(k));
  const d = derefNode(node, env);
  const n = d ? unwrap(d.node) : unwrap(node);
  const e = d?.env ?? env;
  if (n.type !== 'ObjectExpression') {
    if (n.type === 'Literal' || (n.type === 'Identifier' && n.name === 'undefined') || n.type === 'TemplateLiteral') return { ...out, notObject: true };
    // a value that folds to text is an encoding, not an options object
    const alts = fold(n, e);
    if (alts.length > 0 && alts.every((a) => a.every((p) => typeof p === 'string'))) return { ...out, notObject: true };
    return { ...out, opaque: true };
  }
  for (const p of n.properties) {
    if (p.type === 'SpreadElement') {
      const inner = optionValues(p.argument, e, keys, ci, depth + 1);
      out.values.push(...inner.values);
      out.opaque ||= inner.opaque;
      continue;
    }
    const k = p.computed ? foldSingle(p.key, e) : p.key.type === 'Identifier' ? p.key.name : String((p.key as TSESTree.Literal).value);
    if (k === null) out.opaque = true;
    else if (wanted(k)) out.values.push({ node: p.value as Node, env: e, key: k });
  }
  // a key set after the literal is made (opts.cwd = 'data'; Object.assign(opts, { cwd }))
  const changes = unwrap(node).type === 'Identifier' ? literalChanges(node, env) : null;
  if (changes?.opaque) out.opaque = true;
  for (const [k, vs] of changes?.assigned ?? []) if (wanted(k)) out.values.push(...vs.map((v) => ({ node: v, env, key: k })));
  return out;
}

/** fs functions that read a path and take an options object whose `flag` / `flags` may open it for writing instead */
const FLAG_OPTIONS: Record<string, { index: number; key: string }> = {
  readFile: { index: 1, key: 'flag' },
  createReadStream: { index: 1, key: 'flags' },
  ReadStream: { index: 1, key: 'flags' },
};

/** `fs.readFileSync(p, { flag: 'w+' })`, `fs.createReadStream(p, { flags: 'w' })`: an option that opens for writing (fail closed on flags that cannot be read). */
function flagOptionWrites(fn: string, args: readonly Node[], env: Env): boolean {
  const at = Object.hasOwn(FLAG_OPTIONS, fn) ? FLAG_OPTIONS[fn]! : null;
  if (!at || !args[at.index]) return false;
  const read = optionValues(args[at.index], env, ['flag', 'flags']);
  if (read.notObject) return false;
  return read.opaque || read.values.some((v) => v.key === at.key && !readOnlyFlags(v.node, v.env));
}

/**
 * A value the analysis cannot see into: an unknown origin, a member of the global object that is no global of
 * Node (`(globalThis as any).F = fs` elsewhere: globalThis.F may be anything the program put there), or a value taken
 * without its name (a member of a Proxy whose handler cannot be read may be its target's: new Proxy(fs, h)).
 */
function opaqueValue(o: Origin): boolean {
  return o.kind === 'unknown' || o.kind === 'enumerated' || (o.kind === 'global' && o.path.length > 0 && !(o.path[0]! in globalThis));
}

function handleTarget(node: Node, env: Env, op: string): WriteTarget[] {
  const h = originOf(node, env);
  return h.kind === 'handle' ? [{ target: h.target, env: h.env, op, destroysRoot: false }] : [];
}

/** The paths a call writes, if it is a mutating fs call (any import form, call/apply/bind, descriptors, FileHandles). */
/**
 * What an fs function (by its origin) writes when it is called with `args`: the paths at its write positions,
 * the descriptors it writes; none when `o` is no fs write. Also for a function handed to what calls it
 * (['data/x'].forEach(fs.rmSync)), with the arguments it will be given.
 */
export function fsCallTargets(o: Origin, args: readonly Node[], env: Env, how = ''): WriteTarget[] {
  const fn = fsFunction(o);
  if (!fn) return [];
  const label = `fs.${(o as { path: string[] }).path.join('.')}${how}`;
  if (OPENERS.has(fn)) return opensForWriting(args[1], env) && args[0] ? [{ target: args[0], env, op: `${label} (open for writing)`, destroysRoot: false }] : [];
  if (flagOptionWrites(fn, args, env) && args[0]) return [{ target: args[0], env, op: `${label} (its flag option opens the file for writing, or cannot be proved read-only)`, destroysRoot: false }];
  const out: WriteTarget[] = [];
  if (fn === 'symlink' && args[0] && args[1]) {
    out.push({ target: args[1], env, op: label, destroysRoot: true });
    out.push({ target: args[0], env, op: `${label} (a link to it: what is written through the link lands there)`, destroysRoot: true, paths: symlinkTargets(args[0], args[1], env) });
    return out;
  }
  // an fs function chosen by a key that cannot be folded may be any of them (fail closed)
  const targets = fn === '*' ? [0, 1] : PATH_WRITES[fn];
  for (const i of targets ?? []) if (args[i]) out.push({ target: args[i]!, env, op: label, destroysRoot: !HARMLESS_ON_ROOT.has(fn), destroysTree: treeWrite(fn, i) });
  if (FD_WRITES.has(fn) && args[0]) out.push(...handleTarget(args[0], env, `${label} on a descriptor`));
  // createWriteStream(path, { fd }): the stream writes the descriptor, not the path
  if ((fn === 'createWriteStream' || fn === 'WriteStream') && args[1]) {
    const opts = derefNode(args[1], env);
    const fd = opts?.node.type === 'ObjectExpression' ? propertyOf(opts.node, 'fd') : null;
    if (fd) out.push(...handleTarget(fd, opts!.env, `${label} on a descriptor`));
  }
  return out;
}

/** The folder a path names its last segment in: the text before its last separator ('' where it has none); null where a part before that cannot be read. */
function dirnameOf(sym: Sym): Sym | null {
  for (let i = sym.length - 1; i >= 0; i--) {
    const p = sym[i]!;
    if (typeof p !== 'string') return null;
    const cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    if (cut >= 0) return [...sym.slice(0, i), p.slice(0, cut + 1)];
  }
  return [];
}

/**
 * Where a symbolic link leads: a relative target is relative to the link's folder (symlink('../runs', 'data/sandbox/l')
 * leads to data/runs). A target that cannot be folded, for a link in the data root, may lead anywhere in it (fail closed).
 */
function symlinkTargets(target: Node, link: Node, env: Env): Sym[] {
  const out: Sym[] = [];
  const links = fold(link, env);
  for (const t of fold(target, env))
    for (const l of links) {
      if (out.length >= 16) return out;
      const known = t.every((p) => typeof p === 'string');
      if (!known && namesDataRoot(env.policy, l)) {
        out.push([variablePart(), '/', ...t]);
        continue;
      }
      if (isAbsolute(t)) {
        out.push(t);
        continue;
      }
      const dir = dirnameOf(l);
      out.push(dir === null ? [variablePart(), '/', ...t] : [...dir, ...t]);
    }
  return out;
}

export function writeTargets(node: TSESTree.CallExpression | TSESTree.NewExpression, env: Env): WriteTarget[] {
  const shape = callShape(node, env);
  const callee = unwrap(shape.callee);
  const o = originOf(callee, env);
  if (fsFunction(o)) return fsCallTargets(o, shape.args, env);
  if (callee.type === 'MemberExpression') {
    const key = memberKey(callee, env);
    if (key && HANDLE_WRITES.has(key)) {
      const handle = handleTarget(callee.object, env, `FileHandle.${key}`);
      if (handle.length) return handle;
    }
    // an fs write by name on an object the analysis cannot see into (fs handed over from another file, a
    // parameter, a field): it may be fs, so its path arguments are write targets (fail closed). A member that
    // is a function of the workspace is followed as a wrapper instead.
    const name = key?.replace(/Sync$/, '');
    if (name && Object.hasOwn(PATH_WRITES, name) && opaqueValue(o) && opaqueValue(originOf(callee.object, env)) && !calledFunction(callee, env)) {
      const out: WriteTarget[] = [];
      for (const i of PATH_WRITES[name]!) if (shape.args[i]) out.push({ target: shape.args[i]!, env, op: `.${key}() of a value that may be fs`, destroysRoot: !HARMLESS_ON_ROOT.has(name), destroysTree: treeWrite(name, i) });
      return out;
    }
  }
  if (callee.type === 'MemberExpression' && shape.args[0]) {
    const key = memberKey(callee, env) ?? '';
    // SQL that makes SQLite create or write a file it names, run on any object (a connection is rarely traceable
    // to its constructor: a field, a parameter): the statements are specific enough to be read wherever they appear
    if (SQL_RUNNERS.has(key)) {
      const files = sqlFileTargets(sqlText(shape.args[0], env), `SQL run by .${key}()`);
      if (files.length) return bindFiles(files, boundValues(node, key, shape.args, env), env);
    }
    // server.listen(path) / listen({ path }) of any server (net, http, https, http2, an app): a Unix socket is a file made at the path
    if (key === 'listen') {
      const read = optionValues(shape.args[0], env, ['path']);
      const targets = read.notObject ? [{ node: shape.args[0], env }] : read.values;
      return targets.map((t) => ({ target: t.node, env: t.env, op: `.${key}() (a Unix socket is a file made at its path)`, destroysRoot: false }));
    }
    // db.backup(file) of a connection the analysis cannot see into: it may be SQLite's, which writes the file (fail closed)
    if (key === 'backup' && o.kind === 'unknown') return [{ target: shape.args[0], env, op: '.backup() of a value that may be a SQLite connection', destroysRoot: false }];
  }
  // new WASI({ preopens: { '/sandbox': hostDir } }): the WebAssembly module it runs may change anything under each host folder
  if (node.type === 'NewExpression' && o.kind === 'module' && o.module === 'wasi' && o.path.at(-1) === 'WASI' && shape.args[0]) {
    const opts = derefNode(shape.args[0], env);
    const pre = opts?.node.type === 'ObjectExpression' ? propertyOf(opts.node, 'preopens') : null;
    const dirs = pre ? derefNode(pre, opts!.env) : null;
    if (dirs?.node.type === 'ObjectExpression')
      return dirs.node.properties.flatMap((p) => (p.type === 'Property' ? [{ target: p.value as Node, env: dirs.env, op: 'new WASI() (a folder it preopens, which the module it runs may change)', destroysRoot: true, destroysTree: true }] : []));
  }
  // files written by other builtins and by the workspace's packages (heap snapshots, reports, databases, log files)
  const writer = o.kind === 'module' ? `node:${o.module}.${o.path.join('.')}` : o.kind === 'global' ? o.path.join('.') : o.kind === 'external' ? `${o.module}${o.path.length ? `.${o.path.join('.')}` : ''}` : '';
  const at = Object.hasOwn(OTHER_WRITERS, writer) ? OTHER_WRITERS[writer]! : null;
  if (at && (at.newOnly === undefined || at.newOnly === (node.type === 'NewExpression'))) {
    const arg = shape.args[at.index];
    if (!arg) return [];
    if (at.readOnlyOption !== undefined && opensReadOnly(shape.args[at.readOnlyOption], env)) return [];
    // pino.destination({ dest }), sqlite's { path }: the path inside an options object
    const opts = derefNode(arg, env);
    const inner = at.key && opts?.node.type === 'ObjectExpression' ? propertyOf(opts.node, at.key) : null;
    return [{ target: inner ?? arg, env: inner ? opts!.env : env, op: writer, destroysRoot: false }];
  }
  if (o.kind === 'external' && !LOGGING.has(o.path.at(-1) ?? '') && !PURE_PACKAGES.has(o.module)) return packageTargets(o.module, writer, shape.args, env);
  return [];
}

/**
 * A call outside fs that reaches the file system whatever path it is given (for a zone that may not reach it at
 * all): the builtins and packages of OTHER_WRITERS (a diagnostic report, a heap snapshot, a SQLite database that is
 * not `:memory:`), and a server's listen() on anything that is not certainly a port (a Unix socket is a file).
 */
export function fileSystemReach(node: TSESTree.CallExpression | TSESTree.NewExpression, env: Env): string | null {
  const shape = callShape(node, env);
  const callee = unwrap(shape.callee);
  const o = originOf(callee, env);
  const writer = o.kind === 'module' ? `node:${o.module}.${o.path.join('.')}` : o.kind === 'global' ? o.path.join('.') : o.kind === 'external' ? `${o.module}${o.path.length ? `.${o.path.join('.')}` : ''}` : '';
  if (Object.hasOwn(OTHER_WRITERS, writer)) {
    const at = OTHER_WRITERS[writer]!;
    if (at.newOnly !== undefined && at.newOnly !== (node.type === 'NewExpression')) return null;
    const arg = shape.args[at.index];
    if (at.readOnlyOption !== undefined && arg) {
      const alts = fold(arg, env);
      if (alts.length > 0 && alts.every((a) => a.length === 1 && a[0] === ':memory:')) return null;
    }
    return `${writer}()`;
  }
  if (callee.type === 'MemberExpression' && memberKey(callee, env) === 'listen') {
    const first = shape.args[0];
    if (!first) return null;
    const read = optionValues(first, env, ['path']);
    const port = (n: Node, e: Env) => {
      const alts = fold(n, e);
      return alts.length > 0 && alts.every((a) => a.length === 1 && typeof a[0] === 'string' && /^\d+$/.test(a[0]));
    };
    if (read.notObject ? !port(first, env) : read.opaque || read.values.length > 0) return '.listen() on a path (a Unix socket is a file), or on a value that cannot be shown to be a port';
  }
  return null;
}

/** The SQL a runner is handed: its text, or the `text` of a pg-style `{ text, values }` object. */
export function sqlText(arg: Node, env: Env): { node: Node; env: Env } {
  const options = derefNode(arg, env);
  const text = options?.node.type === 'ObjectExpression' ? propertyOf(options.node, 'text') : null;
  return text ? { node: text, env: options!.env } : { node: arg, env };
}

/** The values a SQL statement's parameters are bound to where the call shows them: by position (from 1) and by name. */
interface Bound {
  positional: Node[];
  named: Map<string, Node>;
}

/**
 * The values bound to the parameters of the SQL a call runs, where the call shows them: pg's query(text, [values]) and
 * { text, values }, sqlite3's run(sql, a, b), better-sqlite3's and node:sqlite's prepare(sql).run(a, b) / .run({ name })
 * chained on the statement. null where none are shown.
 */
function boundValues(node: TSESTree.CallExpression | TSESTree.NewExpression, key: string, args: Node[], env: Env): Bound | null {
  const read = (list: Node[]): Bound => {
    const out: Bound = { positional: [], named: new Map() };
    for (const a of list) {
      const d = derefNode(a, env);
      if (d?.node.type === 'ObjectExpression' && list.length === 1) {
        for (const p of d.node.properties) {
          if (p.type === 'SpreadElement') continue;
          const k = p.computed ? foldSingle(p.key, d.env) : p.key.type === 'Identifier' ? p.key.name : String((p.key as TSESTree.Literal).value);
          if (k !== null) out.named.set(k, p.value as Node);
        }
      } else if (d?.node.type === 'ArrayExpression') out.positional.push(...(d.node.elements.filter((e) => e && e.type !== 'SpreadElement') as Node[]));
      else out.positional.push(a);
    }
    return out;
  };
  if (key === 'prepare') {
    const member = node.parent;
    const call = member?.type === 'MemberExpression' && member.object === node ? member.parent : null;
    if (call?.type === 'CallExpression' && call.callee === member && member?.type === 'MemberExpression' && ['run', 'get', 'all', 'iterate', 'each'].includes(memberKey(member, env) ?? '')) return read(call.arguments.filter((a) => a.type !== 'SpreadElement') as Node[]);
    return null;
  }
  const options = args[0] ? derefNode(args[0], env) : null;
  const values = options?.node.type === 'ObjectExpression' ? propertyOf(options.node, 'values') : null;
  if (values) return read([values]);
  return args.length > 1 ? read(args.slice(1).filter((a) => unwrap(a).type !== 'ArrowFunctionExpression' && unwrap(a).type !== 'FunctionExpression')) : null;
}

/** A file the SQL names by a bound parameter, replaced by the value bound to it where the call shows it (else it stays: fail closed). */
function bindFiles(files: WriteTarget[], bound: Bound | null, env: Env): WriteTarget[] {
  if (!bound) return files;
  return files.map((w) => ({
    ...w,
    paths: w.paths?.flatMap((p) => {
      const last = p[p.length - 1];
      const param = p.length === 3 && typeof last !== 'string' && last?.kind === 'unknown' ? last.param : undefined;
      if (param === undefined) return [p];
      const value = /^\d+$/.test(param) ? bound.positional[Number(param) - 1] : bound.named.get(param);
      return value ? fold(value, env) : [p];
    }),
  }));
}

/** The files a SQL text makes the database write (ATTACH, VACUUM INTO, COPY … TO, lo_export), as one write target. */
export function sqlFileTargets(sql: { node: Node; env: Env }, op: string): WriteTarget[] {
  const paths = fold(sql.node, sql.env).flatMap(sqlFileNames);
  return paths.length ? [{ target: sql.node, env: sql.env, op, destroysRoot: false, paths }] : [];
}

/** a logger's methods: a message that names a path writes the log, not the path */
const LOGGING = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'log', 'child']);
/** packages that only compute with the values they are given: path and text helpers, validators, test assertions and generators */
const PURE_PACKAGES = new Set(['pathe', 'upath', 'slash', 'normalize-path', 'zod', 'fast-check', 'vitest', 'jest', '@jest/globals', 'chai', 'expect']);
/** options that name where a package's function puts what it makes (matched case-insensitively: outfile, outFile, outDir) */
const DESTINATION_KEYS = new Set(['dest', 'destination', 'path', 'file', 'filename', 'cwd', 'dir', 'directory', 'dirname', 'folder', 'location', 'target', 'to', 'out', 'output', 'outdir', 'outfile', 'outbase', 'outputpath', 'outputdir', 'outputfile', 'root', 'basedir', 'cachedir', 'cachedirectory', 'logfile', 'tmpdir']);
/** how deep destination options are looked for in nested option objects and arrays (pino.transport({ targets: [{ options: { destination } }] })) */
const MAX_OPTION_DEPTH = 4;

/** The values of destination options in an options object, its nested objects and arrays, and objects spread into them. */
function destinationOptions(node: Node, env: Env, depth = 0, out: { node: Node; env: Env }[] = []): { node: Node; env: Env }[] {
  if (depth > MAX_OPTION_DEPTH) return out;
  const d = derefNode(node, env);
  const n = d ? unwrap(d.node) : unwrap(node);
  const e = d?.env ?? env;
  if (n.type === 'ArrayExpression') {
    for (const el of n.elements) if (el) destinationOptions(el.type === 'SpreadElement' ? el.argument : el, e, depth + 1, out);
    return out;
  }
  if (n.type !== 'ObjectExpression') return out;
  for (const p of n.properties) {
    if (p.type === 'SpreadElement') {
      destinationOptions(p.argument, e, depth + 1, out);
      continue;
    }
    const k = p.computed ? foldSingle(p.key, e) : p.key.type === 'Identifier' ? p.key.name : String((p.key as TSESTree.Literal).value);
    if (k !== null && DESTINATION_KEYS.has(k.toLowerCase())) out.push({ node: p.value as Node, env: e });
    destinationOptions(p.value as Node, e, depth + 1, out);
  }
  return out;
}

/**
 * A function of a package outside the workspace (fs-extra's outputFile, a tar extractor, a bundler's outfile,
 * a logger transport's destination) given a path inside a protected folder, as an argument or as a destination
 * option (at any depth of its options): whether it writes there cannot be read from the source, so it counts as
 * a write where the path is certainly in the folder (`definite`: an argument that merely cannot be folded is
 * not suspected, or every call would be).
 */
function packageTargets(module: string, writer: string, args: readonly Node[], env: Env): WriteTarget[] {
  const out: WriteTarget[] = [];
  const op = `${writer} (a function of the package ${module}, which may write the path it is given)`;
  for (const arg of args) {
    out.push({ target: arg, env, op, destroysRoot: false, definite: true });
    for (const v of destinationOptions(arg, env)) out.push({ target: v.node, env: v.env, op, destroysRoot: false, definite: true });
  }
  return out;
}

/** A database opened read-only (better-sqlite3's { readonly: true }, node:sqlite's { readOnly: true }) changes no file it names. */
function opensReadOnly(options: Node | undefined, env: Env): boolean {
  const read = optionValues(options, env, ['readonly'], true);
  if (read.opaque || read.values.length === 0) return false;
  return read.values.every((v) => {
    const n = unwrap(v.node);
    return n.type === 'Literal' && n.value === true;
  });
}

/** Calls outside fs that create or write the file at an argument (by origin: node:module.path, a global path, package.member). */
const OTHER_WRITERS: Record<string, { index: number; key?: string; newOnly?: boolean; /** the options argument whose readonly: true opens without writing */ readOnlyOption?: number }> = {
  'node:v8.writeHeapSnapshot': { index: 0 },
  'process.report.writeReport': { index: 0 },
  'node:module.enableCompileCache': { index: 0, key: 'directory' },
  'node:sqlite.DatabaseSync': { index: 0, readOnlyOption: 1 },
  'node:sqlite.backup': { index: 1 },
  'better-sqlite3': { index: 0, readOnlyOption: 1 },
  'pino.destination': { index: 0, key: 'dest' },
  'pino.default.destination': { index: 0, key: 'dest' },
};

// per lint run, so that the files a summary reads are recorded for every file that uses it
let summariesOwner: object | null = null;
let summaries = new WeakMap<Node, Map<number, string>>();


/** Which parameters of `fn` (by index) flow into a path it writes, directly or through local constants. */
export function writtenParams(fn: FunctionNode, env: Env, depth = 0): Map<number, string> {
  if (summariesOwner !== env.run) {
    summariesOwner = env.run;
    summaries = new WeakMap();
  }
  const hit = summaries.get(fn);
  if (hit) return hit;
  const out = new Map<number, string>();
  summaries.set(fn, out);
  if (depth > 3) return out;
  const paramIndex = (id: TSESTree.Identifier, seen: number): number[] => {
    const variable = findVariable(env.getScope(id), id);
    const def = variable?.defs[0];
    if (!def) return [];
    if (def.type === 'Parameter' && def.node === fn) {
      let p: Node = def.name as Node;
      while (p.parent && p.parent !== fn) p = p.parent;
      const i = fn.params.indexOf(p as TSESTree.Parameter);
      return i >= 0 ? [i] : [];
    }
    if (def.type === 'Variable' && def.node.type === 'VariableDeclarator' && def.node.init && seen < 3) return paramsIn(def.node.init, seen + 1);
    return [];
  };
  const paramsIn = (expr: Node, seen: number): number[] => {
    const found: number[] = [];
    const walk = (n: Node) => {
      if (n.type === 'Identifier') found.push(...paramIndex(n, seen));
      if (isFunction(n)) return;
      forEachChild(n, walk);
    };
    walk(expr);
    return found;
  };
  const visit = (n: Node) => {
    if (n !== fn && isFunction(n)) return;
    if (n.type === 'CallExpression' || n.type === 'NewExpression') {
      for (const w of writeTargets(n, env)) for (const i of paramsIn(w.target, 0)) if (!out.has(i)) out.set(i, w.op);
      // a call of another wrapper passes our parameter on
      const callee = calledFunction(n.callee, env);
      if (callee && callee.fn !== fn)
        for (const [j, op] of writtenParams(callee.fn, callee.env, depth + 1)) {
          const arg = n.arguments[j];
          if (arg) for (const i of paramsIn(arg, 0)) if (!out.has(i)) out.set(i, op);
        }
    }
    forEachChild(n, visit);
  };
  visit(fn.body as Node);
  return out;
}

