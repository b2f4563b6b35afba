import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';
import type { ParserOptions as OxcOptions } from 'oxc-parser';

/**
 * The boundary rules' ESLint parser: oxc-parser (native, ~10× faster than typescript-estree on this workspace's
 * files) builds the TS-ESTree syntax tree, typescript-eslint's scope manager analyses it, exactly as
 * @typescript-eslint/parser would. Parsing dominated a cold check (about half its CPU time), which is why this
 * exists at all; no published parser pairs oxc with the typescript-eslint scope manager.
 *
 * It fails towards typescript-eslint, never towards a pass: a file oxc reports any error for, a runtime where the
 * native binding cannot load, or an unexpected exception, is parsed by @typescript-eslint/parser instead, which
 * either gives its tree or throws its own syntax error (a parse failure, which the check reports). The trees the
 * two build are held equal over the whole workspace by test/parser-equivalence.test.ts.
 */

type Oxc = typeof import('oxc-parser');
type TsParser = typeof import('@typescript-eslint/parser');
type ScopeManagerModule = typeof import('@typescript-eslint/scope-manager');
type VisitorKeysModule = typeof import('@typescript-eslint/visitor-keys');

const require = createRequire(import.meta.url);
let oxc: Oxc | null | undefined;
let tsParser: TsParser | undefined;
let scopeManager: ScopeManagerModule | undefined;
let keys: VisitorKeysModule['visitorKeys'] | undefined;

function loadOxc(): Oxc | null {
  if (oxc === undefined) {
    try {
      oxc = process.env.BOUNDARIES_PARSER === 'typescript-eslint' ? null : (require('oxc-parser') as Oxc);
    } catch {
      oxc = null; // no native binding for this platform: typescript-eslint parses every file
    }
  }
  return oxc;
}
const loadTsParser = () => (tsParser ??= require('@typescript-eslint/parser') as TsParser);
const loadScopeManager = () => (scopeManager ??= require('@typescript-eslint/scope-manager') as ScopeManagerModule);
export const visitorKeysOf = () => (keys ??= (require('@typescript-eslint/visitor-keys') as VisitorKeysModule).visitorKeys);

/**
 * Both parsers analyse scopes without TypeScript's lib globals (`lib: []`): the rules treat a name no declaration
 * binds as a global whether or not a lib variable stands for it, and declaring the default lib's ~190 names in every file
 * was a third of the scope analysis.
 */
export interface BoundaryParserOptions {
  filePath?: string;
  sourceType?: 'module' | 'script' | 'commonjs';
  ecmaFeatures?: { jsx?: boolean; globalReturn?: boolean };
  [key: string]: unknown;
}

export interface ParseOutput {
  ast: TSESTree.Program;
  scopeManager: TSESLint.Scope.ScopeManager;
  visitorKeys: Record<string, readonly string[]>;
  services: Record<string, unknown>;
  /** which parser built the tree (tests and the benchmark read it) */
  parsedBy: 'oxc' | 'typescript-eslint';
}

/** The language oxc parses a file as, as typescript-estree chooses it: by extension, JSX in .tsx and (with the jsx option) in JS files. */
function langOf(filePath: string, jsx: boolean): OxcOptions['lang'] {
  const base = path.basename(filePath).toLowerCase();
  if (/\.d\.[cm]?ts$/.test(base)) return 'dts';
  if (base.endsWith('.tsx')) return 'tsx';
  if (/\.[cm]?ts$/.test(base)) return 'ts';
  return jsx ? 'jsx' : 'js';
}

/** Offsets of each line's first character; CRLF, CR, LS and PS end lines as they do for ESLint. */
function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|[\n\r\u2028\u2029]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/**
 * Gives the Program and the comments ESLint's `loc` (oxc gives UTF-16 `start`/`end` offsets and, asked, `range`, as
 * ESLint counts). Other nodes get no `loc`: walking every node for it cost more than the rest of the conversion,
 * and only reported nodes need one, which the boundary rules compute from the range (rules/report.ts).
 */
function addLocations(program: { start: number; end: number }, comments: Array<{ start: number; end: number }>, text: string): void {
  const starts = lineStarts(text);
  const position = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! };
  };
  for (const node of [program, ...comments] as Array<{ start: number; end: number; range?: [number, number]; loc?: unknown }>) {
    node.range = [node.start, node.end];
    node.loc = { start: position(node.start), end: position(node.end) };
  }
}

function viaTypescriptEslint(code: string, options: BoundaryParserOptions): ParseOutput {
  const result = loadTsParser().parseForESLint(code, { lib: [], ...options } as Parameters<TsParser['parseForESLint']>[1]);
  return { ...(result as unknown as Omit<ParseOutput, 'parsedBy'>), parsedBy: 'typescript-eslint' };
}

function viaOxc(parser: Oxc, code: string, options: BoundaryParserOptions): ParseOutput | null {
  const filePath = options.filePath ?? 'file.ts';
  const sourceType = options.sourceType === 'module' ? 'module' : 'script';
  const globalReturn = options.ecmaFeatures?.globalReturn === true || options.sourceType === 'commonjs';
  const result = parser.parseSync(filePath, code, {
    lang: langOf(filePath, options.ecmaFeatures?.jsx === true),
    // oxc's 'commonjs' is a script that may return at the top level, as typescript-estree's globalReturn
    sourceType: sourceType === 'script' && globalReturn ? 'commonjs' : sourceType,
    astType: 'ts',
    range: true,
    preserveParens: false,
  });
  if (result.errors.length > 0) return null;
  const ast = result.program as unknown as TSESTree.Program & { hashbang?: unknown; tokens?: unknown; comments?: unknown };
  const comments = result.comments.map((c) => ({ type: c.type, value: c.value, start: c.start, end: c.end }));
  addLocations(ast as unknown as { start: number; end: number }, comments, code);
  delete ast.hashbang; // ESLint turns a shebang into a comment before parsing; another parser's key is not expected
  ast.sourceType = sourceType;
  ast.comments = comments as unknown as TSESTree.Comment[];
  // no rule here reads tokens; ESLint only needs the array (its token store and directive scan work from comments)
  ast.tokens = [];
  const analyzed = loadScopeManager().analyze(ast, { globalReturn, sourceType, lib: (options.lib ?? []) as never });
  return {
    ast,
    scopeManager: analyzed as unknown as TSESLint.Scope.ScopeManager,
    visitorKeys: visitorKeysOf() as Record<string, readonly string[]>,
    services: {},
    parsedBy: 'oxc',
  };
}

export function parseForESLint(code: string, options: BoundaryParserOptions = {}): ParseOutput {
  const parser = loadOxc();
  if (parser) {
    let out: ParseOutput | null = null;
    try {
      out = viaOxc(parser, code, options);
    } catch {
      out = null; // typescript-eslint decides
    }
    if (out) return out;
  }
  return viaTypescriptEslint(code, options);
}

/** The ESLint parser object (flat config `languageOptions.parser`). */
export const boundaryParser = { meta: { name: '@luthier/boundaries/parser', version: '1.0.0' }, parseForESLint } as unknown as Linter.Parser;
