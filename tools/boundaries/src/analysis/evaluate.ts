import { posix as posixPath } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap, type Node } from './ast.js';
import { MAX_EVAL_DEPTH, type Env } from './env.js';
import { fold, isConstant, MAX_ALTERNATIVES } from './fold.js';
import { derefNode, literalChanges, memberKey, originOf } from './origin.js';
import { findVariable } from './variables.js';

/**
 * Evaluation of pure computations over constants: the string and array methods and the
 * global decoders a name or a path can be hidden behind ('wolfkroW'.split('').reverse().join(''),
 * String.fromCharCode(…), atob('…'), Buffer.from('…', 'base64').toString(), decodeURIComponent).
 * Only these methods run, on constant inputs, with their results bounded in size.
 */
export type Value = string | number | boolean | null | undefined | RegExp | Value[];

const MAX_LENGTH = 4096;

/** String.prototype methods without side effects whose arguments are plain values */
const STRING_METHODS = new Set([
  'at', 'charAt', 'charCodeAt', 'codePointAt', 'concat', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'normalize', 'padEnd', 'padStart',
  'repeat', 'replace', 'replaceAll', 'slice', 'split', 'startsWith', 'substr', 'substring', 'toLowerCase', 'toLocaleLowerCase', 'toUpperCase',
  'toLocaleUpperCase', 'toString', 'trim', 'trimEnd', 'trimStart', 'trimLeft', 'trimRight', 'valueOf', 'toWellFormed',
]);
/** Array.prototype methods that only rearrange constant elements */
const ARRAY_METHODS = new Set(['at', 'concat', 'flat', 'includes', 'indexOf', 'join', 'lastIndexOf', 'reverse', 'slice', 'toReversed', 'toSorted', 'sort', 'toString', 'with', 'pop', 'shift']);
/** Array.prototype methods that call a callback: run when the callback is a small pure function (see callbackValue) */
const CALLBACK_METHODS = new Set(['map', 'filter', 'flatMap', 'reduce', 'reduceRight', 'find', 'findLast', 'some', 'every', 'findIndex', 'findLastIndex']);
const NUMBER_METHODS = new Set(['toString', 'toFixed', 'toPrecision', 'toExponential']);
const GLOBAL_FUNCTIONS: Record<string, (...a: Value[]) => Value> = {
  // called with what was passed, not with undefined for a missing argument: String() is '', Number() is 0
  'String': (...a) => (a.length ? String(a[0]) : String()),
  'String.fromCharCode': (...a) => String.fromCharCode(...a.map(Number)),
  'String.fromCodePoint': (...a) => String.fromCodePoint(...a.map(Number)),
  'atob': (v) => Buffer.from(String(v), 'base64').toString('latin1'),
  'btoa': (v) => Buffer.from(String(v), 'latin1').toString('base64'),
  'decodeURIComponent': (v) => decodeURIComponent(String(v)),
  'decodeURI': (v) => decodeURI(String(v)),
  'encodeURIComponent': (v) => encodeURIComponent(String(v)),
  'encodeURI': (v) => encodeURI(String(v)),
  'unescape': (v) => unescape(String(v)),
  'escape': (v) => escape(String(v)),
  // a constant JSON text: only its primitive and array results are values here (an object gives nothing)
  'JSON.parse': (v) => {
    const parsed: unknown = JSON.parse(String(v));
    const plain = (x: unknown): boolean => x === null || ['string', 'number', 'boolean'].includes(typeof x) || (Array.isArray(x) && x.every(plain));
    return plain(parsed) ? (parsed as Value) : undefined;
  },
  'Number': (...a) => (a.length ? Number(a[0]) : Number()),
  'parseInt': (v, r) => parseInt(String(v), r === undefined ? undefined : Number(r)),
  'Array.of': (...a) => a,
  'Array.from': (v) => (typeof v === 'string' || Array.isArray(v) ? Array.from(v) : undefined),
  'path.basename': (v, e) => posixPath.basename(String(v), e === undefined ? undefined : String(e)),
  'path.dirname': (v) => posixPath.dirname(String(v)),
  'path.extname': (v) => posixPath.extname(String(v)),
  'path.relative': (a, b) => posixPath.relative(String(a), String(b)),
};

