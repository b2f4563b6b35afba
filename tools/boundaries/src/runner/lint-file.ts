import path from 'node:path';
import { createRequire } from 'node:module';
import type { Linter } from 'eslint';
import { boundaryConfig } from '../eslint-config.js';
import type { Policy } from '../policy/schema.js';
import { rememberParsed } from '../workspace/constants.js';
import { takeDependencies } from '../workspace/dependency-log.js';
import type { ParsedModule } from '../workspace/parse-memo.js';
import { prepareConfig } from './config-array.js';
import { lintDirect } from './direct-lint.js';
import type { FileResult, Violation } from './types.js';

/** A file that does not parse cannot be checked: that is itself a failure, never a pass. */
export const PARSE_ERROR_RULE = 'boundaries/parse-error';

export interface LinterSetup {
  root: string;
  policy: Policy;
  today?: string;
  /** run every file through ESLint's Linter.verify (the direct runner's equivalence test compares the two) */
  eslintRunner?: boolean;
}

/** Normalised text of a source line (whitespace collapsed): what a SARIF fingerprint hashes instead of a line number. */
export function normaliseLine(text: string, line: number): string {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text
    .slice(start, end < 0 ? undefined : end)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 240);
}

/**
 * ESLint's own notes about directive comments ("has no effect because you have
 * noInlineConfig") are warnings without a rule: the directive itself is reported by
 * boundaries/no-inline-suppression, so they are dropped. Anything else without a rule
 * (a parse failure) stays, as a failure.
 */
function isFinding(m: Linter.LintMessage): boolean {
  return Boolean(m.ruleId) || Boolean(m.fatal) || m.severity === 2;
}

/** Builds the ESLint `Linter` with the boundary config once, and checks files with it. */
export function createFileLinter(setup: LinterSetup): (rel: string, text: string) => FileResult {
  // ESLint's Linter is loaded only when a file needs it (its package entry loads all of ESLint, ~0.2 s of a one-file check)
  let linterInstance: Linter | null = null;
  const linter = () => (linterInstance ??= new (createRequire(import.meta.url)('eslint') as typeof import('eslint')).Linter({ cwd: setup.root, configType: 'flat' }));
  const config = prepareConfig(boundaryConfig({ root: setup.root, policy: setup.policy, ...(setup.today ? { today: setup.today } : {}) }), setup.root);
  const resolved = (abs: string) => (setup.eslintRunner ? null : (config as { getConfig?(file: string): unknown }).getConfig?.(abs) ?? null);
  return (rel, text) => {
    const abs = path.join(setup.root, rel);
    takeDependencies(abs); // start from a clean log for this file
    let messages: Linter.LintMessage[];
    try {
      const fileConfig = resolved(abs);
      const direct = fileConfig ? lintDirect(text, abs, fileConfig as Parameters<typeof lintDirect>[2]) : null;
      if (!direct) takeDependencies(abs); // a file the direct runner gave up on is checked afresh by ESLint
      messages = direct ? direct.messages : linter().verify(text, config, { filename: abs });
      // files import their neighbours: the next file's constant lookups can reuse this parse instead of parsing again
      const source = (direct ? direct.sourceCode : linter().getSourceCode()) as unknown as Partial<ParsedModule> | null;
      if (source?.ast && source.scopeManager && !messages.some((m) => m.fatal)) rememberParsed(abs, text, source as ParsedModule);
    } catch (err) {
      // a rule that throws has not checked the file: report it rather than pass it
      messages = [{ ruleId: 'boundaries/internal-error', message: `the check crashed: ${(err as Error).message}`, line: 1, column: 1, severity: 2 }];
    }
    const violations: Violation[] = messages.filter(isFinding).map((m) => ({
      file: rel,
      line: m.line || 1,
      column: m.column || 1,
      ...(m.endLine ? { endLine: m.endLine, endColumn: m.endColumn } : {}),
      rule: m.ruleId ?? PARSE_ERROR_RULE,
      message: m.ruleId ? m.message : `cannot be parsed, so it cannot be checked: ${m.message}`,
      context: normaliseLine(text, m.line || 1),
    }));
    const dependencies = takeDependencies(abs)
      .map((dep) => path.relative(setup.root, dep).split(path.sep).join('/'))
      .filter((dep) => !dep.startsWith('..'));
    return { violations, dependencies };
  };
}
