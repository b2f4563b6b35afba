import { describe, it } from 'node:test';
import { RuleTester, type Linter, type Rule } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { boundaryParser } from '../parser/index.js';
import { loadPolicy, WORKSPACE_ROOT } from '../policy/load.js';
import type { Policy } from '../policy/schema.js';

// RuleTester reports through these hooks; node:test runs them
RuleTester.describe = describe as unknown as typeof RuleTester.describe;
RuleTester.it = it as unknown as typeof RuleTester.it;
RuleTester.itOnly = it.only as unknown as typeof RuleTester.itOnly;

export const ROOT = WORKSPACE_ROOT;
export const POLICY = loadPolicy().policy;

/** A RuleTester wired to the boundary settings, for a workspace root and policy. */
export function boundaryTester(root = ROOT, policy: Policy = POLICY, today?: string): RuleTester {
  return new RuleTester({
    languageOptions: { parser: boundaryParser, ecmaVersion: 'latest', sourceType: 'module' },
    // as in boundaryConfig: inline config cannot silence anything; the rule reports it
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    settings: { boundaries: { root, policy, ...(today ? { today } : {}) } },
  });
}

export const AI = `${ROOT}/libs/experimental/ai/src/x.ts`;
export const GRAPHICS = `${ROOT}/libs/experimental/ai-graphics/src/x.ts`;
export const WORKFLOW = `${ROOT}/libs/rmos/workflow/src/x.ts`;
export const RUNS = `${ROOT}/libs/rmos/runs/src/x.ts`;
export const CONTRACTS = `${ROOT}/libs/rmos/contracts/src/x.ts`;
export const HASHING = `${ROOT}/libs/shared/hashing/src/x.ts`;
export const API = `${ROOT}/apps/api/src/x.ts`;
export const TOOLING = `${ROOT}/tools/boundaries/src/x.ts`;

/** typescript-eslint's rule type and ESLint's differ only in typing; at run time they are the same object. */
export function asEslintRule(rule: TSESLint.RuleModule<string, readonly unknown[]>): Rule.RuleModule {
  return rule as unknown as Rule.RuleModule;
}
