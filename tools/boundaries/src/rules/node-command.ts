import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap, type Node } from '../analysis/ast.js';
import type { Env } from '../analysis/env.js';
import { describe, fold, foldSingle, isConstant, unknownPart, type Sym } from '../analysis/fold.js';
import { derefNode, literalChanges, memberKey, originOf, returnedExpressions, ANY_ELEMENT } from '../analysis/origin.js';
import { foldPath } from '../analysis/own-path.js';
import { calledFunction, optionValues } from './fs-writes.js';
import { globbed, shellCommands, variablePart, type ShellVars } from './target-path.js';
import { recordDependency } from '../workspace/dependency-log.js';

/**
 * Reading the command lines of child processes, node's options and the scripts node runs: what a child_process call
 * runs (its program and words, through a shell's line splitting), a node command line's options, script and
 * preloaded modules, execArgv arrays and NODE_OPTIONS. Shared by boundaries/write-paths (what the program may
 * write, the scripts it runs) and boundaries/imports (the modules a child process loads are dependencies).
 */

/** programs that write no file, whatever their words */
export const READ_ONLY_PROGRAMS = new Set(['du', 'ls', 'cat', 'stat', 'wc', 'head', 'tail', 'sha256sum', 'sha1sum', 'sha512sum', 'md5sum', 'b2sum', 'grep', 'realpath', 'readlink', 'basename', 'dirname', 'pwd']);
/**
 * Programs that run the program named by a later word (env FOO=1 rm …, sudo rm …, xargs rm …, npx tsx x.ts), with the
 * shape of their own words before it: the options that take the next word as their value (nice -n 5, sudo -u ci,
 * timeout -s KILL), and how many operands stand before the program (timeout's duration, chrt's priority, taskset's
 * CPU mask: timeout 10 node x). Any other option of theirs is read as a flag; env -S splits its value into the words
 * of the command it runs.
 */
export const WRAPPERS: Record<string, { values?: RegExp; operands?: number }> = {
  npx: { values: /^(-p|--package|-w|--workspace|--cache|--userconfig)$/ },
  bunx: { values: /^(-p|--package)$/ },
  env: { values: /^(-u|--unset|-C|--chdir)$/ },
  sudo: { values: /^(-[ugpChrtTUDR]|--(user|group|prompt|close-from|host|role|type|other-user|chdir|chroot))$/ },
  doas: { values: /^-[uC]$/ },
  nice: { values: /^(-n|--adjustment)$/ },
  nohup: {},
  exec: { values: /^-a$/ },
  command: {},
  builtin: {},
  time: { values: /^(-f|--format|-o|--output)$/ },
  stdbuf: { values: /^-[ioe]$/ },
  ionice: { values: /^(-[cnpPu]|--(class|classdata|pid|pgid|uid))$/ },
  timeout: { values: /^(-s|--signal|-k|--kill-after)$/, operands: 1 },
  xargs: { values: /^(-[aEdILnPs]|--(arg-file|eof|delimiter|max-lines|max-args|max-procs|max-chars|replace))$/ },
  setsid: {},
  chrt: { operands: 1 },
  taskset: { operands: 1 },
};
/** programs that run the program named by a later word */
export const RUNS_NEXT = new Set(Object.keys(WRAPPERS));
/** interpreters, and the flags that hand them code as text */
export const INTERPRETERS: Record<string, RegExp> = {
  node: /^(-[a-zA-Z]*[epi][a-zA-Z]*|--(eval|print|interactive)(=.*)?)$/,
  bun: /^(-[a-zA-Z]*[ep][a-zA-Z]*|--(eval|print)(=.*)?)$/,
  tsx: /^(-[a-zA-Z]*[ep][a-zA-Z]*|--(eval|print)(=.*)?)$/,
  'ts-node': /^(-[a-zA-Z]*[epi][a-zA-Z]*|--(eval|print|interactive)(=.*)?)$/,
  deno: /^(eval|repl|-e|--eval(=.*)?)$/,
  python: /^-[a-zA-Z]*c/,
  perl: /^-[a-zA-Z]*[eE]/,
  ruby: /^-[a-zA-Z]*e/,
  php: /^-[a-zA-Z]*r/,
  osascript: /^-[a-zA-Z]*e/,
  psql: /^(-[a-zA-Z]*c|--command(=.*)?)$/,
  sh: /^-[a-zA-Z]*c[a-zA-Z]*$/,
};
/** inline-code flags, for a program the check cannot name */
export const ANY_INLINE = /^(-e|-p|-pe|-ep|-c|-lc|--eval|--print|--command)(=.*)?$/;
export const NODE_LIKE = new Set(['node', 'bun', 'tsx', 'ts-node']);
/** node options whose value is a module it loads (a path there is a script too) */
export const NODE_MODULE_OPTIONS = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader']);
/** node options that take the next word as their value */
export const NODE_VALUE_OPTIONS = new Set(['-C', '--conditions', '--env-file', '--env-file-if-exists', '--title', '--inspect-port', '--input-type', '--stack-size', '--max-old-space-size']);
/** node options known to take no value (a word after one of them that is no option is the script) */
export const NODE_FLAGS = /^--(no-warnings|enable-source-maps|expose-gc|preserve-symlinks(-main)?|no-deprecation|throw-deprecation|pending-deprecation|trace-(warnings|deprecation|uncaught|exit|sigint)|abort-on-uncaught-exception|frozen-intrinsics|inspect(-brk|-wait)?|watch|experimental-(vm-modules|strip-types|transform-types|test-coverage|sqlite|require-module|detect-module|websocket)|no-experimental-(strip-types|fetch|global-navigator|require-module|detect-module))$/;
/** node runs without a script and without reading code from its input */
export const NODE_NO_SCRIPT = /^(-v|--version|-h|--help|--test|--run|--v8-options)$/;
/** The name a command word runs: its last path segment, lower-cased, without .exe; pythonN, bash & co, nodejs by their family's name. */
export function progName(word: Sym): string {
  const n = describe(word).split(/[\/\\]/).pop()!.toLowerCase().replace(/\.exe$/, '');
  if (/^python[0-9.]*$|^pypy[0-9.]*$/.test(n)) return 'python';
  if (/^(ba|z|da|k|a|fi|mk|tc|c)?sh$|^busybox$|^fish$|^pwsh$|^powershell$/.test(n)) return 'sh';
  if (n === 'nodejs') return 'node';
  if (/^perl[0-9.]*$/.test(n)) return 'perl';
  if (/^ruby[0-9.]*$/.test(n)) return 'ruby';
  if (/^php[0-9.]*$/.test(n)) return 'php';
  return n;
}