function globalName(callee: Node, env: Env, depth: number): string | null {
  const o = originOf(callee, env, depth + 1);
  if (o.kind === 'global') return o.path.join('.');
  if (o.kind === 'module' && o.module === 'buffer' && o.path.join('.') === 'Buffer.from') return 'Buffer.from';
  if (o.kind === 'module' && o.module === 'path') {
    const fn = o.path.filter((k) => k !== 'posix' && k !== 'win32' && k !== 'default');
    if (fn.length === 1) return `path.${fn[0]}`;
  }
  return null;
}

/** A call this module can evaluate when its inputs are constants. */
export function isPureCall(n: TSESTree.CallExpression, env: Env, depth: number): boolean {
  const callee = unwrap(n.callee);
  if (callee.type === 'MemberExpression') {
    const key = memberKey(callee, env, depth);
    if (key !== null && (STRING_METHODS.has(key) || ARRAY_METHODS.has(key) || CALLBACK_METHODS.has(key) || key === 'apply' || key === 'call')) return true;
  }
  const g = globalName(callee, env, depth);
  return g !== null && g in GLOBAL_FUNCTIONS;
}

type Method = (...a: Value[]) => Value;
/** r.key(...args) for a constant receiver and a method this module runs (on a copy of an array); NONE for any other. */
function methodValue(r: Value, key: string, args: Value[]): Value | typeof NONE {
  if (typeof r === 'string' && STRING_METHODS.has(key)) return (String.prototype as unknown as Record<string, Method>)[key]!.apply(r, args);
  if (Array.isArray(r) && ARRAY_METHODS.has(key)) return (Array.prototype as unknown as Record<string, Method>)[key]!.apply([...r], args);
  if (typeof r === 'number' && NUMBER_METHODS.has(key)) return (Number.prototype as unknown as Record<string, Method>)[key]!.apply(r, args);
  return NONE;
}

const tooBig = (v: Value): boolean => (typeof v === 'string' ? v.length > MAX_LENGTH : Array.isArray(v) ? v.length > MAX_LENGTH || v.some(tooBig) : false);

function single(node: Node, env: Env, depth: number): Value | typeof NONE {
  const alts = constantValues(node, env, depth);
  return alts && alts.length === 1 ? alts[0]! : NONE;
}
const NONE = Symbol('none');

