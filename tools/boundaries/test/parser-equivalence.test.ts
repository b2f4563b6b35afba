import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { parseForESLint } from '../src/parser/index.js';
import { WORKSPACE_ROOT } from '../src/policy/load.js';
import { walkWorkspace } from '../src/runner/walk.js';

/**
 * The boundary parser (oxc, then typescript-eslint's scope manager) must build the tree and scopes that
 * @typescript-eslint/parser builds: every rule was written and tested against that tree. Held over every source
 * file of this workspace and over snippets of every syntax the rules look at.
 */

// positions, parents and token lists are not compared; an absent key, null and an unset flag mean the same thing
const POSITIONAL = new Set(['loc', 'range', 'start', 'end', 'parent', 'tokens', 'comments']);
const FLAGS = new Set(['optional', 'declare', 'definite', 'abstract', 'override', 'readonly', 'static', 'computed', 'async', 'generator', 'expression', 'prefix', 'method', 'shorthand', 'delegate', 'await', 'global', 'const', 'in', 'out', 'accessor', 'export', 'isTypeOf']);

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (value instanceof RegExp) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  // every node's range is compared (a report's line and column come from it), but the Program's: typescript-estree starts it at the first token
  const node = value as { type?: unknown; range?: unknown };
  if (typeof node.type === 'string' && node.type !== 'Program' && Array.isArray(node.range)) out.range = node.range;
  for (const k of Object.keys(value).sort()) {
    if (POSITIONAL.has(k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || v === null || (v === false && FLAGS.has(k)) || (k === 'decorators' && Array.isArray(v) && v.length === 0)) continue;
    out[k] = normalise(v);
  }
  return out;
}

/** Each scope's kind, its variables with their definition kinds, and each reference's name and resolution. */
function scopeSummary(sm: TSESLint.Scope.ScopeManager): unknown {
  return sm.scopes.map((s) => ({
    type: s.type,
    variables: s.variables.map((v) => `${v.name}:${v.defs.map((d) => d.type).join(',')}:${v.references.length}`).sort(),
    references: s.references.map((r) => `${r.identifier.name}->${r.resolved ? r.resolved.scope.type : 'through'}:${r.isValueReference ? 'v' : ''}${r.isTypeReference ? 't' : ''}${r.isWrite() ? 'w' : ''}`).sort(),
    through: s.through.length,
  }));
}

function both(code: string, filePath: string, sourceType: 'module' | 'commonjs' = 'module') {
  const options = { filePath, sourceType, ecmaVersion: 'latest', ecmaFeatures: { jsx: true, globalReturn: sourceType === 'commonjs' } } as const;
  const ours = parseForESLint(code, options);
  const reference = tsParser.parseForESLint(code, { ...options, sourceType: sourceType === 'commonjs' ? 'script' : 'module', lib: [] } as never);
  return { ours, reference };
}

function assertSame(code: string, filePath: string, sourceType: 'module' | 'commonjs' = 'module') {
  const { ours, reference } = both(code, filePath, sourceType);
  assert.equal(ours.parsedBy, 'oxc', `${filePath}: oxc did not parse it, so this compares typescript-eslint with itself`);
  assert.deepEqual(normalise(ours.ast), normalise(reference.ast), `${filePath}: the syntax trees differ`);
  assert.deepEqual(scopeSummary(ours.scopeManager), scopeSummary(reference.scopeManager as unknown as TSESLint.Scope.ScopeManager), `${filePath}: the scopes differ`);
}

describe('the boundary parser builds the tree @typescript-eslint/parser builds', () => {
  test('every source file of this workspace', () => {
    const files = walkWorkspace(WORKSPACE_ROOT).sources;
    assert.ok(files.length > 100, 'the workspace walk found the sources');
    for (const rel of files) {
      const code = readFileSync(path.join(WORKSPACE_ROOT, rel), 'utf8').replace(/^#!.*/, (m) => `//${m.slice(2)}`);
      assertSame(code, path.join(WORKSPACE_ROOT, rel), /\.c[jt]s$/.test(rel) ? 'commonjs' : 'module');
    }
  });

  const SNIPPETS: Array<[string, string]> = [
    ['imports.ts', "import a, { b as c, 'd-e' as f } from 'x'; import * as ns from 'y'; import type { T } from 'z'; import g = require('h'); export * from 'i'; export * as j from 'k'; export { l as default } from 'm'; const n = await import(`o${1}`);"],
    ['calls.ts', "const { approveWorkflow: a = () => 0, ...rest } = deps; a?.call?.(null, 1); deps!['x' + 'y'](...args); (0, eval)('1'); new Function('a', 'b'); Reflect.apply(f, t, [1]); f.bind(null)(2); obj?.a!.b?.[c];"],
    ['types.ts', 'type A<T> = { [K in keyof T]: T[K] extends Function ? K : never }; interface B extends C<D> { e?: string; readonly f: number } enum E { a = 1, b = "x" } declare module "m" { export const q: number } namespace N { export const r = 1 } let s = <any>t as unknown satisfies object; abstract class F<const G> { private constructor(public h = 1, readonly i?: string) { super() } abstract j(): void; static { k() } accessor l = 1; #m = 2; }'],
    ['paths.ts', "import path from 'node:path'; import * as fs from 'node:fs/promises'; const root = process.env.RMOS_DATA_DIR ?? 'data'; await fs.writeFile(path.join(root, `runs/${id}.json`), body); for (const p of ['a', 'b']) fs.rm(root + '/' + p); label: while (x) { break label; } switch (k) { case 1: { let y = 2; } default: }"],
    ['strings.ts', "const a = String.raw`x\\ny${1}`; const b = 'é😀' + \"\\u0061\" + `\\``; const c = /re[g]/giu; const d = 10n; const e = 0x1f; const f = 1_000; const g = tag`a${b}c`; const h = `${`${'nested'}`}`;"],
    ['classes.ts', 'export default class extends Base { @dec() method(@p a: string): void {} get x() { return 1 } set x(v) {} static async *gen() { yield* other(); } } export const fn = async <T,>(a: T = 1 as T, { b, c: [d] }: any = {}) => { for await (const e of f) {} };'],
    ['view.tsx', 'export const V = (p: { a: string }) => <div className={p.a} {...rest}><>{items.map((i) => <Item key={i} />)}</></div>;'],
    ['script.cjs', "const fs = require('fs'); module.exports = { save: (p) => fs.writeFileSync(p, 'x') }; if (x) return;"],
    ['plain.js', 'export function f(a, b = a) { return arguments[0] + b; } with (o) { g(); } var h = function h() { h = 1; };'],
  ];
  for (const [name, code] of SNIPPETS) {
    test(`syntax snippet ${name}`, () => assertSame(code, path.join(WORKSPACE_ROOT, 'libs/experimental/ai/src', name), name.endsWith('.cjs') ? 'commonjs' : 'module'));
  }

  test('a syntax error is typescript-eslint\'s to report: oxc never turns it into a tree', () => {
    assert.throws(() => parseForESLint('const = 1;', { filePath: '/x/a.ts', sourceType: 'module' }));
    // a file oxc refuses but typescript-eslint accepts (type annotations in a .js file) is still parsed, by the fallback
    const out = parseForESLint('const a: number = 1;', { filePath: '/x/a.js', sourceType: 'module', ecmaFeatures: { jsx: true } });
    assert.equal(out.parsedBy, 'typescript-eslint');
    assert.equal(out.ast.body.length, 1);
  });
});