/**
 * One simple command's program word: after VAR=value words and programs that run the next word (env, sudo, nice,
 * timeout, xargs, npx …, with their options and operands: WRAPPERS), with the NODE_OPTIONS values set before it
 * (VAR=value, env VAR=value: its preloads run in every node the program starts). null: no program (command -v / -V
 * name only says where name is).
 */
export function simpleCommand(words0: Sym[]): { at: number; progWord: Sym; name: string; rest: Sym[]; prefixed: Sym[] } | null {
  let words = words0;
  if (progName(words[0] ?? []) === 'command' && /^-[vV]$/.test(describe(words[1] ?? []))) return null;
  let i = 0;
  let wrapper: (typeof WRAPPERS)[string] | null = null;
  let operands = 0;
  while (i < words.length) {
    const w = words[i]!;
    const t = typeof w[0] === 'string' ? (w[0] as string) : '';
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) {
      i++;
      continue;
    }
    if (wrapper && t.startsWith('-') && t !== '-') {
      // env -S "node x" / --split-string=…: the value is split into the words of the command env runs
      const split = wrapper === WRAPPERS.env ? /^(?:-S|--split-string)(=?)/.exec(t) : null;
      if (split) {
        const inline = t.length > split[0].length || split[1] ? [t.slice(split[0].length), ...w.slice(1)].filter((p) => p !== '') as Sym : null;
        const value = inline ?? words[i + 1] ?? [];
        words = [...words.slice(0, i), ...nodeOptionWords(value), ...words.slice(i + (inline ? 1 : 2))];
        continue;
      }
      i += wrapper.values?.test(describe(w)) ? 2 : 1;
      continue;
    }
    if (wrapper && operands > 0) {
      operands--;
      i++;
      continue;
    }
    const shape = Object.hasOwn(WRAPPERS, progName(w)) ? WRAPPERS[progName(w)]! : null;
    if (!shape) break;
    wrapper = shape;
    operands = shape.operands ?? 0;
    i++;
  }
  const progWord = words[i];
  if (!progWord) return null;
  const prefixed = words.slice(0, i).filter((w) => typeof w[0] === 'string' && w[0].startsWith('NODE_OPTIONS=')).map((w) => [(w[0] as string).slice('NODE_OPTIONS='.length), ...w.slice(1)].filter((p) => p !== '') as Sym);
  return { at: i, progWord, name: progName(progWord), rest: words.slice(i + 1), prefixed };
}