/** Every value `node` may have, when each is a constant this module can compute; null otherwise. */
export function constantValues(node: Node, env: Env, depth = 0): Value[] | null {
  if (depth > MAX_EVAL_DEPTH) return null;
  const n = unwrap(node);
  if (n.type === 'Literal') {
    if ('regex' in n && n.regex) {
      try {
        return [new RegExp(n.regex.pattern, n.regex.flags)];
      } catch {
        return null;
      }
    }
    return [n.value as Value];
  }
  // the global undefined (not a variable of that name) is the value, not the text
  const isUndefined = (x: Node) => x.type === 'Identifier' && x.name === 'undefined' && !(findVariable(env.getScope(x), x)?.defs.length);
  if (isUndefined(n)) return [undefined];
  // const u = undefined (or void 0), never assigned again
  if (n.type === 'Identifier') {
    const v = findVariable(env.getScope(n), n);
    const d = v?.defs.length === 1 ? v.defs[0]! : null;
    const init = d?.type === 'Variable' && d.node.type === 'VariableDeclarator' && d.node.id.type === 'Identifier' && d.parent?.kind === 'const' ? (d.node.init as Node | null) : null;
    if (init && (isUndefined(unwrap(init)) || (unwrap(init).type === 'UnaryExpression' && (unwrap(init) as TSESTree.UnaryExpression).operator === 'void'))) return [undefined];
  }
  if (n.type === 'Identifier' || n.type === 'MemberExpression') {
    // a literal changed after its declaration is no constant
    // (of the variable itself, or of the literal a member is read from: K.k after K.k = …)
    let root: Node = n;
    while (root.type === 'MemberExpression') root = unwrap(root.object);
    const changes = literalChanges(root, env, depth);
    if (changes && (changes.opaque || changes.assigned.size)) {
      // an array changed only by mutating methods with constant arguments (words.reverse(), words.sort()): each value those
      // calls, in any order and number, can leave it with (the read may come before, between or after them)
      if (!changes.onlyMutations || !changes.mutations.length) return null;
      if (n === root) return mutatedValues(n, changes.mutations, env, depth);
      const key = n.type === 'MemberExpression' ? memberKey(n, env, depth) : null;
      if (key === null || !(/^\d+$/.test(key) || key === 'length')) return null;
      const objs = constantValues((n as TSESTree.MemberExpression).object, env, depth + 1);
      return objs && objs.every((o) => Array.isArray(o)) ? objs.map((o) => (o as Value[])[key as never] as Value) : null;
    }
    const d = derefNode(n, env, depth + 1);
    if (d && d.node !== n && (d.node.type === 'ArrayExpression' || d.node.type === 'CallExpression' || d.node.type === 'Literal' || isUndefined(d.node) || (d.node.type === 'UnaryExpression' && d.node.operator === 'void'))) return constantValues(d.node, d.env, depth + 1);
    if (n.type === 'MemberExpression') {
      const key = memberKey(n, env, depth);
      if (key !== null && (/^\d+$/.test(key) || key === 'length')) {
        const objs = constantValues(n.object, env, depth + 1);
        if (objs && objs.every((o) => typeof o === 'string' || Array.isArray(o))) return objs.map((o) => (o as string | Value[])[key as never] as Value);
      }
    }
  }
  if (n.type === 'ArrayExpression') {
    const out: Value[] = [];
    for (const e of n.elements) {
      if (!e) return null;
      if (e.type === 'SpreadElement') {
        const v = single(e.argument, env, depth + 1);
        if (typeof v !== 'string' && !Array.isArray(v)) return null;
        out.push(...Array.from(v));
        continue;
      }
      const v = single(e, env, depth + 1);
      if (v === NONE) return null;
      out.push(v);
    }
    return tooBig(out) ? null : [out];
  }
  if (n.type === 'CallExpression') return callValues(n, env, depth);
  if (n.type === 'BinaryExpression' || n.type === 'UnaryExpression') {
    const values = operatorValues(n, env, depth);
    // a + b of texts that are not all constants is folded symbolically below
    if (values || n.type === 'UnaryExpression' || n.operator !== '+') return values;
  }
  // c ? a : b, and a ?? b, a || b, a && b: the values either side may give (null and undefined stay values, not text)
  if (n.type === 'ConditionalExpression') {
    const a = constantValues(n.consequent, env, depth + 1);
    const b = a ? constantValues(n.alternate, env, depth + 1) : null;
    return a && b && a.length + b.length <= MAX_ALTERNATIVES ? [...a, ...b] : null;
  }
  if (n.type === 'LogicalExpression') {
    const a = constantValues(n.left, env, depth + 1);
    if (!a) return null;
    const passes = (v: Value) => (n.operator === '??' ? v === null || v === undefined : n.operator === '||' ? !v : !!v);
    const kept = a.filter((v) => !passes(v));
    if (kept.length === a.length) return kept;
    const b = constantValues(n.right, env, depth + 1);
    return b && kept.length + b.length <= MAX_ALTERNATIVES ? [...kept, ...b] : null;
  }
  // anything else: what constant folding gives, when every alternative is a constant string
  const folded = fold(n, env, depth + 1);
  if (folded.length > MAX_ALTERNATIVES || !folded.every(isConstant)) return null;
  return folded.map((alt) => alt.join(''));
}

/** how many values an array changed in place may be given before it counts as not constant */
const MAX_MUTATED_STATES = 16;

/**
 * The values of a literal array that `calls` (its mutating method calls: reverse, sort, pop, push of constants …)
 * change in place: its declared value and every value reached by applying them, in any order and any number of times.
 * null where a call's arguments are not constants (a comparator function), or the values do not settle within a few.
 */