/** A node option word split at its first `=` (`--require=x`): the option's name and the value's parts (parts the folding could not read kept). */
export function optionParts(w: Sym): [string, Sym | null] {
  const t = describe(w);
  const k = w.findIndex((p) => typeof p === 'string' && p.includes('='));
  if (!t.startsWith('--') || k < 0 || w.slice(0, k).some((p) => typeof p !== 'string')) return [t, null];
  const head = w[k] as string;
  const at = head.indexOf('=');
  const value = [head.slice(at + 1), ...w.slice(k + 1)].filter((p) => p !== '');
  return [(w.slice(0, k) as string[]).join('') + head.slice(0, at), value];
}

/** a module value given by a path, or one that cannot be read (a package name loads from node_modules) */
const isPathValue = (value: Sym) => /^[.\/\\~]|^[a-z]:|^file:|^data:/i.test(describe(value)) || value.some((p) => typeof p !== 'string');

/** The modules node options preload (--require x, --import=x, --loader x), packages and paths alike. */
export function nodePreloadValues(words: Sym[]): Sym[] {
  const out: Sym[] = [];
  for (let i = 0; i < words.length; i++) {
    const [flag, inline] = optionParts(words[i]!);
    if (!NODE_MODULE_OPTIONS.has(flag)) continue;
    const value = inline !== null ? inline : words[++i];
    if (value) out.push(value);
  }
  return out;
}

/** The modules node options preload given by path (a package loads from node_modules, as trusted as one imported by name). */
export function nodePreloads(words: Sym[]): Sym[] {
  return nodePreloadValues(words).filter(isPathValue);
}

/** NODE_OPTIONS as node splits it: at blanks, double quotes joining (a part that cannot be read stays in its word). */
export function nodeOptionWords(value: Sym): Sym[] {
  const words: Sym[] = [];
  let cur: Sym = [];
  let quoted = false;
  for (const part of value) {
    if (typeof part !== 'string') {
      cur.push(part);
      continue;
    }
    let text = '';
    for (const c of part) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && /\s/.test(c)) {
        if (text) cur.push(text);
        text = '';
        if (cur.length) words.push(cur);
        cur = [];
      } else text += c;
    }
    if (text) cur.push(text);
  }
  if (cur.length) words.push(cur);
  return words;
}

/**
 * How many of node's words are its own options, where that is certain: the words before its script (its first word
 * that is no option) when every option before that is one whose shape is known (a value option and its value,
 * --x=y, a known flag); otherwise every word, since an option of unknown shape (or a word that cannot be read) may
 * take the next word as its value, and an -e after it would still be node's. Words after the script are its own.
 */
export function nodeOptionsEnd(rest: Sym[]): number {
  for (let i = 0; i < rest.length; i++) {
    // (--name=<value that cannot be read>: an option of known shape)
    if (!rest[i]!.every((p) => typeof p === 'string')) {
      if (optionParts(rest[i]!)[1] !== null) continue;
      return rest.length;
    }
    const t = describe(rest[i]!);
    if (t === '--' || t === '-' || !t.startsWith('-')) return i;
    const flag = t.startsWith('--') && t.includes('=') ? t.slice(0, t.indexOf('=')) : t;
    if (NODE_MODULE_OPTIONS.has(flag) || NODE_VALUE_OPTIONS.has(flag)) {
      if (flag === t) i++;
      continue;
    }
    if (!(flag !== t || NODE_FLAGS.test(t))) return rest.length;
  }
  return rest.length;
}

/**
 * A node command line (the words after node): the modules its options before the script preload (packages too), its
 * script (its first word that is no option, or the word after --; null: none, as for node --run name, which runs a
 * package.json script), and whether it reads its program from its input (no script and no -v / --help / --test).
 */
export function nodeLaunch(rest: Sym[]): { preloads: Sym[]; script: Sym | null; stdin: boolean } {
  const preloads: Sym[] = [];
  let info = false;
  for (let i = 0; i < rest.length; i++) {
    const t = describe(rest[i]!);
    const [flag, inline] = optionParts(rest[i]!);
    if (NODE_MODULE_OPTIONS.has(flag)) {
      const value = inline !== null ? inline : rest[++i];
      if (value) preloads.push(value);
      continue;
    }
    if (NODE_VALUE_OPTIONS.has(flag) && inline === null) {
      i++;
      continue;
    }
    if (t === '--') return { preloads, script: rest[i + 1] ?? null, stdin: false };
    if (flag === '--run') return { preloads, script: null, stdin: false };
    if (t.startsWith('-') && rest[i]!.every((p) => typeof p === 'string')) {
      info ||= NODE_NO_SCRIPT.test(t);
      continue;
    }
    return { preloads, script: rest[i]!, stdin: false };
  }
  return { preloads, script: null, stdin: !info };
}

/** The scripts a node command line runs (its script, and -r / --import modules given by path), or 'stdin'. */
export function nodeScript(rest: Sym[]): Sym[] | 'stdin' {
  const launch = nodeLaunch(rest);
  return launch.stdin ? 'stdin' : [...launch.preloads.filter(isPathValue), ...(launch.script ? [launch.script] : [])];
}

/** an execArgv element the check cannot read (a parameter, a spread of an unknown array, an options object it cannot see into) */
export const UNREAD_ARGV = 'an execArgv element that cannot be read';

/**
 * The elements of a fork's or a Worker's execArgv, each with the texts it may have: an array literal (spreads of
 * arrays read in place), process.execArgv and what filter / slice / concat keep of it (the process's own options,
 * which it already runs with: nothing new), either branch of a conditional, what a workspace function returns.
 * Anything else is one element that cannot be read.
 */
export function isExecArgv(n: Node, e: Env): boolean {
  const o = originOf(n, e);
  return o.kind === 'global' && o.path.join('.') === 'process.execArgv';
}

export function execArgvElements(n0: Node, e: Env, depth = 0): Sym[][] {
  const unread: Sym[][] = [[[unknownPart(UNREAD_ARGV)]]];
  if (depth > 6) return unread;
  const n = unwrap(n0);
  if ((n.type === 'Identifier' && n.name === 'undefined') || (n.type === 'Literal' && n.value === null)) return [];
  if (isExecArgv(n, e)) return [];
  if (n.type === 'ConditionalExpression') return [...execArgvElements(n.consequent, e, depth + 1), ...execArgvElements(n.alternate, e, depth + 1)];
  if (n.type === 'LogicalExpression') return [...execArgvElements(n.left, e, depth + 1), ...execArgvElements(n.right, e, depth + 1)];
  if (n.type === 'CallExpression') {
    const callee = unwrap(n.callee);
    const key = callee.type === 'MemberExpression' ? memberKey(callee, e) : null;
    if (callee.type === 'MemberExpression' && (key === 'filter' || key === 'slice')) return execArgvElements(callee.object, e, depth + 1);
    if (callee.type === 'MemberExpression' && key === 'concat') {
      const arrayLike = (a: Node) => unwrap(a).type === 'ArrayExpression' || derefNode(a, e)?.node.type === 'ArrayExpression' || unwrap(a).type === 'CallExpression' || isExecArgv(a, e);
      return [...execArgvElements(callee.object, e, depth + 1), ...n.arguments.flatMap((a) => (a.type === 'SpreadElement' ? unread : arrayLike(a) ? execArgvElements(a, e, depth + 1) : [fold(a, e)]))];
    }
    const called = calledFunction(n.callee, e);
    if (called) {
      const returns = returnedExpressions(called.fn);
      if (returns.length) return returns.flatMap((r) => execArgvElements(r, called.env, depth + 1));
    }
    return unread;
  }
  const d = derefNode(n, e);
  if (d && unwrap(d.node) !== n) {
    const elements = execArgvElements(d.node, d.env, depth + 1);
    // (an array changed after it is made: what is pushed or set in it is an element too; a change that records nothing may add anything)
    const changes = n.type === 'Identifier' ? literalChanges(n, e) : null;
    if (!changes) return elements;
    if (changes.opaque && !changes.mutations.length && !changes.assigned.size) return [...elements, ...unread];
    return [...elements, ...[...changes.assigned].filter(([k]) => k === ANY_ELEMENT || /^\d+$/.test(k)).flatMap(([, vs]) => vs.map((v) => fold(v, e)))];
  }
  if (n.type !== 'ArrayExpression') return unread;
  return n.elements.flatMap((el) => (!el ? [] : el.type === 'SpreadElement' ? execArgvElements(el.argument, e, depth + 1) : [fold(el, e)]));
}

/**
 * Why an execArgv cannot be proved to preload nothing unread, or null: an element whose option name cannot be read
 * (it may be --require, --import, --eval; the value of an option that takes the next element, and the value after
 * a readable `--name=`, are values). The modules it preloads by path are checked as scripts (nodePreloads).
 */