function mutatedValues(id: Node, calls: readonly TSESTree.CallExpression[], env: Env, depth: number): Value[] | null {
  const d = derefNode(id, env, depth + 1);
  if (d?.node.type !== 'ArrayExpression') return null;
  const base = constantValues(d.node, d.env, depth + 1);
  if (!base || base.length !== 1 || !Array.isArray(base[0])) return null;
  const ops: { key: string; args: Value[] }[] = [];
  for (const call of calls) {
    const callee = unwrap(call.callee);
    const key = callee.type === 'MemberExpression' ? memberKey(callee, env, depth) : null;
    const args = argumentValues(call.arguments, env, depth);
    if (key === null || !args || typeof (Array.prototype as unknown as Record<string, unknown>)[key] !== 'function') return null;
    ops.push({ key, args });
  }
  const states: Value[][] = [base[0] as Value[]];
  const seen = new Set([JSON.stringify(states[0])]);
  for (let i = 0; i < states.length; i++)
    for (const op of ops) {
      const next = [...states[i]!];
      try {
        (Array.prototype as unknown as Record<string, Method>)[op.key]!.apply(next, op.args);
      } catch {
        return null;
      }
      const k = JSON.stringify(next);
      if (seen.has(k)) continue;
      if (states.length >= MAX_MUTATED_STATES || tooBig(next)) return null;
      seen.add(k);
      states.push(next);
    }
  return states;
}

/** The constant values of a call's arguments, a spread of a constant array or string included; null if one is not constant. */
function argumentValues(list: readonly TSESTree.CallExpressionArgument[], env: Env, depth: number): Value[] | null {
  const args: Value[] = [];
  for (const a of list) {
    const v = single((a.type === 'SpreadElement' ? a.argument : a) as Node, env, depth + 1);
    if (v === NONE || (typeof v === 'object' && v !== null && !(v instanceof RegExp) && !Array.isArray(v))) return null;
    if (a.type === 'SpreadElement') {
      if (typeof v !== 'string' && !Array.isArray(v)) return null;
      args.push(...Array.from(v));
    } else args.push(v);
  }
  return args;
}

/**
 * A small pure callback (`(a, b) => a + '/' + b`, `(s) => s.trim()`) called with constant arguments: its
 * expression (or single return) evaluated with the parameters bound, through the operators, string methods,
 * templates and conditionals only. Anything else (a call of another function, a closure over a variable
 * that is not a constant) gives NONE.
 */