export function unreadableExecArgv(argv: Sym[][]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const alts = argv[i]!;
    const prev = argv[i - 1];
    const isValue = !!prev && prev.length > 0 && prev.every((a) => isConstant(a) && (NODE_MODULE_OPTIONS.has(a.join('')) || NODE_VALUE_OPTIONS.has(a.join(''))));
    if (isValue) continue;
    for (const a of alts) {
      if (isConstant(a)) continue;
      const k = a.findIndex((p) => typeof p !== 'string');
      const before = (a.slice(0, k) as string[]).join('');
      if (!(before.startsWith('--') && before.includes('='))) return `"${describe(a)}"`;
    }
  }
  return null;
}

export type CommandOptions = ReturnType<typeof commandOptions>;

/** A command's options: its working directory (null: the process's), its environment, whether a shell runs it. */
export function commandOptions(opts: Node | undefined, env: Env, dataRootVar: string) {
  const read = optionValues(opts, env, ['cwd', 'env', 'shell', 'execArgv', 'execPath', 'input', 'stdio']);
  const get = (k: string) => read.values.filter((v) => v.key === k);
  const cwdNodes = get('cwd');
  // a working directory set by options that cannot be read is any folder (a shell variable)
  const cwd: Sym[] | null = cwdNodes.length ? cwdNodes.flatMap((v) => foldPath(v.node, v.env)) : read.opaque && !read.notObject ? [[variablePart()]] : null;
  const vars: ShellVars = { set: new Map(), inherits: true, dataRootVar };
  const envNode = get('env').at(-1);
  const unnamed: Array<Sym | null> = [];
  if (envNode) {
    const e = derefNode(envNode.node, envNode.env);
    if (e?.node.type === 'ObjectExpression') {
      vars.inherits = false;
      // (an object literal spread in is read in place: { ...process.env, ...extra } where extra = { NODE_OPTIONS: … })
      const readObject = (obj: TSESTree.ObjectExpression, oe: Env, depth: number) => {
        for (const prop of obj.properties) {
          if (prop.type === 'SpreadElement') {
            const inner = depth < 4 ? derefNode(prop.argument, oe) : null;
            if (inner?.node.type === 'ObjectExpression') readObject(inner.node, inner.env, depth + 1);
            // ...process.env (or anything else spread in): the parent's variables come along
            else vars.inherits = true;
            continue;
          }
          const k = prop.computed ? foldSingle(prop.key, oe) : prop.key.type === 'Identifier' ? prop.key.name : String((prop.key as TSESTree.Literal).value);
          if (k === null) {
            // (a key that cannot be folded may be NODE_OPTIONS)
            vars.inherits = true;
            const alts = fold(prop.value as Node, oe);
            unnamed.push(...(alts.length ? alts : [null]));
          } else {
            const alts = fold(prop.value as Node, oe);
            vars.set.set(k, alts.length === 1 ? alts[0]! : null);
          }
        }
      };
      readObject(e.node, e.env, 0);
    }
  }
  const shellNodes = get('shell');
  const shell = shellNodes.some((v) => !(unwrap(v.node).type === 'Literal' && (unwrap(v.node) as TSESTree.Literal).value === false)) || (read.opaque && !read.notObject);
  const opaque = read.opaque && !read.notObject;
  // (options that cannot be read may hold any execArgv)
  const argvElements = [...get('execArgv').flatMap((v) => execArgvElements(v.node, v.env)), ...(opaque ? [[[unknownPart(UNREAD_ARGV)]]] : [])];
  const execArgv = argvElements.flat();
  // what the program reads on its input: the input option (sync functions); nothing where a sync function has neither
  // input nor stdio (its input is an empty pipe); anything (null) where stdio hands it a stream, or the call is asynchronous
  const inputs = get('input');
  const stdin = (sync: boolean): Sym[] | null => {
    if (!sync || opaque || get('stdio').length) return null;
    return inputs.length ? inputs.flatMap((v) => fold(v.node, v.env)) : [['']];
  };
  return { cwd, vars, unnamed, shell, execArgv, argvElements, opaque, hasEnv: !!envNode || opaque, hasExecPath: get('execPath').length > 0, stdin };
}

/** A child_process call's arguments: the program (or command line, or fork's module), the argument array, the options. */
export function commandArgs(fn: string, args: Node[], env: Env): { program: Node | undefined; argList: Node | undefined; opts: Node | undefined } {
  const line = fn.replace(/Sync$/, '').replace(/^promises\./, '') === 'exec';
  const program: Node | undefined = args[0];
  let argList: Node | undefined;
  let opts: Node | undefined;
  for (const a of args.slice(1)) {
    const d = derefNode(a, env);
    if (d?.node.type === 'ArrayExpression' && !argList && !line) argList = a;
    else if (typeof a !== 'undefined' && unwrap(a).type !== 'ArrowFunctionExpression' && unwrap(a).type !== 'FunctionExpression') opts ??= d?.node.type === 'ObjectExpression' || d === null ? a : opts;
  }
  return { program, argList, opts };
}

/** An argument word as the program is handed it, where no shell runs: the words of commandLines read its glob characters as globs (the word as written is kept here, for text such as node -e's code). */
export const UNGLOBBED = new WeakMap<Sym, Sym>();

/** One simple command a child process runs: its words, whether a shell split them, whether the line is plain text, its input. */
export interface CommandLine {
  words: Sym[];
  viaShell: boolean;
  plain: boolean;
  stdin: Sym[] | null;
}

/**
 * The simple commands a child_process call runs: a command line (exec) split as the shell splits it, or the program and
 * its argument array (through the shell option's splitting); for fork, its module's arguments. process.execPath is node.
 */
export function commandLines(fn: string, program: Node, argList: Node | undefined, o: CommandOptions, env: Env): { commands: CommandLine[] } {
  const base = fn.replace(/Sync$/, '').replace(/^promises\./, '');
  const line = base === 'exec';
  const isFork = base === 'fork';
  // the program's words: a command line split as the shell splits it, or the program and its argument array
  const commands: CommandLine[] = [];
  const sync = /Sync$/.test(fn);
  const argWords: Sym[][] = [[]];
  if (argList) {
    const arr = derefNode(argList, env)!;
    for (const el of (arr.node as TSESTree.ArrayExpression).elements) {
      if (!el) continue;
      const alts = el.type === 'SpreadElement' ? [[variablePart()]] : foldPath(el, arr.env);
      // an element with alternatives: each alternative line is judged (up to a few)
      const next: Sym[][] = [];
      for (const w of argWords) for (const alt of alts.slice(0, 4)) next.push([...w, alt]);
      argWords.splice(0, argWords.length, ...next.slice(0, 16));
    }
  }
  if (line) {
    for (const alt of fold(program, env)) {
      const known = alt.every((p) => typeof p === 'string');
      // (a pipeline of programs that write nothing is plain too: cat data/runs/x.json | head -5; one with any
      // other program in it is not, since that program may act on what the others print: … | xargs rm)
      const lineCommands = shellCommands(alt, o.vars);
      const readOnlyPipeline = known && /^[A-Za-z0-9_.\/,:=+@%\- |]*$/.test(alt.join('')) && lineCommands.every((w) => w.length > 0 && READ_ONLY_PROGRAMS.has(describe(w[0]!)));
      const plain = (known && /^[A-Za-z0-9_.\/,:=+@%\- ]*$/.test(alt.join(''))) || readOnlyPipeline;
      // the line's input reaches its command only where it is one command without a pipe, redirection or here-document
      const single = alt.every((p) => typeof p === 'string' && !/[|&;<>()\n`]/.test(p));
      for (const words of lineCommands) commands.push({ words, viaShell: true, plain, stdin: single ? o.stdin(sync) : null });
    }
  } else if (isFork) {
    for (const w of argWords) commands.push({ words: w, viaShell: false, plain: false, stdin: null });
  } else {
    const progs = foldPath(program, env);
    const po = originOf(program, env);
    // process.execPath / process.argv0 / process.argv[0]: node itself
    const isNode = po.kind === 'global' && ['process.execPath', 'process.argv0', 'process.argv.0'].includes(po.path.join('.'));
    for (const prog of progs.slice(0, 4))
      for (const w of argWords) {
        const words = [isNode ? ['node'] : prog, ...w];
        if (o.shell) for (const words2 of shellCommands(words.flatMap((x, i) => (i ? [' ', ...x] : x)), o.vars)) commands.push({ words: words2, viaShell: true, plain: false, stdin: null });
        else
          commands.push({
            words: words.map((w) => {
              const g = globbed(w);
              if (g !== w) UNGLOBBED.set(g, w);
              return g;
            }),
            viaShell: false,
            plain: true,
            stdin: o.stdin(sync),
          });
      }
  }
  return { commands };
}

/** source files node runs (and the check reads) */
export const SOURCE_EXT = /\.(c|m)?(j|t)sx?$/;

/** A command's working directory: the cwd option's constant folder, else the workspace root; null: a cwd that cannot be folded. */
export function commandDir(o: CommandOptions, wsRoot: string): string | null {
  if (o.cwd === null) return wsRoot;
  return o.cwd.length === 1 && isConstant(o.cwd[0]!) ? path.resolve(wsRoot, o.cwd[0]!.join('')) : null;
}

/** The script operand of a shell's words (after its name): its first word that is no option (-o / +o and bash's --rcfile / --init-file take a value); null: none. */
export function shellScriptOperand(rest: Sym[]): Sym | null {
  for (let i = 0; i < rest.length; i++) {
    const t = describe(rest[i]!);
    if (t === '--') return rest[i + 1] ?? null;
    // (-s: the commands come from the input, the words after it are its arguments)
    if (/^[-+][a-zA-Z]*s/.test(t)) return null;
    if (/^[-+]o$/.test(t) || t === '--rcfile' || t === '--init-file') i++;
    else if (!/^[-+]/.test(t) || !isConstant(rest[i]!)) return rest[i]!;
  }
  return null;
}

/**
 * What a file a command runs holds, where its code is not in the source: a shell's script operand (sh x.sh, source
 * x.sh; asShell), or a program named by a path (./deploy.sh, scripts/x). A file of the workspace that exists (outside
 * the data root and node_modules) is read: a shell script (a .sh name or a sh-family #! line) with its text, a node
 * script (a node #! line or a source file); a program of the system named by its path (/usr/bin/git) is that
 * program; an installed package's program is as trusted as the package loaded by name. refuse: why it cannot be read
 * (a path that cannot be folded, a folder that cannot be, a file outside the workspace, in the data root, missing,
 * or neither shell nor node). The file is recorded as a dependency of the checked file.
 */
export type ScriptFile = { refuse: string } | { kind: 'program'; file: string } | { kind: 'installed' } | { kind: 'shell' | 'node'; file: string; rel: string; text: string };
export function readScriptFile(word: Sym, dir: string | null, ws: { root: string; inDataRoot: (rel: string) => boolean; recordFor: string }, asShell: boolean): ScriptFile {
  if (!isConstant(word)) return { refuse: 'a script file whose path cannot be folded' };
  if (dir === null) return { refuse: `"${word.join('')}", a script file in a working directory that cannot be folded` };
  const file = path.resolve(dir, word.join(''));
  const rel = path.relative(ws.root, file).split(path.sep).join('/');
  recordDependency(ws.recordFor, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    if (asShell || /\.(ba|z|k|da)?sh$/i.test(file)) return { refuse: `"${file}", a script file outside the workspace` };
    return { kind: 'program', file };
  }
  if (ws.inDataRoot(rel)) return { refuse: `"${rel}", a file in the data root` };
  if (rel.startsWith('node_modules/') && !asShell) return { kind: 'installed' };
  let text: string;
  try {
    text = statSync(file).isFile() ? readFileSync(file, 'utf8') : '';
  } catch {
    return { refuse: `"${rel}", which is no file of the workspace at check time` };
  }
  const bang = /^#!\s*(\S+)(?:[ \t]+(.*))?/.exec(text.split('\n', 1)[0] ?? '');
  const bangWords = bang ? [bang[1]!, ...(bang[2] ?? '').split(/\s+/).filter(Boolean)] : [];
  const interpreter = bangWords.length ? (progName([bangWords[0]!]) === 'env' ? bangWords.slice(1).find((w) => !w.startsWith('-')) ?? '' : bangWords[0]!) : '';
  const kind = asShell || progName([interpreter]) === 'sh' || (!bang && /\.(ba|z|k|da)?sh$/i.test(rel)) ? 'shell' : NODE_LIKE.has(progName([interpreter])) || (!bang && SOURCE_EXT.test(rel)) ? 'node' : null;
  if (kind === null) return { refuse: `"${rel}", a program file of the workspace that is neither a shell script nor a node script` };
  return { kind, file, rel, text };
}

/**
 * A package manager running a script of a package.json (npm run x, npm test, npm start, pnpm / yarn / bun run x,
 * yarn x): the package.json of the folder it runs in (dir, the command's working directory, or --prefix / -C / --dir
 * / --cwd / -w with a constant folder) is read, and the script's command lines, with its pre and post scripts and
 * the words given after its name (the script's own), are returned, with the node-options the package manager hands
 * every node of them as NODE_OPTIONS (packageNodeOptions). refuse: a script it cannot name, a folder that cannot be
 * read, every workspace at once (--workspaces, -r, --filter). null: no package script runs (npm ci, a script the
 * package.json does not have, no package.json). The package.json is recorded as a dependency of the checked file.
 */
export type PackageScripts = { refuse: string } | { file: string; rel: string; lines: Array<{ key: string; text: Sym }>; nodeOptions: Array<Sym | null> } | null;
export function readPackageScripts(name: string, rest: Sym[], dir: string | null, ws: { root: string; recordFor: string }, vars: ShellVars): PackageScripts {
  const texts = rest.map(describe);
  // (the package manager reads its own options anywhere before a --, after the script's name too)
  const own = texts.indexOf('--') < 0 ? texts : texts.slice(0, texts.indexOf('--'));
  if (own.some((t) => /^(--workspaces|-ws|-r|--recursive|--filter|-F|--all)$/.test(optionParts([t])[0]) || t.startsWith('--filter'))) return { refuse: 'the scripts of every workspace' };
  let folder: Sym | null = null;
  let script: string | null = null;
  const words: Sym[] = [];
  for (let i = 0; i < rest.length; i++) {
    const t = texts[i]!;
    if (!isConstant(rest[i]!)) {
      if (script === null) return { refuse: 'a package script it cannot name (a word that cannot be read)' };
      words.push(rest[i]!);
      continue;
    }
    if (script !== null) {
      if (t !== '--' || words.length) words.push(rest[i]!);
      continue;
    }
    if (i >= own.length) break;
    const [flag, inline] = optionParts(rest[i]!);
    if (['--prefix', '-C', '--dir', '--cwd', '-w', '--workspace'].includes(flag)) {
      folder = inline ?? rest[++i] ?? null;
      continue;
    }
    if (t.startsWith('-')) continue;
    const sub = t;
    if (['run', 'run-script', 'rum', 'urn'].includes(sub)) {
      const k = rest.findIndex((w, j) => j > i && !describe(w).startsWith('-'));
      if (k < 0) return null;
      if (!isConstant(rest[k]!)) return { refuse: 'a package script it cannot name (a word that cannot be read)' };
      script = describe(rest[k]!);
      i = k;
    } else if (['test', 't', 'tst'].includes(sub)) script = 'test';
    else if (['start', 'stop', 'restart'].includes(sub)) script = sub;
    else if (name !== 'npm') script = sub; // (yarn x, pnpm x, bun x: a script of that name, where the package has one)
    else return null;
  }
  if (script === null) return null;
  if (folder && !isConstant(folder)) return { refuse: 'a package script in a folder that cannot be folded' };
  if (dir === null) return { refuse: 'a package script in a working directory that cannot be folded' };
  const file = path.join(path.resolve(dir, folder ? folder.join('') : '.'), 'package.json');
  recordDependency(ws.recordFor, file);
  let scripts: Record<string, unknown> = {};
  try {
    scripts = (JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, unknown> }).scripts ?? {};
  } catch {
    // (no package.json: the script does not run; one that cannot be parsed: neither)
    return null;
  }
  const lines: Array<{ key: string; text: Sym }> = [];
  for (const [k, extra] of [[`pre${script}`, false], [script, true], [`post${script}`, false]] as const) {
    const line = scripts[k];
    if (typeof line === 'string') lines.push({ key: k, text: [line, ...(extra ? words.flatMap((w) => [' ', ...w]) : [])] });
  }
  const rel = path.relative(ws.root, file).split(path.sep).join('/');
  return { file, rel, lines, nodeOptions: packageNodeOptions(path.dirname(file), ws, vars) };
}

/**
 * The node-options a package manager gives the node processes of a script it runs (as NODE_OPTIONS): the
 * npm_config_node_options variable of its environment and the node-options lines of the .npmrc of the package's
 * folder and of the workspace root (each recorded as a dependency); a value with ${…} expands a variable the check
 * cannot read (null).
 */
export function packageNodeOptions(folder: string, ws: { root: string; recordFor: string }, vars: ShellVars): Array<Sym | null> {
  const out: Array<Sym | null> = [...vars.set].filter(([k]) => /^npm_config_node[-_]options$/i.test(k)).map(([, v]) => v);
  for (const dir of new Set([folder, ws.root])) {
    const file = path.join(dir, '.npmrc');
    recordDependency(ws.recordFor, file);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split(/\r?\n/)) {
      const m = /^\s*node[-_]options\s*=\s*(.*)$/i.exec(line);
      const value = m ? m[1]!.trim().replace(/^(["'])(.*)\1$/s, '$2') : null;
      if (value !== null) out.push(value.includes('${') ? null : [value]);
    }
  }
  return out;
}

/** package managers that run package.json scripts */
export const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);