function callbackValue(fnNode: Node, args: Value[], env: Env, depth: number): Value | typeof NONE {
  const fn = unwrap(fnNode);
  if ((fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') || fn.async || fn.generator) return NONE;
  const bound = new Map<string, Value>();
  for (const [i, p] of fn.params.entries()) {
    if (p.type !== 'Identifier') return NONE;
    bound.set(p.name, args[i]);
  }
  let body: Node = fn.body;
  if (body.type === 'BlockStatement') {
    const only = body.body.length === 1 ? body.body[0] : null;
    if (only?.type !== 'ReturnStatement' || !only.argument) return NONE;
    body = only.argument;
  }
  const ev = (x: Node): Value | typeof NONE => {
    const e = unwrap(x);
    if (e.type === 'Identifier' && bound.has(e.name)) {
      // only the parameter itself: a shadowing declaration inside the body is not followed (none is possible in an expression body)
      return bound.get(e.name)!;
    }
    if (e.type === 'Literal' && !('regex' in e && e.regex)) return e.value as Value;
    if (e.type === 'TemplateLiteral') {
      let out = e.quasis[0]!.value.cooked ?? '';
      for (let i = 0; i < e.expressions.length; i++) {
        const v = ev(e.expressions[i] as Node);
        if (v === NONE || !primitive(v as Value)) return NONE;
        out += String(v) + (e.quasis[i + 1]!.value.cooked ?? '');
      }
      return out;
    }
    if (e.type === 'BinaryExpression' && e.left.type !== 'PrivateIdentifier') {
      const op = BINARY[e.operator];
      const a = ev(e.left);
      const b = op ? ev(e.right) : NONE;
      if (!op || a === NONE || b === NONE || !primitive(a) || !primitive(b)) return NONE;
      return op(a as never, b as never);
    }
    if (e.type === 'ConditionalExpression') {
      const t = ev(e.test);
      return t === NONE ? NONE : ev(t ? e.consequent : e.alternate);
    }
    if (e.type === 'CallExpression' && e.callee.type === 'MemberExpression' && !e.callee.computed && e.callee.property.type === 'Identifier') {
      const r = ev(e.callee.object);
      const key = e.callee.property.name;
      const a: Value[] = [];
      for (const arg of e.arguments) {
        const v = arg.type === 'SpreadElement' ? NONE : ev(arg);
        if (v === NONE) return NONE;
        a.push(v);
      }
      return r === NONE || typeof r === 'number' ? NONE : methodValue(r, key, a);
    }
    if (e.type === 'MemberExpression' && !e.computed && e.property.type === 'Identifier' && e.property.name === 'length') {
      const r = ev(e.object);
      return typeof r === 'string' || Array.isArray(r) ? r.length : NONE;
    }
    // a constant of the file (not a parameter): what it is everywhere
    if (e.type === 'Identifier' || e.type === 'MemberExpression') return single(e, env, depth + 1);
    return NONE;
  };
  return ev(body);
}

/** arr.map(cb), arr.reduce(cb, init), …: run over a constant array with a small pure callback; NONE otherwise. */
function callbackMethod(receiver: Value[], key: string, list: readonly TSESTree.CallExpressionArgument[], env: Env, depth: number): Value | typeof NONE {
  const cb = list[0];
  if (!cb || cb.type === 'SpreadElement' || receiver.length > 256) return NONE;
  const fnNode = derefNode(cb, env, depth + 1)?.node ?? cb;
  const call = (...a: Value[]): Value => {
    const v = callbackValue(fnNode, a, env, depth + 1);
    if (v === NONE) throw new Error('not evaluated');
    return v;
  };
  const rest = list.slice(1).map((a) => (a.type === 'SpreadElement' ? NONE : single(a as Node, env, depth + 1)));
  if (rest.includes(NONE)) return NONE;
  const arr = [...receiver];
  const r = arr as unknown as Record<string, (...x: unknown[]) => Value>;
  // (the callback is handed what the method hands it: the element, its index and the array, or the accumulator first)
  const wrapped = (...a: unknown[]) => call(...(a as Value[]));
  return key === 'reduce' || key === 'reduceRight' ? (rest.length ? r[key]!(wrapped, rest[0]) : r[key]!(wrapped)) : r[key]!(wrapped);
}

function callValues(n: TSESTree.CallExpression, env: Env, depth: number): Value[] | null {
  const callee = unwrap(n.callee);
  const callbackKey = callee.type === 'MemberExpression' ? memberKey(callee, env, depth) : null;
  if (callee.type === 'MemberExpression' && callbackKey !== null && CALLBACK_METHODS.has(callbackKey)) {
    const receivers = constantValues(callee.object, env, depth + 1);
    // (each value the receiver may have: an array changed in place has several)
    if (!receivers || !receivers.length || !receivers.every((r) => Array.isArray(r))) return null;
    const results: Value[] = [];
    for (const r of receivers) {
      let out: Value | typeof NONE = NONE;
      try {
        out = callbackMethod(r as Value[], callbackKey, n.arguments, env, depth);
      } catch {
        return null;
      }
      if (out === NONE || tooBig(out)) return null;
      results.push(out);
    }
    return results;
  }
  const args = argumentValues(n.arguments, env, depth);
  if (!args) return null;
  // amounts that would build huge strings are not evaluated
  if (args.some((a) => typeof a === 'number' && Math.abs(a) > MAX_LENGTH) || args.some((a) => typeof a === 'string' && /^\s*\d{5,}/.test(a))) return null;
  const run = (f: () => Value): Value | typeof NONE => {
    try {
      const v = f();
      return tooBig(v) ? NONE : v;
    } catch {
      return NONE;
    }
  };
  if (callee.type === 'MemberExpression') {
    const key = memberKey(callee, env, depth);
    // Buffer.from(s, enc).toString(enc2)
    const inner = unwrap(callee.object);
    if (key === 'toString' && inner.type === 'CallExpression' && globalName(inner.callee, env, depth) === 'Buffer.from') {
      const src = inner.arguments[0] ? single(inner.arguments[0] as Node, env, depth + 1) : NONE;
      const enc = inner.arguments[1] ? single(inner.arguments[1] as Node, env, depth + 1) : 'utf8';
      if (typeof src !== 'string' || typeof enc !== 'string' || (args[0] !== undefined && typeof args[0] !== 'string')) return null;
      const v = run(() => Buffer.from(src, enc as BufferEncoding).toString((args[0] as BufferEncoding | undefined) ?? 'utf8'));
      return v === NONE ? null : [v];
    }
    // f.apply(t, [a, b]) and f.call(t, a, b) of an evaluable function: String.fromCharCode.apply(null, codes), Array.prototype.join.call(parts, '/')
    if ((key === 'apply' || key === 'call') && unwrap(callee.object).type === 'MemberExpression') {
      const target = unwrap(callee.object) as TSESTree.MemberExpression;
      const method = memberKey(target, env, depth);
      const proto = globalName(target.object, env, depth);
      const list = key === 'call' ? args.slice(1) : Array.isArray(args[1]) ? (args[1] as Value[]) : args.length < 2 ? [] : null;
      if (list === null || method === null) return null;
      const self = args[0];
      let v: Value | typeof NONE = NONE;
      if ((proto === 'String.prototype' && typeof self === 'string') || (proto === 'Array.prototype' && Array.isArray(self))) v = run(() => methodValue(self, method, list) as Value);
      else {
        const g = globalName(target, env, depth);
        if (g !== null && g in GLOBAL_FUNCTIONS) v = run(() => GLOBAL_FUNCTIONS[g]!(...list));
      }
      return v === NONE || v === undefined ? null : [v];
    }
    if (key !== null && (STRING_METHODS.has(key) || ARRAY_METHODS.has(key) || NUMBER_METHODS.has(key))) {
      const receivers = constantValues(callee.object, env, depth + 1);
      if (!receivers) return null;
      const out: Value[] = [];
      for (const r of receivers) {
        const v = run(() => methodValue(r, key, args) as Value);
        if (v === NONE) return null;
        out.push(v);
      }
      return out;
    }
    // otherwise a global function reached as a member (String.fromCharCode, Array.of, path.basename)
  }
  const g = globalName(callee, env, depth);
  if (g === null || !(g in GLOBAL_FUNCTIONS)) return null;
  const v = run(() => GLOBAL_FUNCTIONS[g]!(...args));
  return v === NONE || v === undefined ? null : [v];
}

const BINARY: Partial<Record<string, (a: never, b: never) => Value>> = {
  '+': (a, b) => (a as number) + (b as number),
  '-': (a, b) => (a as number) - (b as number),
  '*': (a, b) => (a as number) * (b as number),
  '/': (a, b) => (a as number) / (b as number),
  '%': (a, b) => (a as number) % (b as number),
  '**': (a, b) => (a as number) ** (b as number),
  '|': (a, b) => (a as number) | (b as number),
  '&': (a, b) => (a as number) & (b as number),
  '^': (a, b) => (a as number) ^ (b as number),
  '<<': (a, b) => (a as number) << (b as number),
  '>>': (a, b) => (a as number) >> (b as number),
  '>>>': (a, b) => (a as number) >>> (b as number),
};
const UNARY: Partial<Record<string, (a: never) => Value>> = {
  '-': (a) => -(a as number),
  '+': (a) => +(a as number),
  '~': (a) => ~(a as number),
  '!': (a) => !a,
  'void': () => undefined,
};
const primitive = (v: Value): boolean => v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v);

/**
 * An operator over constants, with JavaScript's own semantics (96 + 1 is 97, not '961'; 1 + '1' is '11'):
 * every combination of the operands' values, or null when an operand is not a constant.
 */
export function operatorValues(n: TSESTree.BinaryExpression | TSESTree.UnaryExpression, env: Env, depth: number): Value[] | null {
  if (depth > MAX_EVAL_DEPTH) return null;
  if (n.type === 'UnaryExpression') {
    const op = UNARY[n.operator];
    const vs = op ? constantValues(n.argument, env, depth + 1) : null;
    if (!op || !vs || !vs.every(primitive)) return null;
    return vs.map((v) => op!(v as never));
  }
  const op = BINARY[n.operator];
  if (!op || n.left.type === 'PrivateIdentifier') return null;
  const left = constantValues(n.left, env, depth + 1);
  const right = left ? constantValues(n.right, env, depth + 1) : null;
  if (!left || !right || left.length * right.length > MAX_ALTERNATIVES || !left.every(primitive) || !right.every(primitive)) return null;
  const out: Value[] = [];
  for (const a of left) for (const b of right) out.push(op!(a as never, b as never));
  return out.some(tooBig) ? null : out;
}
